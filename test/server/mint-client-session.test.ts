// mintClientSession against the fake over real HTTP: a token the browser client can use, typed
// errors without the key, and the trade-off it carries (its browser sets any metadata).
import { afterEach, describe, expect, it, vi } from 'vitest'
import { fakeControl, scopeHeaders, uniqueUser } from '../../fake/control-client'
import { createSeamConnectClient } from '../../src/index'
import {
  isSeamApiError,
  isSeamInvalidInputError,
  isSeamNetworkError,
  mintClientSession,
} from '../../src/server/index'
import { rejection } from '../support/errors'
import { apiKey, fakeUrl } from './support/harness'

const fake = fakeControl(fakeUrl)

afterEach(() => {
  vi.unstubAllGlobals()
})

/** The global fetch, counting its calls (an observer: every call still goes out for real). */
function countingFetch(headers: Record<string, string> = {}) {
  const calls: string[] = []
  const counted: typeof fetch = (input, init) => {
    calls.push(String(input))
    const all = new Headers(init?.headers)
    for (const [name, value] of Object.entries(headers)) all.set(name, value)
    return fetch(input, { ...init, headers: all })
  }
  return { calls, fetch: counted }
}

describe('mintClientSession', () => {
  it('mints a client session token the browser client can use directly with Seam', async () => {
    const userIdentifierKey = uniqueUser('mint')
    const session = await mintClientSession({ apiKey, userIdentifierKey, endpoint: fakeUrl })
    expect(session).toEqual({
      token: expect.stringMatching(/^seam_cst/),
      clientSessionId: expect.any(String),
      userIdentifierKey,
      expiresAt: expect.any(String),
    })
    const client = createSeamConnectClient({ endpoint: fakeUrl, clientSessionToken: session.token })
    expect((await client.connectWebviews.list()).items).toEqual([])
    // The same key gets the same session back.
    const again = await mintClientSession({ apiKey, userIdentifierKey, endpoint: fakeUrl })
    expect(again.clientSessionId).toBe(session.clientSessionId)
    expect(again.token).toBe(session.token)
  })

  it('the trade-off: a client session token lets its browser put ANY metadata on a webview', async () => {
    const { token } = await mintClientSession({
      apiKey,
      userIdentifierKey: uniqueUser('tradeoff'),
      endpoint: fakeUrl,
    })
    const client = createSeamConnectClient({ endpoint: fakeUrl, clientSessionToken: token })
    const webview = await client.connectWebviews.create({
      custom_metadata: { user_id: 'someone-else' },
    })
    // Nothing on the server stood in between: the forged id is stored as sent.
    expect(webview.custom_metadata).toEqual({ user_id: 'someone-else' })
  })

  it.each([
    [
      'a client session token as apiKey',
      { apiKey: 'seam_cst1_abc', userIdentifierKey: 'u1' },
      /apiKey must be an API key, not a client session token/,
    ],
    [
      'a publishable key as apiKey',
      { apiKey: 'seam_pk1_abc', userIdentifierKey: 'u1' },
      /not a publishable key/,
    ],
    [
      'an empty user identifier key',
      { apiKey, userIdentifierKey: '' },
      /userIdentifierKey must be a non-empty string/,
    ],
    [
      'an email as user identifier key',
      { apiKey, userIdentifierKey: 'ada@example.com' },
      /userIdentifierKey must be an opaque id, not an email address/,
    ],
    [
      'an endpoint with a query',
      { apiKey, userIdentifierKey: 'u1', endpoint: `${fakeUrl}?x=1` },
      /endpoint must be/,
    ],
  ])('rejects %s with a SeamInvalidInputError, before any request', async (_, options, message) => {
    const counting = countingFetch()
    const error = await rejection(
      mintClientSession({ endpoint: fakeUrl, ...options, fetch: counting.fetch }),
    )
    expect(isSeamInvalidInputError(error)).toBe(true)
    expect(String(error)).toMatch(message)
    expect(String(error)).not.toContain(options.apiKey)
    expect(counting.calls).toEqual([])
  })

  it('rejects in a browser', async () => {
    vi.stubGlobal('window', {})
    const error = await rejection(mintClientSession({ apiKey, userIdentifierKey: 'u1' }))
    expect(String(error)).toMatch(/apiKey must stay on a server/)
  })

  it('an API key Seam refuses is a SeamApiError 401 that carries neither the key nor the user', async () => {
    const wrongKey = 'seam_wrong_key_0123456789'
    const userIdentifierKey = uniqueUser('refused')
    const error = await rejection(
      mintClientSession({ apiKey: wrongKey, userIdentifierKey, endpoint: fakeUrl }),
    )
    expect(isSeamApiError(error) && [error.status, error.type]).toEqual([401, 'unauthorized'])
    const text = `${String(error)}\n${(error as Error).stack}\n${JSON.stringify(error)}`
    expect(text).not.toContain(wrongKey)
    expect(text).not.toContain(userIdentifierKey)
  })

  it('a 5xx is retried (the route is idempotent)', async () => {
    const scope = uniqueUser('mint-retry')
    await fake.fault({
      scope,
      route: '/client_sessions/get_or_create',
      status: 503,
      retry_after: '0',
    })
    const counting = countingFetch(scopeHeaders(scope))
    const session = await mintClientSession({
      apiKey,
      userIdentifierKey: uniqueUser('mint-retry'),
      endpoint: fakeUrl,
      fetch: counting.fetch,
    })
    expect(session.token).toMatch(/^seam_cst/)
    expect((await fake.scopedRequests(scope)).map((r) => r.status)).toEqual([503, 200])
  })

  it('an unreachable Seam is a SeamNetworkError without the key', async () => {
    const error = await rejection(
      mintClientSession({
        apiKey,
        userIdentifierKey: uniqueUser('unreachable'),
        endpoint: 'http://127.0.0.1:9',
        timeoutMs: 1000,
        signal: AbortSignal.timeout(60_000),
      }),
    )
    expect(isSeamNetworkError(error)).toBe(true)
    expect(`${String(error)}${(error as Error).stack}`).not.toContain(apiKey)
  })

  it('an aborted call rejects with the signal’s reason', async () => {
    const controller = new AbortController()
    const reason = new Error('user navigated away')
    controller.abort(reason)
    await expect(
      mintClientSession({
        apiKey,
        userIdentifierKey: 'u1',
        endpoint: fakeUrl,
        signal: controller.signal,
      }),
    ).rejects.toBe(reason)
  })
})
