import { cleanup, render } from '@testing-library/react'
import { QueryClientProvider } from '@tanstack/react-query'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { page } from 'vitest/browser'
import * as z from 'zod'
import {
  SeamApiError,
  SeamConnectProvider,
  SeamConnectWebviewFailedError,
  SeamResponseParseError,
  useConnectedAccountMetadata,
  useConnectWebview,
} from '../../src/index'
import { endpoint, fake, mountFrame, signIn } from './frame-harness'

afterEach(cleanup)

describe('<ConnectWebviewFrame>: a person signs in on the webview page', () => {
  it('fires onComplete once with exactly the metadata given at creation, after at most two reads', async () => {
    const metadata = { your_app_user_id: 'u_42', tenant: 'acme', beta: true }
    const t = await mountFrame('success', {
      create: { custom_metadata: metadata },
      props: { pollInterval: false },
    })
    await expect.poll(t.state).toBe('ready')
    await expect.poll(t.requests).toHaveLength(1) // the status check on mount

    await signIn(t.frame())
    await expect.poll(() => t.calls.complete.length).toBe(1)
    const [completion] = t.calls.complete
    expect(completion?.customMetadata).toEqual(metadata)
    expect(completion?.connectedAccount.custom_metadata).toEqual(metadata)
    expect(completion?.connectWebview).toMatchObject({
      connect_webview_id: t.webview.connect_webview_id,
      status: 'authorized',
    })
    expect(t.calls.event.map((e) => e.event_type)).toEqual(['connect_webview.login_succeeded'])
    await expect.poll(t.state).toBe('completed')
    expect(t.iframe().getAttribute('aria-busy')).toBe('false')
    expect(t.calls.error).toEqual([])

    // After the message: the webview and the account, read in parallel, and nothing else.
    const reads = (await t.requests())
      .slice(1)
      .map((r) => r.path)
      .sort()
    expect(reads).toEqual(['/connect_webviews/get', '/connected_accounts/get'])
  })

  it('leaves both objects in the cache: the hooks show them without a request', async () => {
    const t = await mountFrame('cache', {
      create: { custom_metadata: { plan: 'pro' } },
      props: { pollInterval: false },
    })
    await signIn(t.frame())
    await expect.poll(() => t.calls.complete.length).toBe(1)
    const before = (await t.requests()).length
    const seen: unknown[] = []
    function Reader() {
      const metadata = useConnectedAccountMetadata({
        connectWebviewId: t.webview.connect_webview_id,
      })
      const webview = useConnectWebview(t.webview.connect_webview_id)
      seen.push([metadata.data, webview.data?.status])
      return null
    }
    render(
      <QueryClientProvider client={t.queryClient}>
        <SeamConnectProvider client={t.client}>
          <Reader />
        </SeamConnectProvider>
      </QueryClientProvider>,
    )
    expect(seen[0]).toEqual([{ plan: 'pro' }, 'authorized'])
    // A read the mount started may not have reached the fake yet: ask React Query, not only the log.
    expect(t.queryClient.isFetching()).toBe(0)
    expect(await t.requests()).toHaveLength(before)
  })

  it('after a reconnect through a second webview, delivers the replaced metadata', async () => {
    const first = await mountFrame('reconnect', {
      create: { custom_metadata: { plan: 'free', seats: '1' } },
      props: { pollInterval: false },
    })
    const username = `same.person-${crypto.randomUUID()}`
    await signIn(first.frame(), { username })
    await expect.poll(() => first.calls.complete.length).toBe(1)
    first.view.unmount()

    // The same app (client and cache) connects the same person again with new metadata.
    const second = await first.client.connectWebviews.create({ custom_metadata: { plan: 'pro' } })
    const again = render(first.ui({ connectWebview: second }))
    const frame = page.frameLocator(
      page.elementLocator(again.container.querySelector('iframe') as HTMLIFrameElement),
    )
    await signIn(frame, { username })
    await expect.poll(() => first.calls.complete.length).toBe(2)
    const [before, after] = first.calls.complete
    expect(after?.connectedAccount.connected_account_id).toBe(
      before?.connectedAccount.connected_account_id,
    )
    expect(after?.customMetadata).toEqual({ plan: 'pro' })
  })

  it('understands the legacy event names', async () => {
    const t = await mountFrame('legacy', {
      behaviour: { event_naming: 'legacy' },
      props: { pollInterval: false },
    })
    await signIn(t.frame())
    await expect.poll(() => t.calls.complete.length).toBe(1)
    expect(t.calls.event.map((e) => e.event_type)).toEqual(['webview.login_successful'])
  })

  it('reports a failed login, confirmed by the API, with the page’s error code', async () => {
    const t = await mountFrame('failure', { props: { pollInterval: false } })
    await signIn(t.frame(), { password: 'wrong' })
    await expect.poll(() => t.calls.error.length).toBe(1)
    const [error] = t.calls.error
    expect(error).toBeInstanceOf(SeamConnectWebviewFailedError)
    expect(error).toMatchObject({
      connectWebviewId: t.webview.connect_webview_id,
      errorCode: 'invalid_credentials',
      errorMessage: 'The username or password is incorrect.',
    })
    await expect.poll(t.state).toBe('failed')
    expect(t.calls.complete).toEqual([])
  })

  it('completes by polling when the page posts nothing', async () => {
    const t = await mountFrame('silent', {
      behaviour: { post_message: false },
      props: { pollInterval: 100 },
    })
    await signIn(t.frame())
    await expect.poll(() => t.calls.complete.length).toBe(1)
    expect(t.calls.event).toEqual([])
  })

  it('completes when the iframe lands on the app’s custom_redirect_url', async () => {
    const t = await mountFrame('redirect', {
      create: { custom_redirect_url: `${window.location.origin}/seam-connect-done` },
      behaviour: { post_message: false },
      props: { pollInterval: false },
    })
    await signIn(t.frame())
    await expect.poll(() => t.calls.complete.length).toBe(1)
    expect(t.calls.event).toEqual([])
  })

  it('a landing on custom_redirect_url right after the message joins the read the message started', async () => {
    const t = await mountFrame('message-then-landing', {
      create: { custom_redirect_url: `${window.location.origin}/seam-connect-done` },
      props: { pollInterval: false },
    })
    await expect.poll(t.state).toBe('ready')
    await expect.poll(t.requests).toHaveLength(1) // the status check on mount
    // Slow replies: the reads the message starts are still out when the iframe lands.
    await fake.sessionBehaviour(t.userIdentifierKey, { latency_ms: 1000 })
    await signIn(t.frame())
    await expect.poll(() => t.calls.complete.length).toBe(1)
    await expect.poll(() => t.queryClient.isFetching()).toBe(0)
    expect(t.calls.event.map((e) => e.event_type)).toEqual(['connect_webview.login_succeeded'])
    expect(t.iframe().contentWindow?.location.pathname).toBe('/seam-connect-done')

    // Two signals, one answer: the webview and the account, each read once.
    const reads = (await t.requests())
      .slice(1)
      .map((r) => r.path)
      .sort()
    expect(reads).toEqual(['/connect_webviews/get', '/connected_accounts/get'])
  })

  it('reads error_code from a failure redirect', async () => {
    const t = await mountFrame('redirect-failure', {
      create: { custom_redirect_failure_url: `${window.location.origin}/seam-connect-failed` },
      behaviour: { post_message: false },
      props: { pollInterval: false },
    })
    await signIn(t.frame(), { password: 'wrong' })
    await expect.poll(() => t.calls.error.length).toBe(1)
    expect(t.calls.error[0]).toMatchObject({ errorCode: 'invalid_credentials' })
  })
})

describe('exactly once', () => {
  it('under StrictMode, with the message and fast polling racing a slowed API', async () => {
    const t = await mountFrame('race', { props: { pollInterval: 30 } })
    await fake.sessionBehaviour(t.userIdentifierKey, { latency_ms: 250 })
    await signIn(t.frame())
    await expect.poll(() => t.calls.complete.length).toBe(1)
    await expect.poll(() => t.queryClient.isFetching()).toBe(0)
    await expect.poll(t.state).toBe('completed')
    await expect.poll(() => t.calls.state.filter((s) => s === 'completed')).toHaveLength(1)
    expect(t.calls.complete).toHaveLength(1)

    // A remount of the same webview shows it completed, without firing or asking again.
    const before = (await t.requests()).length
    t.view.unmount()
    const again = render(t.ui())
    expect(again.container.querySelector('iframe')?.dataset.state).toBe('completed')
    expect(t.calls.complete).toHaveLength(1)
    expect(await t.requests()).toHaveLength(before)
  })

  it('keeps the same iframe through 100 callback swaps, and calls the newest ones', async () => {
    let loads = 0
    const latest: string[] = []
    const t = await mountFrame('swaps', { props: { pollInterval: false, onLoad: () => loads++ } })
    await expect.poll(() => loads).toBe(1)
    const iframe = t.iframe()
    for (let i = 0; i < 100; i++) {
      t.view.rerender(
        t.ui({
          pollInterval: false,
          onLoad: () => loads++,
          onComplete: () => latest.push(`complete ${i}`),
          onStateChange: () => {},
        }),
      )
    }
    expect(t.iframe()).toBe(iframe)
    expect(loads).toBe(1)
    await signIn(t.frame())
    await expect.poll(() => latest).toEqual(['complete 99'])
    expect(t.calls.complete).toEqual([])
  })

  it('a new webview id resets the frame and loads its URL; the same id never reloads', async () => {
    const t = await mountFrame('new-id', { props: { pollInterval: false } })
    await expect.poll(t.state).toBe('ready')
    t.view.rerender(t.ui({ connectWebview: { ...t.webview } }))
    expect(t.state()).toBe('ready')
    const other = await t.client.connectWebviews.create()
    t.view.rerender(t.ui({ connectWebview: other }))
    expect(t.iframe().src).toBe(other.url)
    expect(t.state()).toBe('loading')
    await expect.poll(t.state).toBe('ready')
  })
})

describe('after unmount', () => {
  it('a genuine message and a completion cause no request and no callback', async () => {
    const t = await mountFrame('unmount', { props: { pollInterval: 50 } })
    await expect.poll(t.state).toBe('ready')
    const contentWindow = t.iframe().contentWindow
    t.view.unmount()
    const before = (await t.requests()).length
    const calls = JSON.stringify(t.calls)

    await fake.complete(t.webview.connect_webview_id)
    window.dispatchEvent(
      new MessageEvent('message', {
        origin: new URL(endpoint).origin,
        source: contentWindow,
        data: {
          event: {
            event_type: 'connect_webview.login_succeeded',
            connect_webview_id: t.webview.connect_webview_id,
          },
        },
      }),
    )
    // Nothing observes the webview any more, so no poll can be scheduled...
    const webviewQuery = t.queryClient
      .getQueryCache()
      .findAll()
      .filter((q) => JSON.stringify(q.queryKey).includes(t.webview.connect_webview_id))
    expect(webviewQuery.map((q) => q.getObserversCount())).toEqual(webviewQuery.map(() => 0))
    // ...and the message started nothing.
    expect(t.queryClient.isFetching()).toBe(0)
    expect(await t.requests()).toHaveLength(before)
    expect(JSON.stringify(t.calls)).toBe(calls)
  })
})

describe('verification', () => {
  it('stays "verifying" through transient failures, then completes', async () => {
    const t = await mountFrame('transient', { props: { pollInterval: false } })
    await expect.poll(t.state).toBe('ready')
    await fake.fault({
      user_identifier_key: t.userIdentifierKey,
      route: '/connected_accounts/get',
      status: 503,
      times: 5,
    })
    await signIn(t.frame())
    await expect.poll(() => t.calls.complete.length).toBe(1)
    expect(t.calls.state).toContain('verifying')
    expect(t.calls.error).toEqual([])
  })

  it('ends with onError on a definite API error', async () => {
    const t = await mountFrame('forbidden', { props: { pollInterval: false } })
    await expect.poll(t.state).toBe('ready')
    await fake.fault({
      user_identifier_key: t.userIdentifierKey,
      route: '/connect_webviews/get',
      status: 403,
      error_type: 'forbidden',
    })
    await signIn(t.frame())
    await expect.poll(() => t.calls.error.length).toBe(1)
    expect(t.calls.error[0]).toBeInstanceOf(SeamApiError)
    expect((t.calls.error[0] as SeamApiError).status).toBe(403)
    await expect.poll(t.state).toBe('failed')
  })

  it('validates and types customMetadata with a schema', async () => {
    const t = await mountFrame('schema', {
      create: { custom_metadata: { seats: '3' } },
      props: { pollInterval: false, schema: z.object({ seats: z.coerce.number() }) },
    })
    await signIn(t.frame())
    await expect.poll(() => t.calls.complete.length).toBe(1)
    expect(t.calls.complete[0]?.customMetadata).toEqual({ seats: 3 })

    const bad = await mountFrame('schema-bad', {
      create: { custom_metadata: { seats: 'many' } },
      props: { pollInterval: false, schema: z.object({ seats: z.coerce.number() }) },
    })
    await signIn(bad.frame())
    await expect.poll(() => bad.calls.error.length).toBe(1)
    expect(bad.calls.error[0]).toBeInstanceOf(SeamResponseParseError)
    expect(bad.calls.complete).toEqual([])
  })
})

describe('the iframe element', () => {
  it('has Seam’s embedding defaults, spreads props, forwards its ref and merges allow', async () => {
    const ref = { current: null as HTMLIFrameElement | null }
    const t = await mountFrame('props', {
      props: {
        pollInterval: false,
        className: 'seam',
        id: 'seam-frame',
        allow: 'camera',
        style: { minHeight: 720 },
        ref,
      } as never,
    })
    const iframe = t.iframe()
    expect(ref.current).toBe(iframe)
    expect(iframe.className).toBe('seam')
    expect(iframe.id).toBe('seam-frame')
    expect(iframe.title).toBe('Connect your device account with Seam')
    expect(iframe.getAttribute('allow')).toBe('clipboard-write; camera')
    expect(iframe.hasAttribute('sandbox')).toBe(false)
    expect(iframe.style.minHeight).toBe('720px')
    expect(getComputedStyle(iframe).borderTopWidth).toBe('0px')
    expect(iframe.getAttribute('aria-busy')).toBe('true')
    await expect.poll(() => t.calls.state).toEqual(['loading', 'ready'])
    expect(iframe.getAttribute('aria-busy')).toBe('false')
  })

  it('warns in development when a sandbox would block popups', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    try {
      await mountFrame('sandbox', {
        props: { pollInterval: false, sandbox: 'allow-scripts allow-same-origin allow-forms' },
      })
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/sandbox .*allow-popups/))
    } finally {
      warn.mockRestore()
    }
  })

  it('passes an axe accessibility check', async () => {
    const { default: axe } = await import('axe-core')
    const t = await mountFrame('axe', { props: { pollInterval: false } })
    await expect.poll(t.state).toBe('ready')
    const results = await axe.run(t.view.container, { iframes: false })
    expect(results.violations.map((v) => v.id)).toEqual([])
  })
})
