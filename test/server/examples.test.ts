// README's server examples are real files (examples/server/), type-checked with the rest. Here
// each one runs as its framework serves it, over real HTTP in front of the fake, and README must
// hold each file's code verbatim, so the two never drift apart.
import { readFile, readdir } from 'node:fs/promises'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createAdaptorServer } from '@hono/node-server'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { isSeamApiError } from '../../src/index'
import { toNodeListener } from '../../src/server/index'
import {
  apiKey,
  fake,
  fakeUrl,
  noApiKeyAnywhere,
  recordingFetch,
  twoUsers,
} from './support/harness'
import { createSeamConnectClient } from '../../src/index'

const examples = new URL('../../examples/server/', import.meta.url)

/** Listens on 127.0.0.1, a free port. */
async function serve(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

const servers: Server[] = []
const bases: Record<string, string> = {}

beforeAll(async () => {
  // What the examples read from the environment, as an app's deployment would set it.
  vi.stubEnv('SEAM_API_KEY', apiKey)
  vi.stubEnv('SEAM_ENDPOINT', fakeUrl)
  vi.stubEnv('SESSION_SECRET', crypto.randomUUID())
  const { POST } = await import('../../examples/server/next-route')
  const { default: hono } = await import('../../examples/server/hono')
  const { app, server } = await import('../../examples/server/express')
  const started: [string, Server][] = [
    // Next.js calls the exported POST with the request; toNodeListener plays Next here.
    ['next-route', (await import('node:http')).createServer(toNodeListener(POST))],
    ['hono', createAdaptorServer({ fetch: hono.fetch }) as Server],
    ['express', (await import('node:http')).createServer(app)],
    ['node-http', server],
  ]
  for (const [name, instance] of started) {
    servers.push(instance)
    bases[name] = `${await serve(instance)}/api/seam`
  }
})

afterAll(async () => {
  vi.unstubAllEnvs()
  await Promise.all(
    servers.map(
      (server) =>
        new Promise<void>((resolve) => {
          server.closeAllConnections()
          server.close(() => resolve())
        }),
    ),
  )
})

describe.each(['next-route', 'hono', 'express', 'node-http'])('the %s example', (name) => {
  it('keeps trusted metadata on the server: a forged user_id ends up as the signed-in user’s, on the webview and the account', async () => {
    const { sessionCookie } = await import('../../examples/server/session')
    const [alice, bob] = twoUsers(name).map((user) => user.replace(/[^\w-]/g, '-'))
    const client = (user: string) =>
      sessionCookie(user).then((cookie) =>
        createSeamConnectClient({
          endpoint: bases[name],
          headers: { cookie },
          fetch: recordingFetch,
          retry: { retries: 0 },
        }),
      )
    const bobs = await client(bob ?? '')
    const webview = await bobs.connectWebviews.create({
      custom_metadata: { user_id: alice ?? '', tenant: 't1' },
    })
    expect(webview.custom_metadata).toEqual({ user_id: bob, tenant: 't1' })
    const { connected_account } = await fake.complete(webview.connect_webview_id)
    const account = await bobs.connectedAccounts.get({
      connected_account_id: connected_account.connected_account_id,
    })
    expect(account.custom_metadata).toEqual({ user_id: bob, tenant: 't1' })

    // Alice cannot see it.
    const error = await (
      await client(alice ?? '')
    ).connectedAccounts
      .get({ connected_account_id: connected_account.connected_account_id })
      .catch((e: unknown) => e)
    expect(isSeamApiError(error) && error.status).toBe(404)
  })

  it('answers 401 without a session, or with a forged or expired one', async () => {
    const { sessionCookie } = await import('../../examples/server/session')
    const real = await sessionCookie('alice')
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Date.now() - 9 * 60 * 60 * 1000)
    const expired = await sessionCookie('alice')
    vi.useRealTimers()
    const attempts: Record<string, string>[] = [
      {},
      { cookie: 'session=someone.4102444800.forged-signature' },
      // Alice's signature on another user's id.
      { cookie: real.replace('session=alice.', 'session=mallory.') },
      { cookie: expired },
    ]
    for (const headers of attempts) {
      const response = await recordingFetch(`${bases[name]}/connect_webviews/list`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: '{}',
      })
      expect(response.status).toBe(401)
    }
  })
})

describe('README', () => {
  it('holds every file of examples/server/ verbatim, in a ts code block', async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8')
    const files = (await readdir(examples)).filter((file) => file.endsWith('.ts'))
    expect(files.sort()).toEqual([
      'express.ts',
      'hono.ts',
      'next-route.ts',
      'seam-handler.ts',
      'session.ts',
    ])
    for (const file of files) {
      const code = await readFile(new URL(file, examples), 'utf8')
      expect(readme, file).toContain(`\`\`\`ts\n// examples/server/${file}\n${code}\`\`\`\n`)
    }
  })
})

noApiKeyAnywhere()
