import { cleanup } from '@testing-library/react'
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished } from 'vitest'
import { seamConnectKeys } from '../../src/index'
import { postMessagePageUrl } from '../../fake/control-client'
import { endpoint, fake, lookalikeUrl, mountFrame } from './frame-harness'

afterEach(cleanup)

/** Every message this window receives, recorded by the test itself, to know when one has arrived. */
function recordMessages() {
  const received: MessageEvent[] = []
  const listener = (event: MessageEvent) => received.push(event)
  beforeAll(() => window.addEventListener('message', listener))
  afterAll(() => window.removeEventListener('message', listener))
  return received
}

const success = (connect_webview_id: string, extra: object = {}) => ({
  event: { event_type: 'connect_webview.login_succeeded', connect_webview_id, ...extra },
})

/**
 * A webview that Seam already reports `authorized`, shown by a frame that has not noticed (the page
 * posts nothing, polling is off): any message the frame wrongly trusted would reveal it and fire
 * onComplete. Each case ends with a genuine message, proving the setup would catch a slip.
 */
async function authorizedButUnnoticed(label: string) {
  const t = await mountFrame(label, {
    behaviour: { post_message: false },
    props: { pollInterval: false },
  })
  await expect.poll(t.requests).toHaveLength(1)
  await expect.poll(t.state).toBe('ready')
  await fake.complete(t.webview.connect_webview_id)
  return t
}

/** Loads `url` in a new iframe beside the frame, on the host page. */
function sibling(url: string) {
  const iframe = document.createElement('iframe')
  iframe.title = 'forger'
  iframe.src = url
  document.body.append(iframe)
  onTestFinished(() => iframe.remove())
}

type Harness = Awaited<ReturnType<typeof authorizedButUnnoticed>>

const forgeries: [string, (t: Harness) => Promise<void> | void][] = [
  [
    'posted by the host window itself',
    (t) => window.postMessage(success(t.webview.connect_webview_id), '*'),
  ],
  [
    'posted by a sibling iframe on the webview’s own origin',
    (t) => sibling(postMessagePageUrl(endpoint, success(t.webview.connect_webview_id))),
  ],
  [
    'posted by a sibling iframe on another origin',
    (t) =>
      sibling(
        postMessagePageUrl(
          endpoint.replace('127.0.0.1', 'localhost'),
          success(t.webview.connect_webview_id),
        ),
      ),
  ],
  [
    'posted by the webview iframe after it navigated to a look-alike origin a prefix check accepts',
    (t) => {
      expect(lookalikeUrl.startsWith(new URL(endpoint).origin)).toBe(true)
      t.iframe().src = postMessagePageUrl(lookalikeUrl, success(t.webview.connect_webview_id))
    },
  ],
  [
    'malformed: a bare string',
    (t) => {
      t.iframe().src = postMessagePageUrl(endpoint, 'connect_webview.login_succeeded')
    },
  ],
  [
    'malformed: no connect_webview_id',
    (t) => {
      t.iframe().src = postMessagePageUrl(endpoint, {
        event: { event_type: 'connect_webview.login_succeeded' },
      })
    },
  ],
  [
    'malformed: the event at the top level',
    (t) => {
      t.iframe().src = postMessagePageUrl(endpoint, {
        event_type: 'connect_webview.login_succeeded',
        connect_webview_id: t.webview.connect_webview_id,
      })
    },
  ],
  [
    'an unknown event type',
    (t) => {
      t.iframe().src = postMessagePageUrl(endpoint, {
        event: {
          event_type: 'connect_webview.login_succeeded_v9',
          connect_webview_id: t.webview.connect_webview_id,
        },
      })
    },
  ],
  [
    'another webview’s id (one that Seam reports authorized)',
    async (t) => {
      const other = await t.client.connectWebviews.create()
      await fake.complete(other.connect_webview_id)
      t.iframe().src = postMessagePageUrl(endpoint, success(other.connect_webview_id))
    },
  ],
]

describe(`forged messages: ${forgeries.length} cases, none may fire onComplete`, () => {
  const received = recordMessages()

  it.each(forgeries)('ignores a message %s', async (_, forge) => {
    const t = await authorizedButUnnoticed('forged')
    const before = received.length
    await forge(t)
    await expect.poll(() => received.length).toBeGreaterThan(before)
    // The frame's listener ran in the same dispatch: a trusted message would have started a read.
    const webviewKey = seamConnectKeys.connectWebview(t.client, t.webview.connect_webview_id)
    expect(t.queryClient.getQueryState(webviewKey)?.fetchStatus).toBe('idle')
    expect(t.calls.event).toEqual([])
    expect(t.calls.complete).toEqual([])
    expect(t.state()).toBe('ready')

    // The same frame, sent a genuine message (its own iframe, the webview's origin), completes.
    t.iframe().src = postMessagePageUrl(endpoint, success(t.webview.connect_webview_id))
    await expect.poll(() => t.calls.complete.length).toBe(1)
    expect(t.calls.event).toHaveLength(1)
  })
})

describe('a genuine-looking success for a webview Seam still reports pending', () => {
  recordMessages()

  it('is only a hint: one check with the API, no onComplete, back to ready', async () => {
    const t = await mountFrame('pending-success', {
      behaviour: { post_message: false },
      props: { pollInterval: false },
    })
    await expect.poll(t.requests).toHaveLength(1)
    t.iframe().src = postMessagePageUrl(endpoint, success(t.webview.connect_webview_id))
    await expect.poll(() => t.calls.event.length).toBe(1)
    await expect.poll(t.requests).toHaveLength(2)
    await expect.poll(t.state).toBe('ready')
    expect(t.calls.state).toContain('verifying')
    expect(t.calls.complete).toEqual([])
    expect(t.calls.error).toEqual([])
  })

  it('a named account that the webview does not confirm is not trusted either', async () => {
    const t = await mountFrame('wrong-account', {
      behaviour: { post_message: false },
      props: { pollInterval: false },
    })
    await expect.poll(t.requests).toHaveLength(1)
    const otherWebview = await t.client.connectWebviews.create()
    const { connected_account } = await fake.complete(otherWebview.connect_webview_id)
    t.iframe().src = postMessagePageUrl(
      endpoint,
      success(t.webview.connect_webview_id, {
        connected_account_id: connected_account.connected_account_id,
      }),
    )
    await expect.poll(() => t.calls.event.length).toBe(1)
    await expect.poll(t.state).toBe('ready')
    expect(t.calls.complete).toEqual([])
  })
})
