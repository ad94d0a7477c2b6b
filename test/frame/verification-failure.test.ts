// How the completion engine reads a failed verification: Seam's final word, a blip to ride out,
// or something the app must hear about.
import { describe, expect, it } from 'vitest'
import { classifyFailure, retryDelay } from '../../src/completion/verification-failure'
import { SeamApiError, SeamNetworkError, SeamResponseParseError } from '../../src/index'

const api = (status: number, retryAfterMs?: number) =>
  new SeamApiError({ status, type: 'x', message: 'x', retryAfterMs })

describe('classifyFailure', () => {
  it.each([
    [400, 'final'],
    [403, 'final'],
    [404, 'final'],
    [408, 'transient'],
    [429, 'transient'],
    [500, 'transient'],
    [503, 'transient'],
    [401, 'attention'],
    [409, 'attention'],
    [422, 'attention'],
  ])('HTTP %i is %s', (status, kind) => {
    expect(classifyFailure(api(status))).toBe(kind)
  })

  it('no reply is transient; a reply that breaks the contract is final', () => {
    expect(classifyFailure(new SeamNetworkError('timed out'))).toBe('transient')
    expect(classifyFailure(new SeamResponseParseError('bad', []))).toBe('final')
  })
})

describe('retryDelay', () => {
  it('doubles from about a second, with jitter, up to 30 s', () => {
    const blip = new SeamNetworkError('x')
    for (let attempt = 0; attempt < 12; attempt++) {
      const ceiling = Math.min(30_000, 1000 * 2 ** attempt)
      const delay = retryDelay(attempt, blip)
      expect(delay).toBeGreaterThanOrEqual(ceiling / 2)
      expect(delay).toBeLessThanOrEqual(ceiling)
    }
  })

  it('honours Retry-After, up to a minute', () => {
    expect(retryDelay(0, api(429, 7000))).toBe(7000)
    expect(retryDelay(5, api(429, 0))).toBe(0)
    expect(retryDelay(0, api(503, 3_600_000))).toBe(60_000)
  })
})
