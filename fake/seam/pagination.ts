// Cursor pagination for the list routes. Order is stable (created_at, then id). The cursor is
// opaque base64 (the official pagination model requires base64) and carries the position and the
// filters, so following next_page_url alone, or re-sending the filters with page_cursor, both
// give the next page.
import { z } from 'zod'
import { customMetadataFilterSchema } from './custom-metadata.js'
import { FakeSeamError } from '../http/errors.js'
import type { ListParams } from './schemas.js'

export type ListFilters = Omit<ListParams, 'page_cursor'>

interface Position {
  created_at: string
  id: string
}

const cursorSchema = z.strictObject({
  after: z.strictObject({ created_at: z.string(), id: z.string() }),
  filters: z.strictObject({
    custom_metadata_has: customMetadataFilterSchema.optional(),
    user_identifier_key: z.string().optional(),
    customer_key: z.string().optional(),
    search: z.string().optional(),
    limit: z.number().int().positive().optional(),
  }),
})

interface Pagination {
  next_page_cursor: string | null
  has_next_page: boolean
  next_page_url: string | null
}

/** The effective filters: those in the cursor, overridden by any sent with it. */
export function resolveListParams(params: ListParams): {
  filters: ListFilters
  after: Position | null
} {
  const { page_cursor: cursor, ...sent } = params
  const definedSent = Object.fromEntries(
    Object.entries(sent).filter(([, value]) => value !== undefined),
  ) as ListFilters
  if (cursor === undefined || cursor === null) {
    return { filters: definedSent, after: null }
  }
  const decoded = decodeCursor(cursor)
  return {
    filters: { ...decoded.filters, ...definedSent },
    after: decoded.after,
  }
}

export function paginate<T>(options: {
  items: T[]
  position: (item: T) => Position
  filters: ListFilters
  after: Position | null
  defaultLimit: number
  nextPageBase: string
}): { items: T[]; pagination: Pagination } {
  const { position, filters, after } = options
  const sorted = [...options.items].sort((a, b) => comparePositions(position(a), position(b)))
  const remaining = after
    ? sorted.filter((item) => comparePositions(position(item), after) > 0)
    : sorted
  const limit = filters.limit ?? options.defaultLimit
  const items = remaining.slice(0, limit)
  const last = items.at(-1)
  if (remaining.length <= limit || last === undefined) {
    return {
      items,
      pagination: {
        next_page_cursor: null,
        has_next_page: false,
        next_page_url: null,
      },
    }
  }
  const nextCursor = encodeCursor({ after: position(last), filters })
  const nextUrl = new URL(options.nextPageBase)
  nextUrl.searchParams.set('page_cursor', nextCursor)
  return {
    items,
    pagination: {
      next_page_cursor: nextCursor,
      has_next_page: true,
      next_page_url: nextUrl.toString(),
    },
  }
}

function comparePositions(a: Position, b: Position): number {
  if (a.created_at !== b.created_at) return a.created_at < b.created_at ? -1 : 1
  if (a.id !== b.id) return a.id < b.id ? -1 : 1
  return 0
}

function encodeCursor(state: z.infer<typeof cursorSchema>): string {
  const bytes = new TextEncoder().encode(JSON.stringify(state))
  return btoa(String.fromCharCode(...bytes))
}

function decodeCursor(cursor: string): z.infer<typeof cursorSchema> {
  try {
    const bytes = Uint8Array.from(atob(cursor), (char) => char.charCodeAt(0))
    return cursorSchema.parse(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)))
  } catch {
    throw new FakeSeamError(400, 'invalid_input', 'Invalid page_cursor')
  }
}
