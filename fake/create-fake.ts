// The fake without a server: a fetch function over one in-memory store, for request interceptors
// (MSW in Node, jsdom or a browser's service worker) and for tests that need no port.
import { createFakeApp } from './http/app.js'
import { FAKE_API_KEY, FAKE_PUBLISHABLE_KEY } from './state/keys.js'
import { FakeStore } from './state/store.js'

export interface CreateFakeSeamConnectOptions {
  /**
   * Where the app reaches the fake: an http(s) URL, optionally with a path (e.g.
   * `${location.origin}/seam-fake` to serve the hosted page from the app's own origin). Webview
   * urls and next_page_url point here. Default `https://fake-seam-connect.test`.
   */
  url?: string
  publishableKey?: string
  apiKey?: string
}

export interface FakeSeamConnectFetch {
  /** `options.url` without a trailing slash. */
  url: string
  publishableKey: string
  apiKey: string
  /**
   * Answers a request to `url` (or below it) as Seam, the hosted page or the `/_fake` control
   * routes would; a request elsewhere is a 404. With MSW:
   * `http.all(`${fake.url}/*`, ({ request }) => fake.fetch(request))`.
   */
  fetch(request: Request): Promise<Response>
  /** Ends pending artificial delays and hung replies at once. */
  stop(): void
}

export const DEFAULT_FAKE_URL = 'https://fake-seam-connect.test'

export function createFakeSeamConnect(
  options: CreateFakeSeamConnectOptions = {},
): FakeSeamConnectFetch {
  const base = new URL(options.url ?? DEFAULT_FAKE_URL)
  if (base.protocol !== 'http:' && base.protocol !== 'https:') {
    throw new TypeError('createFakeSeamConnect: url must be an http(s) URL')
  }
  if (base.search !== '' || base.hash !== '') {
    throw new TypeError('createFakeSeamConnect: url must have no query or fragment')
  }
  const url = `${base.origin}${base.pathname.replace(/\/$/, '')}`
  const store = new FakeStore({
    apiKey: options.apiKey ?? FAKE_API_KEY,
    publishableKey: options.publishableKey ?? FAKE_PUBLISHABLE_KEY,
  })
  store.baseUrl = url
  const app = createFakeApp(store)
  const basePath = store.basePath

  return {
    url,
    publishableKey: store.keys.publishableKey,
    apiKey: store.keys.apiKey,
    async fetch(request) {
      const target = new URL(request.url)
      const inside =
        target.origin === base.origin &&
        (target.pathname === basePath || target.pathname.startsWith(`${basePath}/`))
      if (!inside) {
        return Response.json(
          { error: { type: 'not_found', message: 'Not the fake' }, ok: false },
          { status: 404 },
        )
      }
      // The app's routes sit at its root: strip the prefix, keep everything else of the request.
      target.pathname = target.pathname.slice(basePath.length) || '/'
      return app.fetch(new Request(target, request))
    },
    stop() {
      store.shutdown()
    },
  }
}
