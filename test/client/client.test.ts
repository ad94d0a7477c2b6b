import { describe, expect, inject, it } from 'vitest'
import {
  createSeamConnectClient,
  isSeamApiError,
  isSeamConnectError,
  isSeamInvalidInputError,
  isSeamResponseParseError,
  SeamApiError,
  SeamInvalidInputError,
  SeamNetworkError,
  type SeamResponseParseError,
} from '../../src/index'
import { fakeControl, scopeHeaders, uniqueUser } from '../../fake/control-client'
import { rejection } from '../support/errors'
import { sessionClient } from '../support/session-client'

const endpoint = inject('fakeUrl')
const publishableKey = inject('fakePublishableKey')
const apiKey = inject('fakeApiKey')
const fake = fakeControl(endpoint)
describe('createSeamConnectClient: creating and reading webviews', () => {
  it('creates a webview with custom_metadata and reads it back by id', async () => {
    const { client } = sessionClient('create')
    const created = await client.connectWebviews.create({
      custom_metadata: { your_app_user_id: 'u_1', beta: true },
    })
    expect(created.status).toBe('pending')
    expect(created.custom_metadata).toEqual({ your_app_user_id: 'u_1', beta: true })
    expect(new URL(created.url).searchParams.get('connect_webview_id')).toBe(
      created.connect_webview_id,
    )
    const read = await client.connectWebviews.get({
      connect_webview_id: created.connect_webview_id,
    })
    expect(read.connect_webview_id).toBe(created.connect_webview_id)
    expect(read.custom_metadata).toEqual(created.custom_metadata)
  })

  it('stores {} when custom_metadata is omitted, on the webview and on the account', async () => {
    const { client } = sessionClient('empty')
    const created = await client.connectWebviews.create()
    expect(created.custom_metadata).toEqual({})
    const { connected_account } = await fake.complete(created.connect_webview_id)
    const account = await client.connectedAccounts.get({
      connected_account_id: connected_account.connected_account_id,
    })
    expect(account.custom_metadata).toEqual({})
  })

  it('keeps fields it does not know about', async () => {
    const { client } = sessionClient('loose')
    const created = await client.connectWebviews.create()
    expect(created.workspace_id).toEqual(expect.any(String))
    expect(created).toHaveProperty('any_provider_allowed')
  })
})

describe('custom_metadata rules are enforced before any request', () => {
  const cases: [string, Record<string, unknown>, RegExp][] = [
    [
      '51 keys',
      Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v'])),
      /51 keys; at most 50/,
    ],
    [
      'a 41-character key',
      { ['k'.repeat(41)]: 'v' },
      new RegExp(`"${'k'.repeat(41)}".*at most 40`),
    ],
    ['a key containing "."', { 'user.id': 'v' }, /"user\.id" must not contain "\."/],
    ['a numeric value', { amount: 12 }, /"amount".*string, a boolean or null, not a number/],
    ['a 501-character string', { note: 'n'.repeat(501) }, /"note".*501 characters; at most 500/],
    ['an object value', { nested: { a: 1 } }, /"nested".*not an object/],
    ['an undefined value', { gone: undefined }, /"gone".*not undefined/],
  ]
  it.each(cases)(
    '%s: SeamInvalidInputError naming it, zero requests',
    async (_, custom_metadata, pattern) => {
      const { client, userIdentifierKey } = sessionClient('rules')
      const error = await rejection(client.connectWebviews.create({ custom_metadata } as never))
      expect(error).toBeInstanceOf(SeamInvalidInputError)
      expect(isSeamInvalidInputError(error)).toBe(true)
      expect((error as Error).message).toMatch(pattern)
      // Values never appear in messages: they may be personal data.
      expect((error as Error).message).not.toMatch(/n{501}/)
      expect(await fake.requests(userIdentifierKey)).toEqual([])
    },
  )

  it('reports every broken rule at once, with paths', async () => {
    const { client } = sessionClient('all')
    const error = (await rejection(
      client.connectWebviews.create({
        custom_metadata: { 'a.b': 1, ['x'.repeat(41)]: 'ok' } as never,
      }),
    )) as SeamInvalidInputError
    expect(error.issues.map((i) => i.path)).toEqual([
      ['custom_metadata', 'a.b'],
      ['custom_metadata', 'a.b'],
      ['custom_metadata', 'x'.repeat(41)],
    ])
  })

  it('accepts the limits exactly: 50 keys, 40-character keys, 500-character values, null', async () => {
    const { client } = sessionClient('limits')
    const custom_metadata = Object.fromEntries(
      Array.from({ length: 50 }, (_, i) => [`${i}`.padEnd(40, 'k'), 'v'.repeat(500)]),
    )
    const created = await client.connectWebviews.create({
      custom_metadata: { ...custom_metadata, [`49`.padEnd(40, 'k')]: null },
    })
    expect(Object.keys(created.custom_metadata)).toHaveLength(49)
  })

  it('refuses unknown params (a typo would silently drop the metadata)', async () => {
    const { client, userIdentifierKey } = sessionClient('typo')
    const error = await rejection(
      client.connectWebviews.create({ customMetadata: { a: 'b' } } as never),
    )
    expect((error as Error).message).toMatch(/unknown parameter "customMetadata"/)
    expect(await fake.requests(userIdentifierKey)).toEqual([])
  })

  it.each([
    [{ connect_webview_id: '' }, /connect_webview_id must be a non-empty string/],
    [{}, /connect_webview_id is required/],
    [{ connect_webview_id: 42 }, /connect_webview_id must be a non-empty string/],
  ])('get(%j) is refused before sending', async (params, pattern) => {
    const { client, userIdentifierKey } = sessionClient('get-input')
    const error = await rejection(client.connectWebviews.get(params as never))
    expect((error as Error).message).toMatch(pattern)
    expect(await fake.requests(userIdentifierKey)).toEqual([])
  })

  it('checks other create params: redirect URLs, provider category, capabilities', async () => {
    const { client } = sessionClient('params')
    const error = (await rejection(
      client.connectWebviews.create({
        custom_redirect_url: 'javascript:alert(1)',
        provider_category: 'nope' as never,
        accepted_capabilities: ['lock', 'door' as never],
      }),
    )) as SeamInvalidInputError
    expect(error.issues.map((i) => i.message)).toEqual([
      'custom_redirect_url must be an http(s) URL',
      expect.stringMatching(/^provider_category must be one of stable, /),
      expect.stringMatching(/^accepted_capabilities\[1\] must be one of lock, /),
    ])
  })
})

describe('authentication', () => {
  it('exchanges a publishable key once, even for concurrent first calls', async () => {
    const { client, userIdentifierKey } = sessionClient('exchange')
    const created = await client.connectWebviews.create()
    const id = { connect_webview_id: created.connect_webview_id }
    await Promise.all([
      client.connectWebviews.get(id),
      client.connectWebviews.get(id),
      client.connectWebviews.list(),
    ])
    const exchanges = await fake.requests(userIdentifierKey, '/client_sessions/get_or_create')
    expect(exchanges).toHaveLength(1)
    expect(exchanges[0]?.auth).toBe('publishable_key')
    const reads = await fake.requests(userIdentifierKey, '/connect_webviews/get')
    expect(reads.map((r) => r.auth)).toEqual(['client_session', 'client_session'])
  })

  it('shares one exchange between concurrent first calls', async () => {
    const { client, userIdentifierKey } = sessionClient('concurrent')
    await Promise.all([
      client.connectWebviews.list(),
      client.connectedAccounts.list(),
      client.connectWebviews.list(),
    ])
    expect(await fake.requests(userIdentifierKey, '/client_sessions/get_or_create')).toHaveLength(1)
  })

  it('re-exchanges once after a 401 and retries the request', async () => {
    const { client, userIdentifierKey } = sessionClient('expired')
    await client.connectWebviews.list()
    await fake.fault({
      user_identifier_key: userIdentifierKey,
      route: '/connect_webviews/list',
      status: 401,
      error_type: 'unauthorized',
    })
    const page = await client.connectWebviews.list()
    expect(page.items).toEqual([])
    const paths = (await fake.requests(userIdentifierKey)).map((r) => `${r.path} ${r.status}`)
    expect(paths).toEqual([
      '/client_sessions/get_or_create 200',
      '/connect_webviews/list 200',
      '/connect_webviews/list 401',
      '/client_sessions/get_or_create 200',
      '/connect_webviews/list 200',
    ])
  })

  it('gives up after one re-exchange when the 401 persists', async () => {
    const { client, userIdentifierKey } = sessionClient('revoked')
    await fake.fault({
      user_identifier_key: userIdentifierKey,
      route: '/connect_webviews/list',
      status: 401,
      error_type: 'unauthorized',
      times: 5,
    })
    const error = await rejection(client.connectWebviews.list())
    expect(error).toBeInstanceOf(SeamApiError)
    expect((error as SeamApiError).status).toBe(401)
    expect(await fake.requests(userIdentifierKey, '/connect_webviews/list')).toHaveLength(2)
  })

  it('uses a client session token as both headers Seam reads', async () => {
    const userIdentifierKey = uniqueUser('cst')
    const clientSessionToken = await fake.mintClientSessionToken(userIdentifierKey)
    const client = createSeamConnectClient({ endpoint, clientSessionToken })
    const created = await client.connectWebviews.create({ custom_metadata: { a: 'b' } })
    expect(created.custom_metadata).toEqual({ a: 'b' })
    const logged = await fake.requests(userIdentifierKey, '/connect_webviews/create')
    expect(logged.map((r) => r.auth)).toEqual(['client_session'])
  })

  it('a wrong publishable key is a SeamApiError 401 without the key in its message', async () => {
    const client = createSeamConnectClient({
      endpoint,
      publishableKey: 'seam_pk1wrong_key_value',
      userIdentifierKey: uniqueUser('wrong-pk'),
    })
    const error = (await rejection(client.connectWebviews.list())) as SeamApiError
    expect(error.status).toBe(401)
    expect(error.type).toBe('unauthorized')
    expect(error.message).not.toContain('seam_pk1wrong_key_value')
  })

  it('refuses contradictory or incomplete options synchronously', () => {
    expect(() => createSeamConnectClient({ endpoint, publishableKey })).toThrow(
      /userIdentifierKey is required with the other/,
    )
    expect(() =>
      createSeamConnectClient({ endpoint, clientSessionToken: 'seam_cst1', apiKey }),
    ).toThrow(/apiKey cannot be combined with clientSessionToken/)
    expect(() => createSeamConnectClient({ endpoint: 'ftp://example.com' })).toThrow(
      SeamInvalidInputError,
    )
    expect(() => createSeamConnectClient({ endpoint: '/api/seam' })).toThrow(
      /endpoint must be an http\(s\) URL/,
    )
    expect(() => createSeamConnectClient({ clientSessionToken: '  ' })).toThrow(
      /clientSessionToken must be a non-empty string/,
    )
  })
})

describe('errors come from real server replies', () => {
  it('a Seam error envelope becomes a SeamApiError with status, type, requestId', async () => {
    const { client } = sessionClient('404')
    const error = (await rejection(
      client.connectWebviews.get({ connect_webview_id: crypto.randomUUID() }),
    )) as SeamApiError
    expect(isSeamApiError(error)).toBe(true)
    expect(isSeamConnectError(error)).toBe(true)
    expect(error.status).toBe(404)
    expect(error.type).toBe('connect_webview_not_found')
    expect(error.requestId).toMatch(/^[0-9a-f-]{36}$/)
    expect(error.message).toContain(error.requestId)
  })

  it('exposes validation_errors of a server-side invalid_input', async () => {
    const { client, userIdentifierKey } = sessionClient('server-400')
    await fake.fault({
      user_identifier_key: userIdentifierKey,
      route: '/connect_webviews/create',
      status: 400,
      body: JSON.stringify({
        error: {
          type: 'invalid_input',
          message: 'Invalid input',
          validation_errors: { _errors: [], custom_metadata: { _errors: ['bad'] } },
        },
        ok: false,
      }),
    })
    const error = (await rejection(client.connectWebviews.create())) as SeamApiError
    expect(error.type).toBe('invalid_input')
    expect(error.validationErrors).toEqual({ _errors: [], custom_metadata: { _errors: ['bad'] } })
  })

  it('honours Retry-After on 429', async () => {
    const { client, userIdentifierKey } = sessionClient('429')
    await client.connectWebviews.list()
    await fake.fault({
      user_identifier_key: userIdentifierKey,
      route: '/connect_webviews/list',
      status: 429,
      error_type: 'rate_limited',
      retry_after: '1',
    })
    const started = performance.now()
    await client.connectWebviews.list()
    expect(performance.now() - started).toBeGreaterThanOrEqual(990)
    const statuses = (await fake.requests(userIdentifierKey, '/connect_webviews/list')).map(
      (r) => r.status,
    )
    expect(statuses).toEqual([200, 429, 200])
  })

  it('does not wait for a Retry-After beyond maxRetryAfterMs', async () => {
    const { client, userIdentifierKey } = sessionClient('429-long', {
      retry: { minDelayMs: 5, maxDelayMs: 20, maxRetryAfterMs: 500 },
    })
    await client.connectWebviews.list()
    await fake.fault({
      user_identifier_key: userIdentifierKey,
      route: '/connect_webviews/list',
      status: 429,
      retry_after: '3600',
    })
    const error = (await rejection(client.connectWebviews.list())) as SeamApiError
    expect(error.status).toBe(429)
  })

  it('never retries other 4xx', async () => {
    const { client, userIdentifierKey } = sessionClient('403')
    await client.connectWebviews.list()
    await fake.fault({
      user_identifier_key: userIdentifierKey,
      route: '/connect_webviews/list',
      status: 403,
      error_type: 'forbidden',
      times: 3,
    })
    const error = (await rejection(client.connectWebviews.list())) as SeamApiError
    expect(error.status).toBe(403)
    expect(await fake.requests(userIdentifierKey, '/connect_webviews/list')).toHaveLength(2)
  })

  it('a server that is not there is a SeamNetworkError', async () => {
    const client = createSeamConnectClient({
      endpoint: 'http://127.0.0.1:9',
      clientSessionToken: 'seam_cst1_unreachable',
      retry: { retries: 0 },
    })
    const error = (await rejection(client.connectWebviews.list())) as SeamNetworkError
    expect(error).toBeInstanceOf(SeamNetworkError)
    expect(error.message).not.toContain('seam_cst1_unreachable')
  })

  it('a 2xx with the wrong shape is a SeamResponseParseError that hides the values', async () => {
    const { client, userIdentifierKey } = sessionClient('shape')
    await client.connectWebviews.list()
    await fake.fault({
      user_identifier_key: userIdentifierKey,
      route: '/connect_webviews/get',
      status: 200,
      body: JSON.stringify({
        connect_webview: {
          connect_webview_id: 'x',
          status: 7,
          url: 'https://example.com/?auth_token=SECRET_TOKEN',
          connected_account_id: null,
          custom_metadata: {},
        },
        ok: true,
      }),
    })
    const error = (await rejection(
      client.connectWebviews.get({ connect_webview_id: 'x' }),
    )) as SeamResponseParseError
    expect(isSeamResponseParseError(error)).toBe(true)
    expect(error.message).toBe(
      'Unexpected response from /connect_webviews/get: connect_webview.status must be a string',
    )
    expect(error.issues).toEqual([
      { path: ['connect_webview', 'status'], message: 'connect_webview.status must be a string' },
    ])
    expect(error.cause).toBeDefined()
    expect(JSON.stringify(error.cause)).not.toContain('SECRET_TOKEN')
    // The zod error stays a zod error, readable as one.
    expect((error.cause as { issues: unknown[] }).issues).toHaveLength(1)
    expect(String(error.cause)).toContain('connect_webview')
  })

  it('a 2xx whose body is not an object names the response, not the params', async () => {
    const { client, userIdentifierKey } = sessionClient('not-object')
    await client.connectWebviews.list()
    await fake.fault({
      user_identifier_key: userIdentifierKey,
      route: '/connect_webviews/get',
      status: 200,
      body: '[]',
    })
    const error = (await rejection(
      client.connectWebviews.get({ connect_webview_id: 'x' }),
    )) as SeamResponseParseError
    expect(error.message).toBe(
      'Unexpected response from /connect_webviews/get: response must be an object',
    )
    expect(error.issues).toEqual([{ path: [], message: 'response must be an object' }])
  })

  it('a 2xx that is not JSON did not come from Seam: a SeamNetworkError', async () => {
    const { client, userIdentifierKey } = sessionClient('not-json')
    await client.connectWebviews.list()
    await fake.fault({
      user_identifier_key: userIdentifierKey,
      route: '/connect_webviews/create',
      status: 200,
      body: '<html>',
    })
    const error = await rejection(client.connectWebviews.create())
    expect(error).toBeInstanceOf(SeamNetworkError)
    expect((error as Error).message).toMatch(/answered 200 with a body that is not JSON/)
  })

  it('a non-JSON error body is still a typed SeamApiError', async () => {
    const { client, userIdentifierKey } = sessionClient('502')
    await client.connectWebviews.list()
    await fake.fault({
      user_identifier_key: userIdentifierKey,
      route: '/connect_webviews/create',
      status: 502,
      body: 'Bad Gateway',
    })
    const error = (await rejection(client.connectWebviews.create())) as SeamApiError
    expect(error.status).toBe(502)
    expect(error.type).toBe('unknown_error')
  })

  it('scrubs secrets that a server echoes in its message', async () => {
    const { client, userIdentifierKey } = sessionClient('echo')
    await client.connectWebviews.list()
    await fake.fault({
      user_identifier_key: userIdentifierKey,
      route: '/connect_webviews/list',
      status: 400,
      error_type: 'invalid_input',
      message: `bad session seam_cst1abcdef for ${userIdentifierKey} at /x?auth_token=abc123`,
    })
    const error = (await rejection(client.connectWebviews.list())) as SeamApiError
    expect(error.message).not.toContain('seam_cst1abcdef')
    expect(error.message).not.toContain(userIdentifierKey)
    expect(error.message).not.toContain('abc123')
    expect(error.message).toContain('[redacted]')
  })

  it('an aborted call rejects with signal.reason, while in flight or waiting to retry', async () => {
    const userIdentifierKey = uniqueUser('abort')
    const client = createSeamConnectClient({
      endpoint,
      publishableKey,
      userIdentifierKey,
      retry: { minDelayMs: 60_000, maxDelayMs: 60_000 },
    })
    await client.connectWebviews.list()
    const reason = new Error('user went away')

    await fake.fault({
      user_identifier_key: userIdentifierKey,
      route: '/connect_webviews/list',
      latency_ms: 60_000,
    })
    const inFlight = new AbortController()
    const slow = client.connectWebviews.list({}, { signal: inFlight.signal })
    await expect.poll(() => fake.pendingFaults(userIdentifierKey)).toBe(0)
    inFlight.abort(reason)
    expect(await rejection(slow)).toBe(reason)

    await fake.fault({
      user_identifier_key: userIdentifierKey,
      route: '/connect_webviews/list',
      status: 503,
    })
    const backingOff = new AbortController()
    const waiting = client.connectWebviews.list({}, { signal: backingOff.signal })
    await expect
      .poll(() => fake.requests(userIdentifierKey, '/connect_webviews/list'))
      .toContainEqual(expect.objectContaining({ status: 503 }))
    backingOff.abort(reason)
    expect(await rejection(waiting)).toBe(reason)
  })

  it('an already aborted signal sends nothing', async () => {
    const { client, userIdentifierKey } = sessionClient('pre-abort')
    const controller = new AbortController()
    controller.abort(new Error('no'))
    await expect(client.connectWebviews.list({}, { signal: controller.signal })).rejects.toThrow(
      'no',
    )
    expect(await fake.requests(userIdentifierKey, '/connect_webviews/list')).toEqual([])
  })
})

describe('lists and pagination', () => {
  it('filters by custom_metadata_has and walks every page with listAll', async () => {
    const { client } = sessionClient('list')
    for (let i = 0; i < 5; i++) {
      await client.connectWebviews.create({
        custom_metadata: { tenant: i % 2 ? 'odd' : 'even', i: `${i}` },
      })
    }
    const first = await client.connectWebviews.list({
      limit: 2,
      custom_metadata_has: { tenant: 'even' },
    })
    expect(first.items).toHaveLength(2)
    expect(first.pagination.has_next_page).toBe(true)
    const all = []
    for await (const webview of client.connectWebviews.listAll({
      limit: 2,
      custom_metadata_has: { tenant: 'even' },
    })) {
      all.push(webview.custom_metadata.i)
    }
    expect(all.sort()).toEqual(['0', '2', '4'])
    await expect(
      client.connectWebviews.list({ custom_metadata_has: { missing: null } }),
    ).resolves.toMatchObject({
      items: expect.arrayContaining([]),
    })
    expect(
      (await client.connectWebviews.list({ custom_metadata_has: { missing: null } })).items,
    ).toHaveLength(5)
  })

  it('lists the session’s connected accounts', async () => {
    const { client } = sessionClient('accounts')
    const created = await client.connectWebviews.create({ custom_metadata: { who: 'me' } })
    await fake.complete(created.connect_webview_id)
    const accounts = []
    for await (const account of client.connectedAccounts.listAll({
      custom_metadata_has: { who: 'me' },
    })) {
      accounts.push(account)
    }
    expect(accounts.map((a) => a.custom_metadata)).toEqual([{ who: 'me' }])
  })

  it('validates list params', async () => {
    const { client } = sessionClient('list-input')
    await expect(client.connectWebviews.list({ limit: 0 })).rejects.toThrow(
      /limit must be a positive integer/,
    )
    await expect(
      client.connectedAccounts.list({ custom_metadata_has: { a: 1 as never } }),
    ).rejects.toThrow(
      /custom_metadata_has must be a plain object of string, boolean or null values/,
    )
  })
})

describe('connectedAccounts.update (from a server, with the API key)', () => {
  it('replaces the whole custom_metadata; null and "" remove keys', async () => {
    const { client } = sessionClient('update')
    const created = await client.connectWebviews.create({
      custom_metadata: { keep: 'old', drop_null: 'x', drop_empty: 'y', flag: true },
    })
    const { connected_account } = await fake.complete(created.connect_webview_id)
    const server = createSeamConnectClient({ endpoint, apiKey })
    const updated = await server.connectedAccounts.update({
      connected_account_id: connected_account.connected_account_id,
      custom_metadata: { keep: 'new', drop_null: null, drop_empty: '' },
    })
    // Seam's reply carries the updated account (per @seamapi/types), and the client passes it on.
    expect(updated?.custom_metadata).toEqual({ keep: 'new' })
    const account = await server.connectedAccounts.get({
      connected_account_id: connected_account.connected_account_id,
    })
    expect(account.custom_metadata).toEqual({ keep: 'new' })
  })

  it('is refused by Seam for a client session, as a typed SeamApiError', async () => {
    const { client } = sessionClient('update-cst')
    const created = await client.connectWebviews.create()
    const { connected_account } = await fake.complete(created.connect_webview_id)
    const error = (await rejection(
      client.connectedAccounts.update({
        connected_account_id: connected_account.connected_account_id,
        custom_metadata: {},
      }),
    )) as SeamApiError
    expect([401, 403]).toContain(error.status)
    // The message says why, and where to go, instead of reading as an expired session.
    expect(error.message).toMatch(/only with an API key.*react-seam-connect\/server/)
  })

  it('resolves with nothing when Seam’s reply is only { ok: true } (the older documented reply)', async () => {
    const scope = uniqueUser('update-ok-only')
    const { client } = sessionClient('update-ok-only')
    const created = await client.connectWebviews.create()
    const { connected_account } = await fake.complete(created.connect_webview_id)
    const server = createSeamConnectClient({ endpoint, apiKey, headers: scopeHeaders(scope) })
    await fake.fault({
      scope,
      route: '/connected_accounts/update',
      status: 200,
      body: '{"ok":true}',
    })
    await expect(
      server.connectedAccounts.update({
        connected_account_id: connected_account.connected_account_id,
        custom_metadata: {},
      }),
    ).resolves.toBeUndefined()
  })

  it('validates update params before sending', async () => {
    const server = createSeamConnectClient({ endpoint, apiKey })
    await expect(
      server.connectedAccounts.update({
        connected_account_id: 'x',
        custom_metadata: { 'a.b': 'c' },
      }),
    ).rejects.toThrow(/"a\.b" must not contain "\."/)
    await expect(server.connectedAccounts.get({} as never)).rejects.toThrow(
      /pass exactly one of connected_account_id and email/,
    )
  })
})

describe('on a server (no window)', () => {
  it('accepts an API key, which a browser never may', async () => {
    expect(typeof window).toBe('undefined')
    const server = createSeamConnectClient({ endpoint, apiKey })
    await expect(server.connectWebviews.list({ limit: 1 })).resolves.toHaveProperty('items')
  })

  it('the whole public entry imports without a DOM', async () => {
    const entry = await import('../../src/index')
    expect(Object.keys(entry)).toEqual(
      expect.arrayContaining(['createSeamConnectClient', 'seamConnectKeys', 'SeamConnectProvider']),
    )
  })
})
