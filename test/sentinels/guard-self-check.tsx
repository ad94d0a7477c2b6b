// The sentinel guard's self-check, run in jsdom (guard.dom.test.tsx) and in Chromium
// (guard.browser.test.tsx): the shared fake really mints the sentinels, and a sentinel planted in
// each channel is caught, both by a guard fed directly and by the guard sentinel-setup.ts
// installed around this very test. Every planted leak is taken back out of the live guard after
// it is asserted, so that this test passes only because the guard saw it.
import { QueryClient } from '@tanstack/react-query'
import { cleanup, render } from '@testing-library/react'
import { afterEach, describe, expect, inject, it } from 'vitest'
import { fakeControl } from '../../fake/control-client'
import { activeGuard, SentinelGuard, type SentinelChannel } from '../support/sentinel-guard'
import { SENTINEL_PUBLISHABLE_KEY, SENTINEL_TOKEN_MARKERS } from '../support/sentinels'

const fake = fakeControl(inject('fakeUrl'))

/** Real credentials from the suites' shared fake, which carry the sentinels. */
async function credentials() {
  const session = await fake.newSession()
  const webview = await fake.createWebview(session.headers)
  const url = webview.url as string
  return { token: session.token, url, publishableKey: inject('fakePublishableKey') }
}

/** The live guard's leaks in `channel`, then taken out so that the test itself can pass. */
function takeLeaks(channel: SentinelChannel): string[] {
  const guard = activeGuard()
  if (!guard) throw new Error('sentinel-setup.ts installed no guard')
  const found = guard.leaks.filter((leak) => leak.channel === channel)
  guard.leaks.splice(0, guard.leaks.length, ...guard.leaks.filter((leak) => !found.includes(leak)))
  return found.map((leak) => leak.sentinel)
}

export function guardSelfCheck() {
  afterEach(() => cleanup())

  describe('the sentinels', () => {
    it('are what the shared fake accepts and mints', async () => {
      const { token, url, publishableKey } = await credentials()
      expect(publishableKey).toBe(SENTINEL_PUBLISHABLE_KEY)
      expect(token).toContain(SENTINEL_TOKEN_MARKERS.clientSessionToken)
      expect(new URL(url).searchParams.get('auth_token')).toContain(
        SENTINEL_TOKEN_MARKERS.authToken,
      )
    })
  })

  describe('a guard fed directly', () => {
    it('finds each sentinel in console arguments, however deep', async () => {
      const { token, url, publishableKey } = await credentials()
      const guard = new SentinelGuard()
      guard.console('log', ['clean', { nested: { deeper: [token] } }])
      guard.console('warn', [new Error('wrapped', { cause: url })])
      guard.console('info', [`key ${publishableKey}`])
      guard.console('log', ['nothing here', 42, null])
      expect(guard.leaks).toEqual([
        { channel: 'console', sentinel: 'client session token', where: 'console.log' },
        { channel: 'console', sentinel: 'auth_token', where: 'console.warn' },
        { channel: 'console', sentinel: 'publishable key', where: 'console.info' },
      ])
      expect(guard.counts.consoleCalls).toBe(4)
    })

    it('finds a sentinel in an error’s message, cause chain or own fields', async () => {
      const { token, url } = await credentials()
      const guard = new SentinelGuard()
      guard.error(new Error(`bad token ${token}`))
      guard.error(new Error('outer', { cause: new Error('inner', { cause: { url } }) }))
      guard.error(Object.assign(new Error('with issues'), { issues: [{ path: [token] }] }))
      guard.error(new Error('clean'))
      expect(guard.leaks.map((leak) => leak.sentinel)).toEqual([
        'client session token',
        'auth_token',
        'client session token',
      ])
      expect(guard.report()).not.toContain(token)
    })

    it('finds a sentinel in a query key', async () => {
      const { token } = await credentials()
      const guard = new SentinelGuard()
      guard.queryKey(['seam-connect', 'connect-webview', { token }])
      guard.queryKey(JSON.stringify(['seam-connect', 'connect-webview', 'cw_1']))
      expect(guard.leaks).toEqual([
        { channel: 'query key', sentinel: 'client session token', where: 'a query key' },
      ])
    })

    it('finds a sentinel in any attribute but an iframe’s src', async () => {
      const { url, token } = await credentials()
      const root = document.createElement('div')
      const frame = root.appendChild(document.createElement('iframe'))
      frame.title = 'webview'
      frame.setAttribute('src', url)
      root.appendChild(document.createElement('a')).setAttribute('href', url)
      root.appendChild(document.createElement('span')).setAttribute('data-session', token)
      const guard = new SentinelGuard()
      guard.dom(root)
      expect(guard.leaks).toEqual([
        { channel: 'attribute', sentinel: 'auth_token', where: '<a href>' },
        { channel: 'attribute', sentinel: 'client session token', where: '<span data-session>' },
      ])
      // The iframe's title, the link's href and the span's attribute; not the iframe's src.
      expect(guard.counts.attributeValues).toBe(3)
    })
  })

  describe('the guard installed around every test', () => {
    it('catches a sentinel printed to the console', async () => {
      const { token } = await credentials()
      // A fake token: printing it is harmless, and the guard must still see it.
      console.debug('planted:', token)
      expect(takeLeaks('console')).toEqual(['client session token'])
    })

    it('catches a query key and a query error that React Query holds', async () => {
      const { token, url } = await credentials()
      const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
      await client.fetchQuery({ queryKey: ['planted', token], queryFn: () => 1 })
      expect(takeLeaks('query key')).toEqual(['client session token'])
      await expect(
        client.fetchQuery({
          queryKey: ['clean'],
          queryFn: () => Promise.reject(new Error('failed', { cause: url })),
        }),
      ).rejects.toThrow('failed')
      expect(takeLeaks('error')).toEqual(['auth_token'])
      client.clear()
    })

    it('catches a mutation key and a mutation error', async () => {
      const { token } = await credentials()
      const client = new QueryClient()
      const mutation = client.getMutationCache().build(client, {
        mutationKey: ['planted', token],
        mutationFn: () => Promise.reject(new Error(`refused ${token}`)),
      })
      await expect(mutation.execute(undefined)).rejects.toThrow('refused')
      expect(takeLeaks('query key')).toEqual(['client session token'])
      expect(takeLeaks('error')).toEqual(['client session token'])
      client.clear()
    })

    it('catches an attribute a component renders, even once it is gone', async () => {
      const { url } = await credentials()
      const { unmount } = render(
        <div>
          <iframe title="webview" src={url} />
          <a href={url}>open</a>
        </div>,
      )
      unmount()
      // The link left the DOM before the test ended: the guard saw it as it appeared.
      await expect.poll(() => takeLeaks('attribute')).toEqual(['auth_token'])
    })

    it('catches an error the page reports', async () => {
      const { publishableKey } = await credentials()
      dispatchEvent(new ErrorEvent('error', { error: new Error(`key ${publishableKey}`) }))
      expect(takeLeaks('error')).toEqual(['publishable key'])
    })
  })
}
