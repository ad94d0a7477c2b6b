// The handler's reason to exist: metadata the server vouches for. A user cannot put another
// user's id on what they create, nor read, list or update what another user created. Real HTTP
// throughout: browser -> handler (toNodeListener) -> fake Seam Connect.
import { describe, expect, it } from 'vitest'
import { isSeamApiError } from '../../src/index'
import { apiKey, fake, fakeUrl, noApiKeyAnywhere, startHandler, twoUsers } from './support/harness'

const MISSING_ID = '00000000-0000-4000-8000-000000000000'

/** A webview and its account as Seam sees them, read with the API key (not through the handler). */
const asSeam = {
  account: async (id: string) =>
    (await fake.seam('/connected_accounts/get', fake.apiKeyHeaders(), { connected_account_id: id }))
      .connected_account,
}

describe('forged metadata', () => {
  it('forged metadata: a user who puts another user’s id in custom_metadata gets a webview, then an account, carrying their own id', async () => {
    const [alice, bob] = twoUsers('forge')
    const app = await startHandler('forge')
    const client = app.browserClient(bob)

    const webview = await client.connectWebviews.create({
      custom_metadata: { user_id: alice, note: 'kept' },
    })
    expect(webview.custom_metadata).toEqual({ user_id: bob, note: 'kept' })

    const { connected_account } = await fake.complete(webview.connect_webview_id)
    expect(connected_account.custom_metadata).toEqual({ user_id: bob, note: 'kept' })
    // Read back as Seam stores it, and through the handler by its owner.
    expect((await asSeam.account(connected_account.connected_account_id)).custom_metadata).toEqual({
      user_id: bob,
      note: 'kept',
    })
    const account = await client.connectedAccounts.get({
      connected_account_id: connected_account.connected_account_id,
    })
    expect(account.custom_metadata.user_id).toBe(bob)
  })

  it('forged metadata: null and "" cannot remove the trusted key on create', async () => {
    const [, bob] = twoUsers('forge-null')
    const app = await startHandler('forge-null')
    for (const forged of [null, '']) {
      const reply = await app.post(
        '/connect_webviews/create',
        { custom_metadata: { user_id: forged } },
        bob,
      )
      expect(reply.status).toBe(200)
      expect(reply.json.connect_webview.custom_metadata).toEqual({ user_id: bob })
    }
  })

  it('the trusted pairs count towards Seam’s 50 keys: 50 from the browser is a 400, with zero requests to Seam', async () => {
    const [, bob] = twoUsers('fifty')
    const app = await startHandler('fifty')
    const metadata = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, 'v']))
    const reply = await app.post('/connect_webviews/create', { custom_metadata: metadata }, bob)
    expect(reply.status).toBe(400)
    expect(reply.json.error.type).toBe('invalid_input')
    expect(reply.json.error.message).toMatch(/51 keys; at most 50/)
    expect(await app.seamRequests()).toEqual([])
  })
})

describe('cross-user', () => {
  /** Alice's finished webview and account, made through the handler. */
  async function alicesAccount(label: string) {
    const [alice, bob] = twoUsers(label)
    const app = await startHandler(label)
    const webview = await app.browserClient(alice).connectWebviews.create({
      custom_metadata: { tenant: 't1' },
    })
    const { connected_account } = await fake.complete(webview.connect_webview_id)
    return { app, alice, bob, webview, account: connected_account }
  }

  it('cross-user: reading another user’s webview answers exactly as a missing one (404, same body)', async () => {
    const { app, bob, webview } = await alicesAccount('xget')
    const foreign = await app.post(
      '/connect_webviews/get',
      { connect_webview_id: webview.connect_webview_id },
      bob,
    )
    const missing = await app.post('/connect_webviews/get', { connect_webview_id: MISSING_ID }, bob)
    expect(missing.status).toBe(404)
    expect(foreign.status).toBe(404)
    expect(foreign.json).toEqual(missing.json)
    expect(foreign.json.error.type).toBe('connect_webview_not_found')
    expect(foreign.headers.get('seam-request-id')).toBeTruthy()
    expect(foreign.text).not.toContain(webview.connect_webview_id)

    const error = await app
      .browserClient(bob)
      .connectWebviews.get({ connect_webview_id: webview.connect_webview_id })
      .catch((e: unknown) => e)
    expect(isSeamApiError(error) && [error.status, error.type]).toEqual([
      404,
      'connect_webview_not_found',
    ])
  })

  it('cross-user: reading another user’s account answers exactly as a missing one (404, same body)', async () => {
    const { app, bob, account } = await alicesAccount('xaccount')
    const foreign = await app.post(
      '/connected_accounts/get',
      { connected_account_id: account.connected_account_id },
      bob,
    )
    const missing = await app.post(
      '/connected_accounts/get',
      { connected_account_id: MISSING_ID },
      bob,
    )
    expect(missing.status).toBe(404)
    expect(foreign.status).toBe(404)
    expect(foreign.json).toEqual(missing.json)
    expect(foreign.json.error.type).toBe('connected_account_not_found')
  })

  it('cross-user: updating another user’s account answers as a missing one and changes nothing', async () => {
    const { app, alice, bob, account } = await alicesAccount('xupdate')
    const id = account.connected_account_id
    const foreign = await app.post(
      '/connected_accounts/update',
      { connected_account_id: id, custom_metadata: { tenant: 'hijacked', user_id: bob } },
      bob,
    )
    const missing = await app.post(
      '/connected_accounts/update',
      { connected_account_id: MISSING_ID, custom_metadata: { tenant: 'x' } },
      bob,
    )
    expect(missing.status).toBe(404)
    expect(foreign.status).toBe(404)
    expect(foreign.json).toEqual(missing.json)
    expect((await asSeam.account(id)).custom_metadata).toEqual({ user_id: alice, tenant: 't1' })
    // Ownership was checked with a read; no update went out.
    expect(await app.seamRequests('/connected_accounts/update')).toEqual([])
  })

  it('cross-user: lists leave other users’ webviews and accounts out', async () => {
    const { app, alice, bob, webview, account } = await alicesAccount('xlist')
    const bobs = await app.browserClient(bob).connectWebviews.create()
    await fake.complete(bobs.connect_webview_id)

    const webviews = await app.browserClient(bob).connectWebviews.list()
    expect(webviews.items.map((w) => w.connect_webview_id)).toEqual([bobs.connect_webview_id])
    const accounts = await app.browserClient(bob).connectedAccounts.list()
    expect(accounts.items).toHaveLength(1)
    expect(accounts.items[0]?.custom_metadata.user_id).toBe(bob)
    // Alice sees hers, and only hers.
    const hers = await app.browserClient(alice).connectedAccounts.list()
    expect(hers.items.map((a) => a.connected_account_id)).toEqual([account.connected_account_id])
    expect(
      (await app.browserClient(alice).connectWebviews.list()).items.map(
        (w) => w.connect_webview_id,
      ),
    ).toEqual([webview.connect_webview_id])
  })

  it('cross-user: a browser filter naming another user’s id gets an empty page, without asking Seam', async () => {
    const { app, alice, bob } = await alicesAccount('xfilter')
    for (const forged of [alice, null]) {
      const before = (await app.seamRequests()).length
      const reply = await app.post(
        '/connect_webviews/list',
        { custom_metadata_has: { user_id: forged } },
        bob,
      )
      expect(reply.status).toBe(200)
      expect(reply.json).toEqual({
        connect_webviews: [],
        pagination: { next_page_cursor: null, has_next_page: false, next_page_url: null },
        ok: true,
      })
      expect((await app.seamRequests()).length).toBe(before)
    }
    // A filter that agrees with the trusted pair, or adds other keys, narrows as usual.
    const own = await app.post(
      '/connected_accounts/list',
      { custom_metadata_has: { user_id: bob, tenant: 't1' } },
      bob,
    )
    expect(own.json.connected_accounts).toEqual([])
  })

  it('cross-user: paging through a list never shows another user’s item, on any page', async () => {
    const [alice, bob] = twoUsers('xpages')
    const app = await startHandler('xpages')
    const created: Record<string, string[]> = { [alice]: [], [bob]: [] }
    // Interleaved, so every page of the workspace holds both users' webviews.
    for (let i = 0; i < 5; i++) {
      for (const user of [alice, bob]) {
        const webview = await app.browserClient(user).connectWebviews.create({
          custom_metadata: { round: String(i) },
        })
        created[user]?.push(webview.connect_webview_id)
      }
    }
    const client = app.browserClient(bob)
    const seen: string[] = []
    let page_cursor: string | null | undefined
    let pages = 0
    do {
      const page = await client.connectWebviews.list({ limit: 2, page_cursor })
      for (const item of page.items) expect(item.custom_metadata.user_id).toBe(bob)
      seen.push(...page.items.map((w) => w.connect_webview_id))
      page_cursor = page.pagination.has_next_page ? page.pagination.next_page_cursor : null
      pages++
    } while (page_cursor)
    expect(pages).toBeGreaterThanOrEqual(3)
    expect(seen.sort()).toEqual([...(created[bob] ?? [])].sort())

    const all: string[] = []
    for await (const webview of client.connectWebviews.listAll({ limit: 3 })) {
      all.push(webview.connect_webview_id)
    }
    expect(all.sort()).toEqual([...(created[bob] ?? [])].sort())
  })

  it('cross-user: a list reply from Seam that holds another user’s item is filtered again', async () => {
    const { app, bob, webview } = await alicesAccount('xdefence')
    const bobs = await app.browserClient(bob).connectWebviews.create()
    // Seam answers (say, ignoring the filter) with Alice's webview next to Bob's.
    await fake.fault({
      scope: app.scope,
      route: '/connect_webviews/list',
      status: 200,
      body: JSON.stringify({
        connect_webviews: [webview, bobs],
        pagination: { next_page_cursor: null, has_next_page: false, next_page_url: `${fakeUrl}/x` },
        ok: true,
      }),
    })
    const reply = await app.post('/connect_webviews/list', {}, bob)
    expect(reply.status).toBe(200)
    expect(
      reply.json.connect_webviews.map((w: { connect_webview_id: string }) => w.connect_webview_id),
    ).toEqual([bobs.connect_webview_id])
    expect(reply.json.pagination.next_page_url).toBeNull()
    expect(reply.text).not.toContain(webview.connect_webview_id)
  })
})

describe('update keeps the trusted keys', () => {
  it('null, "" or another value for a trusted key leaves it as it was; other keys change as Seam says', async () => {
    const [, bob] = twoUsers('update')
    const app = await startHandler('update')
    const client = app.browserClient(bob)
    const webview = await client.connectWebviews.create({ custom_metadata: { tenant: 't1' } })
    const id = (await fake.complete(webview.connect_webview_id)).connected_account
      .connected_account_id

    const attempts = [
      [
        { user_id: null, tenant: 't2' },
        { user_id: bob, tenant: 't2' },
      ],
      [{ user_id: '', tenant: '' }, { user_id: bob }],
      [
        { user_id: 'someone-else', room: 'a' },
        { user_id: bob, room: 'a' },
      ],
      [{}, { user_id: bob }],
    ] as const
    for (const [custom_metadata, expected] of attempts) {
      await client.connectedAccounts.update({ connected_account_id: id, custom_metadata })
      expect((await asSeam.account(id)).custom_metadata).toEqual(expected)
    }
    // Without custom_metadata, Seam leaves the metadata alone.
    await client.connectedAccounts.update({
      connected_account_id: id,
      automatically_manage_new_devices: false,
    })
    expect((await asSeam.account(id)).custom_metadata).toEqual({ user_id: bob })
  })
})

describe('the API key stays with the handler', () => {
  it('a Seam error that echoes the API key reaches the browser scrubbed', async () => {
    const [, bob] = twoUsers('echo')
    const app = await startHandler('echo')
    await fake.fault({
      scope: app.scope,
      status: 500,
      message: `Internal error for key ${apiKey} (Bearer ${apiKey})`,
    })
    const reply = await app.post('/connect_webviews/list', {}, bob)
    expect(reply.status).toBe(500)
    expect(reply.json.error.type).toBe('internal_server_error')
    expect(reply.text).not.toContain(apiKey)
    expect(reply.json.error.message).toContain('[redacted]')
  })
})

noApiKeyAnywhere()
