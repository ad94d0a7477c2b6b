// The static Storybook's fake Seam Connect: no server, so the whole fake (Seam's API, the hosted
// page, the /_fake/ control routes) runs in the preview page and MSW's service worker hands it
// every request for `<Storybook's origin>/seam-fake/...`, whoever makes it:
// - the stories' client and play functions (fetch from the preview page);
// - the webview's iframe loading the hosted page (a navigation: .storybook/msw/seam-fake-worker.js
//   adds that to MSW's worker, which leaves navigations alone);
// - the hosted page's own login and outcome requests (a nested document: MSW's worker routes them
//   to the visible page that started it, the preview).
// Served from Storybook's own origin because a service worker only sees its origin's requests; the
// webview is then same-origin with the app, and <ConnectWebviewFrame> still trusts a message only
// from the iframe's window and the webview URL's exact origin, and only once the API (the fake,
// through the same worker) confirms it. The fake's state lives as long as the preview page.
import { http } from 'msw'
import { setupWorker } from 'msw/browser'
import { createFakeSeamConnect } from '../../fake/create-fake.js'
import { staticStoryBackend } from './story-backend'

export interface StaticFake {
  endpoint: string
  publishableKey: string
  /** The stand-in for the app's server (story-backend.ts), next to the fake. */
  backend: string
}

/** Starts MSW's worker with the fake behind it; resolves once requests reach the fake. */
export async function startStaticFake(): Promise<StaticFake> {
  if (!window.isSecureContext || !('serviceWorker' in navigator)) {
    throw new Error(
      'This static Storybook serves its fake Seam Connect with a service worker, which browsers ' +
        'only run on https or on localhost / 127.0.0.1: serve storybook-static/ from one of them.',
    )
  }
  // Everything relative to iframe.html, so a Storybook served under a path (/docs/storybook/)
  // works too. The worker's scope is that folder; seam-fake-worker.js finds `seam-fake/` in it.
  const base = new URL('.', window.location.href)
  const fake = createFakeSeamConnect({ url: new URL('seam-fake', base).href })
  const backend = new URL('story-backend', base).href
  const backendHandler = staticStoryBackend({
    endpoint: fake.url,
    apiKey: fake.apiKey,
    send: fake.fetch,
  })
  const worker = setupWorker(
    http.all(`${fake.url}/*`, ({ request }) => fake.fetch(request)),
    http.post(`${backend}/*`, ({ request }) => backendHandler(request)),
  )
  await worker.start({
    serviceWorker: {
      url: new URL('seam-fake-worker.js', base).href,
      options: { scope: base.pathname },
    },
    // Storybook's own files go to the static server, without a warning for each.
    onUnhandledRequest: 'bypass',
    quiet: true,
  })
  return { endpoint: fake.url, publishableKey: fake.publishableKey, backend }
}
