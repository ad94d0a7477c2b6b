import { QueryObserver, queryOptions, type QueryClient } from '@tanstack/react-query'
import type { SeamConnectClient } from '../client/create-seam-connect-client.js'
import {
  SeamConnectWebviewFailedError,
  SeamResponseParseError,
  isTransientSeamError,
} from '../errors/errors.js'
import type { ConnectWebview } from '../schemas/connect-webview.js'
import {
  connectWebviewQueryOptions,
  isSettledConnectWebview,
  type ConnectWebviewQueryOptions,
} from './connect-webview-query-options.js'
import {
  CONNECTED_ACCOUNT_STALE_TIME,
  connectedAccountQueryOptions,
} from './connected-account-query-options.js'
import { seamConnectKeys } from './keys.js'

export interface ConnectedAccountByConnectWebviewQueryOptions extends ConnectWebviewQueryOptions {
  /** The app's QueryClient: the webview and the account are read through (and cached in) it. */
  queryClient: QueryClient
  /**
   * Account data received at or after this time (ms since the epoch) is used as it is. Without
   * it, the account is always read again once the webview is authorized: a reconnect through this
   * webview has just replaced the account's metadata, so a cached copy may be out of date.
   */
  accountFreshSince?: () => number
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
  { queryClient, pollInterval, accountFreshSince }: ConnectedAccountByConnectWebviewQueryOptions,
) {
  // Built now, so that a bad pollInterval throws at render rather than when the query runs.
  const webviewQuery = connectWebviewQueryOptions(client, connectWebviewId, { pollInterval })
  return queryOptions({
    queryKey: seamConnectKeys.connectedAccountByConnectWebview(client, connectWebviewId),
    queryFn: async ({ signal }) => {
      const webview = await new Promise<ConnectWebview>((resolve, reject) => {
        // The webview's own query: polling is shared with useConnectWebview and paused while the
        // page is hidden, and anything else that writes the webview (the frame) settles the wait.
        const observer = new QueryObserver(queryClient, webviewQuery)
        const check = () => {
          const { data, error } = observer.getCurrentResult()
          if (signal.aborted) reject(signal.reason)
          else if (isSettledConnectWebview(data)) resolve(data as ConnectWebview)
          // A definite error ends the wait; a transient one only ends it when there is nothing
          // to wait on yet (the caller retries), otherwise the next poll tries again.
          else if (error && (!data || !isTransientSeamError(error))) reject(error)
          else return
          unsubscribe()
        }
        const unsubscribe = observer.subscribe(check)
        signal.addEventListener('abort', check, { once: true })
        // A webview already settled in the cache is fresh forever, so no notification would come.
        check()
      })
      if (webview.status === 'failed') throw new SeamConnectWebviewFailedError({ connectWebviewId })
      const accountId = webview.connected_account_id
      if (accountId === null) {
        throw new SeamResponseParseError(
          '/connect_webviews/get: an authorized Connect Webview has no connected_account_id',
          [{ path: ['connected_account_id'], message: 'expected a string' }],
        )
      }
      const since = accountFreshSince?.() || Infinity
      return queryClient.fetchQuery({
        ...connectedAccountQueryOptions(client, accountId),
        // A read still in flight is joined rather than repeated.
        staleTime: (query) => (query.state.dataUpdatedAt >= since ? Infinity : 0),
      })
    },
    staleTime: CONNECTED_ACCOUNT_STALE_TIME,
    retry: false,
  })
}
