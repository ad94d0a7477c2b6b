import { queryOptions } from '@tanstack/react-query'
import type { SeamConnectClient } from '../client/create-seam-connect-client.js'
import { CONNECTED_ACCOUNT_STALE_TIME } from './connected-account-query-options.js'
import { seamConnectKeys } from './keys.js'

/**
 * Query options for the connected account that a Connect Webview created, once the webview names
 * it: the dependent half of Seam's steps (docs/seam-api.md §8). Use it
 * after `connectWebviewQueryOptions` says `authorized`, with that webview's `connected_account_id`.
 *
 * Its key names the webview as well as the account: reconnecting an account through a new
 * webview replaces the account's metadata, so a copy read before (through an older webview, or
 * by id) is never taken for this webview's result.
 *
 * `retry` is off because the client already retries network errors, timeouts, 408, 429 and 5xx.
 */
export function connectedAccountByConnectWebviewQueryOptions(
  client: SeamConnectClient,
  connectWebviewId: string,
  connectedAccountId: string,
) {
  return queryOptions({
    queryKey: seamConnectKeys.connectedAccountByConnectWebview(
      client,
      connectWebviewId,
      connectedAccountId,
    ),
    queryFn: ({ signal }) =>
      client.connectedAccounts.get({ connected_account_id: connectedAccountId }, { signal }),
    staleTime: CONNECTED_ACCOUNT_STALE_TIME,
    retry: false,
  })
}
