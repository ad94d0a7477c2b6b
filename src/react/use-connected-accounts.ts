'use client'

import {
  useInfiniteQuery,
  type InfiniteData,
  type UseInfiniteQueryResult,
} from '@tanstack/react-query'
import { useCallback } from 'react'
import type { SeamConnectError } from '../errors/errors.js'
import { connectedAccountsQueryOptions } from '../query/connected-accounts-query-options.js'
import { selectListData, type ListData, type ListPageParam } from '../query/list-pages.js'
import type { ConnectedAccount } from '../schemas/connected-account.js'
import type { ListFilters, Page } from '../schemas/list.js'
import type { StandardSchemaV1 } from '../schemas/standard-schema.js'
import type { MetadataInputOf, WithMetadataOf } from '../schemas/typed-metadata.js'
import { useRequiredClient } from './seam-connect-context.js'

/** Options of `useConnectedAccounts` and `useConnectWebviews`. */
export interface UseListOptions<S extends StandardSchemaV1 | undefined> {
  /** A Standard Schema that validates and types each item's `custom_metadata`. */
  schema?: S
  /** `false` keeps the query idle. Default `true`. */
  enabled?: boolean
}

/**
 * The connected accounts matching `filters`, one page per request, over Seam's cursor pagination
 * (`useInfiniteQuery` over `connectedAccountsQueryOptions`): `data.pages`, `fetchNextPage`,
 * `hasNextPage`, and `data.items`, every item fetched so far.
 *
 * - `customMetadataHas` matches accounts holding every pair; `null` matches a key that is not set.
 * - Filters are checked before the first request: a bad one is the query's
 *   `SeamInvalidInputError`, and no request goes out.
 * - With `schema`, each account's `custom_metadata` is validated and typed by it; a mismatch is
 *   a `SeamResponseParseError`.
 * - A completed Connect Webview and `useUpdateConnectedAccountMetadata` refresh every list.
 *
 * With a client session token, Seam lists only that session's accounts (and may need a
 * customer-scoped session, docs/seam-api.md §2); behind `react-seam-connect/server`, the signed-in
 * user's own.
 *
 * @example
 * const { data, hasNextPage, fetchNextPage } = useConnectedAccounts({ customMetadataHas: { tenant_id: 'acme' }, limit: 20 })
 * data?.items.map((account) => account.connected_account_id)
 */
export function useConnectedAccounts<S extends StandardSchemaV1 | undefined = undefined>(
  filters?: ListFilters<MetadataInputOf<S>>,
  options?: UseListOptions<S>,
): UseInfiniteQueryResult<ListData<WithMetadataOf<ConnectedAccount, S>>, SeamConnectError>
export function useConnectedAccounts(
  filters: ListFilters = {},
  { schema, enabled = true }: UseListOptions<StandardSchemaV1 | undefined> = {},
): UseInfiniteQueryResult<ListData<unknown>, SeamConnectError> {
  const client = useRequiredClient('useConnectedAccounts()')
  const select = useCallback(
    (data: InfiniteData<Page<ConnectedAccount>, ListPageParam>) => selectListData(data, schema),
    [schema],
  )
  return useInfiniteQuery({ ...connectedAccountsQueryOptions(client, filters), select, enabled })
}
