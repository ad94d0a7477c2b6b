// The demo backend's webhook routes over real HTTP: the backend (demoBackendPlugin, in a Vite dev
// server as `npm start` mounts it) in front of a fake Seam Connect of this file's own, which signs
// and posts its events to the URL and with the secret the backend registered once it listened.
// Deliveries nobody signed with that secret are refused and leave no trace; signed ones are
// recorded once per event, for the user their trusted metadata names.
import { randomUUID } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { Webhook } from 'standardwebhooks'
import { createLogger, createServer, type ViteDevServer } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoBackendPlugin } from '../../demo/server/demo-backend-plugin'
import { fakeTarget, type SeamTarget } from '../../demo/server/seam-target'
import type { WebhookRecordsReply } from '../../demo/server/webhook-routes'
import { startFakeSeamConnect, type FakeSeamConnect } from '../../fake/node-server'

const root = fileURLToPath(new URL('../../demo/', import.meta.url))

/** The demo's backend in a Vite dev server on 127.0.0.1, as `npm start` mounts it, logging to `lines`. */
async function demoBackend(target: () => Promise<SeamTarget>, lines: string[]) {
  const dev = await createServer({
    configFile: false,
    root,
    customLogger: {
      ...createLogger('silent'),
      info: (message) => lines.push(message),
      warn: (message) => lines.push(message),
      error: (message) => lines.push(message),
    },
    server: { host: '127.0.0.1', port: 0 },
    optimizeDeps: { noDiscovery: true, include: [] },
    plugins: [demoBackendPlugin({ target })],
  })
  await dev.listen()
  const { port } = dev.httpServer?.address() as AddressInfo
  return { dev, url: `http://127.0.0.1:${port}` }
}

let fake: FakeSeamConnect
let server: ViteDevServer
let base = ''
/** What the backend handed the fake: the test signs its own deliveries with it. */
let registered: { url: string; secret: string }
/** Everything the backend logged. */
const logged: string[] = []

beforeAll(async () => {
  fake = await startFakeSeamConnect()
  const seam = fake
  let onRegistered: (value: { url: string; secret: string }) => void = () => {}
  const registration = new Promise<{ url: string; secret: string }>((resolve) => {
    onRegistered = resolve
  })
  const started = await demoBackend(async () => {
    const target = fakeTarget(seam)
    return {
      ...target,
      registerWebhook: async (url, secret) => {
        await target.registerWebhook?.(url, secret)
        onRegistered({ url, secret })
      },
    }
  }, logged)
  server = started.dev
  base = started.url
  registered = await registration
})

afterAll(async () => {
  await server?.close()
  await fake?.stop()
})

/** A session cookie of `userId`, from the demo's own sign-in route. */
async function signIn(userId: string): Promise<string> {
  const reply = await fetch(`${base}/api/demo/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user_id: userId }),
  })
  expect(reply.status).toBe(200)
  return (reply.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
}

async function recordsOf(cookie: string): Promise<WebhookRecordsReply> {
  const reply = await fetch(`${base}/api/demo/webhooks`, { headers: { cookie } })
  expect(reply.status).toBe(200)
  return (await reply.json()) as WebhookRecordsReply
}

/** A connection event as Seam would send it, naming `userId` in its metadata. */
function eventFor(userId: string) {
  return JSON.stringify({
    event_id: randomUUID(),
    workspace_id: randomUUID(),
    created_at: new Date().toISOString(),
    occurred_at: new Date().toISOString(),
    event_type: 'connected_account.connected',
    connected_account_id: randomUUID(),
    connect_webview_id: randomUUID(),
    connected_account_custom_metadata: { your_app_user_id: userId, tenant_id: 'forged' },
  })
}

/** POSTs `body` to the backend's webhook route, signed with `secret` at `at` (or unsigned). */
async function deliver(body: string, secret?: string, at = new Date()) {
  const id = `msg_${randomUUID()}`
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (secret) {
    headers['webhook-id'] = id
    headers['webhook-timestamp'] = String(Math.floor(at.getTime() / 1000))
    headers['webhook-signature'] = new Webhook(secret).sign(id, at, body)
  }
  return fetch(`${base}/api/demo/webhooks/seam`, { method: 'POST', headers, body })
}

describe('the demo backend’s webhook route', () => {
  it('registered its own URL with the fake once it listened', async () => {
    expect(registered.url).toBe(`${base}/api/demo/webhooks/seam`)
    expect(registered.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/)
    const endpoints = await fake.control.webhooks.endpoints()
    expect(endpoints.map((endpoint) => endpoint.url)).toEqual([registered.url])
  })

  it('refuses an unsigned or forged POST with 401 and records nothing', async () => {
    const grace = await signIn('user_grace')
    const body = eventFor('user_grace')
    const otherSecret = `whsec_${Buffer.from(randomUUID()).toString('base64')}`
    const tenMinutesAgo = new Date(Date.now() - 10 * 60_000)

    expect((await deliver(body)).status).toBe(401)
    expect((await deliver(body, otherSecret)).status).toBe(401)
    expect((await deliver(body, registered.secret, tenMinutesAgo)).status).toBe(401)
    expect(await recordsOf(grace)).toEqual({ receiving: true, records: [] })

    // The same bytes, signed now with the backend's secret: the refusals were the signature's.
    expect((await deliver(body, registered.secret)).status).toBe(204)
    const { records } = await recordsOf(grace)
    expect(records.map((record) => record.metadata)).toEqual([
      { your_app_user_id: 'user_grace', tenant_id: 'forged' },
    ])
  })

  it('records nothing of a signed event whose metadata the demo’s schema refuses', async () => {
    const ada = await signIn('user_ada')
    const before = await recordsOf(ada)
    const withMetadata = (metadata: object) =>
      JSON.stringify({
        ...(JSON.parse(eventFor('user_ada')) as object),
        connected_account_custom_metadata: metadata,
      })
    // Answered 2xx (Seam would only resend the same bytes), but nothing is filed: no user id
    // names nobody, and a tenant_id that is not text is not the demo's metadata.
    for (const metadata of [
      { tenant_id: 'acme' },
      { your_app_user_id: 'user_ada', tenant_id: true },
    ]) {
      expect((await deliver(withMetadata(metadata), registered.secret)).status).toBe(204)
    }
    expect(await recordsOf(ada)).toEqual(before)
    expect(logged.filter((line) => line.includes('refused by the demo'))).toEqual([
      "Seam webhook: connected_account.connected refused by the demo's schema (connected_account_custom_metadata.your_app_user_id)",
      "Seam webhook: connected_account.connected refused by the demo's schema (connected_account_custom_metadata.tenant_id)",
    ])
  })

  it('records a connection from the fake’s signed events once per event, and flags a replay', async () => {
    const ada = await signIn('user_ada')
    const created = await fetch(`${base}/api/seam/connect_webviews/create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: ada },
      body: JSON.stringify({ custom_metadata: { tenant_id: 'acme', your_app_user_id: 'user_x' } }),
    })
    expect(created.status).toBe(200)
    const { connect_webview } = (await created.json()) as {
      connect_webview: { connect_webview_id: string }
    }
    const webviewId = connect_webview.connect_webview_id
    await fake.control.complete(webviewId)

    const ofWebview = async () =>
      (await recordsOf(ada)).records.filter((record) => record.connect_webview_id === webviewId)
    await expect
      .poll(async () => (await ofWebview())[0]?.event_types.toSorted())
      .toEqual(['connect_webview.login_succeeded', 'connected_account.connected'])
    const [first] = await ofWebview()
    expect(first?.metadata).toEqual({ tenant_id: 'acme', your_app_user_id: 'user_ada' })
    expect(first?.redelivery).toBe(false)

    // Seam's "resend": the same message again. Handled once: only the flag changes.
    const [event] = (await fake.control.webhooks.events()).filter(
      (candidate) =>
        candidate.event_type === 'connected_account.connected' &&
        candidate.connect_webview_id === webviewId,
    )
    if (!event) throw new Error('the fake sent no connected_account.connected')
    const replayed = await fake.control.webhooks.send(event.event_id)
    expect(replayed.map((delivery) => delivery.attempts[0]?.status)).toEqual([204])
    expect(await ofWebview()).toEqual([{ ...first, redelivery: true }])

    // The fake's own forgeries of that event: refused, and nothing changes.
    for (const kind of ['bad_signature', 'stale_timestamp'] as const) {
      const forged = await fake.control.webhooks.send(event.event_id, { kind })
      expect(forged.map((delivery) => delivery.attempts[0]?.status)).toEqual([401])
    }
    expect(await ofWebview()).toEqual([{ ...first, redelivery: true }])
  })

  it('never logs the webhook secret or the API key', () => {
    expect(logged.length).toBeGreaterThan(0)
    for (const line of logged) {
      expect(line).not.toContain(registered.secret)
      expect(line).not.toContain(registered.secret.slice('whsec_'.length))
      expect(line).not.toContain(fake.apiKey)
    }
  })

  it('answers the records only to a signed-in user, never cached', async () => {
    const signedOut = await fetch(`${base}/api/demo/webhooks`)
    expect(signedOut.status).toBe(401)
    expect(signedOut.headers.get('cache-control')).toBe('no-store')
    const grace = await signIn('user_grace')
    const reply = await fetch(`${base}/api/demo/webhooks`, { headers: { cookie: grace } })
    expect(reply.headers.get('cache-control')).toBe('no-store')
    const posted = await fetch(`${base}/api/demo/webhooks`, {
      method: 'POST',
      headers: { cookie: grace },
    })
    expect(posted.status).toBe(405)
  })
})

describe('the demo backend against Seam itself', () => {
  /** A dev server whose target is "Seam" (nothing is sent to it here), with `webhookSecret`. */
  async function seamBackend(webhookSecret?: string) {
    const lines: string[] = []
    const { dev, url } = await demoBackend(
      async () => ({
        kind: 'seam',
        endpoint: 'https://connect.getseam.invalid',
        apiKey: 'seam_test_not_a_key',
        ...(webhookSecret ? { webhookSecret } : {}),
        stop: async () => {},
      }),
      lines,
    )
    return { dev, lines, url }
  }

  it('without SEAM_WEBHOOK_SECRET mounts no webhook route, says so once, and the records say so', async () => {
    const { dev, lines, url } = await seamBackend()
    try {
      const posted = await fetch(`${url}/api/demo/webhooks/seam`, { method: 'POST', body: '{}' })
      expect(posted.status).toBe(404)
      const signedIn = await fetch(`${url}/api/demo/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ user_id: 'user_ada' }),
      })
      const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
      const reply = await fetch(`${url}/api/demo/webhooks`, { headers: { cookie } })
      expect(await reply.json()).toEqual({ receiving: false, records: [] })
      expect(lines.filter((line) => line.includes('Seam webhooks'))).toEqual([
        "  Seam webhooks: not received (set SEAM_WEBHOOK_SECRET to the signing secret of an endpoint for /api/demo/webhooks/seam in Seam's console)",
      ])
    } finally {
      await dev.close()
    }
  })

  it('with SEAM_WEBHOOK_SECRET verifies deliveries with it', async () => {
    const secret = `whsec_${Buffer.from(randomUUID()).toString('base64')}`
    const { dev, lines, url } = await seamBackend(secret)
    try {
      const id = `msg_${randomUUID()}`
      const now = new Date()
      const body = eventFor('user_ada')
      const signed = (key: string) => ({
        'content-type': 'application/json',
        'webhook-id': id,
        'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
        'webhook-signature': new Webhook(key).sign(id, now, body),
      })
      const route = `${url}/api/demo/webhooks/seam`
      const otherSecret = `whsec_${Buffer.from(randomUUID()).toString('base64')}`
      const forged = await fetch(route, { method: 'POST', headers: signed(otherSecret), body })
      expect(forged.status).toBe(401)
      const real = await fetch(route, { method: 'POST', headers: signed(secret), body })
      expect(real.status).toBe(204)
      for (const line of lines) expect(line).not.toContain(secret.slice('whsec_'.length))
    } finally {
      await dev.close()
    }
  })
})
