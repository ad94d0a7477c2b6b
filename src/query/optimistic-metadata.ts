import type { InfiniteData, QueryClient, QueryKey } from '@tanstack/react-query'
import type { SeamConnectClient } from '../client/create-seam-connect-client.js'
import { isPlainObject } from '../internal/plain-object.js'
import type { ConnectedAccount } from '../schemas/connected-account.js'
import type { CustomMetadata, CustomMetadataInput } from '../schemas/custom-metadata.js'
import type { Page } from '../schemas/list.js'
import { seamConnectKeys } from './keys.js'
import type { ListPageParam } from './list-pages.js'

/**
 * Each entry an optimistic update changed: its key, what it held before, and what the update
 * wrote (as the cache stored it).
 */
export type CacheSnapshot = [key: QueryKey, before: unknown, written: unknown][]

/**
 * An account's metadata once Seam has applied an update: Seam replaces the whole object, and
 * `null` or `""` removes a key (docs/seam-api.md §4), so what is left is the rest of what was sent.
 */
export const replacedMetadata = (input: CustomMetadataInput): CustomMetadata =>
  Object.fromEntries(
    Object.entries(input).filter(
      (entry): entry is [string, string | boolean] => entry[1] !== null && entry[1] !== '',
    ),
  )

/** Seam's `custom_metadata_has` rule: every pair matches, and `null` matches an unset key. */
export const matchesMetadataFilter = (metadata: CustomMetadata, filter: unknown): boolean =>
  !isPlainObject(filter) ||
  Object.entries(filter).every(([key, value]) =>
    value === null ? !Object.hasOwn(metadata, key) : metadata[key] === value,
  )

/**
 * Writes an account's new metadata into every cached read of it: by id, through a Connect
 * Webview, and in every list page, where it leaves the lists whose `customMetadataHas` it no
 * longer matches. `trustedKeys` keep their cached values, as the app's server keeps them
 * (docs/seam-api.md §4). Returns what the cache held before, for a rollback.
 */
export function applyMetadataUpdate(
  queryClient: QueryClient,
  client: SeamConnectClient,
  connectedAccountId: string,
  input: CustomMetadataInput,
  trustedKeys: readonly string[],
): CacheSnapshot {
  const sent = replacedMetadata(input)
  const updated = (account: ConnectedAccount): ConnectedAccount => ({
    ...account,
    custom_metadata: {
      ...sent,
      ...Object.fromEntries(
        trustedKeys.flatMap((key) => {
          const value = account.custom_metadata[key]
          return value === undefined ? [] : [[key, value]]
        }),
      ),
    },
  })
  const snapshot: CacheSnapshot = []
  const lists = seamConnectKeys.connectedAccountLists(client)
  const listEntries = queryClient.getQueriesData<
    InfiniteData<Page<ConnectedAccount>, ListPageParam>
  >({ queryKey: lists })
  const holds = (page: Page<ConnectedAccount>) =>
    page.items.some((account) => account.connected_account_id === connectedAccountId)
  for (const [key, data] of listEntries) {
    if (!data?.pages.some(holds)) continue
    // A list's key is its prefix and its filters (seamConnectKeys.connectedAccountList).
    const filters = key[lists.length]
    const filter = isPlainObject(filters) ? filters.customMetadataHas : undefined
    const pages = data.pages.map((page) => ({
      ...page,
      items: page.items.flatMap((account) => {
        if (account.connected_account_id !== connectedAccountId) return [account]
        const next = updated(account)
        return matchesMetadataFilter(next.custom_metadata, filter) ? [next] : []
      }),
    }))
    snapshot.push([key, data, queryClient.setQueryData(key, { ...data, pages })])
  }
  // Every other account entry holds one account: by id, or through a Connect Webview.
  const accountEntries = queryClient
    .getQueriesData<ConnectedAccount>({ queryKey: seamConnectKeys.connectedAccounts(client) })
    .filter(([key]) => key[lists.length - 1] !== 'list')
  for (const [key, data] of accountEntries) {
    if (data?.connected_account_id === connectedAccountId) {
      snapshot.push([key, data, queryClient.setQueryData(key, updated(data))])
    }
  }
  return snapshot
}

/**
 * Puts back what {@link applyMetadataUpdate} replaced, in the entries that still hold what it
 * wrote. An entry changed since (a page loaded, another update, a read) keeps its newer data,
 * which the re-read after the update corrects if need be.
 */
export function restoreCache(queryClient: QueryClient, snapshot: CacheSnapshot): void {
  for (const [key, before, written] of snapshot) {
    if (queryClient.getQueryData(key) === written) queryClient.setQueryData(key, before)
  }
}
