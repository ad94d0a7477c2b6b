import * as z from 'zod/mini'
import { isPlainObject, type CustomMetadataInputValue } from './custom-metadata.js'
import { mustBe } from './messages.js'

const isFilterValue = (v: unknown) => v === null || ['string', 'boolean'].includes(typeof v)

/** Parameters shared by `/connect_webviews/list` and `/connected_accounts/list`. */
export const listParamsSchema = z.strictObject({
  /**
   * Every pair must match; `null` matches a key that is not set
   * (https://docs.seam.co/latest/core-concepts/connect-webviews/filtering-connect-webviews-by-custom-metadata).
   */
  custom_metadata_has: z.optional(
    z.custom<Record<string, CustomMetadataInputValue>>(
      (v) => isPlainObject(v) && Object.values(v).every(isFilterValue),
      mustBe('an object of string, boolean or null values'),
    ),
  ),
  user_identifier_key: z.optional(z.string()),
  customer_key: z.optional(z.string()),
  search: z.optional(z.string()),
  limit: z.optional(
    z.custom<number>((n) => Number.isInteger(n) && (n as number) > 0, mustBe('a positive integer')),
  ),
  page_cursor: z.optional(z.nullable(z.string())),
})

export type ListParams = z.input<typeof listParamsSchema>

/** Seam's pagination block on every list response. */
export const paginationSchema = z.looseObject({
  next_page_cursor: z.nullable(z.string()),
  has_next_page: z.boolean(),
})

export type Pagination = z.infer<typeof paginationSchema>

/** What a `list` method resolves to. */
export interface Page<T> {
  items: T[]
  pagination: Pagination
}
