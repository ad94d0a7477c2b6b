// README's server examples are real files (examples/server/), type-checked with the rest. Here
// each one runs as its framework serves it, over real HTTP in front of the fake, and README must
// hold each file's code verbatim, so the two never drift apart.
import { readFile, readdir } from 'node:fs/promises'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createAdaptorServer } from '@hono/node-server'
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest'
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
/** Where each framework's example serves Seam's webhooks. */
const webhookUrls: Record<string, string> = {}
const WEBHOOK_SECRET = `whsec_${Buffer.from(crypto.getRandomValues(new Uint8Array(24))).toString('base64')}`

beforeAll(async () => {
  // What the examples read from the environment, as an app's deployment would set it.
  vi.stubEnv('SEAM_API_KEY', apiKey)
  vi.stubEnv('SEAM_ENDPOINT', fakeUrl)
  vi.stubEnv('SESSION_SECRET', crypto.randomUUID())
  vi.stubEnv('SEAM_WEBHOOK_SECRET', WEBHOOK_SECRET)
  const { POST } = await import('../../examples/server/next-route')
  const { POST: webhookPost } = await import('../../examples/server/next-webhook-route')
  const { default: hono } = await import('../../examples/server/hono')
  const { app, server } = await import('../../examples/server/express')
  const started: [string, Server][] = [
    // Next.js calls the exported POST with the request; toNodeListener plays Next here.
    ['next-route', (await import('node:http')).createServer(toNodeListener(POST))],
    ['next-webhook-route', (await import('node:http')).createServer(toNodeListener(webhookPost))],
    ['hono', createAdaptorServer({ fetch: hono.fetch }) as Server],
    ['express', (await import('node:http')).createServer(app)],
    ['node-http', server],
  ]
  for (const [name, instance] of started) {
    servers.push(instance)
    bases[name] = `${await serve(instance)}/api/seam`
  }
  webhookUrls['next-route'] = `${bases['next-webhook-route']}-webhooks`
  webhookUrls.express = `${bases.express}-webhooks`
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

describe.each(['next-route', 'express'])('the %s example’s backend loop', (name) => {
  it('links the account to its user from Seam’s signed webhook alone: the trusted user_id, idempotently, and nothing from a forgery', async () => {
    const { sessionCookie } = await import('../../examples/server/session')
    const { accountsOf } = await import('../../examples/server/connections')
    const [alice, bob] = twoUsers(`loop-${name}`).map((user) => user.replace(/[^\w-]/g, '-'))
    if (!alice || !bob) throw new Error('two users')
    // The shared fake sends every test's events to this endpoint while it is registered; the
    // example links only those carrying a user_id, and each test here uses its own users.
    const endpoint = await fake.webhooks.add({
      url: webhookUrls[name] ?? '',
      secret: WEBHOOK_SECRET,
      retry_delays_ms: [50],
    })
    onTestFinished(() => fake.webhooks.remove(endpoint.webhook_id).then(() => undefined))
    const clientOf = async (user: string) =>
      createSeamConnectClient({
        endpoint: bases[name],
        headers: { cookie: await sessionCookie(user) },
        fetch: recordingFetch,
        retry: { retries: 0 },
      })

    // 1. Bob's browser creates the webview through the app's handler (claiming to be Alice).
    const webview = await (
      await clientOf(bob)
    ).connectWebviews.create({ custom_metadata: { user_id: alice } })
    // 2. Bob signs in; the tab may be long gone by now: nothing below involves the browser.
    const { connected_account } = await fake.complete(webview.connect_webview_id)
    const accountId = connected_account.connected_account_id
    // 3. Seam's signed webhook reaches the backend, which links the account to Bob.
    const bobsLink = {
      connectedAccountId: accountId,
      userId: bob,
      connectWebviewId: webview.connect_webview_id,
      occurredAt: expect.any(String),
    }
    await expect.poll(() => accountsOf(bob)).toEqual([bobsLink])
    expect(await accountsOf(alice)).toEqual([])

    // Seam delivering the same event again changes nothing.
    const [connected] = (await fake.webhooks.events()).filter(
      (event) =>
        event.event_type === 'connected_account.connected' &&
        event.connected_account_id === accountId,
    )
    const [replay] = await fake.webhooks.send(connected?.event_id ?? '', {
      webhook_id: endpoint.webhook_id,
    })
    expect(replay?.attempts.map((attempt) => attempt.status)).toEqual([204])
    // A forged event, signed with another secret or not at all, is refused and links nothing.
    const [forged] = await fake.webhooks.send(connected?.event_id ?? '', {
      webhook_id: endpoint.webhook_id,
      kind: 'bad_signature',
    })
    expect(forged?.attempts.map((attempt) => attempt.status)).toEqual([401])
    const now = new Date(Date.now() + 60_000).toISOString()
    const unsigned = await fetch(webhookUrls[name] ?? '', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        event_id: crypto.randomUUID(),
        event_type: 'connected_account.connected',
        workspace_id: crypto.randomUUID(),
        created_at: now,
        occurred_at: now,
        connected_account_id: accountId,
        connected_account_custom_metadata: { user_id: alice },
      }),
    })
    expect(unsigned.status).toBe(401)
    expect(await accountsOf(bob)).toEqual([bobsLink])
    expect(await accountsOf(alice)).toEqual([])

    // Alice signing in to the same account later, through her own webview, moves it to her.
    const alicesWebview = await (await clientOf(alice)).connectWebviews.create({})
    await fake.complete(alicesWebview.connect_webview_id, { connected_account_id: accountId })
    await expect
      .poll(() => accountsOf(alice))
      .toEqual([{ ...bobsLink, userId: alice, connectWebviewId: alicesWebview.connect_webview_id }])
    expect(await accountsOf(bob)).toEqual([])
  })
})

describe('README', () => {
  it('holds every file of examples/server/ verbatim, in a ts code block', async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8')
    const files = (await readdir(examples)).filter((file) => file.endsWith('.ts'))
    expect(files.sort()).toEqual([
      'connections.ts',
      'express.ts',
      'hono.ts',
      'next-route.ts',
      'next-webhook-route.ts',
      'seam-handler.ts',
      'seam-webhooks.ts',
      'session.ts',
    ])
    for (const file of files) {
      const code = await readFile(new URL(file, examples), 'utf8')
      expect(readme, file).toContain(`\`\`\`ts\n// examples/server/${file}\n${code}\`\`\`\n`)
    }
  })
})

noApiKeyAnywhere()
