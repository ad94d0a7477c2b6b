import { infiniteQueryOptions } from '@tanstack/react-query'
import type { SeamConnectClient } from '../client/create-seam-connect-client.js'
import type { ListFilters } from '../schemas/list.js'
import { CONNECTED_ACCOUNT_STALE_TIME } from './connected-account-query-options.js'
import { seamConnectKeys } from './keys.js'
import { listPageParams, nextPageCursor, type ListPageParam } from './list-pages.js'

/**
 * Infinite query options for `/connected_accounts/list`, one page per cursor (for
 * `useInfiniteQuery`, `prefetchInfiniteQuery`, or `useConnectedAccounts`). Filters are checked
 * before the first request: a bad one is a `SeamInvalidInputError` and no request goes out.
 * Fresh for a minute, like one account; an update through `useUpdateConnectedAccountMetadata`
 * and a completed Connect Webview invalidate every account list.
 *
 * @example
 * useInfiniteQuery(connectedAccountsQueryOptions(client, { customMetadataHas: { tenant_id: 'acme' } }))
 */
export function connectedAccountsQueryOptions(
  client: SeamConnectClient,
  filters: ListFilters = {},
) {
  return infiniteQueryOptions({
    queryKey: seamConnectKeys.connectedAccountList(client, filters),
    queryFn: ({ pageParam, signal }) =>
      client.connectedAccounts.list(
        listPageParams(filters, pageParam, 'connectedAccountsQueryOptions'),
        {
          signal,
        },
      ),
    initialPageParam: null as ListPageParam,
    getNextPageParam: nextPageCursor,
    staleTime: CONNECTED_ACCOUNT_STALE_TIME,
    // The client already retries network errors, 5xx and 429 with backoff.
    retry: false,
  })
}
