// The page probe's own check: each counter goes up when the page takes something and back down
// when it lets go, through the real browser functions, so the leak test built on it can fail.
import { cleanup, render } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import { installPageProbe, type PageProbe } from '../support/page-probe'

const endpoint = inject('fakeUrl')

let probe: PageProbe
beforeEach(() => {
  probe = installPageProbe()
})
afterEach(() => {
  cleanup()
  probe.uninstall()
})

describe('page probe', () => {
  it('counts window listeners by type: added, removed, `once` after its event, `signal` on abort; a repeat is one', () => {
    const heard: unknown[] = []
    const listener = function (this: unknown, event: Event) {
      heard.push([this, (event as MessageEvent).data])
    }
    window.addEventListener('message', listener)
    window.addEventListener('message', listener)
    expect(probe.listeners('message')).toBe(1)
    window.addEventListener('message', listener, true)
    expect(probe.listeners('message')).toBe(2)
    window.dispatchEvent(new MessageEvent('message', { data: 'hello' }))
    // The wrapper passes the event and `this` on: the listener still works.
    expect(heard).toEqual([
      [window, 'hello'],
      [window, 'hello'],
    ])
    window.removeEventListener('message', listener, true)
    window.removeEventListener('message', listener)
    expect(probe.listeners('message')).toBe(0)

    window.addEventListener('message', () => heard.push('once'), { once: true })
    const object = { handleEvent: () => heard.push('object') }
    window.addEventListener('resize', object)
    const controller = new AbortController()
    window.addEventListener('focus', () => heard.push('signal'), { signal: controller.signal })
    expect(probe.counts().listeners).toEqual({ message: 1, resize: 1, focus: 1 })

    window.dispatchEvent(new MessageEvent('message'))
    window.dispatchEvent(new MessageEvent('message'))
    window.dispatchEvent(new Event('resize'))
    controller.abort()
    window.dispatchEvent(new Event('focus'))
    expect(heard.slice(2)).toEqual(['once', 'object'])
    expect(probe.counts().listeners).toEqual({ resize: 1 })
    window.removeEventListener('resize', object)
    expect(probe.counts().listeners).toEqual({})
  })

  it('counts timeouts until they fire or are cleared, and intervals until cleared', async () => {
    const base = probe.counts()
    let fired = false
    setTimeout(() => (fired = true), 1)
    const cleared = setTimeout(() => undefined, 60_000)
    const interval = setInterval(() => undefined, 60_000)
    const other = setInterval(() => undefined, 60_000)
    expect(probe.counts()).toMatchObject({
      timeouts: base.timeouts + 2,
      intervals: base.intervals + 2,
    })

    await probe.until((c) => c.timeouts === base.timeouts + 1, 'timeout fired')
    expect(fired).toBe(true)
    clearTimeout(cleared)
    clearInterval(interval)
    // Either clear function clears either kind, as in the browser.
    clearTimeout(other)
    expect(probe.counts()).toMatchObject({ timeouts: base.timeouts, intervals: base.intervals })
  })

  it('counts fetches in flight until the real reply (or failure) settles them', async () => {
    const reply = fetch(`${endpoint}/_fake/health`)
    expect(probe.counts()).toMatchObject({ inFlight: 1, inFlightPaths: ['/_fake/health'] })
    // The real fetch answered: the fake's own body.
    expect(await (await reply).json()).toEqual({ ok: true })
    expect(probe.counts()).toMatchObject({ inFlight: 0, fetches: 1 })

    const controller = new AbortController()
    const aborted = fetch(`${endpoint}/_fake/health`, { signal: controller.signal })
    expect(probe.counts().inFlight).toBe(1)
    controller.abort()
    await expect(aborted).rejects.toThrow(/abort/i)
    expect(probe.counts().inFlight).toBe(0)

    // Nothing listens on port 9 (discard): the real failure reaches the caller.
    await expect(fetch('http://127.0.0.1:9/')).rejects.toThrow(TypeError)
    expect(probe.counts()).toMatchObject({ inFlight: 0, fetches: 3 })
  })

  it('counts windows opened until they close; a blocked open counts none', async () => {
    const handles: (Window | null)[] = []
    const view = render(
      <button type="button" onClick={() => handles.push(window.open('about:blank', '_blank'))}>
        Open
      </button>,
    )
    // A person's click: Chromium's popup blocker lets its window open.
    await userEvent.click(page.elementLocator(view.getByRole('button')))
    expect(probe.counts()).toMatchObject({ windows: 1, opens: 1 })
    handles[0]?.close()
    await expect.poll(() => probe.counts().windows).toBe(0)

    // No user activation: blocked, nothing to count.
    await expect.poll(() => navigator.userActivation.isActive).toBe(false)
    view.getByRole('button').click()
    expect(handles[1]).toBeNull()
    expect(probe.counts()).toMatchObject({ windows: 0, opens: 2 })
  })

  it('records uncaught errors and unhandled rejections', async () => {
    const thrown = new Error('thrown on purpose by the probe self-check')
    setTimeout(() => {
      throw thrown
    })
    void Promise.reject(new Error('rejected on purpose by the probe self-check'))
    await expect.poll(() => probe.uncaught.length).toBe(2)
    expect(probe.uncaught).toContain(thrown)
  })

  it('puts the window’s own functions back', () => {
    const wrapped = window.fetch
    probe.uninstall()
    expect(window.fetch).not.toBe(wrapped)
    expect(() => installPageProbe().uninstall()).not.toThrow()
    probe = installPageProbe()
    expect(() => installPageProbe()).toThrow(/already installed/)
  })
})
