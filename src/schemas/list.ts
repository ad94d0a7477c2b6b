import * as z from 'zod/mini'
import { isMetadata, type CustomMetadataInput } from './custom-metadata.js'
import { accepted, booleanSchema, nullableStringSchema, stringSchema } from './primitives.js'

/** Parameters shared by `/connect_webviews/list` and `/connected_accounts/list`. */
export const listParamsSchema = z.strictObject({
  /**
   * Every pair must match; `null` matches a key that is not set
   * (https://docs.seam.co/latest/core-concepts/connect-webviews/filtering-connect-webviews-by-custom-metadata).
   */
  custom_metadata_has: z.optional(
    accepted<CustomMetadataInput>(
      (v) => isMetadata(v, true),
      'an object of string, boolean or null values',
    ),
  ),
  user_identifier_key: z.optional(stringSchema),
  customer_key: z.optional(stringSchema),
  search: z.optional(stringSchema),
  limit: z.optional(
    accepted<number>((n) => Number.isInteger(n) && (n as number) > 0, 'a positive integer'),
  ),
  page_cursor: z.optional(nullableStringSchema),
})

export type ListParams = z.input<typeof listParamsSchema>

/** Seam's pagination block on every list response. */
export const paginationSchema = z.looseObject({
  next_page_cursor: nullableStringSchema,
  has_next_page: booleanSchema,
})

export type Pagination = z.infer<typeof paginationSchema>

/** What a `list` method resolves to. */
export interface Page<T> {
  items: T[]
  pagination: Pagination
}
