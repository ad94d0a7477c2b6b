// What the handler must hold even when Seam's reply is not what the fake usually sends: extra
// fields, other wording, a reply without the trusted pairs, a redirect. The odd replies come from
// the fake's faults (on this handler's scope), or from a real local server standing in for Seam.
import { describe, expect, it } from 'vitest'
import {
  fake,
  listen,
  noApiKeyAnywhere,
  rawRequest,
  startHandler,
  twoUsers,
} from './support/harness'

const MISSING_ID = '00000000-0000-4000-8000-000000000000'
const pagination = { next_page_cursor: null, has_next_page: false, next_page_url: null }

describe('hardening', () => {
  it('a list reply passes on only its list and pagination: another user’s resource in an extra field stays out', async () => {
    const [alice, bob] = twoUsers('extra-field')
    const app = await startHandler('extra-field')
    await fake.fault({
      scope: app.scope,
      route: '/connect_webviews/list',
      status: 200,
      body: JSON.stringify({
        connect_webviews: [],
        connected_accounts: [{ custom_metadata: { user_id: alice } }],
        pagination,
        ok: true,
      }),
    })
    const reply = await app.post('/connect_webviews/list', {}, bob)
    expect(reply.status).toBe(200)
    expect(Object.keys(reply.json).sort()).toEqual(['connect_webviews', 'ok', 'pagination'])
    expect(reply.text).not.toContain(alice)
  })

  it('customer_key is the server’s to set: from the browser it is a 400, with zero requests to Seam', async () => {
    const [, bob] = twoUsers('customer-key')
    const app = await startHandler('customer-key')
    const reply = await app.post(
      '/connect_webviews/create',
      { customer_key: 'another-customer', custom_metadata: { note: 'x' } },
      bob,
    )
    expect(reply.status).toBe(400)
    expect(reply.json.error.type).toBe('invalid_input')
    expect(reply.json.error.message).toMatch(/customer_key/)
    expect(await app.seamRequests()).toEqual([])
  })

  it.each([
    ['/connected_accounts/get', { email: 'alice@example.com' }, 'connected_account_not_found'],
    [
      '/connected_accounts/update',
      { connected_account_id: MISSING_ID },
      'connected_account_not_found',
    ],
    ['/connect_webviews/get', { connect_webview_id: MISSING_ID }, 'connect_webview_not_found'],
  ] as const)(
    'a missing resource on %s answers the handler’s fixed not-found, whatever Seam’s wording',
    async (route, params, type) => {
      const [, bob] = twoUsers(`wording-${route}`)
      const app = await startHandler(`wording-${route.replaceAll('/', '-')}`)
      // The first read of the route: Seam's own 404, worded so that it tells more than "missing".
      const readRoute = route === '/connected_accounts/update' ? '/connected_accounts/get' : route
      await fake.fault({
        scope: app.scope,
        route: readRoute,
        status: 404,
        error_type: type,
        message: 'No account for alice@example.com in workspace ws_1',
      })
      const reply = await app.post(route, params, bob)
      expect(reply.status).toBe(404)
      expect(reply.json.error.type).toBe(type)
      expect(reply.text).not.toContain('alice@example.com')
      expect(reply.json.error.message).toMatch(/^Connect(ed account| webview) not found$/)
      expect(reply.headers.get('seam-request-id')).toBeTruthy()
    },
  )

  it('an update whose reply lost the trusted pairs is a 502, not handed out as if all were well', async () => {
    const [, bob] = twoUsers('update-post-check')
    const app = await startHandler('update-post-check')
    const client = app.browserClient(bob)
    const webview = await client.connectWebviews.create({})
    const { connected_account } = await fake.complete(webview.connect_webview_id)
    await fake.fault({
      scope: app.scope,
      route: '/connected_accounts/update',
      status: 200,
      body: JSON.stringify({
        connected_account: { ...connected_account, custom_metadata: { note: 'x' } },
        ok: true,
      }),
    })
    const reply = await app.post(
      '/connected_accounts/update',
      { connected_account_id: connected_account.connected_account_id, custom_metadata: {} },
      bob,
    )
    expect(reply.status).toBe(502)
  })

  it('a redirect from Seam is not followed: the write is not replayed elsewhere', async () => {
    const [, bob] = twoUsers('redirect')
    const reached: string[] = []
    const elsewhere = await listen((req, res) => {
      reached.push(req.url ?? '')
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}')
    })
    const seam = await listen((_req, res) => {
      res.writeHead(307, { location: `${elsewhere.url}/connect_webviews/create` }).end()
    })
    const app = await startHandler('redirect', { endpoint: seam.url })
    const reply = await app.post('/connect_webviews/create', {}, bob)
    expect(reply.status).toBe(502)
    expect(reached).toEqual([])
  })

  it.each([
    '/api/x/../seam/connect_webviews/get',
    '/api/seam/%2e%2e/seam/connect_webviews/get',
    '/api/seam\\connect_webviews/get',
    '/api//seam/connect_webviews/get',
  ])(
    'a target that reaches the base path through dot segments or odd slashes, %s, is a 404',
    async (path) => {
      const [, bob] = twoUsers('dots')
      const app = await startHandler('dots')
      const reply = await rawRequest(app.url, {
        path,
        headers: { 'content-type': 'application/json', 'x-test-user': bob },
        body: JSON.stringify({ connect_webview_id: MISSING_ID }),
      })
      expect(reply.status).toBe(404)
      expect(await app.seamRequests()).toEqual([])
    },
  )
})

noApiKeyAnywhere()
