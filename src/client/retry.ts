import type { RetryOptions } from './options.js'

export type RetryPolicy = Required<RetryOptions>

export const retryPolicy = (options: RetryOptions = {}): RetryPolicy => ({
  retries: options.retries ?? 3,
  minDelayMs: options.minDelayMs ?? 300,
  maxDelayMs: options.maxDelayMs ?? 5000,
  maxRetryAfterMs: options.maxRetryAfterMs ?? 60_000,
})

/** Exponential backoff with "equal jitter", so many clients do not retry in lockstep. */
export function backoffDelay(policy: RetryPolicy, attempt: number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.minDelayMs * 2 ** attempt)
  return ceiling / 2 + (Math.random() * ceiling) / 2
}

/**
 * `Retry-After` is either delay-seconds or an HTTP date (RFC 9110 §10.2.3).
 * @returns the delay in ms, or undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined
  const ms = /^\s*\d+\s*$/.test(value) ? Number(value) * 1000 : Date.parse(value) - Date.now()
  return Number.isNaN(ms) ? undefined : Math.max(0, ms)
}
