// The client under a bad network and careless input: every request bounded by a timeout, failures
// that Seam never reported kept retryable, writes sent once, options and params checked before
// anything goes out, and secrets scrubbed from every part of an error.
import { AsyncLocalStorage, createHook } from 'node:async_hooks'
import { describe, expect, inject, it, onTestFinished } from 'vitest'
import {
  createSeamConnectClient,
  isSeamApiError,
  isSeamNetworkError,
  isTransientSeamError,
  SeamApiError,
  SeamInvalidInputError,
  SeamNetworkError,
  SeamResponseParseError,
} from '../../src/index'
import { fakeControl, uniqueUser, type FaultFields } from '../../fake/control-client'
import { rejection, thrownBy } from '../support/errors'
import { sessionClient } from '../support/session-client'

const endpoint = inject('fakeUrl')
const fake = fakeControl(endpoint)

/**
 * Runs `call` and tracks the timers it sets, directly or through anything it awaits: `pending()`
 * are those still scheduled and holding the process (Node's own unref'd ones aside).
 */
function trackTimers<T>(call: () => T) {
  const context = new AsyncLocalStorage<true>()
  const timers = new Map<number, { hasRef(): boolean }>()
  const hook = createHook({
    init(id, type, _, resource) {
      if (type === 'Timeout' && context.getStore()) timers.set(id, resource as never)
    },
    destroy: (id) => timers.delete(id),
  }).enable()
  onTestFinished(() => void hook.disable())
  const result = context.run(true, call)
  const pending = async () => {
    // Node reports a cleared timer's destruction on its next turn.
    await new Promise((resolve) => setImmediate(resolve))
    return [...timers.values()].filter((timer) => timer.hasRef()).length
  }
  return { result, pending }
}

// A timeout long enough for any healthy reply on a loaded machine: for calls that must succeed in
// one attempt (a create, or reads with retries off). Reads that are retried can use short ones.
const ONE_ATTEMPT_MS = 1500

describe('every request is bounded by timeoutMs', () => {
  it('a read the fake never answers times out as a SeamNetworkError, then is retried', async () => {
    const { client: setup, userIdentifierKey } = sessionClient('timeout-read')
    const { connect_webview_id } = await setup.connectWebviews.create()
    const { client } = sessionClient('timeout-read', { userIdentifierKey, timeoutMs: 500 })
    await fake.fault({
      user_identifier_key: userIdentifierKey,
      route: '/connect_webviews/get',
      hang: true,
    })
    const webview = await client.connectWebviews.get({ connect_webview_id })
    expect(webview.connect_webview_id).toBe(connect_webview_id)
    await expect
      .poll(async () =>
        (await fake.requests(userIdentifierKey, '/connect_webviews/get')).map((r) => r.status),
      )
      .toEqual(expect.arrayContaining([0, 200]))

    await fake.fault({
      user_identifier_key: userIdentifierKey,
      route: '/connect_webviews/get',
      hang: true,
      times: 10,
    })
    const error = await rejection(client.connectWebviews.get({ connect_webview_id }))
    expect(error).toBeInstanceOf(SeamNetworkError)
    expect((error as Error).message).toMatch(/timed out after 500 ms/)
  })

  it('a timeout keeps a readable cause (the fetch’s own AbortError)', async () => {
    const { client, userIdentifierKey } = sessionClient('timeout-cause', {
      timeoutMs: ONE_ATTEMPT_MS,
      retry: { retries: 0 },
    })
    await fake.fault({
      user_identifier_key: userIdentifierKey,
      route: '/connect_webviews/list',
      hang: true,
    })
    const error = (await rejection(client.connectWebviews.list())) as Error
    const cause = error.cause as Error
    expect(() => [cause.name, cause.message, String(cause)]).not.toThrow()
    expect(cause.name).toBe('AbortError')
    expect(cause).toBeInstanceOf(Error)
  })

  it('a hung publishable-key exchange never blocks later calls', async () => {
    const { client, userIdentifierKey } = sessionClient('timeout-exchange', {
      timeoutMs: ONE_ATTEMPT_MS,
      retry: { retries: 0 },
    })
    await fake.fault({
      user_identifier_key: userIdentifierKey,
      route: '/client_sessions/get_or_create',
      hang: true,
    })
    expect(await rejection(client.connectWebviews.list())).toBeInstanceOf(SeamNetworkError)
    await expect(client.connectWebviews.list()).resolves.toHaveProperty('items')
  })

  it('a read whose exchange timed out is retried with a fresh exchange', async () => {
    const { client, userIdentifierKey } = sessionClient('timeout-exchange-retry', {
      timeoutMs: 500,
    })
    await fake.fault({
      user_identifier_key: userIdentifierKey,
      route: '/client_sessions/get_or_create',
      hang: true,
    })
    await expect(client.connectWebviews.list()).resolves.toHaveProperty('items')
    // Nothing had reached Seam, so even a create may go out after a failed exchange.
    const { client: creator, userIdentifierKey: creatorKey } = sessionClient('exchange-create', {
      timeoutMs: ONE_ATTEMPT_MS,
    })
    await fake.fault({
      user_identifier_key: creatorKey,
      route: '/client_sessions/get_or_create',
      hang: true,
    })
    await expect(creator.connectWebviews.create()).resolves.toHaveProperty('connect_webview_id')
    expect(await fake.requests(creatorKey, '/connect_webviews/create')).toHaveLength(1)
  })

  it('aborting clears every timer the call set (its timeout and its backoff)', async () => {
    const { client, userIdentifierKey } = sessionClient('abort-timers', {
      timeoutMs: 60_000,
      retry: { minDelayMs: 60_000, maxDelayMs: 60_000 },
    })
    await client.connectWebviews.list()

    await fake.fault({
      user_identifier_key: userIdentifierKey,
      route: '/connect_webviews/list',
      hang: true,
    })
    const inFlight = new AbortController()
    const hanging = trackTimers(() => client.connectWebviews.list({}, { signal: inFlight.signal }))
    await expect.poll(() => fake.pendingFaults(userIdentifierKey)).toBe(0)
    expect(await hanging.pending()).toBe(1) // the attempt's timeout
    inFlight.abort(new Error('gone'))
    await rejection(hanging.result)
    expect(await hanging.pending()).toBe(0)

    await fake.fault({
      user_identifier_key: userIdentifierKey,
      route: '/connect_webviews/list',
      status: 503,
    })
    const backingOff = new AbortController()
    const waiting = trackTimers(() =>
      client.connectWebviews.list({}, { signal: backingOff.signal }),
    )
    await expect
      .poll(() => fake.requests(userIdentifierKey, '/connect_webviews/list'))
      .toContainEqual(expect.objectContaining({ status: 503 }))
    await expect.poll(waiting.pending).toBe(1) // the backoff before the retry
    backingOff.abort(new Error('gone'))
    await rejection(waiting.result)
    expect(await waiting.pending()).toBe(0)
  })
})

const PORTAL = { body: '<html>Sign in to the Wi-Fi</html>', content_type: 'text/html' }

describe.each<{
  failure: string
  fault: Omit<FaultFields, 'route'>
  status: number
  guard: (error: unknown) => boolean
  error: RegExp
}>([
  {
    failure: 'a 503',
    fault: { status: 503 },
    status: 503,
    guard: isSeamApiError,
    error: /^SeamApiError: .* 503/,
  },
  {
    failure: 'a proxy’s 408 in text/plain',
    fault: { status: 408, body: 'Request Timeout', content_type: 'text/plain' },
    status: 408,
    guard: isSeamApiError,
    error: /^SeamApiError: .* 408/,
  },
  {
    failure: 'a dropped connection',
    fault: { drop: true },
    status: 0,
    guard: isSeamNetworkError,
    error: /^SeamNetworkError: Could not reach http:\/\/127\.0\.0\.1:\d+\/connect_webviews\//,
  },
  {
    failure: 'a captive portal’s 200 text/html',
    fault: PORTAL,
    status: 200,
    guard: isSeamNetworkError,
    error: /^SeamNetworkError: .* is not JSON \(text\/html\): not Seam's reply/,
  },
])('$failure, which Seam never meant as an answer', ({ fault, status, guard, error }) => {
  const fail = (userIdentifierKey: string, route: string, times: number) =>
    fake.fault({ user_identifier_key: userIdentifierKey, route, times, ...fault })

  it('is retried for a read until it succeeds', async () => {
    const { client, userIdentifierKey } = sessionClient('retried')
    await client.connectWebviews.list()
    await fail(userIdentifierKey, '/connect_webviews/list', 2)
    await expect(client.connectWebviews.list()).resolves.toMatchObject({ items: [] })
    const statuses = (await fake.requests(userIdentifierKey, '/connect_webviews/list')).map(
      (r) => r.status,
    )
    expect(statuses).toEqual([200, status, status, 200])
  })

  it('gives up after the configured retries, with the last failure as a typed error', async () => {
    const { client, userIdentifierKey } = sessionClient('given-up', {
      retry: { retries: 2, minDelayMs: 5, maxDelayMs: 20 },
    })
    await client.connectWebviews.list()
    await fail(userIdentifierKey, '/connect_webviews/list', 10)
    const thrown = await rejection(client.connectWebviews.list())
    expect(guard(thrown) && isTransientSeamError(thrown)).toBe(true)
    expect(`${(thrown as Error).name}: ${(thrown as Error).message}`).toMatch(error)
    expect(await fake.requests(userIdentifierKey, '/connect_webviews/list')).toHaveLength(1 + 3)
  })

  it('is never sent again for a create, which may have reached Seam', async () => {
    const { client, userIdentifierKey } = sessionClient('create-once')
    await client.connectWebviews.list()
    await fail(userIdentifierKey, '/connect_webviews/create', 1)
    const thrown = await rejection(client.connectWebviews.create())
    expect(`${(thrown as Error).name}: ${(thrown as Error).message}`).toMatch(error)
    expect(await fake.requests(userIdentifierKey, '/connect_webviews/create')).toHaveLength(1)
  })
})

describe('a create the fake never answers', () => {
  it('times out as a SeamNetworkError and is not sent again', async () => {
    const { client, userIdentifierKey } = sessionClient('timeout-create', {
      timeoutMs: ONE_ATTEMPT_MS,
    })
    await client.connectWebviews.list()
    await fake.fault({
      user_identifier_key: userIdentifierKey,
      route: '/connect_webviews/create',
      hang: true,
    })
    const error = await rejection(client.connectWebviews.create())
    expect(error).toBeInstanceOf(SeamNetworkError)
    await expect
      .poll(() => fake.requests(userIdentifierKey, '/connect_webviews/create'))
      .toHaveLength(1)
    expect(await fake.pendingFaults(userIdentifierKey)).toBe(0)
  })
})

describe('rate limits', () => {
  it('a 429 carries the Retry-After it was given, in ms', async () => {
    const { client, userIdentifierKey } = sessionClient('429', { retry: { retries: 0 } })
    await client.connectWebviews.list()
    await fake.fault({
      user_identifier_key: userIdentifierKey,
      route: '/connect_webviews/list',
      status: 429,
      retry_after: '7',
    })
    const error = (await rejection(client.connectWebviews.list())) as SeamApiError
    expect(error.status).toBe(429)
    expect(error.retryAfterMs).toBe(7000)
  })
})

describe('what was validated is what is sent', () => {
  it('metadata read through a getter is read once: a later, invalid value never goes out', async () => {
    const { client } = sessionClient('getter')
    let reads = 0
    const metadata = {
      get tenant() {
        reads++
        return reads === 1 ? 'acme' : 'x'.repeat(600)
      },
    }
    const created = await client.connectWebviews.create({ custom_metadata: metadata })
    expect(created.custom_metadata).toEqual({ tenant: 'acme' })
    expect(reads).toBe(1)
  })

  it('a proxy that answers differently on each read cannot get past the rules', async () => {
    const { client, userIdentifierKey } = sessionClient('proxy')
    let reads = 0
    const metadata = new Proxy({} as Record<string, string>, {
      ownKeys: () => ['user.id'],
      getOwnPropertyDescriptor: () => ({ enumerable: true, configurable: true }),
      get: () => `v${reads++}`,
    })
    const error = await rejection(client.connectWebviews.create({ custom_metadata: metadata }))
    expect(error).toBeInstanceOf(SeamInvalidInputError)
    expect(await fake.requests(userIdentifierKey, '/connect_webviews/create')).toEqual([])

    const sneaky = new Proxy({} as Record<string, string>, {
      ownKeys: () => (reads++ === 0 ? ['ok'] : ['ok', 'user.id']),
      getOwnPropertyDescriptor: () => ({ enumerable: true, configurable: true }),
      get: () => 'v',
    })
    reads = 0
    const created = await client.connectWebviews.create({ custom_metadata: sneaky })
    expect(created.custom_metadata).toEqual({ ok: 'v' })
  })

  it('changing the params object after the call cannot change what is sent', async () => {
    const { client } = sessionClient('mutate')
    const params = { custom_metadata: { tenant: 'acme' } as Record<string, string> }
    const pending = client.connectWebviews.create(params)
    params.custom_metadata.tenant = 'x'.repeat(600)
    params.custom_metadata['user.id'] = 'u'
    const created = await pending
    expect(created.custom_metadata).toEqual({ tenant: 'acme' })
  })
})

describe('nothing the caller passed is silently dropped', () => {
  const sym = Symbol('tenant')

  it.each([
    ['a symbol key in custom_metadata', { custom_metadata: { [sym]: 'acme' } }, /custom_metadata/],
    [
      'params in a Map',
      new Map([['custom_metadata', { tenant: 'acme' }]]) as never,
      /params must be an object/,
    ],
  ])('create refuses %s, sending nothing', async (_, params, message) => {
    const { client, userIdentifierKey } = sessionClient('dropped-create')
    const error = await rejection(client.connectWebviews.create(params as never))
    expect(error).toBeInstanceOf(SeamInvalidInputError)
    expect((error as Error).message).toMatch(message)
    expect(await fake.requests(userIdentifierKey, '/connect_webviews/create')).toEqual([])
  })

  it.each([
    ['a symbol key', { [sym]: 'acme' }],
    ['a Map', new Map([['tenant', 'acme']])],
  ])(
    'a custom_metadata_has filter with %s is refused, never sent as "no filter"',
    async (_, filter) => {
      const { client, userIdentifierKey } = sessionClient('dropped-filter')
      const error = await rejection(
        client.connectedAccounts.list({ custom_metadata_has: filter as never }),
      )
      expect(error).toBeInstanceOf(SeamInvalidInputError)
      expect(await fake.requests(userIdentifierKey, '/connected_accounts/list')).toEqual([])
    },
  )
})

describe('options are checked before anything is sent', () => {
  it.each([
    ['retries NaN', { retry: { retries: Number.NaN } }, /retry\.retries/],
    ['retries Infinity', { retry: { retries: Infinity } }, /retry\.retries/],
    ['retries -1', { retry: { retries: -1 } }, /retry\.retries/],
    ['retries 1.5', { retry: { retries: 1.5 } }, /retry\.retries/],
    ['minDelayMs NaN', { retry: { minDelayMs: Number.NaN } }, /retry\.minDelayMs/],
    ['maxDelayMs Infinity', { retry: { maxDelayMs: Infinity } }, /retry\.maxDelayMs/],
    ['maxRetryAfterMs -5', { retry: { maxRetryAfterMs: -5 } }, /retry\.maxRetryAfterMs/],
    ['timeoutMs 0', { timeoutMs: 0 }, /timeoutMs/],
    ['timeoutMs NaN', { timeoutMs: Number.NaN }, /timeoutMs/],
    ['timeoutMs Infinity', { timeoutMs: Infinity }, /timeoutMs/],
    ['an endpoint with a query', { endpoint: `${endpoint}?key=1` }, /endpoint/],
    ['an endpoint with a fragment', { endpoint: `${endpoint}#x` }, /endpoint/],
    ['an endpoint that is not a string', { endpoint: 42 as never }, /endpoint must be/],
    ['retry that is a number', { retry: 5 as never }, /retry must be an object/],
    ['retry that is a Map', { retry: new Map() as never }, /retry must be an object/],
  ])('%s is a SeamInvalidInputError', (_, options, message) => {
    expect(() =>
      createSeamConnectClient({ endpoint, clientSessionToken: 'seam_cst1x', ...options }),
    ).toThrow(SeamInvalidInputError)
    expect(() =>
      createSeamConnectClient({ endpoint, clientSessionToken: 'seam_cst1x', ...options }),
    ).toThrow(message)
  })

  it.each([
    [
      'headers that are a string',
      { headers: 'x-app-auth: v1' as never },
      /headers must be a record/,
    ],
    ['a pair that is not a pair', { headers: [['x-app-auth']] as never }, /headers\[0\] must be/],
    [
      'headers in a Map, which would be read as none',
      { headers: new Map([['x-app-auth', 'v1']]) as never },
      /headers must be a record/,
    ],
    [
      'a header value HTTP forbids',
      { headers: { 'x-app-auth': 'v1\r\nx-evil: v2' } },
      /headers must be valid HTTP header names and values/,
    ],
    ['a fetch that is not a function', { fetch: 'fetch' as never }, /fetch must be a function/],
  ])('%s is a SeamInvalidInputError that does not repeat the value', (_, options, message) => {
    const thrown = thrownBy(() => createSeamConnectClient({ endpoint, ...options }))
    expect(thrown).toBeInstanceOf(SeamInvalidInputError)
    expect((thrown as Error).message).toMatch(message)
    expect((thrown as Error).message).not.toContain('v1')
  })

  it('listAll ends with an error when Seam repeats a cursor, instead of looping', async () => {
    const { client, userIdentifierKey } = sessionClient('cursor-loop')
    await client.connectWebviews.list()
    await fake.fault({
      user_identifier_key: userIdentifierKey,
      route: '/connect_webviews/list',
      body: JSON.stringify({
        connect_webviews: [],
        pagination: { next_page_cursor: 'same', has_next_page: true, next_page_url: null },
        ok: true,
      }),
      times: 5,
    })
    const walk = async () => {
      for await (const _ of client.connectWebviews.listAll()) void _
    }
    const error = await rejection(walk())
    expect(error).toBeInstanceOf(SeamResponseParseError)
    expect((error as Error).message).toMatch(/repeated the page cursor/)
    expect(await fake.requests(userIdentifierKey, '/connect_webviews/list')).toHaveLength(3)
  })
})

describe('headers', () => {
  it.each([
    ['a Headers object', new Headers({ 'x-app-auth': 'app-session-1' })],
    ['an array of pairs', [['x-app-auth', 'app-session-1']] as [string, string][]],
    ['a record', { 'x-app-auth': 'app-session-1' }],
  ])('given as %s, are sent', async (_, headers) => {
    const userIdentifierKey = uniqueUser('headers')
    const clientSessionToken = await fake.mintClientSessionToken(userIdentifierKey)
    const client = createSeamConnectClient({ endpoint, clientSessionToken, headers })
    await client.connectWebviews.list()
    const [logged] = await fake.requests(userIdentifierKey, '/connect_webviews/list')
    expect(logged?.header_names).toEqual(['x-app-auth'])
  })

  it('given with a value that is not a string, are refused', () => {
    expect(() =>
      createSeamConnectClient({
        endpoint,
        headers: [['x-app-auth', 1 as never]],
      }),
    ).toThrow(/headers\.x-app-auth must be a non-empty string/)
    expect(() => createSeamConnectClient({ endpoint, headers: [['x-app-auth']] as never })).toThrow(
      SeamInvalidInputError,
    )
  })

  it('are named in issue paths as they are written: an index, or a name even with a "."', () => {
    const thrown = thrownBy(() =>
      createSeamConnectClient({
        endpoint,
        headers: [['x-app-auth'], ['x.app', 1]] as never,
      }),
    ) as SeamInvalidInputError
    expect(thrown.issues).toEqual([
      { path: ['headers', 0], message: 'headers[0] must be a [name, value] pair' },
      { path: ['headers', 'x.app'], message: 'headers["x.app"] must be a non-empty string' },
    ])
  })
})

describe('secrets are scrubbed from every part of an error', () => {
  it('message, data and validationErrors', async () => {
    const userIdentifierKey = uniqueUser('scrub')
    const clientSessionToken = await fake.mintClientSessionToken(userIdentifierKey)
    const client = createSeamConnectClient({ endpoint, clientSessionToken })
    await fake.fault({
      user_identifier_key: userIdentifierKey,
      route: '/connect_webviews/list',
      status: 400,
      body: JSON.stringify({
        error: {
          type: 'invalid_input',
          message: `bad token ${clientSessionToken}`,
          data: { token: clientSessionToken, nested: [`url?auth_token=abc123`] },
          validation_errors: { token: { _errors: [`was ${clientSessionToken}`] } },
        },
        ok: false,
      }),
    })
    const error = (await rejection(client.connectWebviews.list())) as SeamApiError
    expect(error).toBeInstanceOf(SeamApiError)
    const everything = JSON.stringify([error.message, error.data, error.validationErrors])
    expect(everything).not.toContain(clientSessionToken)
    expect(everything).not.toContain('abc123')
    expect(error.data).toEqual({ token: '[redacted]', nested: ['url?auth_token=[redacted]'] })
  })

  it('cause, when an app’s own fetch wrapper puts a token in it', async () => {
    const userIdentifierKey = uniqueUser('scrub-cause')
    const clientSessionToken = await fake.mintClientSessionToken(userIdentifierKey)
    // An app's instrumented fetch that reports the failed request's headers.
    const instrumented: typeof fetch = async (input, init) => {
      try {
        return await fetch(input, init)
      } catch (failure) {
        const auth = new Headers(init?.headers).get('authorization')
        throw new Error(`request with ${auth} failed`, { cause: failure })
      }
    }
    const client = createSeamConnectClient({
      endpoint,
      clientSessionToken,
      fetch: instrumented,
      retry: { retries: 0 },
    })
    await fake.fault({
      user_identifier_key: userIdentifierKey,
      route: '/connect_webviews/list',
      drop: true,
    })
    const error = (await rejection(client.connectWebviews.list())) as SeamNetworkError
    expect(error).toBeInstanceOf(SeamNetworkError)
    expect(error.cause).toBeInstanceOf(Error)
    expect(String((error.cause as Error).message)).toMatch(
      /request with Bearer \[redacted\] failed/,
    )
    expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toContain(
      clientSessionToken,
    )
    expect(String((error.cause as Error).stack)).not.toContain(clientSessionToken)
  })
})
