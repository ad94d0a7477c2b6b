// createFakeSeamConnect: the fake as a fetch function (what MSW hands requests to), at an origin's
// root or under a path, with no server and no port.
import { describe, expect, it } from 'vitest'
import { createFakeSeamConnect } from '../../fake/create-fake'

function client(fake: ReturnType<typeof createFakeSeamConnect>) {
  const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
    const reply = await fake.fetch(
      new Request(`${fake.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      }),
    )
    return { status: reply.status, body: (await reply.json()) as Record<string, unknown> }
  }
  return {
    post,
    async session(key: string) {
      const { body } = await post(
        '/client_sessions/get_or_create',
        { user_identifier_key: key },
        { 'seam-publishable-key': fake.publishableKey },
      )
      const token = (body.client_session as { token: string }).token
      return { authorization: `Bearer ${token}`, 'client-session-token': token }
    },
  }
}

describe('createFakeSeamConnect', () => {
  it.each([
    ['at its default origin', undefined, 'https://fake-seam-connect.test', ''],
    [
      'under a path on another origin',
      'http://localhost:6006/seam-fake/',
      'http://localhost:6006/seam-fake',
      '/seam-fake',
    ],
  ])('answers Seam routes and serves the hosted page %s', async (_, url, expectedUrl, prefix) => {
    const fake = createFakeSeamConnect({ url })
    expect(fake.url).toBe(expectedUrl)
    const { post, session } = client(fake)
    const headers = await session('create-fake-user')
    const created = await post(
      '/connect_webviews/create',
      { custom_metadata: { tenant: 't1' } },
      headers,
    )
    expect(created.status).toBe(200)
    const webview = created.body.connect_webview as { url: string; custom_metadata: unknown }
    expect(webview.custom_metadata).toEqual({ tenant: 't1' })
    expect(webview.url.startsWith(`${expectedUrl}/connect_webviews/view?`)).toBe(true)

    const page = await fake.fetch(new Request(webview.url))
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toMatch(/^text\/html/)
    // The page's own requests must stay under the prefix, or they would miss the fake.
    expect(await page.text()).toContain(`"login_path":"${prefix}/connect_webviews/view/login"`)
    fake.stop()
  })

  it('keeps the prefix in next_page_url', async () => {
    const fake = createFakeSeamConnect({ url: 'http://localhost:6006/seam-fake' })
    const { post, session } = client(fake)
    const headers = await session('create-fake-pages')
    await post('/connect_webviews/create', {}, headers)
    await post('/connect_webviews/create', {}, headers)
    const page = await post('/connect_webviews/list', { limit: 1 }, headers)
    const pagination = page.body.pagination as { next_page_url: string; next_page_cursor: string }
    expect(pagination.next_page_url).toMatch(
      /^http:\/\/localhost:6006\/seam-fake\/connect_webviews\/list\?/,
    )
    const next = await post(
      '/connect_webviews/list',
      { limit: 1, page_cursor: pagination.next_page_cursor },
      headers,
    )
    expect(next.status).toBe(200)
    expect(next.body.connect_webviews).toHaveLength(1)
    fake.stop()
  })

  it.each([
    ['another origin', 'https://elsewhere.test/connect_webviews/list'],
    ['a path beside the prefix', 'http://localhost:6006/seam-fakery/connect_webviews/list'],
  ])('answers 404 for %s', async (_, url) => {
    const fake = createFakeSeamConnect({ url: 'http://localhost:6006/seam-fake' })
    const reply = await fake.fetch(new Request(url, { method: 'POST', body: '{}' }))
    expect(reply.status).toBe(404)
  })

  it.each(['ftp://fake.test', 'https://fake.test/?q=1', 'https://fake.test/#x', 'not a url'])(
    'refuses url %s',
    (url) => {
      expect(() => createFakeSeamConnect({ url })).toThrow(TypeError)
    },
  )

  it('stays separate from another fake: each has its own store', async () => {
    const one = client(createFakeSeamConnect())
    const other = createFakeSeamConnect()
    const headers = await one.session('create-fake-separate')
    const created = await one.post('/connect_webviews/create', {}, headers)
    const id = (created.body.connect_webview as { connect_webview_id: string }).connect_webview_id
    const read = await client(other).post(
      '/connect_webviews/get',
      { connect_webview_id: id },
      await client(other).session('create-fake-separate'),
    )
    expect(read.status).toBe(404)
  })
})
