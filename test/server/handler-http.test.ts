// The handler as an HTTP endpoint: who gets in (401), what it serves (404), what it reads (413,
// 415, 400), how it fails (500, 502, 504) and what passes through from Seam. Real HTTP: browser
// -> handler (toNodeListener) -> fake Seam Connect.
import { describe, expect, it } from 'vitest'
import {
  fake,
  noApiKeyAnywhere,
  rawRequest,
  startHandler,
  twoUsers,
  USER_HEADER,
} from './support/harness'
import { isSeamInvalidInputError, isSeamNetworkError } from '../../src/index'

const ENVELOPE = { error: { type: expect.any(String), message: expect.any(String) }, ok: false }

describe('unauthenticated', () => {
  it.each([
    '/connect_webviews/create',
    '/connect_webviews/get',
    '/connect_webviews/list',
    '/connected_accounts/get',
    '/connected_accounts/list',
    '/connected_accounts/update',
  ])(
    'unauthenticated: %s without a signed-in user is a 401, and nothing reaches Seam',
    async (route) => {
      const app = await startHandler('unauthenticated')
      const reply = await app.post(route, { connect_webview_id: 'x' })
      expect(reply.status).toBe(401)
      expect(reply.json).toEqual({
        error: { type: 'unauthorized', message: 'Unauthorized' },
        ok: false,
      })
      expect(await app.seamRequests()).toEqual([])
    },
  )

  it('unauthenticated: the browser client gets a SeamApiError 401', async () => {
    const app = await startHandler('unauthenticated-client')
    const error = await app
      .browserClient('', { headers: {} })
      .connectWebviews.list()
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ name: 'SeamApiError', status: 401, type: 'unauthorized' })
  })
})

describe('not found', () => {
  it.each([
    ['an unknown route', '/api/seam/devices/list'],
    ['client sessions', '/api/seam/client_sessions/get_or_create'],
    ['client sessions (create)', '/api/seam/client_sessions/create'],
    ['deleting an account', '/api/seam/connected_accounts/delete'],
    ['the webview page', '/api/seam/connect_webviews/view'],
    ['a trailing slash', '/api/seam/connect_webviews/list/'],
    ['the base path itself', '/api/seam'],
    ['a wrong base path', '/api/other/connect_webviews/list'],
    ['a base path prefix', '/api/seamx/connect_webviews/list'],
    ['no base path', '/connect_webviews/list'],
    ['an encoded slash', '/api/seam/connect_webviews%2Flist'],
  ])('not found: %s is a 404, even for a signed-in user', async (_, path) => {
    const [alice] = twoUsers('notfound')
    const app = await startHandler('notfound')
    const reply = await rawRequest(app.url, {
      path,
      headers: { 'content-type': 'application/json', [USER_HEADER]: alice },
      body: '{}',
    })
    expect(reply.status).toBe(404)
    expect(JSON.parse(reply.text)).toEqual({
      error: { type: 'not_found', message: 'Not found' },
      ok: false,
    })
    expect(await app.seamRequests()).toEqual([])
  })

  it.each([
    ['../ out of the base path', '/api/seam/../x'],
    ['../ onto an unserved route', '/api/seam/connect_webviews/../connected_accounts/delete'],
    ['an encoded ../', '/api/seam/%2e%2e/seam/connected_accounts/delete'],
    ['a doubled slash', '//api/seam/connect_webviews/list'],
  ])('not found: path traversal, %s, is a 404', async (_, path) => {
    const [alice] = twoUsers('traversal')
    const app = await startHandler('traversal')
    const reply = await rawRequest(app.url, {
      path,
      headers: { 'content-type': 'application/json', [USER_HEADER]: alice },
      body: '{}',
    })
    expect(reply.status).toBe(404)
    expect(await app.seamRequests()).toEqual([])
  })

  it('a ../ is a 404 even where it resolves to a served route (a proxy in front saw another path)', async () => {
    const [alice] = twoUsers('dotdot')
    const app = await startHandler('dotdot')
    const reply = await rawRequest(app.url, {
      path: '/api/seam/connected_accounts/../connect_webviews/list',
      headers: { 'content-type': 'application/json', [USER_HEADER]: alice },
      body: '{}',
    })
    expect(reply.status).toBe(404)
    expect(await app.seamRequests()).toEqual([])
  })

  it('another method on a served route is a 405 naming POST', async () => {
    const [alice] = twoUsers('method')
    const app = await startHandler('method')
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const reply = await rawRequest(app.url, {
        method,
        path: '/api/seam/connect_webviews/list',
        headers: { [USER_HEADER]: alice },
      })
      expect(reply.status).toBe(405)
      expect(reply.headers.allow).toBe('POST')
    }
  })
})

describe('what the handler reads', () => {
  it('a body over the limit is a 413, whether its length is declared or not', async () => {
    const [alice] = twoUsers('too-large')
    const app = await startHandler('too-large', { maxBodyBytes: 1024 })
    const body = JSON.stringify({ custom_metadata: { a: 'x'.repeat(2000) } })
    const declared = await app.post('/connect_webviews/create', body, alice)
    expect(declared.status).toBe(413)
    expect(declared.json.error.type).toBe('payload_too_large')
    // Chunked: no content-length, so the limit is counted as the bytes arrive.
    const chunked = await rawRequest(app.url, {
      path: '/api/seam/connect_webviews/create',
      headers: {
        'content-type': 'application/json',
        'transfer-encoding': 'chunked',
        [USER_HEADER]: alice,
      },
      body,
    })
    expect(chunked.status).toBe(413)
    // Exactly at the limit is fine.
    const fits = JSON.stringify({ custom_metadata: { a: 'x'.repeat(500), b: 'x'.repeat(489) } })
    expect(Buffer.byteLength(fits)).toBe(1024)
    expect((await app.post('/connect_webviews/create', fits, alice)).status).toBe(200)
    expect(await app.seamRequests()).toHaveLength(1)
  })

  it.each([
    ['not JSON', '{"custom_metadata":'],
    ['HTML', '<html></html>'],
    ['not UTF-8', '\xff\xfe'],
  ])('a body that is %s is a 400, and nothing reaches Seam', async (_, body) => {
    const [alice] = twoUsers('not-json')
    const app = await startHandler('not-json')
    const reply = await rawRequest(app.url, {
      path: '/api/seam/connect_webviews/create',
      headers: { 'content-type': 'application/json', [USER_HEADER]: alice },
      body: body === '\xff\xfe' ? Buffer.from([0xff, 0xfe]) : body,
    })
    expect(reply.status).toBe(400)
    expect(JSON.parse(reply.text)).toEqual({
      error: { type: 'invalid_input', message: 'The request body is not JSON' },
      ok: false,
    })
    expect(await app.seamRequests()).toEqual([])
  })

  it('JSON must say so (415): a cross-site form can send text/plain with cookies, unpreflighted', async () => {
    const [alice] = twoUsers('content-type')
    const app = await startHandler('content-type')
    const reply = await app.post('/connect_webviews/create', '{}', alice, {
      'content-type': 'text/plain',
    })
    expect(reply.status).toBe(415)
    expect(reply.json.error.type).toBe('unsupported_media_type')
    expect(
      (
        await app.post('/connect_webviews/list', '{}', alice, {
          'content-type': 'application/json; charset=utf-8',
        })
      ).status,
    ).toBe(200)
  })

  it('an empty body is Seam’s “no params”', async () => {
    const [alice] = twoUsers('empty')
    const app = await startHandler('empty')
    const reply = await app.post('/connect_webviews/list', '', alice)
    expect(reply.status).toBe(200)
    expect(reply.json.connect_webviews).toEqual([])
  })

  it.each([
    [
      '/connect_webviews/create',
      { custom_metadata: { 'user.id': 'x' } },
      /custom_metadata key "user.id" must not contain "."/,
    ],
    ['/connect_webviews/create', { customMetadata: {} }, /unknown parameter "customMetadata"/],
    [
      '/connect_webviews/create',
      { custom_redirect_url: 'javascript:alert(1)' },
      /custom_redirect_url must be an http\(s\) URL/,
    ],
    ['/connect_webviews/create', [], /params must be an object/],
    ['/connect_webviews/get', {}, /connect_webview_id is required/],
    ['/connect_webviews/list', { limit: 0 }, /limit must be a positive integer/],
    [
      '/connected_accounts/get',
      { connected_account_id: 'a', email: 'b' },
      /pass exactly one of connected_account_id and email/,
    ],
    ['/connected_accounts/list', { custom_metadata_has: { a: 1 } }, /custom_metadata_has must be/],
    ['/connected_accounts/update', { custom_metadata: {} }, /connected_account_id is required/],
    [
      '/connected_accounts/update',
      { connected_account_id: 'a', user_identifier_key: 'b' },
      /unknown parameter "user_identifier_key"/,
    ],
  ])(
    'invalid input to %s is a 400 in Seam’s envelope, with zero requests to Seam (%j)',
    async (route, body, message) => {
      const [alice] = twoUsers('invalid')
      const app = await startHandler('invalid')
      const reply = await app.post(route, body, alice)
      expect(reply.status).toBe(400)
      expect(reply.json).toMatchObject({ error: { type: 'invalid_input' }, ok: false })
      expect(reply.json.error.message).toMatch(message)
      expect(reply.json.error.data.issues).toEqual(
        expect.arrayContaining([expect.objectContaining({ path: expect.any(Array) })]),
      )
      expect(await app.seamRequests()).toEqual([])
    },
  )

  it('invalid input through the browser client is refused before it even leaves the browser', async () => {
    const [alice] = twoUsers('invalid-client')
    const app = await startHandler('invalid-client')
    const error = await app
      .browserClient(alice)
      .connectWebviews.create({ custom_metadata: { 'a.b': 'x' } })
      .catch((e: unknown) => e)
    expect(isSeamInvalidInputError(error)).toBe(true)
    expect(await app.seamRequests()).toEqual([])
  })
})

describe('when the app’s authorize fails', () => {
  it('authorize throwing is a 500 whose body says nothing more; onError gets the error', async () => {
    const [alice] = twoUsers('authorize-throws')
    const secret = 'db password hunter2 at db.internal:5432'
    const app = await startHandler('authorize-throws', {
      authorize: () => {
        throw new Error(secret)
      },
    })
    const reply = await app.post('/connect_webviews/list', {}, alice)
    expect(reply.status).toBe(500)
    expect(reply.json).toEqual({
      error: { type: 'internal_server_error', message: 'Internal server error' },
      ok: false,
    })
    expect(reply.text).not.toContain('hunter2')
    expect(app.errors).toEqual([new Error(secret)])
    expect(await app.seamRequests()).toEqual([])
  })

  it('authorize rejecting is the same 500', async () => {
    const [alice] = twoUsers('authorize-rejects')
    const app = await startHandler('authorize-rejects', {
      authorize: () => Promise.reject(new Error('session store down')),
    })
    const reply = await app.post('/connect_webviews/list', {}, alice)
    expect(reply.status).toBe(500)
    expect(reply.text).not.toContain('session store')
  })

  it.each([
    ['no pair at all (every resource would match)', {}],
    ['a number', { user_id: 42 }],
    ['null', { user_id: null }],
    ['an empty string', { user_id: '' }],
    ['a key with a dot', { 'user.id': 'u1' }],
    ['a 501-character value', { user_id: 'x'.repeat(501) }],
    ['not an object', 'u1'],
  ])(
    'trustedMetadata with %s is a 500 without details, before anything reaches Seam',
    async (_, trustedMetadata) => {
      const [alice] = twoUsers('bad-trusted')
      const app = await startHandler('bad-trusted', {
        // The app's bug, as it would happen at run time in JavaScript.
        authorize: () => ({ trustedMetadata }) as never,
      })
      const reply = await app.post('/connect_webviews/create', {}, alice)
      expect(reply.status).toBe(500)
      expect(reply.json.error).toEqual({
        type: 'internal_server_error',
        message: 'Internal server error',
      })
      expect(reply.text).not.toContain('user_id')
      expect(app.errors).toHaveLength(1)
      expect(isSeamInvalidInputError(app.errors[0])).toBe(true)
      // The error names the key and the rule, never the value.
      expect(String(app.errors[0])).not.toContain('x'.repeat(501))
      expect(await app.seamRequests()).toEqual([])
    },
  )

  it('authorize resolving to something other than { trustedMetadata } or null is a 500', async () => {
    const [alice] = twoUsers('bad-result')
    for (const result of [undefined, true, { user_id: 'u1' }]) {
      const app = await startHandler('bad-result', { authorize: () => result as never })
      expect((await app.post('/connect_webviews/list', {}, alice)).status).toBe(500)
    }
  })
})

describe('what passes through from Seam', () => {
  it('Seam’s error envelope and seam-request-id pass through (a 404 for a missing id)', async () => {
    const [alice] = twoUsers('passthrough-404')
    const app = await startHandler('passthrough-404')
    const id = '00000000-0000-4000-8000-000000000000'
    const reply = await app.post('/connect_webviews/get', { connect_webview_id: id }, alice)
    const direct = await fake.request('/connect_webviews/get', {
      headers: fake.apiKeyHeaders(),
      body: { connect_webview_id: id },
    })
    expect(reply.status).toBe(404)
    expect(reply.json).toEqual(direct.body)
    const [logged] = await app.seamRequests('/connect_webviews/get')
    expect(reply.headers.get('seam-request-id')).toBe(logged?.request_id)
    expect(reply.headers.get('cache-control')).toBe('no-store')
  })

  it('a 5xx from Seam passes through with its envelope, seam-request-id and Retry-After', async () => {
    const [alice] = twoUsers('passthrough-503')
    const app = await startHandler('passthrough-503')
    await fake.fault({
      scope: app.scope,
      route: '/connect_webviews/create',
      status: 503,
      message: 'Seam is down for maintenance',
      retry_after: '7',
    })
    const reply = await app.post('/connect_webviews/create', {}, alice)
    expect(reply.status).toBe(503)
    expect(reply.json).toEqual({
      error: { type: 'service_unavailable', message: 'Seam is down for maintenance' },
      ok: false,
    })
    expect(reply.headers.get('retry-after')).toBe('7')
    const [logged] = await app.seamRequests('/connect_webviews/create')
    expect(reply.headers.get('seam-request-id')).toBe(logged?.request_id)
    // The browser client reads it as Seam's own error.
    await fake.fault({ scope: app.scope, route: '/connect_webviews/create', status: 503 })
    const error = await app
      .browserClient(alice)
      .connectWebviews.create()
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ name: 'SeamApiError', status: 503, type: 'service_unavailable' })
  })

  it('Seam refusing the server’s API key is a 502, not a 401 the browser would take for its own', async () => {
    const [alice] = twoUsers('key-refused')
    const app = await startHandler('key-refused')
    await fake.fault({ scope: app.scope, status: 401, message: 'Invalid API key' })
    const reply = await app.post('/connect_webviews/list', {}, alice)
    expect(reply.status).toBe(502)
    expect(reply.json.error.type).toBe('bad_gateway')
    // The app hears why, as a typed error.
    expect(app.errors).toEqual([
      expect.objectContaining({ name: 'SeamApiError', status: 401, type: 'unauthorized' }),
    ])
  })

  it.each([
    ['the connection drops', { drop: true }],
    [
      'a 2xx that is not JSON (a captive portal)',
      { body: '<html>Wi-Fi</html>', content_type: 'text/html' },
    ],
    ['a 502 page that is not Seam’s envelope', { status: 502, body: '<html>bad gateway</html>' }],
    ['a 2xx that is not the expected shape', { body: '{"connect_webviews": "nope", "ok": true}' }],
  ])(
    'a network failure towards Seam, %s, is a 502 in the envelope shape, without details',
    async (_, fault) => {
      const [alice] = twoUsers('network')
      const app = await startHandler('network')
      await fake.fault({ scope: app.scope, ...fault })
      const reply = await app.post('/connect_webviews/list', {}, alice)
      expect(reply.status).toBe(502)
      expect(reply.json).toEqual(ENVELOPE)
      expect(reply.json.error.type).toBe('bad_gateway')
      expect(reply.text).not.toMatch(/127\.0\.0\.1|html|ECONN|socket/i)
      // The details go to the app's onError only, as a typed error.
      expect(app.errors).toEqual([
        expect.objectContaining({
          name: expect.stringMatching(/^Seam(Network|ResponseParse)Error$/),
        }),
      ])
    },
  )

  it('an unreachable Seam is a 502, and onError gets a SeamNetworkError without the key', async () => {
    const [alice] = twoUsers('unreachable')
    // A port nothing listens on: connection refused.
    const app = await startHandler('unreachable', { endpoint: 'http://127.0.0.1:9' })
    const reply = await app.post('/connect_webviews/list', {}, alice)
    expect(reply.status).toBe(502)
    expect(reply.json.error).toEqual({ type: 'bad_gateway', message: 'Could not reach Seam' })
    expect(isSeamNetworkError(app.errors[0])).toBe(true)
  })

  it('Seam not answering in time is a 504, and the hung request to Seam is given up', async () => {
    const [alice] = twoUsers('timeout')
    const app = await startHandler('timeout', { timeoutMs: 200 })
    await fake.fault({ scope: app.scope, hang: true })
    const reply = await app.post('/connect_webviews/list', {}, alice)
    expect(reply.status).toBe(504)
    expect(reply.json.error).toEqual({
      type: 'gateway_timeout',
      message: 'Seam did not answer in time',
    })
    // The hung request was given up: the fake logs it once its connection closes.
    await expect.poll(async () => (await app.seamRequests()).map((r) => r.status)).toEqual([0])
  })

  it('a client that goes away aborts the request to Seam', async () => {
    const [alice] = twoUsers('abort')
    const app = await startHandler('abort')
    await fake.fault({ scope: app.scope, hang: true })
    const controller = new AbortController()
    const pending = fetch(`${app.base}/connect_webviews/list`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [USER_HEADER]: alice },
      body: '{}',
      signal: controller.signal,
    }).catch((e: unknown) => e)
    await expect.poll(() => fake.pendingFaults({ scope: app.scope })).toBe(0)
    controller.abort()
    expect(await pending).toMatchObject({ name: 'AbortError' })
    // The handler's timeout is 25 s: only the abort can close the hung request this soon.
    await expect.poll(async () => (await app.seamRequests()).map((r) => r.status)).toEqual([0])
    expect(app.errors).toEqual([])
  })
})

noApiKeyAnywhere()
