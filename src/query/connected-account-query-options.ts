import { queryOptions } from '@tanstack/react-query'
import type { SeamConnectClient } from '../client/create-seam-connect-client.js'
import { seamConnectKeys } from './keys.js'

/** How long a read account counts as fresh: its metadata changes only through a reconnect or an update. */
export const CONNECTED_ACCOUNT_STALE_TIME = 60_000

/**
 * Query options for one connected account, fresh for a minute (invalidate
 * `seamConnectKeys.connectedAccounts(client)` after updating one). `retry` is off because the
 * client already retries network errors, 5xx and 429 with backoff.
 */
export function connectedAccountQueryOptions(
  client: SeamConnectClient,
  connectedAccountId: string,
) {
  return queryOptions({
    queryKey: seamConnectKeys.connectedAccount(client, connectedAccountId),
    queryFn: ({ signal }) =>
      client.connectedAccounts.get({ connected_account_id: connectedAccountId }, { signal }),
    staleTime: CONNECTED_ACCOUNT_STALE_TIME,
    retry: false,
  })
}
