// What the completion engine takes for a landing on custom_redirect_url. The webview's own URL
// carries its connect_webview_id too: where the webview is served from the app's origin (the
// static Storybook's fake behind a service worker), a window showing it can be read, and must not
// read as a redirect, or a popup would close before the person could sign in.
import { renderHook, waitFor } from '@testing-library/react'
import { describe, expect, inject, it } from 'vitest'
import { createSeamConnectClient, useConnectWebviewCompletion } from '../../src/index'
import { uniqueUser } from '../../fake/control-client'
import { providers } from '../support/render-with-providers'

const endpoint = inject('fakeUrl')
const publishableKey = inject('fakePublishableKey')

/** A window as checkRedirect reads it: only its location. */
const windowAt = (href: string) => ({ location: { href } }) as unknown as Window

async function engineFor(label: string) {
  const client = createSeamConnectClient({
    endpoint,
    publishableKey,
    userIdentifierKey: uniqueUser(label),
  })
  const webview = await client.connectWebviews.create()
  const { wrapper } = providers(client)
  const hook = renderHook(
    () => useConnectWebviewCompletion({ connectWebview: webview }, { pollInterval: false }),
    { wrapper },
  )
  await waitFor(() => expect(hook.result.current.state).toBe('pending'))
  return { hook, webview }
}

describe('checkRedirect', () => {
  it('does not take a window showing the webview itself for a landing', async () => {
    const { hook, webview } = await engineFor('check-redirect-self')
    expect(hook.result.current.checkRedirect(windowAt(webview.url))).toBe(false)
    expect(hook.result.current.state).toBe('pending')
  })

  it('takes the app’s page with the webview’s id for a landing', async () => {
    const { hook, webview } = await engineFor('check-redirect-landing')
    const landing = `https://app.example/connected?connect_webview_id=${webview.connect_webview_id}`
    expect(hook.result.current.checkRedirect(windowAt(landing))).toBe(true)
  })
})
