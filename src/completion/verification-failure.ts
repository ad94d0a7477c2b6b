import {
  isSeamApiError,
  isSeamResponseParseError,
  isTransientSeamError,
  type SeamConnectError,
} from '../errors/errors.js'

/**
 * What a failed read means for a webview being verified (docs/seam-api.md §1.1):
 * - `final`: Seam has answered for good: 400, 403 or 404 about this webview, or a reply that
 *   breaks the contract (a schema mismatch);
 * - `transient`: no answer from Seam, a timeout, 408, 429 or 5xx: try again after a backoff;
 * - `attention`: anything else (a 401, an unexpected 4xx). The app hears of it through `onError`;
 *   verification waits for a new credential from the provider, or a new signal.
 */
export type VerificationFailure = 'final' | 'transient' | 'attention'

export function classifyFailure(error: SeamConnectError): VerificationFailure {
  if (isSeamResponseParseError(error)) return 'final'
  if (isTransientSeamError(error)) return 'transient'
  if (isSeamApiError(error) && [400, 403, 404].includes(error.status)) return 'final'
  return 'attention'
}

const FIRST_DELAY_MS = 1000
const MAX_DELAY_MS = 30_000
const MAX_RETRY_AFTER_MS = 60_000

/**
 * The wait before verification tries again after its `attempt`-th transient failure in a row:
 * Seam's `Retry-After` when it gave one (up to a minute), else a doubling backoff with jitter,
 * capped at 30 s.
 */
export function retryDelay(attempt: number, error: SeamConnectError): number {
  if (isSeamApiError(error) && error.retryAfterMs !== undefined) {
    return Math.min(error.retryAfterMs, MAX_RETRY_AFTER_MS)
  }
  const ceiling = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** attempt)
  return (ceiling * (1 + Math.random())) / 2
}
