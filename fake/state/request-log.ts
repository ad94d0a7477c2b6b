// What tests read back to count requests. Holds no credentials and no body values: only the
// path (never the query string, which may carry a token) and the names of the body's keys.
import type { RequestLogQuery } from '../control/schemas.js'

/** The credential that authenticated a logged request. */
export type RequestAuth = 'client_session' | 'publishable_key' | 'api_key' | 'none'

/** One Seam API request that reached the fake, without credentials or body values. */
export interface RequestLogEntry {
  request_id: string
  method: string
  path: string
  /** The client session the request belongs to (its CST, or get_or_create's body). */
  user_identifier_key: string | null
  /** Its `x-fake-scope` header (fake/control/scope.ts), e.g. a test's own API-key requests. */
  scope: string | null
  /** The credential that authenticated the request; `none` when none did. */
  auth: RequestAuth
  /** 0 when a fault dropped the connection. */
  status: number
  /** When the request arrived (ISO 8601). */
  at: string
  /** The keys of its JSON body (or a GET's query); absent when the body could not be read. */
  body_keys?: string[]
  /** Names (never values) of the headers beyond the standard and Seam ones, e.g. a proxy's auth. */
  header_names: string[]
}

// Bounded so a long-running dev server or Storybook session cannot grow without limit.
const MAX_ENTRIES = 10_000

export class RequestLog {
  readonly #entries: RequestLogEntry[] = []

  add(entry: RequestLogEntry): void {
    this.#entries.push(entry)
    if (this.#entries.length > MAX_ENTRIES) this.#entries.shift()
  }

  list(filter: RequestLogQuery = {}): RequestLogEntry[] {
    return this.#entries
      .filter(
        (entry) =>
          (filter.user_identifier_key === undefined ||
            entry.user_identifier_key === filter.user_identifier_key) &&
          (filter.scope === undefined || entry.scope === filter.scope) &&
          (filter.path === undefined || entry.path === filter.path),
      )
      .map((entry) => ({ ...entry }))
  }
}
