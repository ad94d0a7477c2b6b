import { renderHook, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, inject, it, vi } from 'vitest'
import { createSeamConnectClient, useConnectWebview } from '../../src/index'
import { fakeControl, uniqueUser } from '../../fake/control-client'
import { providers } from '../support/render-with-providers'

const endpoint = inject('fakeUrl')
const publishableKey = inject('fakePublishableKey')
const fake = fakeControl(endpoint)
const INTERVAL = 60_000

async function setVisibility(state: 'hidden' | 'visible') {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state })
  document.dispatchEvent(new Event('visibilitychange', { bubbles: true }))
  // React Query reacts after a microtask and delivers cache events on the next timer tick.
  if (vi.isFakeTimers()) await vi.advanceTimersByTimeAsync(0)
}

afterEach(async () => {
  await setVisibility('visible')
  vi.useRealTimers()
})

/**
 * The clock is faked (while still flowing, so real HTTP works) and polls are counted as the
 * `fetch` actions React Query dispatches synchronously when an interval fires: whether a poll
 * started is then known at once, without waiting to see that nothing happens.
 */
async function pollingWebview(label: string) {
  vi.useFakeTimers({ shouldAdvanceTime: true })
  const userIdentifierKey = uniqueUser(label)
  const client = createSeamConnectClient({ endpoint, publishableKey, userIdentifierKey })
  const webview = await client.connectWebviews.create()
  const { wrapper, queryClient } = providers(client)
  let fetches = 0
  queryClient.getQueryCache().subscribe((event) => {
    if (event.type === 'updated' && event.action.type === 'fetch') fetches++
  })
  const hook = renderHook(
    () => useConnectWebview(webview.connect_webview_id, { pollInterval: INTERVAL }),
    { wrapper },
  )
  await waitFor(() => expect(hook.result.current.data?.status).toBe('pending'))
  return {
    hook,
    webview,
    userIdentifierKey,
    fetchesSince: (start: number) => fetches - start,
    count: () => fetches,
  }
}

describe('useConnectWebview polling', () => {
  it('polls while pending and stops for good once authorized', async () => {
    const { hook, webview, count, fetchesSince } = await pollingWebview('poll')
    let start = count()
    vi.advanceTimersByTime(INTERVAL)
    expect(fetchesSince(start)).toBe(1)

    await fake.complete(webview.connect_webview_id)
    vi.advanceTimersByTime(INTERVAL)
    await waitFor(() => expect(hook.result.current.data?.status).toBe('authorized'))
    expect(hook.result.current.data?.connected_account_id).toEqual(expect.any(String))

    start = count()
    vi.advanceTimersByTime(10 * INTERVAL)
    expect(fetchesSince(start)).toBe(0)
    // Final data is fresh forever: focus and remounts do not refetch it either.
    await setVisibility('hidden')
    await setVisibility('visible')
    hook.rerender()
    await vi.advanceTimersByTimeAsync(0)
    expect(fetchesSince(start)).toBe(0)
  })

  it('stops at failed too', async () => {
    const { hook, webview, count, fetchesSince } = await pollingWebview('poll-failed')
    await fake.fail(webview.connect_webview_id)
    vi.advanceTimersByTime(INTERVAL)
    await waitFor(() => expect(hook.result.current.data?.status).toBe('failed'))
    const start = count()
    vi.advanceTimersByTime(10 * INTERVAL)
    expect(fetchesSince(start)).toBe(0)
  })

  it('does not poll while the page is hidden, and checks again when it is shown', async () => {
    const { count, fetchesSince } = await pollingWebview('hidden')
    await setVisibility('hidden')
    const start = count()
    vi.advanceTimersByTime(10 * INTERVAL)
    expect(fetchesSince(start)).toBe(0)
    await setVisibility('visible')
    expect(fetchesSince(start)).toBe(1)
  })

  it('does nothing for a null id', async () => {
    const userIdentifierKey = uniqueUser('null-id')
    const client = createSeamConnectClient({ endpoint, publishableKey, userIdentifierKey })
    const { result } = renderHook(() => useConnectWebview(null), providers(client))
    expect(result.current.fetchStatus).toBe('idle')
    expect(await fake.requests(userIdentifierKey)).toEqual([])
  })

  it('pollInterval: false checks once and never again', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const userIdentifierKey = uniqueUser('no-poll')
    const client = createSeamConnectClient({ endpoint, publishableKey, userIdentifierKey })
    const webview = await client.connectWebviews.create()
    const { result } = renderHook(
      () => useConnectWebview(webview.connect_webview_id, { pollInterval: false }),
      providers(client),
    )
    await waitFor(() => expect(result.current.data?.status).toBe('pending'))
    vi.advanceTimersByTime(100 * INTERVAL)
    await waitFor(async () =>
      expect(await fake.requests(userIdentifierKey, '/connect_webviews/get')).toHaveLength(1),
    )
  })
})
