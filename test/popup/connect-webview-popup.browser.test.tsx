import { cleanup } from '@testing-library/react'
import { afterEach, describe, expect, it, onTestFinished } from 'vitest'
import { commands } from 'vitest/browser'
import { z } from 'zod'
import {
  isSeamConnectPopupError,
  isSeamConnectWebviewFailedError,
  isSeamInvalidInputError,
  isSeamResponseParseError,
  type CustomMetadataInput,
} from '../../src/index'
import { postMessagePageUrl } from '../../fake/control-client'
import { installPageProbe, type PageProbe, type ProbeCounts } from '../support/page-probe'
import { closePopups, endpoint, fake, mountPopup, type PopupHarness } from './popup-harness'

afterEach(async () => {
  cleanup()
  await closePopups()
})

const metadata: CustomMetadataInput = { tenant_id: 'acme', plan: 'pro', beta: true }

/** The requests that read the webview (the API being asked), after the create. */
const reads = async (t: PopupHarness) =>
  (await t.paths()).filter((path) => path === '/connect_webviews/get').length

/** Clicks Connect and waits until the window shows the webview; returns its id. */
async function openShown(t: PopupHarness) {
  await t.click()
  await expect.poll(t.state).toBe('pending')
  return t.webviewId()
}

describe('useConnectWebviewPopup', () => {
  it('a popup completes: opened inside the click, the person signs in, and onComplete and open() get the account and its metadata once; the window closes', async () => {
    const t = await mountPopup('popup-completes', { params: { custom_metadata: metadata } })
    const id = await openShown(t)
    expect(await commands.openPopups()).toBe(1)

    await commands.popupSignIn(id)

    await expect.poll(t.state).toBe('completed')
    expect(t.calls.complete).toHaveLength(1)
    const [completion] = t.calls.complete
    expect(completion?.connectWebview.connect_webview_id).toBe(id)
    expect(completion?.customMetadata).toEqual(metadata)
    expect(completion?.connectedAccount.custom_metadata).toEqual(metadata)
    // The page's message named the account: the API was asked, not the message trusted.
    expect(t.calls.event.map((e) => e.event_type)).toEqual(['connect_webview.login_succeeded'])
    await expect.poll(() => t.calls.settled).toEqual([{ status: 'fulfilled', value: completion }])
    expect(t.calls.error).toEqual([])
    await expect.poll(() => commands.openPopups()).toBe(0)
    expect(t.view.getByText(`Connected ${completion?.connectedAccount.connected_account_id}`))
  })

  it('with a schema, open() resolves with its output; a reply the schema refuses fails the flow', async () => {
    const schema = z.object({ tenant_id: z.string(), plan: z.enum(['free', 'pro']) })
    const t = await mountPopup('popup-schema', {
      params: { custom_metadata: metadata },
      options: { schema: schema.transform(({ plan }) => ({ paid: plan === 'pro' })) },
    })
    await commands.popupSignIn(await openShown(t))
    await expect.poll(t.state).toBe('completed')
    expect(t.calls.complete.map((c) => c.customMetadata)).toEqual([{ paid: true }])

    cleanup()
    const refused = await mountPopup('popup-schema-refused', {
      params: { custom_metadata: { tenant_id: 'acme', plan: 'enterprise' } },
      options: { schema },
    })
    await commands.popupSignIn(await openShown(refused))
    await expect.poll(refused.state).toBe('failed')
    expect(isSeamResponseParseError(refused.calls.error[0])).toBe(true)
    expect(refused.calls.complete).toEqual([])
  })

  it('completes without any message from the window (Seam’s page may post none to its opener): its landing on custom_redirect_url is the signal', async () => {
    // A page of the app's own origin (this one's), as custom_redirect_url always is.
    const landing = new URL('/test/popup/landing.html?from=test', window.location.origin).href
    const t = await mountPopup('popup-landing', {
      params: { custom_metadata: metadata, custom_redirect_url: landing },
      options: { pollInterval: false },
      behaviour: { post_message: false },
    })
    const id = await openShown(t)

    await commands.popupSignIn(id)

    await expect.poll(t.state).toBe('completed')
    expect(t.calls.event).toEqual([])
    expect(t.calls.complete.map((c) => c.customMetadata)).toEqual([metadata])
    // The hook read the landing and closed the window.
    await expect.poll(() => commands.openPopups()).toBe(0)
  })

  it('a popup closed early: the API is asked, then closed (SeamConnectPopupError), reported once', async () => {
    const t = await mountPopup('popup-closed', { params: { custom_metadata: metadata } })
    const id = await openShown(t)
    const before = await reads(t)

    await commands.popupClose(id)

    await expect.poll(t.state).toBe('closed')
    expect(await reads(t)).toBeGreaterThan(before)
    expect(t.calls.error).toHaveLength(1)
    const [error] = t.calls.error
    expect(isSeamConnectPopupError(error) && error.reason).toBe('closed')
    expect(isSeamConnectPopupError(error) && error.connectWebviewId).toBe(id)
    await expect.poll(() => t.calls.settled).toEqual([{ status: 'rejected', reason: error }])
    expect(t.calls.complete).toEqual([])
  })

  it('a popup blocked: open() outside a click gets no window from Chromium’s popup blocker; blocked, and nothing is created', async () => {
    const t = await mountPopup('popup-blocked', { params: { custom_metadata: metadata } })

    // A person's click in an earlier test may still count as recent (Chromium keeps it ~5 s).
    await expect.poll(() => navigator.userActivation.isActive).toBe(false)
    t.scriptClick()

    await expect.poll(t.state).toBe('blocked')
    const [error] = t.calls.error
    expect(isSeamConnectPopupError(error) && error.reason).toBe('blocked')
    expect(error?.message).toMatch(/click or tap handler/)
    await expect.poll(() => t.calls.settled).toEqual([{ status: 'rejected', reason: error }])
    expect(await commands.openPopups()).toBe(0)
    expect(await t.paths()).not.toContain('/connect_webviews/create')
  })

  it('a forged message from another window is ignored: no event, no read; the real sign-in then completes once', async () => {
    const received: MessageEvent[] = []
    const record = (event: MessageEvent) => received.push(event)
    window.addEventListener('message', record)
    onTestFinished(() => window.removeEventListener('message', record))
    const t = await mountPopup('popup-forged', {
      params: { custom_metadata: metadata },
      options: { pollInterval: false },
    })
    const id = await openShown(t)
    const before = await reads(t)
    const success = {
      event: { event_type: 'connect_webview.login_succeeded', connect_webview_id: id },
    }

    // From a frame on the webview's own origin, and from this page itself.
    const forger = document.createElement('iframe')
    forger.title = 'forger'
    forger.src = postMessagePageUrl(endpoint, success)
    document.body.append(forger)
    onTestFinished(() => forger.remove())
    window.postMessage(success, '*')
    await expect.poll(() => received.length).toBe(2)

    expect(t.calls.event).toEqual([])
    expect(t.state()).toBe('pending')
    expect(await reads(t)).toBe(before)

    await commands.popupSignIn(id)
    await expect.poll(t.state).toBe('completed')
    expect(t.calls.complete).toHaveLength(1)
    expect(t.calls.event).toHaveLength(1)
  })

  it('a failed login in the popup: failed, with Seam’s error code, reported once', async () => {
    const t = await mountPopup('popup-failed')
    const id = await openShown(t)

    await commands.popupSignIn(id, { password: 'wrong' })

    await expect.poll(t.state).toBe('failed')
    expect(t.calls.error).toHaveLength(1)
    const [error] = t.calls.error
    expect(isSeamConnectWebviewFailedError(error) && error.errorCode).toBe('invalid_credentials')
    await expect.poll(() => t.calls.settled).toEqual([{ status: 'rejected', reason: error }])
    await expect.poll(() => commands.openPopups()).toBe(0)
  })

  it('invalid params: a SeamInvalidInputError, with no window and no request', async () => {
    const t = await mountPopup('popup-invalid', {
      params: { custom_metadata: { 'user.id': 'u1' } },
    })

    await t.click()

    await expect.poll(t.state).toBe('failed')
    const [error] = t.calls.error
    expect(isSeamInvalidInputError(error)).toBe(true)
    expect(error?.message).toMatch(/custom_metadata key "user\.id" must not contain "\."/)
    expect(await commands.openPopups()).toBe(0)
    expect(await t.paths()).toEqual([])
  })

  it('windowFeatures with noopener (which would leave no handle to verify with): a SeamInvalidInputError, no window', async () => {
    const t = await mountPopup('popup-noopener', { options: { windowFeatures: 'popup,noopener' } })

    await t.click()

    await expect.poll(t.state).toBe('failed')
    const [error] = t.calls.error
    expect(isSeamInvalidInputError(error)).toBe(true)
    expect(error?.message).toMatch(/windowFeatures must not contain noopener/)
    expect(await commands.openPopups()).toBe(0)
    expect(await t.paths()).toEqual([])
  })

  it('an AbortSignal closes the window and rejects open() with its reason; nothing is reported', async () => {
    const controller = new AbortController()
    const t = await mountPopup('popup-abort', { signal: controller.signal })
    await openShown(t)

    const reason = new Error('the app moved on')
    controller.abort(reason)

    await expect.poll(t.state).toBe('idle')
    await expect.poll(() => t.calls.settled).toEqual([{ status: 'rejected', reason }])
    await expect.poll(() => commands.openPopups()).toBe(0)
    expect(t.calls.error).toEqual([])
  })

  describe('ended while the create is still in flight (Seam has not answered)', () => {
    /** Clicks Connect with the create hung at the fake; resolves once it is in flight. */
    async function openWithCreateHung(t: PopupHarness, probe: PageProbe) {
      await fake.fault({
        user_identifier_key: t.userIdentifierKey,
        route: '/connect_webviews/create',
        hang: true,
      })
      await t.click()
      await probe.until((c) => c.inFlightPaths.includes('/connect_webviews/create'), 'create sent')
      expect(t.state()).toBe('opening')
    }

    /** Once the window is gone (a round trip to the browser: the create's abort has run its course), the page is idle and nothing was thrown. */
    async function expectQuietEnd(probe: PageProbe, base: ProbeCounts) {
      await expect.poll(() => commands.openPopups()).toBe(0)
      const idle = await probe.until(
        (c) => c.inFlight === base.inFlight && c.timeouts === base.timeouts,
        'the page idle',
      )
      expect(idle.intervals).toBe(base.intervals)
      expect(probe.uncaught).toEqual([])
    }

    it('unmounting closes the window, aborts the create and rejects open() with an AbortError; nothing is thrown uncaught', async () => {
      const probe = installPageProbe()
      onTestFinished(() => probe.uninstall())
      const base = probe.counts()
      const t = await mountPopup('popup-unmount-creating')
      await openWithCreateHung(t, probe)

      t.view.unmount()

      await expectQuietEnd(probe, base)
      const [settled] = t.calls.settled
      expect(settled?.status === 'rejected' && (settled.reason as Error).name).toBe('AbortError')
      expect(t.calls.error).toEqual([])
    })

    it('an AbortSignal does the same, rejecting with its reason; nothing is thrown uncaught', async () => {
      const probe = installPageProbe()
      onTestFinished(() => probe.uninstall())
      const base = probe.counts()
      const controller = new AbortController()
      const t = await mountPopup('popup-abort-creating', { signal: controller.signal })
      await openWithCreateHung(t, probe)

      const reason = new Error('the app moved on')
      controller.abort(reason)

      await expect.poll(t.state).toBe('idle')
      await expectQuietEnd(probe, base)
      expect(t.calls.settled).toEqual([{ status: 'rejected', reason }])
      expect(t.calls.error).toEqual([])
    })
  })

  it('a second click while the window is open focuses it: one window, one webview, one promise', async () => {
    const t = await mountPopup('popup-twice')
    const id = await openShown(t)

    await t.click()

    expect(t.calls.promises).toHaveLength(2)
    expect(t.calls.promises[1]).toBe(t.calls.promises[0])
    expect(await commands.openPopups()).toBe(1)
    await commands.popupSignIn(id)
    await expect.poll(t.state).toBe('completed')
    expect((await t.paths()).filter((p) => p === '/connect_webviews/create')).toHaveLength(1)
    expect(t.calls.complete).toHaveLength(1)
  })

  describe('under a Cross-Origin-Opener-Policy, which cuts the handle', () => {
    it('the window reads closed at once; the hook keeps verifying by polling, and completes when the person signs in', async () => {
      const t = await mountPopup('popup-coop', {
        params: { custom_metadata: metadata },
        behaviour: { opener_policy: 'same-origin', post_message: false },
      })
      await t.click()
      await expect.poll(t.state).toBe('verifying')
      const id = t.webviewId()

      await commands.popupSignIn(id)

      await expect.poll(t.state).toBe('completed')
      expect(t.calls.complete.map((c) => c.customMetadata)).toEqual([metadata])
      expect(t.calls.error).toEqual([])
    })

    it('closedTimeoutMs bounds that: with no sign-in, closed', async () => {
      const t = await mountPopup('popup-coop-timeout', {
        options: { closedTimeoutMs: 1500 },
        behaviour: { opener_policy: 'same-origin' },
      })
      await t.click()

      await expect.poll(t.state).toBe('closed')
      // The handle is cut as the webview loads: verifying, then closed. While a COOP page commits,
      // Chromium can show the handle cross-origin for a moment, and on a busy machine two watch
      // ticks can see it there (CI did): then `pending` passes first, and nothing else changes.
      const states = t.calls.states.filter((s, i) => !(s === 'pending' && i === 2))
      expect(states).toEqual(['idle', 'opening', 'verifying', 'closed'])
      const [error] = t.calls.error
      expect(isSeamConnectPopupError(error) && error.reason).toBe('closed')
      expect(await reads(t)).toBeGreaterThan(1)
    })
  })
})
