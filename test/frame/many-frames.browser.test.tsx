// Twenty <ConnectWebviewFrame>s on one page, in one app (one client, one QueryClient), complete in
// a random order with their messages interleaved, while a sibling frame on the webview's own
// origin forges, for each frame, a success that claims that frame's webview with another frame's
// account. Each frame's onComplete gets its own account and metadata, exactly once. The fake's
// request log shows what was read: one read of each webview on mount, one more once its genuine
// message arrives, and one read of each account (which the message names). A forgery that was
// trusted would show as a read more; one that crossed over, as a wrong or second completion.
import { QueryClientProvider } from '@tanstack/react-query'
import { cleanup, render } from '@testing-library/react'
import { StrictMode } from 'react'
import { afterEach, describe, expect, inject, it, onTestFinished } from 'vitest'
import {
  ConnectWebviewFrame,
  createSeamConnectClient,
  SeamConnectProvider,
  type ConnectWebview,
  type ConnectWebviewCompletion,
  type ConnectWebviewEvent,
  type SeamConnectError,
} from '../../src/index'
import { postMessagePageUrl, uniqueUser } from '../../fake/control-client'
import { newQueryClient } from '../support/render-with-providers'
import { endpoint, fake } from './frame-harness'

const publishableKey = inject('fakePublishableKey')

afterEach(cleanup)

const FRAMES = 20

/**
 * The order's seed: printed, and taken from VITE_MANY_FRAMES_SEED when set, so that a failing
 * order can be run again.
 */
const SEED = Number(import.meta.env.VITE_MANY_FRAMES_SEED) || Math.floor(Math.random() * 2 ** 31)

/** A small seeded generator (mulberry32): the same seed, the same order. */
function seeded(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32
  }
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[out[i], out[j]] = [out[j] as T, out[i] as T]
  }
  return out
}

interface FrameCalls {
  complete: ConnectWebviewCompletion<unknown>[]
  error: SeamConnectError[]
  event: ConnectWebviewEvent[]
}

const success = (connect_webview_id: string, connected_account_id: string) => ({
  event: {
    event_type: 'connect_webview.login_succeeded',
    connect_webview_id,
    connected_account_id,
  },
})

/** Every message the page receives, recorded by the test itself, with the window it came from. */
function recordMessages() {
  const received: MessageEvent[] = []
  const listener = (event: MessageEvent) => received.push(event)
  window.addEventListener('message', listener)
  onTestFinished(() => window.removeEventListener('message', listener))
  return received
}

/** Loads the fake's forger page, on the webview's own origin, in a sibling iframe; resolves once it has posted. */
async function forgeFromSibling(received: MessageEvent[], data: unknown) {
  const iframe = document.createElement('iframe')
  iframe.title = 'sibling'
  iframe.src = postMessagePageUrl(endpoint, data)
  document.body.append(iframe)
  await expect.poll(() => received.some((e) => e.source === iframe.contentWindow)).toBe(true)
  iframe.remove()
}

describe(`${FRAMES} frames on one page`, () => {
  it(`complete in a random order (seed printed), each with its own account and metadata exactly once, one forgery per frame ignored`, async (context) => {
    console.log(`many-frames: seed ${SEED} (VITE_MANY_FRAMES_SEED=${SEED} runs this order again)`)
    await context.annotate(`seed ${SEED}`, 'seed')
    const random = seeded(SEED)
    const received = recordMessages()

    const userIdentifierKey = uniqueUser('many-frames')
    const client = createSeamConnectClient({
      endpoint,
      publishableKey,
      userIdentifierKey,
      retry: { minDelayMs: 10, maxDelayMs: 50 },
    })
    const metadata = (i: number) => ({ frame: String(i), tenant_id: `tenant-${i}` })
    const webviews: ConnectWebview[] = []
    for (let i = 0; i < FRAMES; i++) {
      webviews.push(await client.connectWebviews.create({ custom_metadata: metadata(i) }))
    }
    // An account of the same user that no frame created: what the first forgery claims.
    const stray = await fake.seedConnectedAccount({ user_identifier_key: userIdentifierKey })
    const calls: FrameCalls[] = webviews.map(() => ({ complete: [], error: [], event: [] }))

    render(
      <StrictMode>
        <QueryClientProvider client={newQueryClient()}>
          <SeamConnectProvider client={client}>
            {webviews.map((webview, i) => (
              <ConnectWebviewFrame
                key={webview.connect_webview_id}
                connectWebview={webview}
                title={`Connect ${i}`}
                data-testid={`frame-${i}`}
                // No polling: every read in the log answers a mount or a message.
                pollInterval={false}
                style={{ minHeight: 0, height: 80 }}
                onComplete={(completion) => calls[i]?.complete.push(completion)}
                onError={(error) => calls[i]?.error.push(error)}
                onEvent={(event) => calls[i]?.event.push(event)}
              />
            ))}
          </SeamConnectProvider>
        </QueryClientProvider>
      </StrictMode>,
    )
    const frame = (i: number) =>
      document.querySelector<HTMLIFrameElement>(`[data-testid="frame-${i}"]`)
    const reads = async (path: string) => (await fake.requests(userIdentifierKey, path)).length
    await expect.poll(() => reads('/connect_webviews/get')).toBe(FRAMES)
    await expect
      .poll(() => webviews.filter((_, i) => frame(i)?.dataset.state === 'ready').length)
      .toBe(FRAMES)

    // In the seeded order, for each frame: a sibling forges its success with the account the
    // previous frame got (the first, with the stray account), then Seam finishes its webview and
    // its page posts the genuine message. Nothing waits for a frame's completion before the
    // next, so genuine messages, forgeries and reads interleave.
    const order = shuffled(
      webviews.map((_, i) => i),
      random,
    )
    console.log(`many-frames: completion order ${order.join(', ')}`)
    const accounts = new Map<number, string>()
    let previous = stray.connected_account_id
    let forged = 0
    for (const i of order) {
      const webview = webviews[i] as ConnectWebview
      await forgeFromSibling(received, success(webview.connect_webview_id, previous))
      forged++
      const { connected_account } = await fake.complete(webview.connect_webview_id)
      accounts.set(i, connected_account.connected_account_id)
      previous = connected_account.connected_account_id
    }

    await expect.poll(() => calls.filter((c) => c.complete.length > 0).length).toBe(FRAMES)
    // Each frame, its own account and metadata, once.
    calls.forEach((c, i) => {
      expect(c.complete, `frame ${i}`).toHaveLength(1)
      const [completion] = c.complete
      expect(completion?.connectWebview.connect_webview_id).toBe(webviews[i]?.connect_webview_id)
      expect(completion?.connectedAccount.connected_account_id).toBe(accounts.get(i))
      expect(completion?.customMetadata).toEqual(metadata(i))
      expect(completion?.connectedAccount.custom_metadata).toEqual(metadata(i))
      expect(c.error, `frame ${i}`).toEqual([])
      // Its own page's message only: the forgeries never reached onEvent.
      expect(c.event, `frame ${i}`).toEqual([
        expect.objectContaining({
          connect_webview_id: webviews[i]?.connect_webview_id,
          connected_account_id: accounts.get(i),
        }),
      ])
    })
    expect(new Set(accounts.values()).size).toBe(FRAMES)
    // Once every frame showed its state: all completed.
    await expect
      .poll(() => webviews.filter((_, i) => frame(i)?.dataset.state === 'completed').length)
      .toBe(FRAMES)

    // The request log: a read of each webview on mount and after its message; one of each
    // account. Nothing for the forgeries, nothing for the stray account.
    expect(await reads('/connect_webviews/get')).toBe(2 * FRAMES)
    const accountReads = await fake.requests(userIdentifierKey, '/connected_accounts/get')
    expect(accountReads).toHaveLength(FRAMES)
    // Every forgery reached the page (forgeFromSibling waited for each): one per frame.
    expect(forged).toBe(FRAMES)
  })
})
