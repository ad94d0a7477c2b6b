// Full-page redirect mode, on the page Seam sends the user back to. The round trip is the fake's
// own: its hosted page's login route answers with the exact URL the page then navigates to
// (custom_redirect_url plus what Seam appends), and this page "arrives" there with that URL.
import { cleanup, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, inject, it, onTestFinished } from 'vitest'
import { z } from 'zod'
import {
  isSeamApiError,
  isSeamConnectWebviewFailedError,
  redirectUrlFor,
  useConnectWebviewRedirectResult,
  type ConnectWebviewCompletion,
  type ConnectWebview,
  type SeamConnectClient,
  type SeamConnectError,
} from '../../src/index'
import { fakeControl } from '../../fake/control-client'
import { providers } from '../support/render-with-providers'
import { sessionClient } from '../support/session-client'

const fake = fakeControl(inject('fakeUrl'))
const APP_PAGE = '/settings/devices?tab=locks#connect'

afterEach(() => {
  cleanup()
  window.history.replaceState(null, '', '/')
})

const loginReplySchema = z.object({ redirect: z.object({ url: z.string() }).nullable() })

/** Signs in on the webview's hosted page as a person would; returns where the page then goes. */
async function signInOnHostedPage(webview: ConnectWebview, password = 'correct horse') {
  const url = new URL(webview.url)
  const reply = await fake.request('/connect_webviews/view/login', {
    body: {
      connect_webview_id: webview.connect_webview_id,
      auth_token: url.searchParams.get('auth_token'),
      provider: 'august',
      username: `person-${crypto.randomUUID()}`,
      password,
    },
  })
  const { redirect } = loginReplySchema.parse(reply.body)
  if (!redirect) throw new Error('The hosted page would not redirect')
  return redirect.url
}

/** The page, with the app's URL, creates a webview that comes back to it, then leaves for it. */
async function leaveForWebview(client: SeamConnectClient) {
  window.history.replaceState(null, '', APP_PAGE)
  const back = redirectUrlFor(window.location)
  return client.connectWebviews.create({
    custom_metadata: { tenant_id: 'acme' },
    custom_redirect_url: back,
    custom_redirect_failure_url: back,
  })
}

interface Calls {
  complete: ConnectWebviewCompletion[]
  error: SeamConnectError[]
}

/** A page load: a fresh QueryClient, and the hook mounted as an app's page would. */
function loadPage(client: SeamConnectClient, calls: Calls) {
  function Page() {
    const result = useConnectWebviewRedirectResult({
      onComplete: (completion) => calls.complete.push(completion),
      onError: (error) => calls.error.push(error),
    })
    return <p data-testid="result">{result.state}</p>
  }
  return render(<Page />, providers(client))
}

const state = () => screen.getByTestId('result').textContent
const here = () => `${window.location.pathname}${window.location.search}${window.location.hash}`
const reads = async (key: string) =>
  (await fake.requests(key)).filter((r) => r.path === '/connect_webviews/get').length

describe('useConnectWebviewRedirectResult', () => {
  it('a redirect round trip completes once, then the URL is the app’s own again', async () => {
    const { client } = sessionClient('redirect-round-trip')
    const webview = await leaveForWebview(client)
    const landing = await signInOnHostedPage(webview)
    expect(new URL(landing).searchParams.get('connect_webview_id')).toBe(webview.connect_webview_id)

    window.history.replaceState(null, '', landing)
    const calls: Calls = { complete: [], error: [] }
    loadPage(client, calls)

    await waitFor(() => expect(state()).toBe('completed'))
    expect(calls.complete).toHaveLength(1)
    expect(calls.complete[0]?.customMetadata).toEqual({ tenant_id: 'acme' })
    expect(calls.complete[0]?.connectWebview.connect_webview_id).toBe(webview.connect_webview_id)
    expect(calls.error).toEqual([])
    await waitFor(() => expect(here()).toBe(APP_PAGE))
  })

  it('a reload of the redirect URL does nothing more: idle, no request, no callback', async () => {
    const { client, userIdentifierKey } = sessionClient('redirect-reload')
    const webview = await leaveForWebview(client)
    window.history.replaceState(null, '', await signInOnHostedPage(webview))
    const calls: Calls = { complete: [], error: [] }
    const first = loadPage(client, calls)
    await waitFor(() => expect(state()).toBe('completed'))
    await waitFor(() => expect(here()).toBe(APP_PAGE))
    first.unmount()
    const before = await reads(userIdentifierKey)

    loadPage(client, calls)

    expect(state()).toBe('idle')
    expect(calls.complete).toHaveLength(1)
    expect(await reads(userIdentifierKey)).toBe(before)
  })

  it('the same redirect URL opened again later (history, a bookmark, a duplicated tab) reports nothing twice', async () => {
    const { client, userIdentifierKey } = sessionClient('redirect-again')
    const webview = await leaveForWebview(client)
    const landing = await signInOnHostedPage(webview)
    window.history.replaceState(null, '', landing)
    const calls: Calls = { complete: [], error: [] }
    const first = loadPage(client, calls)
    await waitFor(() => expect(state()).toBe('completed'))
    first.unmount()
    const before = await reads(userIdentifierKey)

    window.history.replaceState(null, '', landing)
    loadPage(client, calls)

    expect(state()).toBe('idle')
    await waitFor(() => expect(here()).toBe(APP_PAGE))
    expect(calls.complete).toHaveLength(1)
    expect(await reads(userIdentifierKey)).toBe(before)
  })

  describe('in a window another page of the app opened', () => {
    const flows = Symbol.for('react-seam-connect/popup-flows')
    /** A same-origin opener, as the window that called window.open; its popup flows as given. */
    function openedBy(showing: string[]) {
      const opener = { location: window.location, [flows]: new Set(showing) }
      Object.defineProperty(window, 'opener', { value: opener, configurable: true })
      onTestFinished(() => {
        Reflect.deleteProperty(window, 'opener')
      })
    }

    it('stays idle when the opener’s popup flow shows this webview: the opener reads the landing', async () => {
      const { client, userIdentifierKey } = sessionClient('redirect-in-popup')
      const webview = await leaveForWebview(client)
      window.history.replaceState(null, '', await signInOnHostedPage(webview))
      openedBy([webview.connect_webview_id])
      const calls: Calls = { complete: [], error: [] }

      loadPage(client, calls)

      expect(state()).toBe('idle')
      expect((await fake.requests(userIdentifierKey)).map((r) => r.path)).not.toContain(
        '/connect_webviews/get',
      )
      expect(new URLSearchParams(window.location.search).get('connect_webview_id')).toBe(
        webview.connect_webview_id,
      )
    })

    it('handles its own redirect when the opener runs no flow for it (a window opened for something else)', async () => {
      const { client } = sessionClient('redirect-other-opener')
      const webview = await leaveForWebview(client)
      window.history.replaceState(null, '', await signInOnHostedPage(webview))
      openedBy(['cw_some_other_flow'])
      const calls: Calls = { complete: [], error: [] }

      loadPage(client, calls)

      await waitFor(() => expect(state()).toBe('completed'))
      expect(calls.complete).toHaveLength(1)
    })
  })

  it('a reload while Seam has not answered yet loses nothing: the parameters stay until it has', async () => {
    const { client, userIdentifierKey } = sessionClient('redirect-reload-early')
    const webview = await leaveForWebview(client)
    window.history.replaceState(null, '', await signInOnHostedPage(webview))
    await fake.newSession(userIdentifierKey)
    await fake.sessionBehaviour(userIdentifierKey, { latency_ms: 60_000 })
    const calls: Calls = { complete: [], error: [] }
    const first = loadPage(client, calls)
    await waitFor(() => expect(state()).toBe('verifying'))
    first.unmount()
    expect(new URLSearchParams(window.location.search).get('connect_webview_id')).toBe(
      webview.connect_webview_id,
    )

    await fake.sessionBehaviour(userIdentifierKey, { latency_ms: null })
    loadPage(client, calls)

    await waitFor(() => expect(state()).toBe('completed'))
    expect(calls.complete).toHaveLength(1)
    await waitFor(() => expect(here()).toBe(APP_PAGE))
  })

  it('a failed login comes back through the redirect: onError with Seam’s code and message, once', async () => {
    const { client } = sessionClient('redirect-failed')
    const webview = await leaveForWebview(client)
    const landing = await signInOnHostedPage(webview, 'wrong')
    expect(new URL(landing).searchParams.get('error_code')).toBe('invalid_credentials')

    window.history.replaceState(null, '', landing)
    const calls: Calls = { complete: [], error: [] }
    loadPage(client, calls)

    await waitFor(() => expect(state()).toBe('failed'))
    expect(calls.error).toHaveLength(1)
    const [error] = calls.error
    expect(isSeamConnectWebviewFailedError(error)).toBe(true)
    expect(isSeamConnectWebviewFailedError(error) && error.errorCode).toBe('invalid_credentials')
    expect(isSeamConnectWebviewFailedError(error) && error.errorMessage).toBe(
      'The username or password is incorrect.',
    )
    expect(calls.complete).toEqual([])
    await waitFor(() => expect(here()).toBe(APP_PAGE))
  })

  it('a shared link to another user’s webview is never reported as theirs: Seam refuses to read it', async () => {
    const owner = sessionClient('redirect-owner')
    const webview = await leaveForWebview(owner.client)
    window.history.replaceState(null, '', await signInOnHostedPage(webview))
    const visitor = sessionClient('redirect-visitor')
    const calls: Calls = { complete: [], error: [] }

    loadPage(visitor.client, calls)

    await waitFor(() => expect(state()).toBe('failed'))
    expect(calls.complete).toEqual([])
    expect(calls.error).toHaveLength(1)
    expect(isSeamApiError(calls.error[0]) && calls.error[0].status).toBe(404)
  })

  it('a page that was not reached through a redirect stays idle and asks nothing', async () => {
    const { client, userIdentifierKey } = sessionClient('redirect-none')
    window.history.replaceState(null, '', `${APP_PAGE.replace('#', '&connect_webview_id=#')}`)
    const calls: Calls = { complete: [], error: [] }

    loadPage(client, calls)

    expect(state()).toBe('idle')
    expect(await fake.requests(userIdentifierKey)).toEqual([])
  })
})

describe('redirectUrlFor', () => {
  it('is the page’s own URL without the parameters an earlier redirect left, hash and query kept', () => {
    expect(
      redirectUrlFor(
        'https://app.example/devices?tab=locks&connect_webview_id=cw_1&error_code=x&error_message=y%20z#add',
      ),
    ).toBe('https://app.example/devices?tab=locks#add')
    // The app's own parameters keep their bytes: no `%20` turned into `+`, no `flag` into `flag=`.
    expect(redirectUrlFor('https://app.example/a?q=a%20b&flag&connect_webview_id=cw_1')).toBe(
      'https://app.example/a?q=a%20b&flag',
    )
    expect(redirectUrlFor(new URL('https://app.example/a?b=c%20d'))).toBe(
      'https://app.example/a?b=c%20d',
    )
    expect(redirectUrlFor({ href: 'http://127.0.0.1:5173/' })).toBe('http://127.0.0.1:5173/')
  })

  it.each(['javascript:alert(1)', '/relative', 'data:text/html,x', ''])(
    'refuses %j with a SeamInvalidInputError',
    (location) => {
      expect(() => redirectUrlFor(location)).toThrowError(
        /redirectUrlFor\(\).*absolute http\(s\) URL/,
      )
    },
  )
})
