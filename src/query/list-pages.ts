import type { InfiniteData } from '@tanstack/react-query'
import { parse } from '../client/validate.js'
import type { CustomMetadata } from '../schemas/custom-metadata.js'
import { listFiltersSchema, type ListFilters, type ListParams, type Page } from '../schemas/list.js'
import type { StandardSchemaV1 } from '../schemas/standard-schema.js'
import { validateCustomMetadata } from '../schemas/validate-metadata.js'

/** A list page's cursor: `null` for the first page. */
export type ListPageParam = string | null

/**
 * The params of one page: the filters, checked before anything is sent (a bad filter costs zero
 * requests), in Seam's snake_case, with the page's cursor.
 * @throws SeamInvalidInputError when a filter breaks a rule.
 */
export function listPageParams(
  filters: ListFilters,
  pageParam: ListPageParam,
  hook: string,
): ListParams {
  const { customMetadataHas, userIdentifierKey, customerKey, search, limit } = parse(
    listFiltersSchema,
    filters,
    hook,
    'params',
  )
  return {
    custom_metadata_has: customMetadataHas,
    user_identifier_key: userIdentifierKey,
    customer_key: customerKey,
    search,
    limit,
    // The first page is asked for without a cursor: Seam's OpenAPI types it as a string.
    ...(pageParam === null ? {} : { page_cursor: pageParam }),
  }
}

/**
 * The next page's cursor, or `undefined` after the last page. A cursor seen before ends the list
 * too: following it would fetch the same pages again, forever (the client's `listAll` throws
 * instead; here every item is already on screen).
 */
export function nextPageCursor<T>(
  last: Page<T>,
  _pages: unknown,
  _lastPageParam: ListPageParam,
  pageParams: ListPageParam[],
): string | undefined {
  const { has_next_page, next_page_cursor } = last.pagination
  return has_next_page && next_page_cursor !== null && !pageParams.includes(next_page_cursor)
    ? next_page_cursor
    : undefined
}

/** The pages of a list, and their items in one array. */
export type ListData<T> = InfiniteData<Page<T>, ListPageParam> & {
  /** Every item of the pages fetched so far, in order. */
  items: T[]
}

/**
 * A list's `select`: the items of every page in one array, each with its `custom_metadata`
 * validated by `schema` when one is given (a mismatch is a `SeamResponseParseError`, the list's
 * error: metadata a browser wrote can be anything its user wanted).
 */
export function selectListData<T extends { custom_metadata: CustomMetadata }>(
  data: InfiniteData<Page<T>, ListPageParam>,
  schema: StandardSchemaV1 | undefined,
) {
  const pages = schema
    ? data.pages.map((page) => ({
        ...page,
        items: page.items.map((item) => ({
          ...item,
          custom_metadata: validateCustomMetadata(schema, item.custom_metadata),
        })),
      }))
    : data.pages
  return { ...data, pages, items: pages.flatMap((page) => page.items) }
}
