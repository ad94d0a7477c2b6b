import { queryOptions, type QueryClient } from '@tanstack/react-query'
import type { SeamConnectClient } from '../client/create-seam-connect-client.js'
import { SeamConnectWebviewFailedError, SeamResponseParseError } from '../errors/errors.js'
import type { ConnectWebviewQueryOptions } from './connect-webview-query-options.js'
import {
  CONNECTED_ACCOUNT_STALE_TIME,
  connectedAccountQueryOptions,
} from './connected-account-query-options.js'
import { seamConnectKeys } from './keys.js'
import { checkPollInterval } from './poll-interval.js'
import { waitForSettledWebview } from './wait-for-settled-webview.js'

export interface ConnectedAccountByConnectWebviewQueryOptions extends ConnectWebviewQueryOptions {
  /** The app's QueryClient: the webview and the account are read through (and cached in) it. */
  queryClient: QueryClient
}

/**
 * Query options for the connected account that a Connect Webview created, following Seam's steps
 * (https://docs.seam.co/latest/core-concepts/connect-webviews/attaching-custom-data-to-the-connect-webview):
 * get the webview, wait while it is `pending`, take its `connected_account_id`, get the account.
 * A `failed` webview rejects with {@link SeamConnectWebviewFailedError}.
 */
export function connectedAccountByConnectWebviewQueryOptions(
  client: SeamConnectClient,
  connectWebviewId: string,
  { queryClient, ...webviewOptions }: ConnectedAccountByConnectWebviewQueryOptions,
) {
  // Checked now, at render, rather than when the query function first runs.
  if (webviewOptions.pollInterval !== undefined) {
    checkPollInterval(webviewOptions.pollInterval, 'useConnectedAccountMetadata')
  }
  return queryOptions({
    queryKey: seamConnectKeys.connectedAccountByConnectWebview(client, connectWebviewId),
    queryFn: async ({ signal }) => {
      const webview = await waitForSettledWebview(
        queryClient,
        client,
        connectWebviewId,
        webviewOptions,
        signal,
      )
      if (webview.status === 'failed') {
        throw new SeamConnectWebviewFailedError({ connectWebviewId })
      }
      const accountId = webview.connected_account_id
      if (accountId === null) {
        throw new SeamResponseParseError(
          '/connect_webviews/get: an authorized Connect Webview has no connected_account_id',
          [{ path: ['connected_account_id'], message: 'expected a string' }],
        )
      }
      return queryClient.fetchQuery(connectedAccountQueryOptions(client, accountId))
    },
    staleTime: CONNECTED_ACCOUNT_STALE_TIME,
    retry: false,
  })
}
