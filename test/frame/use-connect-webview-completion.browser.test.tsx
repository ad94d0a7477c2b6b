// The completion engine on its own: an app builds its own container (here a drawer) around the
// iframe and gets the same signals, verification and exactly-once outcome as <ConnectWebviewFrame>.
import { QueryClientProvider } from '@tanstack/react-query'
import { cleanup, render, screen } from '@testing-library/react'
import { StrictMode, useRef } from 'react'
import { afterEach, describe, expect, it, onTestFinished } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import {
  SeamConnectProvider,
  useConnectWebviewCompletion,
  type ConnectWebview,
  type ConnectWebviewCompletion,
  type PollInterval,
  type SeamConnectClient,
  type SeamConnectError,
} from '../../src/index'
import { newQueryClient } from '../support/render-with-providers'
import { fake, sessionTokenClient, signIn } from './frame-harness'
import { uniqueUser } from '../../fake/control-client'

afterEach(cleanup)

function Drawer({
  webview,
  onComplete,
  onError,
  listen = true,
  pollInterval = false,
}: {
  webview: ConnectWebview
  onComplete: (completion: ConnectWebviewCompletion) => void
  onError?: (error: SeamConnectError) => void
  listen?: boolean
  pollInterval?: PollInterval
}) {
  const iframe = useRef<HTMLIFrameElement>(null)
  const { state, completion, checkRedirect, verify } = useConnectWebviewCompletion(
    { connectWebview: webview },
    {
      source: listen ? () => iframe.current?.contentWindow : undefined,
      onComplete,
      onError,
      pollInterval,
    },
  )
  return (
    <aside aria-label="Connect a lock" data-state={state}>
      <iframe
        ref={iframe}
        title="Seam Connect"
        src={webview.url}
        onLoad={(event) => checkRedirect(event.currentTarget.contentWindow)}
      />
      <button onClick={verify}>Check now</button>
      {completion && <p>Connected for {String(completion.customMetadata.tenant)}</p>}
    </aside>
  )
}

async function mountDrawer(
  label: string,
  create: Parameters<SeamConnectClient['connectWebviews']['create']>[0] = {},
  props: { listen?: boolean; pollInterval?: PollInterval } = {},
) {
  const userIdentifierKey = uniqueUser(label)
  const client = await sessionTokenClient(userIdentifierKey)
  const webview = await client.connectWebviews.create(create)
  const completions: ConnectWebviewCompletion[] = []
  const errors: SeamConnectError[] = []
  const queryClient = newQueryClient()
  const ui = (shown: ConnectWebview) => (
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <SeamConnectProvider client={client}>
          <Drawer
            webview={shown}
            onComplete={(c) => completions.push(c)}
            onError={(e) => errors.push(e)}
            {...props}
          />
        </SeamConnectProvider>
      </QueryClientProvider>
    </StrictMode>
  )
  const view = render(ui(webview))
  const drawer = () => screen.getByRole('complementary', { name: 'Connect a lock' })
  const frame = page.frameLocator(page.getByTitle('Seam Connect'))
  return { client, userIdentifierKey, webview, completions, errors, drawer, frame, view, ui }
}

describe('useConnectWebviewCompletion in an app’s own container', () => {
  it('completes on the webview’s message, once, with the metadata', async () => {
    const d = await mountDrawer('drawer', { custom_metadata: { tenant: 'acme' } })
    expect(d.drawer().dataset.state).toBe('pending')
    await signIn(d.frame)
    await screen.findByText('Connected for acme')
    expect(d.drawer().dataset.state).toBe('completed')
    expect(d.completions).toHaveLength(1)
    expect(d.completions[0]?.connectWebview.connect_webview_id).toBe(d.webview.connect_webview_id)
  })

  it('completes when the iframe lands on the app’s custom_redirect_url', async () => {
    const d = await mountDrawer('drawer-redirect', {
      custom_metadata: { tenant: 'redirected' },
      custom_redirect_url: `${window.location.origin}/connected`,
    })
    await fake.webviewBehaviour(d.webview.connect_webview_id, { post_message: false })
    await signIn(d.frame)
    await screen.findByText('Connected for redirected')
    expect(d.completions).toHaveLength(1)
  })

  it('without a source it trusts no message; verify() checks with the API on demand', async () => {
    const messages: MessageEvent[] = []
    const record = (event: MessageEvent) => messages.push(event)
    window.addEventListener('message', record)
    onTestFinished(() => window.removeEventListener('message', record))
    const d = await mountDrawer(
      'drawer-no-source',
      { custom_metadata: { tenant: 'checked' } },
      { listen: false },
    )
    await signIn(d.frame)
    await expect.poll(() => messages.length).toBeGreaterThan(0)
    expect(d.drawer().dataset.state).toBe('pending')
    expect(d.completions).toEqual([])

    await userEvent.click(screen.getByRole('button', { name: 'Check now' }))
    await screen.findByText('Connected for checked')
    expect(d.completions).toHaveLength(1)
  })

  it('an error that needs the app is reported once, and verify() tries again', async () => {
    const d = await mountDrawer('drawer-attention', { custom_metadata: { tenant: 'again' } })
    await fake.webviewBehaviour(d.webview.connect_webview_id, {
      include_connected_account_id: false,
    })
    await fake.fault({
      user_identifier_key: d.userIdentifierKey,
      route: '/connected_accounts/get',
      status: 409,
      error_type: 'conflict',
    })
    await signIn(d.frame)
    await expect.poll(() => d.errors.length).toBe(1)
    expect(d.errors[0]).toMatchObject({ status: 409 })
    expect(d.drawer().dataset.state).toBe('verifying')
    expect(d.completions).toEqual([])

    await userEvent.click(screen.getByRole('button', { name: 'Check now' }))
    await screen.findByText('Connected for again')
    expect(d.errors).toHaveLength(1)
  })

  it('a new webview starts over: pending again, and completes on its own', async () => {
    const d = await mountDrawer('drawer-next', { custom_metadata: { tenant: 'first' } })
    await signIn(d.frame)
    await screen.findByText('Connected for first')
    const next = await d.client.connectWebviews.create({ custom_metadata: { tenant: 'second' } })
    d.view.rerender(d.ui(next))
    expect(d.drawer().dataset.state).toBe('pending')
    expect(screen.queryByText('Connected for first')).toBeNull()
    await signIn(d.frame)
    await screen.findByText('Connected for second')
    expect(d.completions.map((c) => c.connectWebview.connect_webview_id)).toEqual([
      d.webview.connect_webview_id,
      next.connect_webview_id,
    ])
  })
})
