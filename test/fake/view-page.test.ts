// The fake's hosted webview page, its login route and the forger page, over real HTTP. The
// pages are parsed (and their scripts run) in jsdom; postMessage between real frames and the
// redirects are covered by the browser tests.
import { createHash } from 'node:crypto'
import { createRequire } from 'node:module'
import { describe, expect, inject, it } from 'vitest'
import {
  fakeControl,
  postMessagePageUrl,
  type FakeSession,
  type Json,
} from '../../fake/control-client'

const fakeUrl = inject('fakeUrl')
const fake = fakeControl(fakeUrl)

// jsdom ships no types and @types/jsdom is not a dependency: this is the little the tests use.
type JsdomWindow = Window & typeof globalThis
interface JsdomOptions {
  url?: string
  runScripts?: 'dangerously' | 'outside-only'
  beforeParse?: (window: JsdomWindow) => void
}
const { JSDOM } = createRequire(import.meta.url)('jsdom') as {
  JSDOM: new (html: string, options?: JsdomOptions) => { window: JsdomWindow }
}

const LOGIN_PATH = '/connect_webviews/view/login'
const OUTCOME_PATH = '/connect_webviews/view/outcome'
const FOUR_PROVIDERS = ['august', 'yale', 'schlage', 'ecobee']

function parse(html: string): Document {
  return new JSDOM(html).window.document
}

async function getPage(url: string | URL) {
  const response = await fetch(url)
  const html = await response.text()
  return { response, html, document: parse(html) }
}

function embeddedData(document: Document): Json {
  return JSON.parse(document.getElementById('fake-data')?.textContent ?? 'null')
}

function authTokenOf(webview: Json): string {
  return new URL(webview.url).searchParams.get('auth_token') ?? ''
}

interface LoginFields {
  provider?: string
  username?: string
  password?: string
  auth_token?: string
}

/** POSTs the hosted page's login, as its script does. */
async function login(webview: Json, fields: LoginFields = {}) {
  return fake.request(LOGIN_PATH, {
    body: {
      connect_webview_id: webview.connect_webview_id,
      auth_token: authTokenOf(webview),
      provider: webview.accepted_providers[0],
      username: 'jane@example.com',
      password: 'correct horse',
      ...fields,
    },
  })
}

async function getWebview(session: FakeSession, id: string): Promise<Json> {
  return (await fake.seam('/connect_webviews/get', session.headers, { connect_webview_id: id }))
    .connect_webview
}

async function getAccount(session: FakeSession, id: string): Promise<Json> {
  return (await fake.seam('/connected_accounts/get', session.headers, { connected_account_id: id }))
    .connected_account
}

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`
}

describe('the hosted webview page', () => {
  it('refuses a wrong or missing auth_token with a 401 page that never shows a token', async () => {
    const session = await fake.newSession()
    const webview = await fake.createWebview(session.headers)
    const token = authTokenOf(webview)
    const wrongToken = 'W'.repeat(33)
    const wrong = new URL(webview.url)
    wrong.searchParams.set('auth_token', wrongToken)
    const missing = new URL(webview.url)
    missing.searchParams.delete('auth_token')
    const empty = new URL(webview.url)
    empty.searchParams.set('auth_token', '')
    for (const url of [wrong, missing, empty]) {
      const { response, html, document } = await getPage(url)
      expect(response.status).toBe(401)
      expect(response.headers.get('content-type')).toMatch(/^text\/html/)
      expect(response.headers.get('cache-control')).toBe('no-store')
      expect(document.querySelector('h1')?.textContent).toBe('Not authorized')
      expect(document.querySelector('form')).toBeNull()
      for (const secret of [token, wrongToken]) expect(html).not.toContain(secret)
    }
    // Even the real page reads its token from the address, never from the markup.
    const ok = await getPage(webview.url)
    expect(ok.response.status).toBe(200)
    expect(ok.html).not.toContain(token)
  })

  it('answers an unknown webview with a 404 page (a missing token still gets 401)', async () => {
    const url = new URL('/connect_webviews/view', fakeUrl)
    url.searchParams.set('connect_webview_id', crypto.randomUUID())
    url.searchParams.set('auth_token', 'T'.repeat(33))
    const { response, html, document } = await getPage(url)
    expect(response.status).toBe(404)
    expect(document.querySelector('h1')?.textContent).toBe('Connect webview not found')
    expect(html).not.toContain('T'.repeat(33))
    url.searchParams.delete('auth_token')
    expect((await fetch(url)).status).toBe(401)
  })

  it('sends no Cross-Origin-Opener-Policy unless the behaviour asks for one (which cuts a popup’s handle)', async () => {
    const session = await fake.newSession()
    const webview = await fake.createWebview(session.headers)
    expect((await getPage(webview.url)).response.headers.get('cross-origin-opener-policy')).toBe(
      null,
    )
    await fake.webviewBehaviour(webview.connect_webview_id, { opener_policy: 'same-origin' })
    expect((await getPage(webview.url)).response.headers.get('cross-origin-opener-policy')).toBe(
      'same-origin',
    )
  })

  it('renders a self-contained, labelled login form for a pending webview', async () => {
    const session = await fake.newSession()
    const webview = await fake.createWebview(session.headers, {
      accepted_providers: FOUR_PROVIDERS,
    })
    const { response, html, document } = await getPage(webview.url)
    expect(response.status).toBe(200)
    expect(response.headers.get('referrer-policy')).toBe('no-referrer')
    expect(document.documentElement.lang).toBe('en')
    expect(document.title).toBe('Fake Seam Connect')
    expect(document.querySelectorAll('h1')).toHaveLength(1)

    const fieldset = document.querySelector('fieldset')
    expect(fieldset?.querySelector('legend')?.textContent).toBe('Provider')
    const radios = [...document.querySelectorAll<HTMLInputElement>('input[type="radio"]')]
    expect(radios.map((radio) => [radio.value, radio.labels?.[0]?.textContent?.trim()])).toEqual([
      ['august', 'August'],
      ['yale', 'Yale'],
      ['schlage', 'Schlage'],
      ['ecobee', 'Ecobee'],
    ])
    expect(radios.map((radio) => radio.checked)).toEqual([true, false, false, false])
    expect(radios.every((radio) => fieldset?.contains(radio))).toBe(true)

    const username = document.getElementById('username') as HTMLInputElement
    const password = document.getElementById('password') as HTMLInputElement
    expect(username.labels?.[0]?.textContent).toBe('Username')
    expect(password.labels?.[0]?.textContent).toBe('Password')
    expect(password.type).toBe('password')
    for (const control of document.querySelectorAll('input, select, textarea')) {
      expect((control as HTMLInputElement).labels?.length, control.outerHTML).toBeGreaterThan(0)
    }
    const buttons = [...document.querySelectorAll('button')]
    expect(buttons.map((button) => [button.type, button.textContent])).toEqual([
      ['submit', 'Sign in'],
    ])
    expect(document.querySelector('[role="status"]')?.textContent).toBe('')
    expect(html).toMatch(/\bwrong\b/)

    // Nothing from elsewhere: no src/href, and a CSP that allows only this page's own blocks.
    expect(document.querySelectorAll('[src], [href]')).toHaveLength(0)
    const csp = response.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("default-src 'none'")
    expect(csp).toContain("form-action 'none'")
    const script = document.querySelector('script:not([type])')?.textContent ?? ''
    expect(script).toContain('postMessage')
    expect(csp).toContain(`script-src ${sha256(script)}`)
    const style = document.querySelector('style')?.textContent ?? ''
    expect(csp).toContain(`style-src ${sha256(style)}`)
  })

  it('offers every accepted provider of the webview', async () => {
    const session = await fake.newSession()
    const webview = await fake.createWebview(session.headers, { accepted_providers: ['ecobee'] })
    const { document } = await getPage(webview.url)
    const values = [...document.querySelectorAll<HTMLInputElement>('input[name="provider"]')].map(
      (radio) => radio.value,
    )
    expect(values).toEqual(['ecobee'])
  })

  it('shows the final state instead of the form once the webview is finished', async () => {
    const session = await fake.newSession()
    const done = await fake.createWebview(session.headers)
    await fake.complete(done.connect_webview_id)
    const authorized = (await getPage(done.url)).document
    expect(authorized.querySelector('form')).toBeNull()
    expect(authorized.querySelector('script:not([type])')).toBeNull()
    expect(authorized.querySelector('h2')?.textContent).toBe('Account connected')
    expect(authorized.querySelector('[role="status"]')?.textContent).toBe('Connected')
    expect(embeddedData(authorized).status).toBe('authorized')

    const failedWebview = await fake.createWebview(session.headers)
    await fake.fail(failedWebview.connect_webview_id, {
      error_code: 'provider_down',
      error_message: 'The <provider> is down.',
    })
    const failed = await getPage(failedWebview.url)
    expect(failed.document.querySelector('form')).toBeNull()
    expect(failed.document.querySelector('h2')?.textContent).toBe('Login failed')
    expect(failed.document.querySelector('[role="status"]')?.textContent).toBe(
      'The <provider> is down.',
    )
    expect(failed.html).not.toContain('<provider>')
  })

  it('embeds the effective behaviour: defaults, then the session, then the webview', async () => {
    const session = await fake.newSession()
    const webview = await fake.createWebview(session.headers)
    const id = webview.connect_webview_id
    const defaults = embeddedData((await getPage(webview.url)).document)
    expect(defaults).toEqual({
      connect_webview_id: id,
      status: 'pending',
      login_path: LOGIN_PATH,
      outcome_path: OUTCOME_PATH,
      behaviour: {
        event_naming: 'current',
        post_message: true,
        target_origin: '*',
        include_connected_account_id: true,
        latency_ms: 0,
        message_delay_ms: 0,
        redirect_delay_ms: 0,
        page_poll_ms: 500,
        view_delay_ms: 0,
        opener_policy: 'unsafe-none',
      },
    })
    await fake.sessionBehaviour(session.key, {
      event_naming: 'legacy',
      message_delay_ms: 250,
      page_poll_ms: 1000,
    })
    await fake.webviewBehaviour(id, {
      post_message: false,
      target_origin: 'http://127.0.0.1:5173',
      include_connected_account_id: false,
      redirect_delay_ms: 400,
      page_poll_ms: 0,
    })
    const embedded = embeddedData((await getPage(webview.url)).document).behaviour
    const effective = (
      await fake.request('/_fake/connect_webviews/behaviour', {
        method: 'GET',
        query: { connect_webview_id: id },
      })
    ).body.behaviour
    expect(embedded).toEqual(effective)
    expect(embedded).toEqual({
      event_naming: 'legacy',
      post_message: false,
      target_origin: 'http://127.0.0.1:5173',
      include_connected_account_id: false,
      latency_ms: 0,
      message_delay_ms: 250,
      redirect_delay_ms: 400,
      page_poll_ms: 0,
      view_delay_ms: 0,
      opener_policy: 'unsafe-none',
    })
  })

  it.each([
    { message_delay_ms: -1 },
    { redirect_delay_ms: 60_001 },
    { page_poll_ms: -1 },
    { page_poll_ms: 1.5 },
    { view_delay_ms: 60_001 },
  ])('refuses an out-of-range delay: %o', async (patch) => {
    const session = await fake.newSession()
    const webview = await fake.createWebview(session.headers)
    const reply = await fake.request('/_fake/connect_webviews/behaviour', {
      body: { connect_webview_id: webview.connect_webview_id, ...patch },
    })
    expect(reply.status).toBe(400)
  })
})

describe('the login route', () => {
  it('completes the webview; the new account gets the webview metadata', async () => {
    const session = await fake.newSession()
    const webview = await fake.createWebview(session.headers, {
      accepted_providers: FOUR_PROVIDERS,
      custom_metadata: { tenant: 't1', internal: true },
    })
    const reply = await login(webview, { provider: 'yale', username: 'jane@example.com' })
    expect(reply.status).toBe(200)
    expect(reply.headers.get('cache-control')).toBe('no-store')
    const accountId: string = reply.body.connected_account_id
    expect(reply.body).toEqual({
      ok: true,
      connect_webview_id: webview.connect_webview_id,
      status: 'authorized',
      connected_account_id: accountId,
      message: {
        data: {
          event: {
            event_type: 'connect_webview.login_succeeded',
            connect_webview_id: webview.connect_webview_id,
            connected_account_id: accountId,
          },
        },
        target_origin: '*',
        delay_ms: 0,
      },
      redirect: null,
    })
    const after = await getWebview(session, webview.connect_webview_id)
    expect(after).toMatchObject({
      status: 'authorized',
      login_successful: true,
      connected_account_id: accountId,
      selected_provider: 'yale',
    })
    const account = await getAccount(session, accountId)
    expect(account).toMatchObject({
      account_type: 'yale',
      user_identifier: { username: 'jane@example.com', email: 'jane@example.com' },
      custom_metadata: { tenant: 't1', internal: true },
    })
  })

  it('reconnects the same account for the same provider + username, replacing its metadata', async () => {
    const session = await fake.newSession()
    const username = `user-${crypto.randomUUID()}`
    const first = await fake.createWebview(session.headers, {
      accepted_providers: FOUR_PROVIDERS,
      custom_metadata: { tenant: 't1', old_key: 'x' },
    })
    const firstId = (await login(first, { provider: 'schlage', username })).body
      .connected_account_id
    const second = await fake.createWebview(session.headers, {
      accepted_providers: FOUR_PROVIDERS,
      custom_metadata: { tenant: 't2' },
    })
    const again = await login(second, { provider: 'schlage', username })
    expect(again.body.connected_account_id).toBe(firstId)
    expect((await getAccount(session, firstId)).custom_metadata).toEqual({ tenant: 't2' })

    const third = await fake.createWebview(session.headers, { accepted_providers: FOUR_PROVIDERS })
    const otherProvider = await login(third, { provider: 'august', username })
    expect(otherProvider.body.connected_account_id).not.toBe(firstId)
  })

  it('fails the webview for the password "wrong"', async () => {
    const session = await fake.newSession()
    const webview = await fake.createWebview(session.headers)
    const reply = await login(webview, { password: 'wrong' })
    expect(reply.status).toBe(200)
    expect(reply.body).toEqual({
      ok: true,
      connect_webview_id: webview.connect_webview_id,
      status: 'failed',
      error_code: 'invalid_credentials',
      error_message: 'The username or password is incorrect.',
      message: {
        data: {
          event: {
            event_type: 'connect_webview.login_failed',
            connect_webview_id: webview.connect_webview_id,
            error_code: 'invalid_credentials',
            error_message: 'The username or password is incorrect.',
          },
        },
        target_origin: '*',
        delay_ms: 0,
      },
      redirect: null,
    })
    expect(await getWebview(session, webview.connect_webview_id)).toMatchObject({
      status: 'failed',
      login_successful: false,
      connected_account_id: null,
    })
    const page = (await getPage(webview.url)).document
    expect(page.querySelector('[role="status"]')?.textContent).toBe(
      'The username or password is incorrect.',
    )
    // A finished webview cannot be logged into again.
    const again = await login(webview)
    expect(again.status).toBe(409)
    expect(again.body.error.type).toBe('connect_webview_not_pending')
  })

  it('refuses a wrong or missing auth_token (401) and an unknown webview (404), changing nothing', async () => {
    const session = await fake.newSession()
    const webview = await fake.createWebview(session.headers)
    for (const auth_token of ['W'.repeat(33), '']) {
      for (const password of ['ok', 'wrong']) {
        const reply = await login(webview, { auth_token, password })
        expect(reply.status).toBe(401)
        expect(reply.headers.get('cache-control')).toBe('no-store')
        expect(reply.body.error.type).toBe('unauthorized')
        expect(reply.text).not.toContain(authTokenOf(webview))
      }
    }
    const noToken = await fake.request(LOGIN_PATH, {
      body: { connect_webview_id: webview.connect_webview_id, username: 'a', password: 'b' },
    })
    expect(noToken.status).toBe(401)
    const unknown = await login({ ...webview, connect_webview_id: crypto.randomUUID() })
    expect(unknown.status).toBe(404)
    expect(unknown.body.error.type).toBe('connect_webview_not_found')

    expect(await getWebview(session, webview.connect_webview_id)).toMatchObject({
      status: 'pending',
      connected_account_id: null,
    })
    const accounts = await fake.seam('/connected_accounts/list', session.headers)
    expect(accounts.connected_accounts).toEqual([])
  })

  it.each([
    ['a provider the webview does not accept', { provider: 'yale' }],
    ['an empty username', { username: '' }],
    ['an empty password', { password: '' }],
  ])('refuses %s (400), changing nothing', async (_, fields) => {
    const session = await fake.newSession()
    const webview = await fake.createWebview(session.headers, { accepted_providers: ['august'] })
    const reply = await login(webview, fields)
    expect(reply.status).toBe(400)
    expect(reply.body.error.type).toBe('invalid_input')
    expect((await getWebview(session, webview.connect_webview_id)).status).toBe('pending')
  })

  it.each([
    ['current', true, 'authorized', 'connect_webview.login_succeeded'],
    ['current', false, 'authorized', 'connect_webview.login_succeeded'],
    ['legacy', true, 'authorized', 'webview.login_successful'],
    ['legacy', false, 'authorized', 'webview.login_successful'],
    ['current', true, 'failed', 'connect_webview.login_failed'],
    ['legacy', false, 'failed', 'webview.login_failed'],
  ] as const)(
    'event_naming %s, include_connected_account_id %s, %s: posts %s',
    async (eventNaming, includeId, outcome, eventType) => {
      const session = await fake.newSession()
      const webview = await fake.createWebview(session.headers)
      await fake.webviewBehaviour(webview.connect_webview_id, {
        event_naming: eventNaming,
        include_connected_account_id: includeId,
      })
      const reply = await login(webview, { password: outcome === 'failed' ? 'wrong' : 'ok' })
      const event = reply.body.message.data.event
      expect(event.event_type).toBe(eventType)
      expect(event.connect_webview_id).toBe(webview.connect_webview_id)
      if (outcome === 'failed') {
        expect(Object.keys(event).sort()).toEqual([
          'connect_webview_id',
          'error_code',
          'error_message',
          'event_type',
        ])
      } else if (includeId) {
        expect(event.connected_account_id).toBe(reply.body.connected_account_id)
      } else {
        expect(event).not.toHaveProperty('connected_account_id')
      }
    },
  )

  it('follows the behaviour at login time: post_message, target_origin and the delays', async () => {
    const session = await fake.newSession()
    const webview = await fake.createWebview(session.headers, {
      custom_redirect_url: 'https://app.example.com/done',
    })
    // Set after the page was rendered: the login reply still uses it.
    await getPage(webview.url)
    await fake.webviewBehaviour(webview.connect_webview_id, {
      target_origin: 'http://127.0.0.1:5173',
      message_delay_ms: 300,
      redirect_delay_ms: 700,
    })
    const reply = await login(webview)
    expect(reply.body.message).toMatchObject({
      target_origin: 'http://127.0.0.1:5173',
      delay_ms: 300,
    })
    expect(reply.body.redirect.delay_ms).toBe(700)

    const silent = await fake.createWebview(session.headers)
    await fake.sessionBehaviour(session.key, { post_message: false })
    expect((await login(silent)).body.message).toBeNull()
  })

  it('redirects with connect_webview_id, and error_code + error_message on failure', async () => {
    const session = await fake.newSession()
    const withBoth = {
      custom_redirect_url: 'https://app.example.com/done?from=seam#top',
      custom_redirect_failure_url: 'https://app.example.com/failed',
    }
    const succeeded = await fake.createWebview(session.headers, withBoth)
    const success = new URL((await login(succeeded)).body.redirect.url)
    expect(success.origin + success.pathname + success.hash).toBe(
      'https://app.example.com/done#top',
    )
    expect(Object.fromEntries(success.searchParams)).toEqual({
      from: 'seam',
      connect_webview_id: succeeded.connect_webview_id,
    })

    const failedWithFailureUrl = await fake.createWebview(session.headers, withBoth)
    const failure = new URL(
      (await login(failedWithFailureUrl, { password: 'wrong' })).body.redirect.url,
    )
    expect(failure.origin + failure.pathname).toBe('https://app.example.com/failed')
    expect(Object.fromEntries(failure.searchParams)).toEqual({
      connect_webview_id: failedWithFailureUrl.connect_webview_id,
      error_code: 'invalid_credentials',
      error_message: 'The username or password is incorrect.',
    })

    const fallback = await fake.createWebview(session.headers, {
      custom_redirect_url: 'https://app.example.com/done',
    })
    const fellBack = new URL((await login(fallback, { password: 'wrong' })).body.redirect.url)
    expect(fellBack.pathname).toBe('/done')
    expect(fellBack.searchParams.get('error_code')).toBe('invalid_credentials')

    const none = await fake.createWebview(session.headers)
    expect((await login(none)).body.redirect).toBeNull()
  })

  it('stays out of the request log', async () => {
    const session = await fake.newSession()
    const webview = await fake.createWebview(session.headers)
    await getPage(webview.url)
    await login(webview, { password: 'p4ssw0rd-secret' })
    const serialized = JSON.stringify(await fake.requests())
    expect(serialized).not.toContain(LOGIN_PATH)
    expect(serialized).not.toContain(authTokenOf(webview))
    expect(serialized).not.toContain('p4ssw0rd-secret')
  })

  it("the page's script signs in, posts the message and shows the outcome (jsdom)", async () => {
    const session = await fake.newSession()
    const webview = await fake.createWebview(session.headers, {
      accepted_providers: FOUR_PROVIDERS,
    })
    const { html } = await getPage(webview.url)
    const { window } = new JSDOM(html, {
      url: webview.url,
      runScripts: 'dangerously',
      // jsdom has no fetch: hand the page Node's, resolving its relative URL like a browser.
      // jsdom opens no popup: the window stands in for the opener a top-level page posts to.
      beforeParse(win) {
        win.fetch = ((input: string, init?: RequestInit) =>
          fetch(new URL(input, webview.url), init)) as typeof fetch
        Object.defineProperty(win, 'opener', { value: win })
      },
    })
    try {
      const posted = new Promise<unknown>((resolve) => {
        window.addEventListener('message', (event) => resolve(event.data))
      })
      const { document } = window
      ;(document.querySelector('input[value="ecobee"]') as HTMLInputElement).checked = true
      ;(document.getElementById('username') as HTMLInputElement).value = 'sam'
      ;(document.getElementById('password') as HTMLInputElement).value = 'pw'
      const before = Date.now()
      ;(document.getElementById('login') as HTMLFormElement).requestSubmit()
      const data = (await posted) as Json
      expect(data.event.event_type).toBe('connect_webview.login_succeeded')
      // The bench times the embedding page against these (bench/browser/latency.ts).
      const root = document.documentElement
      const outcomeAt = Number(root.getAttribute('data-outcome-at'))
      const postedAt = Number(root.getAttribute('data-posted-at'))
      expect(outcomeAt).toBeGreaterThanOrEqual(before - 1)
      expect(postedAt).toBeGreaterThanOrEqual(outcomeAt)
      expect(postedAt).toBeLessThanOrEqual(Date.now() + 1)
      expect(document.querySelector('[role="status"]')?.textContent).toBe('Connected')
      expect(document.getElementById('outcome')?.textContent).toBe('Account connected')
      expect((document.getElementById('login') as HTMLFormElement).hidden).toBe(true)
      const account = await getAccount(session, data.event.connected_account_id)
      expect(account).toMatchObject({ account_type: 'ecobee', display_name: 'sam' })
    } finally {
      window.close()
    }
  })
})

/** GETs the outcome route, as the page's poll does. */
async function outcome(webview: Json, query: Record<string, string> = {}) {
  return fake.request(OUTCOME_PATH, {
    method: 'GET',
    query: {
      connect_webview_id: webview.connect_webview_id,
      auth_token: authTokenOf(webview),
      ...query,
    },
  })
}

interface PageRun {
  window: JsdomWindow
  /** The path of every request the page's script made, in order. */
  fetched: string[]
  /** Every message the page posted (to its opener, as in a popup: here the window itself). */
  messages: unknown[]
  /** Settles once every request the script has made so far has answered. */
  settled: () => Promise<unknown>
}

/**
 * Runs the hosted page's script in jsdom over Node's fetch (jsdom has none). `hold` can keep
 * a request from being sent (`before`) or its answer from reaching the page (`after`) until a
 * promise resolves, to force the order in which the login and the poll report.
 */
function runPage(
  url: string,
  html: string,
  hold?: { path: string; when: 'before' | 'after'; until: Promise<void> },
): PageRun {
  const fetched: string[] = []
  const messages: unknown[] = []
  const inFlight: Promise<unknown>[] = []
  const { window } = new JSDOM(html, {
    url,
    runScripts: 'dangerously',
    beforeParse(win) {
      win.fetch = ((input: string, init?: RequestInit) => {
        const target = new URL(input, url)
        fetched.push(target.pathname)
        const held = hold?.path === target.pathname ? hold : undefined
        const request = (async () => {
          if (held?.when === 'before') await held.until
          const response = await fetch(target, init)
          if (held?.when === 'after') await held.until
          return response
        })()
        inFlight.push(request)
        return request
      }) as typeof fetch
      // A top-level page posts to its opener (a popup's); jsdom opens none, so the window
      // stands in for it.
      Object.defineProperty(win, 'opener', { value: win })
      win.addEventListener('message', (event) => messages.push(event.data))
    },
  })
  return { window, fetched, messages, settled: () => Promise.allSettled(inFlight) }
}

/**
 * Proving that something does not happen needs a wait: this one is in the page's own time
 * (its script's json parsing and zero-delay timers all fit many times over).
 */
function pageTime(window: JsdomWindow, ms: number): Promise<void> {
  return new Promise((resolve) => window.setTimeout(resolve, ms))
}

function fillLogin(document: Document) {
  ;(document.getElementById('username') as HTMLInputElement).value = 'sam'
  ;(document.getElementById('password') as HTMLInputElement).value = 'pw'
  ;(document.getElementById('login') as HTMLFormElement).requestSubmit()
}

describe('the outcome route', () => {
  it('answers pending while the webview waits, uncached', async () => {
    const session = await fake.newSession()
    const webview = await fake.createWebview(session.headers)
    const reply = await outcome(webview)
    expect(reply.status).toBe(200)
    expect(reply.headers.get('cache-control')).toBe('no-store')
    expect(reply.body).toEqual({ ok: true, status: 'pending' })
  })

  it('after /_fake/ complete: the login reply, from the behaviour in effect now', async () => {
    const session = await fake.newSession()
    const webview = await fake.createWebview(session.headers, {
      custom_redirect_url: 'https://app.example.com/done',
    })
    const id = webview.connect_webview_id
    const { connected_account } = await fake.complete(id)
    // Set after the completion: the reply still follows it.
    await fake.sessionBehaviour(session.key, {
      message_delay_ms: 300,
    })
    await fake.webviewBehaviour(id, {
      event_naming: 'legacy',
      target_origin: 'http://127.0.0.1:5173',
      redirect_delay_ms: 700,
    })
    const reply = await outcome(webview)
    expect(reply.status).toBe(200)
    expect(reply.body).toEqual({
      ok: true,
      connect_webview_id: id,
      status: 'authorized',
      connected_account_id: connected_account.connected_account_id,
      message: {
        data: {
          event: {
            event_type: 'webview.login_successful',
            connect_webview_id: id,
            connected_account_id: connected_account.connected_account_id,
          },
        },
        target_origin: 'http://127.0.0.1:5173',
        delay_ms: 300,
      },
      redirect: { url: `https://app.example.com/done?connect_webview_id=${id}`, delay_ms: 700 },
    })

    await fake.webviewBehaviour(id, { post_message: false })
    expect((await outcome(webview)).body.message).toBeNull()
  })

  it('after /_fake/ fail: the given error, else login_failed with a generic message', async () => {
    const session = await fake.newSession()
    const given = await fake.createWebview(session.headers, {
      custom_redirect_url: 'https://app.example.com/done',
      custom_redirect_failure_url: 'https://app.example.com/failed',
    })
    await fake.fail(given.connect_webview_id, {
      error_code: 'provider_down',
      error_message: 'The provider is down.',
    })
    const reply = await outcome(given)
    expect(reply.body).toEqual({
      ok: true,
      connect_webview_id: given.connect_webview_id,
      status: 'failed',
      error_code: 'provider_down',
      error_message: 'The provider is down.',
      message: {
        data: {
          event: {
            event_type: 'connect_webview.login_failed',
            connect_webview_id: given.connect_webview_id,
            error_code: 'provider_down',
            error_message: 'The provider is down.',
          },
        },
        target_origin: '*',
        delay_ms: 0,
      },
      redirect: { url: expect.any(String), delay_ms: 0 },
    })
    const redirect = new URL(reply.body.redirect.url)
    expect(redirect.origin + redirect.pathname).toBe('https://app.example.com/failed')
    expect(Object.fromEntries(redirect.searchParams)).toEqual({
      connect_webview_id: given.connect_webview_id,
      error_code: 'provider_down',
      error_message: 'The provider is down.',
    })

    const bare = await fake.createWebview(session.headers)
    await fake.fail(bare.connect_webview_id)
    expect((await outcome(bare)).body).toMatchObject({
      status: 'failed',
      error_code: 'login_failed',
      error_message: 'The login failed.',
    })
    const codeOnly = await fake.createWebview(session.headers)
    await fake.fail(codeOnly.connect_webview_id, {
      error_code: 'account_locked',
    })
    expect((await outcome(codeOnly)).body).toMatchObject({
      error_code: 'account_locked',
      error_message: 'The login failed.',
    })
  })

  it('answers exactly like the login route that finished the webview', async () => {
    const session = await fake.newSession()
    const webview = await fake.createWebview(session.headers, {
      custom_redirect_url: 'https://app.example.com/done',
    })
    const loggedIn = await login(webview, { password: 'wrong' })
    expect((await outcome(webview)).body).toEqual(loggedIn.body)
  })

  it('refuses a wrong or missing auth_token (401) and an unknown webview (404)', async () => {
    const session = await fake.newSession()
    const webview = await fake.createWebview(session.headers)
    await fake.complete(webview.connect_webview_id)
    for (const auth_token of ['W'.repeat(33), '']) {
      const reply = await outcome(webview, { auth_token })
      expect(reply.status).toBe(401)
      expect(reply.headers.get('cache-control')).toBe('no-store')
      expect(reply.body).toEqual({
        error: { type: 'unauthorized', message: 'Invalid or missing auth_token' },
        ok: false,
      })
      expect(reply.text).not.toContain(authTokenOf(webview))
    }
    const noToken = await fake.request(OUTCOME_PATH, {
      method: 'GET',
      query: { connect_webview_id: webview.connect_webview_id },
    })
    expect(noToken.status).toBe(401)
    const unknown = await outcome({ ...webview, connect_webview_id: crypto.randomUUID() })
    expect(unknown.status).toBe(404)
    expect(unknown.headers.get('cache-control')).toBe('no-store')
    expect(unknown.body.error.type).toBe('connect_webview_not_found')
    // Another webview's token opens nothing either.
    const other = await fake.createWebview(session.headers)
    expect((await outcome(webview, { auth_token: authTokenOf(other) })).status).toBe(401)
  })

  it('stays out of the request log', async () => {
    const session = await fake.newSession()
    const webview = await fake.createWebview(session.headers)
    await outcome(webview)
    await outcome(webview, { auth_token: 'W'.repeat(33) })
    const serialized = JSON.stringify(await fake.requests())
    expect(serialized).not.toContain(OUTCOME_PATH)
    expect(serialized).not.toContain(authTokenOf(webview))
  })

  it('the page notices a /_fake/ completion, posts once and stops polling (jsdom)', async () => {
    const session = await fake.newSession()
    const webview = await fake.createWebview(session.headers)
    const quiet = await fake.createWebview(session.headers)
    await fake.sessionBehaviour(session.key, { page_poll_ms: 20 })
    await fake.webviewBehaviour(quiet.connect_webview_id, {
      page_poll_ms: 0,
    })
    const page = runPage(webview.url, (await getPage(webview.url)).html)
    const quietPage = runPage(quiet.url, (await getPage(quiet.url)).html)
    try {
      await expect.poll(() => page.fetched).toContain(OUTCOME_PATH)
      const { connected_account } = await fake.complete(webview.connect_webview_id)
      await expect.poll(() => page.messages).toHaveLength(1)
      expect(page.messages[0]).toEqual({
        event: {
          event_type: 'connect_webview.login_succeeded',
          connect_webview_id: webview.connect_webview_id,
          connected_account_id: connected_account.connected_account_id,
        },
      })
      const { document } = page.window
      expect(document.getElementById('outcome')?.textContent).toBe('Account connected')
      expect(document.querySelector('[role="status"]')?.textContent).toBe('Connected')
      expect((document.getElementById('login') as HTMLFormElement).hidden).toBe(true)

      const polls = page.fetched.length
      await page.settled()
      await pageTime(page.window, 200)
      expect(page.fetched).toHaveLength(polls)
      expect(page.messages).toHaveLength(1)
      // page_poll_ms 0: never asks.
      expect(quietPage.fetched).toEqual([])
    } finally {
      page.window.close()
      quietPage.window.close()
    }
  })

  it('stamps when it learnt the outcome, and no post time when post_message is false (jsdom)', async () => {
    const session = await fake.newSession()
    const webview = await fake.createWebview(session.headers)
    await fake.webviewBehaviour(webview.connect_webview_id, {
      page_poll_ms: 20,
      post_message: false,
    })
    const page = runPage(webview.url, (await getPage(webview.url)).html)
    try {
      const root = page.window.document.documentElement
      expect(root.hasAttribute('data-outcome-at')).toBe(false)
      const before = Date.now()
      await fake.complete(webview.connect_webview_id)
      await expect.poll(() => root.getAttribute('data-outcome-at')).not.toBeNull()
      expect(Number(root.getAttribute('data-outcome-at'))).toBeGreaterThanOrEqual(before - 1)
      await page.settled()
      expect(page.messages).toEqual([])
      expect(root.hasAttribute('data-posted-at')).toBe(false)
    } finally {
      page.window.close()
    }
  })

  it.each([
    ['the poll reports first', { path: LOGIN_PATH, when: 'after' as const }],
    ['the login reports first', { path: OUTCOME_PATH, when: 'before' as const }],
  ])('a form login racing the poll posts once: %s (jsdom)', async (_, { path, when }) => {
    const session = await fake.newSession()
    const webview = await fake.createWebview(session.headers)
    await fake.webviewBehaviour(webview.connect_webview_id, {
      page_poll_ms: 10,
    })
    let release = () => {}
    const until = new Promise<void>((resolve) => (release = resolve))
    const page = runPage(webview.url, (await getPage(webview.url)).html, { path, when, until })
    try {
      // Held 'before', the first poll waits unsent, so the login is the first to report.
      if (when === 'before') await expect.poll(() => page.fetched).toContain(OUTCOME_PATH)
      fillLogin(page.window.document)
      await expect.poll(() => page.messages).toHaveLength(1)
      // Both routes have now seen the authorized webview; let the held one report too.
      release()
      await page.settled()
      await pageTime(page.window, 100)
      expect(page.messages).toHaveLength(1)
      expect(page.fetched.filter((fetched) => fetched === LOGIN_PATH)).toHaveLength(1)
      const { document } = page.window
      expect(document.querySelector('[role="status"]')?.textContent).toBe('Connected')
    } finally {
      release()
      page.window.close()
    }
  })
})

describe('view_delay_ms', () => {
  it.each([
    {
      setOn: 'the webview',
      set: (session: FakeSession, webviewId: string) =>
        fake.webviewBehaviour(webviewId, { view_delay_ms: 300 }),
    },
    {
      setOn: 'its session, after the webview was created',
      set: (session: FakeSession) => fake.sessionBehaviour(session.key, { view_delay_ms: 300 }),
    },
  ])('holds the page back, set on $setOn', async ({ set }) => {
    const session = await fake.newSession()
    const webview = await fake.createWebview(session.headers)
    await set(session, webview.connect_webview_id)
    const started = performance.now()
    const { response, document } = await getPage(webview.url)
    // A lower bound only: a busy machine may take longer, never less.
    expect(performance.now() - started).toBeGreaterThanOrEqual(200)
    expect(response.status).toBe(200)
    expect(embeddedData(document).behaviour.view_delay_ms).toBe(300)
  })
})

describe('the forger page', () => {
  it('embeds the data safely: a </script> inside it does not break out', async () => {
    const data = {
      event: {
        event_type: 'connect_webview.login_succeeded',
        connect_webview_id: '</script><script>window.pwned = 1</script><!--',
      },
      note: '\u2028 & <b>',
    }
    const { response, html, document } = await getPage(postMessagePageUrl(fakeUrl, data))
    expect(response.status).toBe(200)
    expect(html).not.toContain('</script><script>window.pwned')
    expect(document.querySelectorAll('script')).toHaveLength(2)
    expect(embeddedData(document)).toEqual({ data, target_origin: '*', repeat: 1 })
    expect(document.querySelector('[role="status"]')?.textContent).toBe('')
  })

  it('posts the raw string when data is not JSON, repeat times, to target_origin', async () => {
    const url = new URL('/_fake/post-message', fakeUrl)
    url.searchParams.set('data', '{not json')
    url.searchParams.set('target_origin', 'http://127.0.0.1:5173')
    url.searchParams.set('repeat', '3')
    expect(embeddedData((await getPage(url)).document)).toEqual({
      data: '{not json',
      target_origin: 'http://127.0.0.1:5173',
      repeat: 3,
    })
  })

  it.each<Record<string, string>>([
    {},
    { data: '1', target_origin: 'http://127.0.0.1:5173/path' },
    { data: '1', target_origin: 'nope' },
    { data: '1', repeat: '0' },
    { data: '1', repeat: '1.5' },
    { data: '1', repeat: '101' },
  ])('refuses a missing data, a bad target_origin or repeat with a 400 page: %o', async (query) => {
    const reply = await fake.request('/_fake/post-message', { method: 'GET', query })
    expect(reply.status).toBe(400)
    expect(reply.headers.get('content-type')).toMatch(/^text\/html/)
  })

  it('its script posts the data repeat times and says "posted" (jsdom)', async () => {
    const { html } = await getPage(postMessagePageUrl(fakeUrl, { hello: ['world'] }, '*', 2))
    const received: unknown[] = []
    const { window } = new JSDOM(html, {
      url: fakeUrl,
      runScripts: 'dangerously',
      beforeParse(win) {
        win.addEventListener('message', (event) => received.push(event.data))
      },
    })
    try {
      expect(window.document.querySelector('[role="status"]')?.textContent).toBe('posted')
      await expect.poll(() => received).toEqual([{ hello: ['world'] }, { hello: ['world'] }])
    } finally {
      window.close()
    }
  })
})

describe('the look-alike fake', () => {
  it('listens on port P * 10 + 1, so its origin starts with the fake origin', () => {
    const lookalike = inject('fakeLookalikeUrl')
    const main = new URL(fakeUrl)
    const other = new URL(lookalike)
    expect(lookalike.startsWith(fakeUrl)).toBe(true)
    expect(other.origin).not.toBe(main.origin)
    expect(Number(other.port)).toBe(Number(main.port) * 10 + 1)
  })

  it('is a separate fake: it serves the forger page but knows no webview of the main fake', async () => {
    const lookalike = inject('fakeLookalikeUrl')
    const session = await fake.newSession()
    const webview = await fake.createWebview(session.headers)
    const elsewhere = await fetch(new URL('/connect_webviews/get', lookalike), {
      method: 'POST',
      headers: { ...fake.apiKeyHeaders(), 'content-type': 'application/json' },
      body: JSON.stringify({ connect_webview_id: webview.connect_webview_id }),
    })
    expect(elsewhere.status).toBe(404)
    const forger = await fetch(postMessagePageUrl(lookalike, 'hi'))
    expect(forger.status).toBe(200)
  })
})
