// The public control client of react-seam-connect/testing, against both kinds of fake: the server
// (over HTTP) and the in-process fake (its own fetch, no interceptor). Seeding accounts, finishing
// and reconnecting webviews, and every reply validated.
import { afterAll, describe, expect, it } from 'vitest'
import { fakeControl as fakeHarness, uniqueUser } from '../../fake/control-client'
import {
  createFakeSeamConnect,
  fakeControl,
  scopeHeaders,
  startFakeSeamConnect,
  type FakeSeamConnectControl,
} from '../../fake/index'

const server = await startFakeSeamConnect()
const inProcess = createFakeSeamConnect()
afterAll(async () => {
  inProcess.stop()
  await server.stop()
})

// The same checks on both kinds of fake, each through the control object it offers and through
// fakeControl(url, options) built by hand.
const fakes = [
  {
    name: 'a server, through fake.control',
    control: server.control,
    harness: fakeHarness(server.url, server),
  },
  {
    name: 'a server, through fakeControl(url)',
    control: fakeControl(server.url),
    harness: fakeHarness(server.url, server),
  },
  {
    name: 'an in-process fake, through fake.control',
    control: inProcess.control,
    harness: fakeHarness(inProcess.url, inProcess),
  },
  {
    name: 'an in-process fake, through fakeControl(url, { fetch })',
    control: fakeControl(`${inProcess.url}/`, { fetch: inProcess.fetch }),
    harness: fakeHarness(inProcess.url, inProcess),
  },
]

describe.each(fakes)('on $name', ({ control, harness }) => {
  it('seeds an account that the named session sees, with its metadata, and no one else', async () => {
    const key = uniqueUser('seed')
    const account = await control.seedConnectedAccount({
      user_identifier_key: key,
      custom_metadata: { tenant_id: 't_42', admin: true, dropped: null, empty: '' },
      provider: 'schlage',
      username: 'jane@example.com',
    })
    expect(account.custom_metadata).toEqual({ tenant_id: 't_42', admin: true })
    expect(account.account_type).toBe('schlage')
    expect(account.display_name).toBe('jane@example.com')

    const session = await control.newSession(key)
    const read = await harness.seam('/connected_accounts/get', session.headers, {
      connected_account_id: account.connected_account_id,
    })
    expect(read.connected_account).toEqual(account)
    const listed = await harness.seam('/connected_accounts/list', session.headers, {
      custom_metadata_has: { tenant_id: 't_42' },
    })
    expect(listed.connected_accounts).toEqual([account])

    const stranger = await control.newSession(uniqueUser('seed-stranger'))
    const hidden = await harness.request('/connected_accounts/get', {
      headers: stranger.headers,
      body: { connected_account_id: account.connected_account_id },
    })
    expect(hidden.status).toBe(404)
  })

  it('seeds an account only the API key sees when no session is named', async () => {
    const account = await control.seedConnectedAccount({ custom_metadata: { scope: 'workspace' } })
    const read = await harness.seam('/connected_accounts/get', harness.apiKeyHeaders(), {
      connected_account_id: account.connected_account_id,
    })
    expect(read.connected_account.custom_metadata).toEqual({ scope: 'workspace' })
    const session = await control.newSession()
    const listed = await harness.seam('/connected_accounts/list', session.headers, {})
    expect(listed.connected_accounts).toEqual([])
  })

  it('seeds many accounts in one request, each as the single seed would', async () => {
    const key = uniqueUser('seed-many')
    const batch = uniqueUser('batch')
    const ids = await harness.seedConnectedAccounts([
      { user_identifier_key: key, custom_metadata: { batch, n: '1' } },
      { user_identifier_key: key, custom_metadata: { batch, n: '2', dropped: null } },
      { custom_metadata: { batch, n: '3' }, provider: 'yale', username: 'sam@example.com' },
    ])
    expect(ids).toHaveLength(3)
    expect(new Set(ids).size).toBe(3)

    const session = await control.newSession(key)
    const mine = await harness.seam('/connected_accounts/list', session.headers, {
      custom_metadata_has: { batch },
    })
    expect(
      mine.connected_accounts
        .map((a: { connected_account_id: string }) => a.connected_account_id)
        .sort(),
    ).toEqual(ids.slice(0, 2).sort())
    const third = await harness.seam('/connected_accounts/get', harness.apiKeyHeaders(), {
      connected_account_id: ids[2],
    })
    expect(third.connected_account).toMatchObject({
      custom_metadata: { batch, n: '3' },
      account_type: 'yale',
      display_name: 'sam@example.com',
    })
    const second = await harness.seam('/connected_accounts/get', session.headers, {
      connected_account_id: ids[1],
    })
    expect(second.connected_account.custom_metadata).toEqual({ batch, n: '2' })
  })

  it('refuses a whole batch with one bad seed, an empty batch and one over 10,000', async () => {
    const batch = uniqueUser('bad-batch')
    await expect(
      harness.seedConnectedAccounts([
        { custom_metadata: { batch } },
        // @ts-expect-error -- a number is not metadata; the fake must refuse it at run time too
        { custom_metadata: { batch, count: 1 } },
      ]),
    ).rejects.toThrow(/\/_fake\/connected_accounts\/seed_many answered 400/)
    const listed = await harness.seam('/connected_accounts/list', harness.apiKeyHeaders(), {
      custom_metadata_has: { batch },
    })
    expect(listed.connected_accounts).toEqual([])
    await expect(harness.seedConnectedAccounts([])).rejects.toThrow(/answered 400/)
    await expect(
      harness.seedConnectedAccounts(Array.from({ length: 10_001 }, () => ({}))),
    ).rejects.toThrow(/answered 400/)
  })

  it('lists the webviews of one session, oldest first, or every webview', async () => {
    const session = await control.newSession(uniqueUser('list'))
    const created = []
    for (const tenant of ['a', 'b']) {
      created.push(
        (
          await harness.seam('/connect_webviews/create', session.headers, {
            custom_metadata: { tenant },
          })
        ).connect_webview,
      )
    }
    await harness.seam('/connect_webviews/create', (await control.newSession()).headers, {})
    expect(await control.connectWebviews(session.key)).toEqual(created)
    const everyone = await control.connectWebviews()
    expect(everyone.length).toBeGreaterThan(2)
    expect(everyone).toEqual(expect.arrayContaining(created))
  })

  it('finishes a webview, and reconnects a seeded account whose metadata it replaces', async () => {
    const key = uniqueUser('reconnect')
    const seeded = await control.seedConnectedAccount({
      user_identifier_key: key,
      custom_metadata: { tenant_id: 'old', stale: true },
    })
    const session = await control.newSession(key)
    const webview = (
      await harness.seam('/connect_webviews/create', session.headers, {
        custom_metadata: { tenant_id: 'new' },
      })
    ).connect_webview
    const { connect_webview, connected_account } = await control.complete(
      webview.connect_webview_id,
      { connected_account_id: seeded.connected_account_id },
    )
    expect(connect_webview.status).toBe('authorized')
    expect(connect_webview.connected_account_id).toBe(seeded.connected_account_id)
    expect(connected_account.custom_metadata).toEqual({ tenant_id: 'new' })
    expect(await control.connectWebviews(key)).toEqual([connect_webview])
    await expect(control.complete(webview.connect_webview_id)).rejects.toThrow(/answered 409/)
  })

  it('fails a webview, sets behaviour, scripts faults and reads the request log', async () => {
    const session = await control.newSession(uniqueUser('control'))
    const webview = (await harness.seam('/connect_webviews/create', session.headers, {}))
      .connect_webview
    expect(
      (await control.webviewBehaviour(webview.connect_webview_id, { event_naming: 'legacy' }))
        .behaviour.event_naming,
    ).toBe('legacy')
    expect(
      (await control.sessionBehaviour(session.key, { latency_ms: 5 })).behaviour.latency_ms,
    ).toBe(5)
    const failed = await control.fail(webview.connect_webview_id, { error_code: 'locked_out' })
    expect(failed.connect_webview.status).toBe('failed')

    const { faults } = await control.fault({ user_identifier_key: session.key, status: 503 })
    expect(faults).toEqual([{ user_identifier_key: session.key, status: 503, times: 1 }])
    expect(await control.pendingFaults(session.key)).toBe(1)
    const faulted = await harness.request('/connect_webviews/list', {
      headers: session.headers,
      body: {},
    })
    expect(faulted.status).toBe(503)
    expect(await control.pendingFaults(session.key)).toBe(0)

    const log = await control.requests(session.key)
    expect(log.map(({ path, status }) => [path, status])).toEqual([
      ['/client_sessions/get_or_create', 200],
      ['/connect_webviews/create', 200],
      ['/connect_webviews/list', 503],
    ])
    expect(await control.requests(session.key, '/connect_webviews/create')).toHaveLength(1)
  })

  it('faults and logs a scope: a backend’s API-key requests, apart from everyone else’s', async () => {
    const scope = uniqueUser('scope')
    const headers = { ...harness.apiKeyHeaders(), ...scopeHeaders(scope) }
    await control.fault({ scope, route: '/connect_webviews/list', status: 502 })
    expect(await control.pendingFaults({ scope })).toBe(1)
    const faulted = await harness.request('/connect_webviews/list', { headers, body: {} })
    expect(faulted.status).toBe(502)
    expect(await control.pendingFaults({ scope })).toBe(0)
    await harness.request('/connect_webviews/create', { headers, body: {} })
    const log = await control.scopedRequests(scope)
    expect(log.map(({ path, status, scope: of }) => [path, status, of])).toEqual([
      ['/connect_webviews/list', 502, scope],
      ['/connect_webviews/create', 200, scope],
    ])
    expect(await control.scopedRequests(scope, '/connect_webviews/create')).toHaveLength(1)
  })

  it('mints client session tokens and rotates them', async () => {
    const key = uniqueUser('token')
    const token = await control.mintClientSessionToken(key)
    expect(token).toMatch(/^seam_cst/)
    expect(await control.rotateSessionToken(key)).toEqual({ ok: true })
    expect(await control.mintClientSessionToken(key)).not.toBe(token)
  })

  it('refuses what the fake refuses, naming the route and its answer', async () => {
    await expect(
      // @ts-expect-error -- a number is not metadata; the fake must refuse it at run time too
      control.seedConnectedAccount({ custom_metadata: { count: 1 } }),
    ).rejects.toThrow(/\/_fake\/connected_accounts\/seed answered 400/)
    await expect(control.complete(crypto.randomUUID())).rejects.toThrow(/answered 404/)
  })
})

describe('the bulk seed at its limit', () => {
  it('takes 10,000 accounts at once, which the filters then find', async () => {
    const harness = fakeHarness(server.url, server)
    const batch = uniqueUser('ten-thousand')
    const ids = await harness.seedConnectedAccounts(
      Array.from({ length: 10_000 }, (_, i) => ({
        custom_metadata: { batch, tenant_id: i % 100 === 0 ? 'wanted' : `other_${i}` },
      })),
    )
    expect(ids).toHaveLength(10_000)
    const listed = await harness.seam('/connected_accounts/list', harness.apiKeyHeaders(), {
      custom_metadata_has: { batch, tenant_id: 'wanted' },
      limit: 1000,
    })
    expect(listed.connected_accounts).toHaveLength(100)
    expect(listed.pagination.has_next_page).toBe(false)
  })
})

describe('replies are validated', () => {
  // A control client whose requests reach another real route of the fake: its reply is a real
  // 200, in the wrong shape for the call.
  function answeredBy(path: string): FakeSeamConnectControl {
    return fakeControl(inProcess.url, {
      fetch: () => inProcess.fetch(new Request(`${inProcess.url}${path}`, { method: 'GET' })),
    })
  }

  it('throws, naming the route and the first field, when a reply has another shape', async () => {
    const control = answeredBy('/_fake/health')
    await expect(control.complete(crypto.randomUUID())).rejects.toThrow(
      /^\/_fake\/connect_webviews\/complete replied with an unexpected shape: connect_webview: /,
    )
    await expect(control.requests()).rejects.toThrow(/\/_fake\/requests replied with an unexpected/)
  })
})
