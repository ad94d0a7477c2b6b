// The completion under a bad network and a real deployment: outages, hung and odd replies, a
// credential that expires mid sign-in or is refreshed, several observers of the same queries.
// Every fault comes from the fake; nothing here mocks fetch or our own modules.
import { QueryClient } from '@tanstack/react-query'
import { cleanup, render } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { page } from 'vitest/browser'
import {
  ConnectWebviewFrame,
  isSeamApiError,
  useConnectedAccountMetadata,
  type ConnectWebview,
} from '../../src/index'
import { fake, mountFrame, sessionTokenClient, signIn } from './frame-harness'

afterEach(cleanup)

/** What a hook beside the frame saw: its last data and every error it reported. */
function metadataProbe() {
  const seen = { data: undefined as unknown, errors: [] as unknown[] }
  function Probe({ connectWebviewId }: { connectWebviewId: string }) {
    const { data, error } = useConnectedAccountMetadata({ connectWebviewId })
    seen.data = data
    if (error && !seen.errors.includes(error)) seen.errors.push(error)
    return null
  }
  return {
    seen,
    beside: (webview: ConnectWebview) => <Probe connectWebviewId={webview.connect_webview_id} />,
  }
}

describe('an outage of /connected_accounts/get after the user signs in', () => {
  it('with the metadata hook mounted first: exactly one onComplete, with the metadata', async () => {
    const metadata = { your_app_user_id: 'u_9', tenant: 'acme' }
    const probe = metadataProbe()
    const t = await mountFrame('outage', {
      create: { custom_metadata: metadata },
      props: { pollInterval: false },
      beside: probe.beside,
    })
    await expect.poll(t.state).toBe('ready')
    await fake.fault({
      user_identifier_key: t.userIdentifierKey,
      route: '/connected_accounts/get',
      status: 503,
      for_ms: 2000,
    })
    await signIn(t.frame())

    await expect.poll(() => t.calls.complete.length, { timeout: 20_000 }).toBe(1)
    expect(t.calls.complete[0]?.customMetadata).toEqual(metadata)
    expect(t.calls.error).toEqual([])
    expect(t.calls.state).not.toContain('failed')
    // The outage really happened, and lasted beyond the client's own retries.
    const accountReads = await fake.requests(t.userIdentifierKey, '/connected_accounts/get')
    expect(accountReads.filter((r) => r.status === 503).length).toBeGreaterThan(4)
    expect(accountReads.at(-1)?.status).toBe(200)
    await expect.poll(() => probe.seen.data).toEqual(metadata)
    await expect.poll(() => t.queryClient.isFetching()).toBe(0)
    expect(t.calls.complete).toHaveLength(1)
  })

  it('whatever retry the app’s QueryClient defaults set', async () => {
    const t = await mountFrame('outage-defaults', {
      props: { pollInterval: false },
      queryClient: new QueryClient({
        defaultOptions: { queries: { retry: false, gcTime: Infinity } },
      }),
    })
    await expect.poll(t.state).toBe('ready')
    await fake.fault({
      user_identifier_key: t.userIdentifierKey,
      route: '/connect_webviews/get',
      status: 502,
      for_ms: 1500,
    })
    await signIn(t.frame())
    await expect.poll(() => t.calls.complete.length, { timeout: 20_000 }).toBe(1)
    expect(t.calls.error).toEqual([])
  })
})

describe('replies Seam never sent keep the frame verifying', () => {
  it('a reply the fake holds open is cut by timeoutMs, and the frame completes', async () => {
    const t = await mountFrame('hung', {
      props: { pollInterval: false },
      clientOptions: { timeoutMs: 300 },
    })
    await expect.poll(t.state).toBe('ready')
    await fake.fault({
      user_identifier_key: t.userIdentifierKey,
      route: '/connect_webviews/get',
      hang: true,
      times: 2,
    })
    await signIn(t.frame())
    await expect.poll(() => t.calls.complete.length).toBe(1)
    expect(t.calls.error).toEqual([])
  })

  it('a captive portal’s 200 text/html and a proxy’s 408', async () => {
    const t = await mountFrame('portal', { props: { pollInterval: false } })
    await expect.poll(t.state).toBe('ready')
    await fake.fault({
      user_identifier_key: t.userIdentifierKey,
      route: '/connect_webviews/get',
      body: '<html>Sign in to the Wi-Fi</html>',
      content_type: 'text/html',
      times: 4,
    })
    await fake.fault({
      user_identifier_key: t.userIdentifierKey,
      route: '/connect_webviews/get',
      status: 408,
      times: 4,
    })
    await signIn(t.frame())
    await expect.poll(() => t.calls.complete.length, { timeout: 20_000 }).toBe(1)
    expect(t.calls.error).toEqual([])
    expect(t.calls.state).toContain('verifying')
    expect(t.calls.state).not.toContain('failed')
  })

  it('a rate limit is waited out as long as Seam’s Retry-After says, never shorter', async () => {
    const t = await mountFrame('rate-limit', { props: { pollInterval: false } })
    await expect.poll(t.state).toBe('ready')
    // More 429s than the client's own retries: the engine waits out the last Retry-After too.
    await fake.fault({
      user_identifier_key: t.userIdentifierKey,
      route: '/connected_accounts/get',
      status: 429,
      retry_after: '2',
      times: 5,
    })
    await signIn(t.frame())
    await expect.poll(() => t.calls.complete.length, { timeout: 30_000 }).toBe(1)
    expect(t.calls.error).toEqual([])
    const reads = await fake.requests(t.userIdentifierKey, '/connected_accounts/get')
    expect(reads.map((r) => r.status)).toEqual([429, 429, 429, 429, 429, 200])
    const gaps = reads.slice(1).map((r, i) => Date.parse(r.at) - Date.parse(reads[i]?.at ?? ''))
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(1900)
  })

  it('a definite 404 for this webview ends it in failed', async () => {
    const t = await mountFrame('gone', { props: { pollInterval: false } })
    await expect.poll(t.state).toBe('ready')
    await fake.fault({
      user_identifier_key: t.userIdentifierKey,
      route: '/connect_webviews/get',
      status: 404,
      error_type: 'connect_webview_not_found',
    })
    await signIn(t.frame())
    await expect.poll(t.state).toBe('failed')
    expect(t.calls.error).toHaveLength(1)
    expect(t.calls.error[0]).toMatchObject({ status: 404, type: 'connect_webview_not_found' })
  })
})

describe('a 401 mid sign-in', () => {
  it('is reported, keeps the iframe, and verification resumes with the provider’s new credential', async () => {
    const t = await mountFrame('expired', { props: { pollInterval: false }, sessionToken: true })
    await expect.poll(t.state).toBe('ready')
    const iframe = t.iframe()
    // The client session token expires while the user is signing in.
    await fake.rotateSessionToken(t.userIdentifierKey)
    await signIn(t.frame())
    await expect.poll(() => t.calls.error.length).toBe(1)
    const [error] = t.calls.error
    expect(isSeamApiError(error) && error.status).toBe(401)
    expect(t.state()).toBe('verifying')
    expect(t.iframe()).toBe(iframe)
    expect(t.calls.complete).toEqual([])

    // The app's backend mints a new token; the provider gets the new client.
    const refreshed = await sessionTokenClient(t.userIdentifierKey)
    t.view.rerender(t.ui({}, refreshed))
    await expect.poll(() => t.calls.complete.length).toBe(1)
    expect(t.iframe()).toBe(iframe)
    expect(t.calls.error).toHaveLength(1)
    await expect.poll(t.state).toBe('completed')
  })
})

describe('exactly once per webview, whatever the credential', () => {
  it('a token refresh and a remount never fire onComplete again', async () => {
    const t = await mountFrame('refresh', { props: { pollInterval: false }, sessionToken: true })
    await signIn(t.frame())
    await expect.poll(() => t.calls.complete.length).toBe(1)
    t.view.unmount()

    await fake.rotateSessionToken(t.userIdentifierKey)
    const refreshed = await sessionTokenClient(t.userIdentifierKey)
    expect(refreshed.scope).not.toBe(t.client.scope)
    const again = render(t.ui({}, refreshed))
    const iframe = again.container.querySelector('iframe') as HTMLIFrameElement
    await expect.poll(() => iframe.dataset.state).toBe('completed')
    expect(t.calls.complete).toHaveLength(1)
  })

  it('two frames showing the same webview under one QueryClient fire onComplete once in total', async () => {
    const twin: unknown[] = []
    const t = await mountFrame('twice', {
      props: { pollInterval: 200 },
      beside: (webview) => (
        <ConnectWebviewFrame
          connectWebview={webview}
          title="The same webview, again"
          pollInterval={200}
          onComplete={(completion) => twin.push(completion)}
        />
      ),
    })
    const twinIframe = page.getByTitle('The same webview, again').element() as HTMLIFrameElement
    await expect.poll(t.state).toBe('ready')
    await signIn(t.frame())
    await expect.poll(t.state).toBe('completed')
    await expect.poll(() => twinIframe.dataset.state).toBe('completed')
    await expect.poll(() => t.queryClient.isFetching()).toBe(0)
    expect(t.calls.complete.length + twin.length).toBe(1)
  })
})

describe('onComplete always receives both objects', () => {
  it('even when the QueryClient drops unobserved queries at once (gcTime 0)', async () => {
    const t = await mountFrame('gc', {
      props: { pollInterval: false },
      queryClient: new QueryClient({ defaultOptions: { queries: { gcTime: 0 } } }),
    })
    await signIn(t.frame())
    await expect.poll(() => t.calls.complete.length).toBe(1)
    const [completion] = t.calls.complete
    expect(completion?.connectWebview).toMatchObject({
      connect_webview_id: t.webview.connect_webview_id,
      status: 'authorized',
    })
    expect(completion?.connectedAccount.connected_account_id).toBe(
      completion?.connectWebview.connected_account_id,
    )
  })
})

describe('input', () => {
  it('a connectWebview whose id disagrees with its URL is a typed input error', async () => {
    const t = await mountFrame('mismatch', { props: { pollInterval: false } })
    const other = await t.client.connectWebviews.create()
    expect(() =>
      render(
        t.ui({
          connectWebview: { connect_webview_id: other.connect_webview_id, url: t.webview.url },
        }),
      ),
    ).toThrow(/connect_webview_id does not match the one in its url/)
  })
})
