// The fake without a server: a fetch function over one in-memory store, for request interceptors
// (MSW in Node, jsdom or a browser's service worker) and for tests that need no port.
import { fakeControl, type FakeSeamConnectControl } from './control/client.js'
import { createFakeApp } from './http/app.js'
import { FAKE_API_KEY, FAKE_PUBLISHABLE_KEY, type FakeTokenMarkers } from './state/keys.js'
import { FakeStore } from './state/store.js'
import { checkWebhookOption } from './control/webhook-schemas.js'
import type { FakeWebhookEndpointInput } from './webhooks/dispatcher.js'

/** Options of `createFakeSeamConnect`; every field is optional. */
export interface CreateFakeSeamConnectOptions {
  /**
   * Where the app reaches the fake: an http(s) URL, optionally with a path (e.g.
   * `${location.origin}/seam-fake` to serve the hosted page from the app's own origin). Webview
   * urls and next_page_url point here. Default `https://fake-seam-connect.test`.
   */
  url?: string
  /** The publishable key it accepts (default `FAKE_SEAM_PUBLISHABLE_KEY`). */
  publishableKey?: string
  /** The API key it accepts (default `FAKE_SEAM_API_KEY`). */
  apiKey?: string
  /**
   * Base62 text to put inside every client session token and webview `auth_token` it mints
   * (`{ clientSessionToken: 'LEAKCST' }`), so that a test can search logs, errors and the DOM
   * for any of them. Default: none, random tokens.
   */
  tokenMarkers?: FakeTokenMarkers
  /**
   * A webhook endpoint to sign and post every event to, from the start (more can be added with
   * `control.webhooks.add`): e.g. `{ url: 'http://127.0.0.1:3000/api/seam/webhook', secret }`.
   */
  webhook?: FakeWebhookEndpointInput
}

/** A fake Seam Connect in this process, answering through `fetch` (no server, no port). */
export interface FakeSeamConnectFetch {
  /** `options.url` without a trailing slash: the app's Seam `endpoint`. */
  url: string
  publishableKey: string
  apiKey: string
  /**
   * Finish webviews, seed accounts, script faults, read the request log. It calls `fetch` below
   * directly, so it works with or without MSW.
   */
  control: FakeSeamConnectControl
  /**
   * Answers a request to `url` (or below it) as Seam, the hosted page or the `/_fake` control
   * routes would; a request elsewhere is a 404. With MSW:
   * `http.all(`${fake.url}/*`, ({ request }) => fake.fetch(request))`.
   */
  fetch(request: Request): Promise<Response>
  /** Ends pending artificial delays and hung replies at once. */
  stop(): void
}

/** Where `createFakeSeamConnect` answers unless given a `url`. */
export const DEFAULT_FAKE_URL = 'https://fake-seam-connect.test'

/**
 * A fake Seam Connect as a fetch function over its own in-memory store: for request
 * interceptors (MSW in Node, jsdom or a browser's service worker) and tests that need no port.
 * Runs in Node and in browsers (fetch and Web Crypto only).
 *
 * @example
 * const fake = createFakeSeamConnect()
 * const server = setupServer(http.all(`${fake.url}/*`, ({ request }) => fake.fetch(request)))
 */
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
  const store = new FakeStore(
    {
      apiKey: options.apiKey ?? FAKE_API_KEY,
      publishableKey: options.publishableKey ?? FAKE_PUBLISHABLE_KEY,
    },
    options.tokenMarkers,
  )
  store.baseUrl = url
  const app = createFakeApp(store)
  if (options.webhook)
    store.webhooks.addEndpoint(checkWebhookOption('createFakeSeamConnect', options.webhook))
  const basePath = store.basePath

  async function fetch(request: Request): Promise<Response> {
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
    // The init is spelled out, not `new Request(target, request)`: jsdom test environments
    // (Vitest's) wrap Request and copy an init's own properties only, so a Request given as the
    // init lost its method and body there (test/fake/create-fake.dom.test.ts).
    const hasBody = request.method !== 'GET' && request.method !== 'HEAD'
    return app.fetch(
      new Request(target.href, {
        method: request.method,
        headers: request.headers,
        body: hasBody ? await request.arrayBuffer() : undefined,
      }),
    )
  }

  return {
    url,
    publishableKey: store.keys.publishableKey,
    apiKey: store.keys.apiKey,
    control: fakeControl(url, { ...store.keys, fetch }),
    fetch,
    stop() {
      store.shutdown()
    },
  }
}
