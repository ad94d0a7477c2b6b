import { infiniteQueryOptions } from '@tanstack/react-query'
import type { SeamConnectClient } from '../client/create-seam-connect-client.js'
import type { ListFilters } from '../schemas/list.js'
import { seamConnectKeys } from './keys.js'
import { listPageParams, nextPageCursor, type ListPageParam } from './list-pages.js'

/**
 * Infinite query options for `/connect_webviews/list`, one page per cursor (for
 * `useInfiniteQuery`, `prefetchInfiniteQuery`, or `useConnectWebviews`). Filters are checked
 * before the first request: a bad one is a `SeamInvalidInputError` and no request goes out.
 * A created or completed Connect Webview invalidates every webview list.
 *
 * @example
 * useInfiniteQuery(connectWebviewsQueryOptions(client, { customMetadataHas: { tenant_id: 'acme' } }))
 */
export function connectWebviewsQueryOptions(client: SeamConnectClient, filters: ListFilters = {}) {
  return infiniteQueryOptions({
    queryKey: seamConnectKeys.connectWebviewList(client, filters),
    queryFn: ({ pageParam, signal }) =>
      client.connectWebviews.list(
        listPageParams(filters, pageParam, 'connectWebviewsQueryOptions'),
        {
          signal,
        },
      ),
    initialPageParam: null as ListPageParam,
    getNextPageParam: nextPageCursor,
    // The client already retries network errors, 5xx and 429 with backoff.
    retry: false,
  })
}
