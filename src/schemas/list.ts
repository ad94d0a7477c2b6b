import * as z from 'zod/mini'
import { customMetadataFilterSchema, type CustomMetadataInput } from './custom-metadata.js'
import { nullableStringSchema, positiveIntSchema } from './primitives.js'

/** Parameters shared by `/connect_webviews/list` and `/connected_accounts/list`. */
export const listParamsSchema = z.strictObject({
  /**
   * Every pair must match; `null` matches a key that is not set (docs/seam-api.md §4,
   * https://docs.seam.co/latest/core-concepts/connect-webviews/filtering-connect-webviews-by-custom-metadata).
   */
  custom_metadata_has: z.optional(customMetadataFilterSchema),
  user_identifier_key: z.optional(z.string()),
  customer_key: z.optional(z.string()),
  search: z.optional(z.string()),
  limit: z.optional(positiveIntSchema),
  page_cursor: z.optional(nullableStringSchema),
})

export type ListParams = z.input<typeof listParamsSchema>

/**
 * The filters of `useConnectedAccounts` and `useConnectWebviews` (and their option factories):
 * Seam's list params in the hooks' camelCase, without `page_cursor`, which the infinite query
 * owns. Strict, so `custom_metadata_has` or a misspelled filter is refused, never ignored (an
 * ignored filter would list more than asked for).
 */
export const listFiltersSchema = z.strictObject({
  customMetadataHas: z.optional(customMetadataFilterSchema),
  userIdentifierKey: z.optional(z.string()),
  customerKey: z.optional(z.string()),
  search: z.optional(z.string()),
  limit: z.optional(positiveIntSchema),
})

/**
 * List filters; `F` types `customMetadataHas` (by default any metadata filter). Every pair in
 * `customMetadataHas` must match, and `null` matches a key that is not set.
 */
export type ListFilters<F = CustomMetadataInput> = {
  [K in keyof FiltersInput]: K extends 'customMetadataHas' ? F | undefined : FiltersInput[K]
}
type FiltersInput = z.input<typeof listFiltersSchema>

/** Seam's pagination block on every list response (docs/seam-api.md §1). */
export const paginationSchema = z.looseObject({
  next_page_cursor: nullableStringSchema,
  has_next_page: z.boolean(),
})

export type Pagination = z.infer<typeof paginationSchema>

/** What a `list` method resolves to. */
export interface Page<T> {
  items: T[]
  pagination: Pagination
}
