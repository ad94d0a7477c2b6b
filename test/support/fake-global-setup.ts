import { AsyncLocalStorage } from 'node:async_hooks'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { TestProject } from 'vitest/node'
import { scopeHeaders } from '../../fake/control-client'
import { startFakeSeamConnect, type FakeSeamConnect } from '../../fake/node-server'
import { createSeamConnectHandler, toNodeListener } from '../../src/server/index'
import { TEST_SCOPE_HEADER, TEST_USER_HEADER } from './handler-headers'
import { SENTINEL_PUBLISHABLE_KEY, SENTINEL_TOKEN_MARKERS } from './sentinels'

const ATTEMPTS = 10

/**
 * The suites' fakes mint recognisable credentials, which the sentinel guard
 * (sentinel-setup.ts) looks for in what each test lets out (issue 12, item 9).
 */
const SENTINEL_KEYS = {
  publishableKey: SENTINEL_PUBLISHABLE_KEY,
  tokenMarkers: SENTINEL_TOKEN_MARKERS,
}

/**
 * Ports fetch refuses to connect to (https://fetch.spec.whatwg.org/#port-blocking) between 2000
 * and 6553; none of their lookalikes (P * 10 + 1) is on that list.
 */
const FETCH_BLOCKED = new Set([2049, 3659, 4045, 4190, 5060, 5061, 6000])

/** A port P in 2000..6553 that fetch may reach; `random` is Math.random unless a test fixes it. */
export function pickFakePort(random: () => number = Math.random): number {
  let port = 2000 + Math.floor(random() * (6553 - 2000 + 1))
  while (FETCH_BLOCKED.has(port)) port++
  return port
}

/**
 * The fake on port P plus an independent second fake on port P * 10 + 1: its origin
 * `http://127.0.0.1:P1` starts with `http://127.0.0.1:P`, so a message-origin check done by
 * prefix would wrongly accept the second one.
 * P is random in 2000..6553 so that P * 10 + 1 stays a valid port, and never one fetch blocks;
 * taken ports are retried.
 */
export async function startFakeWithLookalike(): Promise<{
  fake: FakeSeamConnect
  lookalike: FakeSeamConnect
}> {
  let lastError: unknown
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const port = pickFakePort()
    let fake: FakeSeamConnect | undefined
    try {
      fake = await startFakeSeamConnect({ port, ...SENTINEL_KEYS })
      const lookalike = await startFakeSeamConnect({ port: port * 10 + 1, ...SENTINEL_KEYS })
      return { fake, lookalike }
    } catch (error) {
      await fake?.stop()
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error
      lastError = error
    }
  }
  throw new Error(`No free port pair for the fake after ${ATTEMPTS} attempts`, {
    cause: lastError,
  })
}

/**
 * The app's server as the hooks meet it in a page (the dom tests run in jsdom, where the handler
 * refuses to run): `createSeamConnectHandler` in front of `fake`, on 127.0.0.1. The signed-in user
 * is the {@link TEST_USER_HEADER} (trusted metadata `user_id`), and its requests to Seam carry the
 * fake scope named by {@link TEST_SCOPE_HEADER}, so each test faults and counts its own.
 */
async function startHandler(fake: FakeSeamConnect) {
  const scopes = new AsyncLocalStorage<string | null>()
  const handler = createSeamConnectHandler({
    apiKey: fake.apiKey,
    endpoint: fake.url,
    basePath: '/api/seam',
    authorize: (request) => {
      const user = request.headers.get(TEST_USER_HEADER)
      return user ? { trustedMetadata: { user_id: user } } : null
    },
    fetch: (input, init) => {
      const headers = new Headers(init?.headers)
      const scope = scopes.getStore()
      if (scope)
        for (const [name, value] of Object.entries(scopeHeaders(scope))) headers.set(name, value)
      return fetch(input, { ...init, headers })
    },
  })
  const server = createServer(
    toNodeListener((request) =>
      scopes.run(request.headers.get(TEST_SCOPE_HEADER), () => handler(request)),
    ),
  )
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/api/seam`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** One fake Seam Connect per Vitest project; tests isolate themselves by user_identifier_key. */
export default async function setup(project: TestProject) {
  const { fake, lookalike } = await startFakeWithLookalike()
  const handler = await startHandler(fake)
  project.provide('handlerUrl', handler.url)
  project.provide('fakeUrl', fake.url)
  project.provide('fakeApiKey', fake.apiKey)
  project.provide('fakePublishableKey', fake.publishableKey)
  // Same fixed keys as the main fake, but its own state: nothing created on one exists on the other.
  project.provide('fakeLookalikeUrl', lookalike.url)
  return async () => {
    await handler.stop()
    await Promise.all([fake.stop(), lookalike.stop()])
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    fakeUrl: string
    fakeApiKey: string
    fakePublishableKey: string
    /** A second fake whose origin starts with fakeUrl's (port P * 10 + 1). */
    fakeLookalikeUrl: string
    /** The app's server (createSeamConnectHandler) in front of the fake, at its base path. */
    handlerUrl: string
  }
}
