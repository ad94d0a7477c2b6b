import { queryOptions } from '@tanstack/react-query'
import type { SeamConnectClient } from '../client/create-seam-connect-client.js'
import { seamConnectKeys } from './keys.js'

/**
 * Query options for one connected account. `retry` is off because the client already retries
 * network errors, 5xx and 429 with backoff.
 */
export function connectedAccountQueryOptions(
  client: SeamConnectClient,
  connectedAccountId: string,
) {
  return queryOptions({
    queryKey: seamConnectKeys.connectedAccount(client, connectedAccountId),
    queryFn: ({ signal }) =>
      client.connectedAccounts.get({ connected_account_id: connectedAccountId }, { signal }),
    retry: false,
  })
}
