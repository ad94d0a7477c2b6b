import * as z from 'zod/mini'
import { customMetadataFilterSchema } from './custom-metadata.js'
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
