// Behaviour of the fake Seam Connect over real HTTP: the custom_metadata rules, visibility,
// filters, pagination, headers, faults and the request log.
import { connect } from 'node:net'
import { networkInterfaces, platform } from 'node:os'
import { describe, expect, inject, it } from 'vitest'
import {
  fakeControl,
  uniqueUser,
  type FakeSession,
  type FaultFields,
} from '../../fake/control-client'

const fakeUrl = inject('fakeUrl')
const fakePublishableKey = inject('fakePublishableKey')
const fake = fakeControl(fakeUrl)

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

async function createWithMetadata(session: FakeSession, customMetadata: unknown) {
  return fake.request('/connect_webviews/create', {
    headers: session.headers,
    body: { custom_metadata: customMetadata },
  })
}

async function getAccount(headers: Record<string, string>, id: string) {
  return (await fake.seam('/connected_accounts/get', headers, { connected_account_id: id }))
    .connected_account
}

describe('custom_metadata input rules', () => {
  it('accepts the limits exactly: 50 keys, 40-character keys, 500-character strings', async () => {
    const session = await fake.newSession()
    const metadata: Record<string, unknown> = {
      ['k'.repeat(40)]: 'v'.repeat(500),
    }
    for (let i = 1; i < 50; i++) metadata[`key_${i}`] = i % 2 === 0
    const reply = await createWithMetadata(session, metadata)
    expect(reply.status).toBe(200)
    expect(Object.keys(reply.body.connect_webview.custom_metadata)).toHaveLength(50)
  })

  it('refuses 51 keys', async () => {
    const session = await fake.newSession()
    const metadata = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`key_${i}`, 'v']))
    const reply = await createWithMetadata(session, metadata)
    expect(reply.status).toBe(400)
    expect(reply.body.error.type).toBe('invalid_input')
    expect(reply.body.error.validation_errors.custom_metadata._errors[0]).toMatch(/50/)
  })

  it.each([
    ['a 41-character key', 'k'.repeat(41), 'v', /40/],
    ['a key containing "."', 'user.id', 'v', /"\."/],
    ['an empty key', '', 'v', /empty/],
    ['a number value', 'count', 3, /string, a boolean or null/],
    ['an object value', 'nested', { a: 1 }, /string, a boolean or null/],
    ['an array value', 'list', ['a'], /string, a boolean or null/],
    ['a 501-character string', 'long', 'v'.repeat(501), /500/],
  ])('refuses %s, naming the key in validation_errors', async (_, key, value, message) => {
    const session = await fake.newSession()
    const reply = await createWithMetadata(session, {
      fine: 'yes',
      [key]: value,
    })
    expect(reply.status).toBe(400)
    expect(reply.body).toMatchObject({
      error: { type: 'invalid_input' },
      ok: false,
    })
    const errors = reply.body.error.validation_errors
    expect(errors._errors).toEqual([])
    expect(errors.custom_metadata[key]._errors).toEqual([expect.stringMatching(message)])
    expect(errors.custom_metadata).not.toHaveProperty('fine')
  })

  it('refuses a custom_metadata that is not an object', async () => {
    const session = await fake.newSession()
    const reply = await createWithMetadata(session, ['a'])
    expect(reply.status).toBe(400)
    expect(reply.body.error.validation_errors.custom_metadata._errors).toHaveLength(1)
  })

  it('drops null values when storing; an omitted custom_metadata is stored as {}', async () => {
    const session = await fake.newSession()
    const withNull = await createWithMetadata(session, {
      keep: 'x',
      flag: false,
      gone: null,
    })
    expect(withNull.body.connect_webview.custom_metadata).toEqual({
      keep: 'x',
      flag: false,
    })
    const omitted = await fake.createWebview(session.headers)
    expect(omitted.custom_metadata).toEqual({})
    const { connected_account: account } = await fake.complete(omitted.connect_webview_id)
    expect(account.custom_metadata).toEqual({})
  })

  it('refuses unknown fields on create', async () => {
    const session = await fake.newSession()
    const reply = await fake.request('/connect_webviews/create', {
      headers: session.headers,
      body: { custom_metadata: {}, metadata: { a: 'b' } },
    })
    expect(reply.status).toBe(400)
    expect(reply.body.error.validation_errors._errors).toEqual([
      expect.stringContaining('metadata'),
    ])
  })
})

describe('custom_metadata on completion, reconnection and update', () => {
  it('copies the webview metadata onto a new account', async () => {
    const session = await fake.newSession()
    const webview = await fake.createWebview(session.headers, {
      custom_metadata: { tenant: 't1', admin: true },
    })
    const { connect_webview: done, connected_account: account } = await fake.complete(
      webview.connect_webview_id,
    )
    expect(account.custom_metadata).toEqual({ tenant: 't1', admin: true })
    expect(done).toMatchObject({
      status: 'authorized',
      login_successful: true,
      connected_account_id: account.connected_account_id,
      selected_provider: account.account_type,
    })
    expect(done.authorized_at).toEqual(expect.any(String))
    const fromApi = await getAccount(session.headers, account.connected_account_id)
    expect(fromApi.custom_metadata).toEqual({ tenant: 't1', admin: true })
  })

  it('replaces the whole metadata when an account is reconnected (by id or by provider + username)', async () => {
    const session = await fake.newSession()
    const username = `${uniqueUser()}@example.com`
    const first = await fake.createWebview(session.headers, {
      custom_metadata: { tenant: 't1', old_only: 'x' },
    })
    const { connected_account: account } = await fake.complete(first.connect_webview_id, {
      provider: 'august',
      username,
    })

    const second = await fake.createWebview(session.headers, {
      custom_metadata: { tenant: 't2' },
    })
    const reconnected = await fake.complete(second.connect_webview_id, {
      provider: 'august',
      username,
    })
    expect(reconnected.connected_account.connected_account_id).toBe(account.connected_account_id)
    expect(reconnected.connected_account.custom_metadata).toEqual({
      tenant: 't2',
    })

    const third = await fake.createWebview(session.headers)
    const byId = await fake.complete(third.connect_webview_id, {
      connected_account_id: account.connected_account_id,
    })
    expect(byId.connected_account.connected_account_id).toBe(account.connected_account_id)
    expect(byId.connected_account.custom_metadata).toEqual({})
    expect(
      (await getAccount(session.headers, account.connected_account_id)).custom_metadata,
    ).toEqual({})
  })

  it('creates a separate account for another username or provider', async () => {
    const session = await fake.newSession()
    const username = `${uniqueUser()}@example.com`
    const a = await fake.createWebview(session.headers)
    const b = await fake.createWebview(session.headers)
    const first = await fake.complete(a.connect_webview_id, {
      provider: 'august',
      username,
    })
    const second = await fake.complete(b.connect_webview_id, {
      provider: 'schlage',
      username,
    })
    expect(second.connected_account.connected_account_id).not.toBe(
      first.connected_account.connected_account_id,
    )
    expect(second.connected_account).toMatchObject({
      account_type: 'schlage',
      account_type_display_name: 'Schlage',
      display_name: username,
    })
  })

  it('update replaces the whole metadata; null and "" remove keys', async () => {
    const session = await fake.newSession()
    const webview = await fake.createWebview(session.headers, {
      custom_metadata: { a: '1', b: '2', c: true },
    })
    const { connected_account: account } = await fake.complete(webview.connect_webview_id)
    const id = account.connected_account_id
    const reply = await fake.request('/connected_accounts/update', {
      headers: fake.apiKeyHeaders(),
      body: {
        connected_account_id: id,
        custom_metadata: { a: null, b: '', d: 'new', e: false },
      },
    })
    expect(reply.status).toBe(200)
    expect(reply.body.ok).toBe(true)
    expect((await getAccount(session.headers, id)).custom_metadata).toEqual({
      d: 'new',
      e: false,
    })

    const renamed = await fake.request('/connected_accounts/update', {
      headers: fake.apiKeyHeaders(),
      body: { connected_account_id: id, display_name: 'Front door' },
    })
    expect(renamed.status).toBe(200)
    const after = await getAccount(session.headers, id)
    expect(after.display_name).toBe('Front door')
    expect(after.custom_metadata).toEqual({ d: 'new', e: false })
  })

  it('update validates metadata like create', async () => {
    const session = await fake.newSession()
    const webview = await fake.createWebview(session.headers)
    const { connected_account: account } = await fake.complete(webview.connect_webview_id)
    const reply = await fake.request('/connected_accounts/update', {
      headers: fake.apiKeyHeaders(),
      body: {
        connected_account_id: account.connected_account_id,
        custom_metadata: { 'x.y': 'z' },
      },
    })
    expect(reply.status).toBe(400)
    expect(reply.body.error.validation_errors.custom_metadata['x.y']._errors).toHaveLength(1)
  })

  it('refuses update with a client session token (401) and leaves the account alone', async () => {
    const session = await fake.newSession()
    const webview = await fake.createWebview(session.headers, {
      custom_metadata: { a: '1' },
    })
    const { connected_account: account } = await fake.complete(webview.connect_webview_id)
    const reply = await fake.request('/connected_accounts/update', {
      headers: session.headers,
      body: {
        connected_account_id: account.connected_account_id,
        custom_metadata: {},
      },
    })
    expect(reply.status).toBe(401)
    expect(reply.body.error.type).toBe('unauthorized')
    expect(
      (await getAccount(session.headers, account.connected_account_id)).custom_metadata,
    ).toEqual({ a: '1' })
  })
})

describe('client sessions and authentication', () => {
  it('returns the same session and token for the same user_identifier_key', async () => {
    const key = uniqueUser()
    const a = await fake.newSession(key)
    const b = await fake.newSession(key)
    const other = await fake.newSession()
    expect(b.token).toBe(a.token)
    expect(a.token).toMatch(/^seam_cst/)
    expect(other.token).not.toBe(a.token)
  })

  it('refuses a wrong publishable key, a missing one, and a missing user_identifier_key', async () => {
    const wrong = await fake.request('/client_sessions/get_or_create', {
      headers: { 'seam-publishable-key': 'seam_pk1wrong' },
      body: { user_identifier_key: uniqueUser() },
    })
    expect(wrong.status).toBe(401)
    expect(wrong.body.error.type).toBe('unauthorized')
    const missing = await fake.request('/client_sessions/get_or_create', {
      body: { user_identifier_key: uniqueUser() },
    })
    expect(missing.status).toBe(401)
    const noKey = await fake.request('/client_sessions/get_or_create', {
      headers: { 'seam-publishable-key': fakePublishableKey },
      body: { user_identifier_key: '' },
    })
    expect(noKey.status).toBe(400)
    expect(noKey.body.error.validation_errors.user_identifier_key._errors).toHaveLength(1)
  })

  it('accepts a CST in either header, and refuses unknown tokens', async () => {
    const session = await fake.newSession()
    const accepted: Record<string, string>[] = [
      { authorization: `Bearer ${session.token}` },
      { 'client-session-token': session.token },
    ]
    for (const headers of accepted) {
      expect((await fake.request('/connect_webviews/list', { headers, body: {} })).status).toBe(200)
    }
    const refused: Record<string, string>[] = [
      { authorization: 'Bearer seam_cst1unknown' },
      { 'client-session-token': 'seam_cst1unknown' },
      {
        authorization: `Bearer ${session.token}`,
        'client-session-token': 'seam_cst1other',
      },
      { 'seam-publishable-key': fakePublishableKey },
    ]
    for (const headers of refused) {
      const reply = await fake.request('/connect_webviews/list', { headers, body: {} })
      expect(reply.status).toBe(401)
      expect(reply.body.error.type).toBe('unauthorized')
    }
  })
})

describe('visibility', () => {
  it('a session sees only its own webviews and accounts; an API key sees all', async () => {
    const a = await fake.newSession()
    const b = await fake.newSession()
    const webview = await fake.createWebview(a.headers, {
      custom_metadata: { owner: a.key },
    })
    const { connected_account: account } = await fake.complete(webview.connect_webview_id)

    const getWebview = (headers: Record<string, string>) =>
      fake.request('/connect_webviews/get', {
        headers,
        body: { connect_webview_id: webview.connect_webview_id },
      })
    const getAcc = (headers: Record<string, string>) =>
      fake.request('/connected_accounts/get', {
        headers,
        body: { connected_account_id: account.connected_account_id },
      })

    expect((await getWebview(a.headers)).status).toBe(200)
    expect((await getWebview(b.headers)).body.error.type).toBe('connect_webview_not_found')
    expect((await getAcc(a.headers)).status).toBe(200)
    expect((await getAcc(b.headers)).body.error.type).toBe('connected_account_not_found')
    expect((await getWebview(fake.apiKeyHeaders())).status).toBe(200)
    expect((await getAcc(fake.apiKeyHeaders())).status).toBe(200)

    const filter = { custom_metadata_has: { owner: a.key } }
    const listed = async (path: string, headers: Record<string, string>, key: string) =>
      ((await fake.seam(path, headers, filter))[key] as unknown[]).length
    expect(await listed('/connect_webviews/list', a.headers, 'connect_webviews')).toBe(1)
    expect(await listed('/connect_webviews/list', b.headers, 'connect_webviews')).toBe(0)
    expect(await listed('/connected_accounts/list', a.headers, 'connected_accounts')).toBe(1)
    expect(await listed('/connected_accounts/list', b.headers, 'connected_accounts')).toBe(0)
    expect(await listed('/connect_webviews/list', fake.apiKeyHeaders(), 'connect_webviews')).toBe(1)
  })

  it('an API key can list one session with user_identifier_key', async () => {
    const a = await fake.newSession()
    const b = await fake.newSession()
    const mine = await fake.createWebview(a.headers)
    await fake.createWebview(b.headers)
    const listed = await fake.seam('/connect_webviews/list', fake.apiKeyHeaders(), {
      user_identifier_key: a.key,
    })
    expect(
      listed.connect_webviews.map((w: { connect_webview_id: string }) => w.connect_webview_id),
    ).toEqual([mine.connect_webview_id])
  })

  it('the client session lists its webviews and accounts', async () => {
    const session = await fake.newSession()
    const webview = await fake.createWebview(session.headers)
    const { connected_account: account } = await fake.complete(webview.connect_webview_id)
    const again = await fake.request('/client_sessions/get_or_create', {
      headers: { 'seam-publishable-key': fakePublishableKey },
      body: { user_identifier_key: session.key },
    })
    expect(again.body.client_session).toMatchObject({
      connect_webview_ids: [webview.connect_webview_id],
      connected_account_ids: [account.connected_account_id],
      user_identifier_key: session.key,
    })
  })
})

describe('custom_metadata_has filtering', () => {
  it('matches every given pair; null matches an unset key', async () => {
    const session = await fake.newSession()
    const t1 = await fake.createWebview(session.headers, {
      custom_metadata: { tenant: 't1', flag: true },
    })
    const t2 = await fake.createWebview(session.headers, {
      custom_metadata: { tenant: 't2' },
    })
    const none = await fake.createWebview(session.headers)
    const ids = async (filter: unknown) =>
      (
        await fake.seam('/connect_webviews/list', session.headers, {
          custom_metadata_has: filter,
        })
      ).connect_webviews.map((w: { connect_webview_id: string }) => w.connect_webview_id)

    expect(await ids({ tenant: 't1' })).toEqual([t1.connect_webview_id])
    expect(await ids({ flag: true })).toEqual([t1.connect_webview_id])
    expect(await ids({ flag: 'true' })).toEqual([])
    expect(await ids({ tenant: 't1', flag: false })).toEqual([])
    expect(await ids({ flag: null })).toEqual([t2.connect_webview_id, none.connect_webview_id])
    expect(await ids({ tenant: null })).toEqual([none.connect_webview_id])
    expect(await ids({})).toHaveLength(3)
  })

  it('filters accounts too, and reads custom_metadata_has[key] from a GET query', async () => {
    const session = await fake.newSession()
    for (const tenant of ['t1', 't2']) {
      const webview = await fake.createWebview(session.headers, {
        custom_metadata: { tenant },
      })
      await fake.complete(webview.connect_webview_id)
    }
    const reply = await fake.request('/connected_accounts/list', {
      method: 'GET',
      headers: session.headers,
      query: { 'custom_metadata_has[tenant]': 't2' },
    })
    expect(reply.status).toBe(200)
    expect(reply.body.connected_accounts).toHaveLength(1)
    expect(reply.body.connected_accounts[0].custom_metadata).toEqual({
      tenant: 't2',
    })
  })
})

describe('pagination', () => {
  it('walks every page with a small limit, in creation order, without repeats', async () => {
    const session = await fake.newSession()
    const created: string[] = []
    for (let i = 0; i < 5; i++) {
      created.push((await fake.createWebview(session.headers)).connect_webview_id)
    }
    const seen: string[] = []
    const sizes: number[] = []
    let cursor: string | null = null
    do {
      const page = await fake.seam('/connect_webviews/list', session.headers, {
        limit: 2,
        ...(cursor ? { page_cursor: cursor } : {}),
      })
      sizes.push(page.connect_webviews.length)
      seen.push(
        ...page.connect_webviews.map((w: { connect_webview_id: string }) => w.connect_webview_id),
      )
      expect(page.pagination.has_next_page).toBe(page.pagination.next_page_cursor !== null)
      cursor = page.pagination.next_page_cursor
      if (!cursor) expect(page.pagination.next_page_url).toBeNull()
    } while (cursor)
    expect(sizes).toEqual([2, 2, 1])
    expect(seen).toEqual(created)
  })

  it('next_page_url alone fetches the next page (the cursor keeps the filters)', async () => {
    const session = await fake.newSession()
    const tagged: string[] = []
    for (let i = 0; i < 3; i++) {
      tagged.push(
        (
          await fake.createWebview(session.headers, {
            custom_metadata: { page: 'yes' },
          })
        ).connect_webview_id,
      )
      await fake.createWebview(session.headers, { custom_metadata: { page: 'no' } })
    }
    const first = await fake.seam('/connect_webviews/list', session.headers, {
      limit: 2,
      custom_metadata_has: { page: 'yes' },
    })
    const nextUrl = new URL(first.pagination.next_page_url)
    expect(nextUrl.origin).toBe(fakeUrl)
    expect(nextUrl.pathname).toBe('/connect_webviews/list')
    const second = await fetch(nextUrl, { headers: session.headers })
    const body = await second.json()
    expect(
      [...first.connect_webviews, ...body.connect_webviews].map(
        (w: { connect_webview_id: string }) => w.connect_webview_id,
      ),
    ).toEqual(tagged)
    expect(body.pagination.has_next_page).toBe(false)
  })

  it('refuses a forged cursor', async () => {
    const session = await fake.newSession()
    const reply = await fake.request('/connect_webviews/list', {
      headers: session.headers,
      body: { page_cursor: 'bm90IGEgY3Vyc29y' },
    })
    expect(reply.status).toBe(400)
    expect(reply.body.error.type).toBe('invalid_input')
  })
})

describe('headers', () => {
  it('answers a CORS preflight with the allowed methods and headers', async () => {
    const response = await fetch(new URL('/connect_webviews/get', fakeUrl), {
      method: 'OPTIONS',
      headers: {
        origin: 'http://127.0.0.1:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, authorization, x-extra',
      },
    })
    expect(response.status).toBe(204)
    expect(response.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5173')
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, POST, OPTIONS')
    const allowed = response.headers.get('access-control-allow-headers')?.split(', ')
    expect(allowed).toEqual(
      expect.arrayContaining([
        'authorization',
        'client-session-token',
        'seam-publishable-key',
        'content-type',
        'x-extra',
      ]),
    )
    expect(response.headers.get('access-control-expose-headers')).toBe(
      'seam-request-id, retry-after',
    )
    expect(response.headers.get('seam-request-id')).toMatch(UUID)
  })

  it('sends CORS headers on ordinary replies; * without an Origin', async () => {
    const withOrigin = await fetch(new URL('/_fake/health', fakeUrl), {
      headers: { origin: 'http://localhost:6006' },
    })
    expect(withOrigin.headers.get('access-control-allow-origin')).toBe('http://localhost:6006')
    expect(withOrigin.headers.get('access-control-expose-headers')).toBe(
      'seam-request-id, retry-after',
    )
    const withoutOrigin = await fetch(new URL('/_fake/health', fakeUrl))
    expect(withoutOrigin.headers.get('access-control-allow-origin')).toBe('*')
  })

  it('puts a distinct seam-request-id (a UUID) on every reply, errors included', async () => {
    const session = await fake.newSession()
    const webview = await fake.createWebview(session.headers)
    const replies = await Promise.all([
      fake.request('/connect_webviews/get', {
        headers: session.headers,
        body: { connect_webview_id: webview.connect_webview_id },
      }),
      fake.request('/connect_webviews/create', {
        headers: session.headers,
        body: { nope: 1 },
      }),
      fake.request('/connect_webviews/list', { body: {} }),
      fake.request('/connect_webviews/get', {
        headers: session.headers,
        body: { connect_webview_id: crypto.randomUUID() },
      }),
      fake.request('/no/such/route', { body: {} }),
      fake.request('/connect_webviews/create', {
        headers: session.headers,
        method: 'POST',
        body: undefined,
        query: {},
      }),
      fake.request('/_fake/health', { method: 'GET' }),
      fake.request('/connect_webviews/view', {
        method: 'GET',
        query: { connect_webview_id: 'x' },
      }),
    ])
    expect(replies.map((reply) => reply.status)).toEqual([200, 400, 401, 404, 404, 200, 200, 401])
    const ids = replies.map((reply) => reply.headers.get('seam-request-id'))
    for (const id of ids) expect(id).toMatch(UUID)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('gives every object a UUID id', async () => {
    const session = await fake.newSession()
    const webview = await fake.createWebview(session.headers)
    const { connected_account: account } = await fake.complete(webview.connect_webview_id)
    const { client_session: clientSession } = await fake.seam(
      '/client_sessions/get_or_create',
      { 'seam-publishable-key': fakePublishableKey },
      { user_identifier_key: session.key },
    )
    for (const id of [
      webview.connect_webview_id,
      webview.workspace_id,
      account.connected_account_id,
      clientSession.client_session_id,
      clientSession.workspace_id,
    ]) {
      expect(id).toMatch(UUID)
    }
    expect(new URL(webview.url).searchParams.get('connect_webview_id')).toBe(
      webview.connect_webview_id,
    )
  })
})

describe('token rotation', () => {
  it('the old token gets 401; get_or_create hands out the new one, with the same data', async () => {
    const session = await fake.newSession()
    const webview = await fake.createWebview(session.headers)
    await fake.rotateSessionToken(session.key)
    const stale = await fake.request('/connect_webviews/get', {
      headers: session.headers,
      body: { connect_webview_id: webview.connect_webview_id },
    })
    expect(stale.status).toBe(401)
    const fresh = await fake.newSession(session.key)
    expect(fresh.token).not.toBe(session.token)
    const read = await fake.request('/connect_webviews/get', {
      headers: fresh.headers,
      body: { connect_webview_id: webview.connect_webview_id },
    })
    expect(read.status).toBe(200)
  })
})

describe('faults', () => {
  it.each([
    {
      scripted: 'a status, an error and Retry-After',
      fault: { status: 429, error_type: 'rate_limited', message: 'Slow down', retry_after: '3' },
      status: 429,
      headers: { 'retry-after': '3' },
      body: { error: { type: 'rate_limited', message: 'Slow down' }, ok: false },
    },
    {
      scripted: 'a raw body alone (invalid JSON, with a 200)',
      fault: { body: '{"connect_webview": ' },
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: '{"connect_webview": ',
    },
    {
      scripted: 'a raw body with a status (a gateway’s HTML error)',
      fault: { status: 502, body: '<html>bad gateway</html>' },
      status: 502,
      headers: {},
      body: '<html>bad gateway</html>',
    },
    {
      scripted: 'a raw body with its content type (a captive portal’s HTML page)',
      fault: { body: '<html>Sign in to the Wi-Fi</html>', content_type: 'text/html' },
      status: 200,
      headers: { 'content-type': 'text/html' },
      body: '<html>Sign in to the Wi-Fi</html>',
    },
  ] satisfies {
    scripted: string
    fault: FaultFields
    status: number
    headers: Record<string, string>
    /** The parsed JSON, or the exact text of a body that is not JSON. */
    body: unknown
  }[])('replies once with $scripted, then the route answers again', async (row) => {
    const session = await fake.newSession()
    await fake.fault({ user_identifier_key: session.key, ...row.fault })
    const list = () =>
      fake.request('/connect_webviews/list', { headers: session.headers, body: {} })
    const faulted = await list()
    expect(faulted.status).toBe(row.status)
    for (const [name, value] of Object.entries(row.headers)) {
      expect(faulted.headers.get(name), name).toBe(value)
    }
    expect(faulted.headers.get('seam-request-id')).toMatch(UUID)
    expect(faulted.body).toEqual(row.body)
    expect((await list()).status).toBe(200)
  })

  it('applies to exactly `times` requests, FIFO, only on the given route', async () => {
    const session = await fake.newSession()
    await fake.fault({
      user_identifier_key: session.key,
      route: '/connect_webviews/get',
      times: 2,
      status: 503,
    })
    await fake.fault({
      user_identifier_key: session.key,
      route: '/connect_webviews/get',
      status: 500,
    })
    const webview = await fake.createWebview(session.headers)
    expect(
      (
        await fake.request('/connect_webviews/list', {
          headers: session.headers,
          body: {},
        })
      ).status,
    ).toBe(200)
    const get = () =>
      fake.request('/connect_webviews/get', {
        headers: session.headers,
        body: { connect_webview_id: webview.connect_webview_id },
      })
    const statuses: number[] = []
    for (let i = 0; i < 4; i++) statuses.push((await get()).status)
    expect(statuses).toEqual([503, 503, 500, 200])
  })

  it('drops the connection without a reply, and logs it with status 0', async () => {
    const session = await fake.newSession()
    await fake.fault({
      user_identifier_key: session.key,
      route: '/connect_webviews/list',
      drop: true,
    })
    await expect(
      fetch(new URL('/connect_webviews/list', fakeUrl), {
        method: 'POST',
        headers: { ...session.headers, 'content-type': 'application/json' },
        body: '{}',
      }),
    ).rejects.toThrow(TypeError)
    const log = await fake.requests(session.key, '/connect_webviews/list')
    expect(log.map((entry) => entry.status)).toEqual([0])
    expect(
      (
        await fake.request('/connect_webviews/list', {
          headers: session.headers,
          body: {},
        })
      ).status,
    ).toBe(200)
  })

  it('with for_ms, fails every matching request for that long from the first hit', async () => {
    const session = await fake.newSession()
    const webview = await fake.createWebview(session.headers)
    await fake.fault({
      user_identifier_key: session.key,
      route: '/connect_webviews/get',
      status: 503,
      for_ms: 1500,
    })
    const get = () =>
      fake.request('/connect_webviews/get', {
        headers: session.headers,
        body: { connect_webview_id: webview.connect_webview_id },
      })
    const started = performance.now()
    const during: number[] = []
    do during.push((await get()).status)
    while (during.length < 2 || performance.now() - started < 500)
    expect(new Set(during)).toEqual(new Set([503]))
    // Another route is not part of the outage.
    expect(
      (await fake.request('/connect_webviews/list', { headers: session.headers, body: {} })).status,
    ).toBe(200)
    await expect.poll(async () => (await get()).status, { interval: 100 }).toBe(200)
    expect(performance.now() - started).toBeGreaterThanOrEqual(1495)
  })

  it('with hang, holds the request open until the client gives up', async () => {
    const session = await fake.newSession()
    await fake.fault({
      user_identifier_key: session.key,
      route: '/connect_webviews/list',
      hang: true,
    })
    const started = performance.now()
    await expect(
      fetch(new URL('/connect_webviews/list', fakeUrl), {
        method: 'POST',
        headers: { ...session.headers, 'content-type': 'application/json' },
        body: '{}',
        signal: AbortSignal.timeout(300),
      }),
    ).rejects.toThrow(/timeout|aborted/i)
    expect(performance.now() - started).toBeGreaterThanOrEqual(295)
    await expect
      .poll(() => fake.requests(session.key, '/connect_webviews/list'))
      .toEqual([expect.objectContaining({ status: 0 })])
    expect(
      (await fake.request('/connect_webviews/list', { headers: session.headers, body: {} })).status,
    ).toBe(200)
  })

  it('faults get_or_create for its user_identifier_key, before authentication', async () => {
    const key = uniqueUser()
    await fake.fault({ user_identifier_key: key, status: 500 })
    const reply = await fake.request('/client_sessions/get_or_create', {
      headers: { 'seam-publishable-key': fakePublishableKey },
      body: { user_identifier_key: key },
    })
    expect(reply.status).toBe(500)
    expect(reply.body.error.type).toBe('internal_server_error')
    expect((await fake.newSession(key)).token).toMatch(/^seam_cst/)
  })

  it('never touches another session', async () => {
    const a = await fake.newSession()
    const b = await fake.newSession()
    await fake.fault({
      user_identifier_key: a.key,
      status: 500,
      times: 5,
    })
    expect(
      (await fake.request('/connect_webviews/list', { headers: b.headers, body: {} })).status,
    ).toBe(200)
    expect(
      (
        await fake.request('/connect_webviews/list', {
          headers: fake.apiKeyHeaders(),
          body: {},
        })
      ).status,
    ).toBe(200)
  })
})

describe('latency', () => {
  it.each([
    {
      from: 'a fault with only latency_ms, then lets the request through',
      script: (key: string) => fake.fault({ user_identifier_key: key, latency_ms: 150 }),
      status: 200,
    },
    {
      from: 'a fault with latency_ms before its reply',
      script: (key: string) =>
        fake.fault({ user_identifier_key: key, latency_ms: 150, status: 503 }),
      status: 503,
    },
    {
      from: 'the session’s latency_ms behaviour, for every Seam request of the session',
      script: (key: string) => fake.sessionBehaviour(key, { latency_ms: 150 }),
      status: 200,
    },
  ])('comes from $from', async ({ script, status }) => {
    const session = await fake.newSession()
    await script(session.key)
    const started = performance.now()
    const reply = await fake.request('/connect_webviews/list', {
      headers: session.headers,
      body: {},
    })
    // A lower bound only: a busy machine may take longer, never less.
    expect(performance.now() - started).toBeGreaterThanOrEqual(145)
    expect(reply.status).toBe(status)
  })

  it('comes from a webview’s own latency_ms, for the requests naming it', async () => {
    const session = await fake.newSession()
    const webview = await fake.createWebview(session.headers)
    await fake.webviewBehaviour(webview.connect_webview_id, { latency_ms: 150 })
    const started = performance.now()
    const reply = await fake.request('/connect_webviews/get', {
      headers: session.headers,
      body: { connect_webview_id: webview.connect_webview_id },
    })
    expect(performance.now() - started).toBeGreaterThanOrEqual(145)
    expect(reply.status).toBe(200)
  })
})

describe('behaviour', () => {
  it('webviews inherit session behaviour unless overridden; null drops an override', async () => {
    const session = await fake.newSession()
    const webview = await fake.createWebview(session.headers)
    const id = webview.connect_webview_id
    await fake.sessionBehaviour(session.key, {
      event_naming: 'legacy',
      post_message: false,
    })
    const effective = async () =>
      (
        await fake.request('/_fake/connect_webviews/behaviour', {
          method: 'GET',
          query: { connect_webview_id: id },
        })
      ).body.behaviour
    expect(await effective()).toMatchObject({
      event_naming: 'legacy',
      post_message: false,
      latency_ms: 0,
    })
    await fake.webviewBehaviour(id, {
      event_naming: 'current',
      target_origin: 'http://127.0.0.1:5173',
    })
    expect(await effective()).toMatchObject({
      event_naming: 'current',
      post_message: false,
      target_origin: 'http://127.0.0.1:5173',
    })
    await fake.webviewBehaviour(id, {
      event_naming: null,
    })
    expect((await effective()).event_naming).toBe('legacy')
    const refused = await fake.request('/_fake/connect_webviews/behaviour', {
      body: {
        connect_webview_id: id,
        target_origin: 'http://127.0.0.1:5173/path',
      },
    })
    expect(refused.status).toBe(400)
  })
})

describe('control routes', () => {
  it('fail marks the webview failed; finished webviews cannot be completed or failed', async () => {
    const session = await fake.newSession()
    const webview = await fake.createWebview(session.headers)
    const { connect_webview: failed } = await fake.fail(webview.connect_webview_id, {
      error_code: 'bad_credentials',
      error_message: 'Wrong password',
    })
    expect(failed).toMatchObject({
      status: 'failed',
      login_successful: false,
      connected_account_id: null,
    })
    for (const path of ['/_fake/connect_webviews/complete', '/_fake/connect_webviews/fail']) {
      const reply = await fake.request(path, {
        body: { connect_webview_id: webview.connect_webview_id },
      })
      expect(reply.status).toBe(409)
    }
  })

  it('complete refuses an unknown connected_account_id', async () => {
    const session = await fake.newSession()
    const webview = await fake.createWebview(session.headers)
    const reply = await fake.request('/_fake/connect_webviews/complete', {
      body: {
        connect_webview_id: webview.connect_webview_id,
        connected_account_id: crypto.randomUUID(),
      },
    })
    expect(reply.status).toBe(404)
    expect(reply.body.error.type).toBe('connected_account_not_found')
  })
})

describe('the request log', () => {
  it('filters by session and path and holds no credentials or values', async () => {
    const a = await fake.newSession()
    const b = await fake.newSession()
    const webview = await fake.createWebview(a.headers, {
      custom_metadata: { secret_value: 'do-not-log' },
    })
    await fake.request('/connect_webviews/get', {
      headers: a.headers,
      body: { connect_webview_id: webview.connect_webview_id },
    })
    await fake.request('/connect_webviews/list', { headers: b.headers, body: {} })
    await fetch(webview.url)
    await fetch(new URL('/connect_webviews/list', fakeUrl), {
      method: 'OPTIONS',
      headers: { origin: 'http://x.test' },
    })
    await fake.complete(webview.connect_webview_id)

    const mine = await fake.requests(a.key)
    expect(mine.map((entry) => [entry.method, entry.path, entry.status, entry.auth])).toEqual([
      ['POST', '/client_sessions/get_or_create', 200, 'publishable_key'],
      ['POST', '/connect_webviews/create', 200, 'client_session'],
      ['POST', '/connect_webviews/get', 200, 'client_session'],
    ])
    expect(mine[1]?.body_keys).toEqual(['custom_metadata'])
    expect(mine.every((entry) => entry.user_identifier_key === a.key)).toBe(true)

    const gets = await fake.requests(a.key, '/connect_webviews/get')
    expect(gets).toHaveLength(1)
    const authToken = new URL(webview.url).searchParams.get('auth_token') ?? ''
    expect(authToken).toHaveLength(33)
    const serialized = JSON.stringify(await fake.requests())
    for (const secret of [a.token, b.token, authToken, 'do-not-log']) {
      expect(serialized).not.toContain(secret)
    }
  })

  it('logs the names of extra headers, never their values', async () => {
    const session = await fake.newSession()
    await fake.request('/connect_webviews/list', {
      headers: { ...session.headers, 'x-proxy-auth': 'secret-value' },
      body: {},
    })
    const [entry] = await fake.requests(session.key, '/connect_webviews/list')
    expect(entry?.header_names).toEqual(['x-proxy-auth'])
    expect(JSON.stringify(entry)).not.toContain('secret-value')
  })

  it('logs refused and faulted requests', async () => {
    const key = uniqueUser()
    await fake.request('/client_sessions/get_or_create', {
      headers: { 'seam-publishable-key': 'seam_pk1wrong' },
      body: { user_identifier_key: key },
    })
    await fake.fault({ user_identifier_key: key, status: 503 })
    await fake.request('/client_sessions/get_or_create', {
      headers: { 'seam-publishable-key': fakePublishableKey },
      body: { user_identifier_key: key },
    })
    const log = await fake.requests(key)
    expect(log.map((entry) => [entry.status, entry.auth])).toEqual([
      [401, 'none'],
      [503, 'publishable_key'],
    ])
  })
})

describe('binding', () => {
  it('listens on 127.0.0.1 only', async () => {
    const { hostname, port } = new URL(fakeUrl)
    expect(hostname).toBe('127.0.0.1')
    // Another address of this machine must be refused: a server bound to every interface
    // would accept it. On Linux all of 127.0.0.0/8 is loopback, so 127.0.0.2 always exists.
    const otherAddresses = Object.values(networkInterfaces())
      .flat()
      .flatMap((info) => (info && info.family === 'IPv4' && !info.internal ? [info.address] : []))
    if (platform() === 'linux') otherAddresses.push('127.0.0.2')
    expect(otherAddresses.length).toBeGreaterThan(0)
    for (const address of otherAddresses) {
      const outcome = await new Promise<string>((resolve) => {
        const socket = connect({ host: address, port: Number(port) })
        socket.once('connect', () => {
          socket.destroy()
          resolve('connected')
        })
        socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'))
      })
      expect(outcome, address).toBe('ECONNREFUSED')
    }
  })
})
