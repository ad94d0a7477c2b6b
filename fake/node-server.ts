// The fake as a real HTTP server, for Node: test runners' global setup, Playwright, dev servers.
// The only module of the fake that needs Node (browser.ts leaves it out).
import { createAdaptorServer } from '@hono/node-server'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fakeControl, type FakeSeamConnectControl } from './control/client.js'
import { createFakeApp } from './http/app.js'
import { FAKE_API_KEY, FAKE_PUBLISHABLE_KEY, type FakeTokenMarkers } from './state/keys.js'
import { FakeStore } from './state/store.js'
import { checkWebhookOption } from './control/webhook-schemas.js'
import type { FakeWebhookEndpointInput } from './webhooks/dispatcher.js'

/** Options of `startFakeSeamConnect`; every field is optional. */
export interface StartFakeSeamConnectOptions {
  /** The port on 127.0.0.1; 0 (the default) picks a free one. A taken port rejects (EADDRINUSE). */
  port?: number
  /**
   * Let the process exit while the fake still listens: for a fake that lives as long as some
   * other server (a Vite dev server), which then keeps the process alive on its own.
   */
  unref?: boolean
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

/** A running fake Seam Connect server. */
export interface FakeSeamConnect {
  /** e.g. `http://127.0.0.1:41234`, without a trailing slash: the app's Seam `endpoint`. */
  url: string
  publishableKey: string
  apiKey: string
  /** Finish webviews, seed accounts, script faults, read the request log. */
  control: FakeSeamConnectControl
  /** Closes the server and its open connections, and ends pending artificial delays. */
  stop(): Promise<void>
}

/** Only loopback: the fake's control routes have no auth. */
const HOST = '127.0.0.1'

/**
 * Starts a fake Seam Connect HTTP server on 127.0.0.1 (Node only; the browser build of
 * `react-seam-connect/testing` rejects): the Seam routes, the hosted webview page and the
 * `/_fake/` control routes over one in-memory store.
 *
 * @example
 * const fake = await startFakeSeamConnect() // a free port
 * // endpoint: fake.url, publishableKey: fake.publishableKey
 * await fake.stop()
 */
export async function startFakeSeamConnect(
  options: StartFakeSeamConnectOptions = {},
): Promise<FakeSeamConnect> {
  const host = HOST
  const store = new FakeStore(
    {
      apiKey: options.apiKey ?? FAKE_API_KEY,
      publishableKey: options.publishableKey ?? FAKE_PUBLISHABLE_KEY,
    },
    options.tokenMarkers,
  )
  const app = createFakeApp(store)
  if (options.webhook)
    store.webhooks.addEndpoint(checkWebhookOption('startFakeSeamConnect', options.webhook))
  const server = createAdaptorServer({
    fetch: app.fetch,
    // Leave the process's global Request/Response alone: the fake may share a process with
    // Vite or a test runner.
    overrideGlobalObjects: false,
  }) as Server
  // Clients (Node's fetch, browsers) keep idle connections for a few seconds; a server that drops
  // them first can race a reused socket ("other side closed"), more so on a loaded machine.
  server.keepAliveTimeout = 65_000
  server.headersTimeout = 66_000

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject)
      if (options.unref) {
        server.unref()
        // Browsers keep connections open: those must not hold the process either.
        server.on('connection', (socket) => socket.unref())
      }
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo
  const url = `http://${host}:${port}`
  store.baseUrl = url

  let stopping: Promise<void> | undefined
  return {
    url,
    publishableKey: store.keys.publishableKey,
    apiKey: store.keys.apiKey,
    control: fakeControl(url, store.keys),
    stop() {
      stopping ??= new Promise<void>((resolve, reject) => {
        store.shutdown()
        // Browsers keep sockets alive; without this, close() waits for them and hangs Vitest.
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      })
      return stopping
    },
  }
}
