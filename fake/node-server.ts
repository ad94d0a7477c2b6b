// A faithful fake of Seam Connect's HTTP API for tests, Storybook and the demo.
import { createAdaptorServer } from '@hono/node-server'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createFakeApp } from './http/app.js'
import { FAKE_API_KEY, FAKE_PUBLISHABLE_KEY } from './state/keys.js'
import { FakeStore } from './state/store.js'

interface StartFakeSeamConnectOptions {
  /** 0 (the default) picks a free port. */
  port?: number
  /**
   * Let the process exit while the fake still listens: for a fake that lives as long as some
   * other server (Vite), which then keeps the process alive on its own.
   */
  unref?: boolean
  /** Only loopback: the fake has no real auth on its control routes. */
  host?: '127.0.0.1'
  publishableKey?: string
  apiKey?: string
}

export interface FakeSeamConnect {
  /** e.g. `http://127.0.0.1:41234`, without a trailing slash. */
  url: string
  publishableKey: string
  apiKey: string
  stop(): Promise<void>
}

export async function startFakeSeamConnect(
  options: StartFakeSeamConnectOptions = {},
): Promise<FakeSeamConnect> {
  const host = options.host ?? '127.0.0.1'
  const store = new FakeStore({
    apiKey: options.apiKey ?? FAKE_API_KEY,
    publishableKey: options.publishableKey ?? FAKE_PUBLISHABLE_KEY,
  })
  const app = createFakeApp(store)
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
