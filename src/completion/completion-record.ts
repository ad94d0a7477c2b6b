import type { QueryClient } from '@tanstack/react-query'
import type { SeamConnectError } from '../errors/errors.js'

/** How a Connect Webview ended, as the first container to verify it recorded it. */
export type CompletionOutcome =
  { state: 'completed'; error?: undefined } | { state: 'failed'; error: SeamConnectError }

/**
 * The outcomes of the webviews verified with one QueryClient, keyed by endpoint and webview id,
 * not by credential: a token refresh must not make a finished webview fire again. Every
 * container showing a webview subscribes, so the first to settle it settles it for all.
 */
export class CompletionRecord {
  readonly #outcomes = new Map<string, CompletionOutcome>()
  readonly #listeners = new Set<() => void>()

  get = (key: string | null): CompletionOutcome | undefined =>
    key === null ? undefined : this.#outcomes.get(key)

  /** Records `outcome` unless the webview already has one. @returns whether this one was first. */
  settle(key: string, outcome: CompletionOutcome): boolean {
    if (this.#outcomes.has(key)) return false
    this.#outcomes.set(key, outcome)
    for (const listener of [...this.#listeners]) listener()
    return true
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }
}

// Kept per QueryClient: the app's cache outlives remounts and StrictMode's double effects.
// `queryClient.clear()` leaves it: clearing drops cached data, not the fact that a callback fired.
const records = new WeakMap<QueryClient, CompletionRecord>()

export function completionRecord(queryClient: QueryClient): CompletionRecord {
  let record = records.get(queryClient)
  if (!record) records.set(queryClient, (record = new CompletionRecord()))
  return record
}

export const completionKey = (endpoint: string, connectWebviewId: string) =>
  `${endpoint}\n${connectWebviewId}`
