'use client'

import {
  useInfiniteQuery,
  type InfiniteData,
  type UseInfiniteQueryResult,
} from '@tanstack/react-query'
import { useCallback } from 'react'
import type { SeamConnectError } from '../errors/errors.js'
import { connectWebviewsQueryOptions } from '../query/connect-webviews-query-options.js'
import { selectListData, type ListData, type ListPageParam } from '../query/list-pages.js'
import type { ConnectWebview } from '../schemas/connect-webview.js'
import type { ListFilters, Page } from '../schemas/list.js'
import type { StandardSchemaV1 } from '../schemas/standard-schema.js'
import type { MetadataInputOf, WithMetadataOf } from '../schemas/typed-metadata.js'
import { useRequiredClient } from './seam-connect-context.js'
import type { UseListOptions } from './use-connected-accounts.js'

/**
 * The Connect Webviews matching `filters`, one page per request, over Seam's cursor pagination
 * (`useInfiniteQuery` over `connectWebviewsQueryOptions`), exactly as `useConnectedAccounts`
 * lists accounts: `data.pages`, `fetchNextPage`, `hasNextPage` and `data.items`; `null` in
 * `customMetadataHas` matches an unset key; a bad filter sends nothing; `schema` validates and
 * types each webview's `custom_metadata`. A created or completed webview refreshes every list.
 *
 * Each webview's `url` carries an `auth_token`: never log the items.
 *
 * @example
 * const { data } = useConnectWebviews({ customMetadataHas: { tenant_id: 'acme' } })
 * const pending = data?.items.filter((webview) => webview.status === 'pending')
 */
export function useConnectWebviews<S extends StandardSchemaV1 | undefined = undefined>(
  filters?: ListFilters<MetadataInputOf<S>>,
  options?: UseListOptions<S>,
): UseInfiniteQueryResult<ListData<WithMetadataOf<ConnectWebview, S>>, SeamConnectError>
export function useConnectWebviews(
  filters: ListFilters = {},
  { schema, enabled = true }: UseListOptions<StandardSchemaV1 | undefined> = {},
): UseInfiniteQueryResult<ListData<unknown>, SeamConnectError> {
  const client = useRequiredClient('useConnectWebviews()')
  const select = useCallback(
    (data: InfiniteData<Page<ConnectWebview>, ListPageParam>) => selectListData(data, schema),
    [schema],
  )
  return useInfiniteQuery({ ...connectWebviewsQueryOptions(client, filters), select, enabled })
}
