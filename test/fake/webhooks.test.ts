// The fake's webhooks over real HTTP: each fake sends to a receiver on 127.0.0.1, which checks
// every delivery with the `standardwebhooks` package (Svix's scheme), independent of the fake's
// own Web Crypto signer.
import type { IncomingHttpHeaders, RequestListener } from 'node:http'
import { Webhook } from 'standardwebhooks'
import { describe, expect, it, onTestFinished } from 'vitest'
import { fakeControl, uniqueUser } from '../../fake/control-client'
import { createFakeSeamConnect } from '../../fake/create-fake'
import { startFakeSeamConnect, type StartFakeSeamConnectOptions } from '../../fake/node-server'
import { listen } from '../server/support/harness'

const SECRET = `whsec_${Buffer.from('a fake endpoint secret, 32 bytes').toString('base64')}`

/** `items[index]`, or a clear failure when the test got fewer than it expected. */
function nth<T>(items: readonly T[], index: number): T {
  const item = items[index]
  if (item === undefined) throw new Error(`expected an item at ${index} of ${items.length}`)
  return item
}

interface Received {
  headers: IncomingHttpHeaders
  body: string
}

/**
 * An endpoint on 127.0.0.1 answering each delivery with the next of `script` (then 200):
 * a status, or `drop` to close the connection without an answer.
 */
async function receiver(script: (number | 'drop')[] = []) {
  const received: Received[] = []
  const listener: RequestListener = (req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') })
      const next = script.shift() ?? 200
      if (next === 'drop') return void req.socket.destroy()
      res.statusCode = next
      res.end()
    })
  }
  const { url } = await listen(listener)
  return { url: `${url}/webhooks/seam`, received }
}

async function startFake(options: StartFakeSeamConnectOptions = {}) {
  const fake = await startFakeSeamConnect(options)
  onTestFinished(() => fake.stop())
  return { fake, harness: fakeControl(fake.url) }
}

/** A pending webview with this metadata, created by a fresh user's client session. */
async function newWebview(
  harness: ReturnType<typeof fakeControl>,
  custom_metadata: Record<string, string | boolean> = {},
) {
  const session = await harness.newSession(uniqueUser('webhooks'))
  const webview = await harness.createWebview(session.headers, { custom_metadata })
  return webview.connect_webview_id as string
}

/** The delivery checked as a receiver would check it: throws unless the signature holds. */
function verify(delivery: Received, secret = SECRET, prefix = 'svix') {
  const header = (name: string) => String(delivery.headers[`${prefix}-${name}`])
  return new Webhook(secret).verify(delivery.body, {
    'webhook-id': header('id'),
    'webhook-timestamp': header('timestamp'),
    'webhook-signature': header('signature'),
  })
}

/** Events by type: connected_account.* before connect_webview.* . */
const byType = <E>(events: E[]) =>
  [...events]
    .sort((a, b) =>
      String((a as { event_type: string }).event_type).localeCompare(
        String((b as { event_type: string }).event_type),
      ),
    )
    .reverse()

describe('the fake sends signed webhooks', () => {
  it('on completion: connected_account.connected and connect_webview.login_succeeded, each signed as Svix signs, with the metadata', async () => {
    const endpoint = await receiver()
    const { fake, harness } = await startFake({ webhook: { url: endpoint.url, secret: SECRET } })
    const webviewId = await newWebview(harness, { user_id: 'u_42', admin: true })
    const { connected_account: account } = await fake.control.complete(webviewId)

    await expect.poll(() => endpoint.received.length).toBe(2)
    // Svix does not promise an order, nor does the fake (each delivery goes on its own).
    const events = byType(endpoint.received.map((delivery) => verify(delivery)))
    const shared = {
      connect_webview_id: webviewId,
      connected_account_id: account.connected_account_id,
      connected_account_custom_metadata: { user_id: 'u_42', admin: true },
    }
    expect(events).toEqual([
      expect.objectContaining({ event_type: 'connected_account.connected', ...shared }),
      expect.objectContaining({ event_type: 'connect_webview.login_succeeded', ...shared }),
    ])
    // The body is the event itself, as the fake recorded it.
    expect(events).toEqual(byType(await fake.control.webhooks.events()))
    for (const delivery of endpoint.received) {
      expect(delivery.headers['content-type']).toBe('application/json')
      expect(delivery.headers['svix-id']).toMatch(/^msg_/)
      expect(delivery.headers['webhook-id']).toBeUndefined()
    }
    expect(new Set(endpoint.received.map((d) => d.headers['svix-id'])).size).toBe(2)
    await expect
      .poll(async () => (await fake.control.webhooks.deliveries()).map((d) => d.state))
      .toEqual(['succeeded', 'succeeded'])
  })

  it('on reconnect: connected_account.connected again for the same account, with the new webview’s metadata', async () => {
    const endpoint = await receiver()
    const { fake, harness } = await startFake({ webhook: { url: endpoint.url, secret: SECRET } })
    const first = await fake.control.complete(await newWebview(harness, { plan: 'free' }))
    const accountId = first.connected_account.connected_account_id
    const secondWebview = await newWebview(harness, { plan: 'pro' })
    await fake.control.complete(secondWebview, { connected_account_id: accountId })

    await expect.poll(() => endpoint.received.length).toBe(4)
    const reconnect = byType(
      endpoint.received
        .map((delivery) => verify(delivery) as { connect_webview_id: string; event_type: string })
        .filter((event) => event.connect_webview_id === secondWebview),
    )
    expect(reconnect).toEqual([
      expect.objectContaining({
        event_type: 'connected_account.connected',
        connected_account_id: accountId,
        connect_webview_id: secondWebview,
        connected_account_custom_metadata: { plan: 'pro' },
      }),
      expect.objectContaining({
        event_type: 'connect_webview.login_succeeded',
        connected_account_id: accountId,
        connect_webview_id: secondWebview,
        connected_account_custom_metadata: { plan: 'pro' },
      }),
    ])
  })

  it('on a failed sign-in: connect_webview.login_failed', async () => {
    const endpoint = await receiver()
    const { fake, harness } = await startFake({ webhook: { url: endpoint.url, secret: SECRET } })
    const webviewId = await newWebview(harness)
    await fake.control.fail(webviewId)
    await expect.poll(() => endpoint.received.length).toBe(1)
    expect(verify(nth(endpoint.received, 0))).toEqual({
      event_id: expect.any(String),
      event_type: 'connect_webview.login_failed',
      workspace_id: expect.any(String),
      created_at: expect.any(String),
      occurred_at: expect.any(String),
      connect_webview_id: webviewId,
    })
  })

  it('with `headers: webhook`, uses the Standard Webhooks header names', async () => {
    const endpoint = await receiver()
    const { fake, harness } = await startFake()
    await fake.control.webhooks.add({ url: endpoint.url, secret: SECRET, headers: 'webhook' })
    await fake.control.fail(await newWebview(harness))
    await expect.poll(() => endpoint.received.length).toBe(1)
    expect(nth(endpoint.received, 0).headers['svix-id']).toBeUndefined()
    expect(verify(nth(endpoint.received, 0), SECRET, 'webhook')).toMatchObject({
      event_type: 'connect_webview.login_failed',
    })
  })

  it('every endpoint gets every event, each signed with its own secret (a fresh one unless given)', async () => {
    const first = await receiver()
    const second = await receiver()
    const { fake, harness } = await startFake({ webhook: { url: first.url, secret: SECRET } })
    const added = await fake.control.webhooks.add({ url: second.url })
    expect(added.secret).toMatch(/^whsec_[A-Za-z0-9+/]+={0,2}$/)
    expect(added.secret).not.toBe(SECRET)
    expect((await fake.control.webhooks.endpoints()).map((e) => e.url)).toEqual([
      first.url,
      second.url,
    ])
    await fake.control.fail(await newWebview(harness))
    await expect.poll(() => [first.received.length, second.received.length]).toEqual([1, 1])
    expect(verify(nth(first.received, 0))).toEqual(verify(nth(second.received, 0), added.secret))
    expect(() => verify(nth(second.received, 0))).toThrow()

    // One Svix message per event: the same svix-id at every endpoint.
    expect(nth(second.received, 0).headers['svix-id']).toBe(
      nth(first.received, 0).headers['svix-id'],
    )

    await fake.control.webhooks.remove(added.webhook_id)
    await fake.control.fail(await newWebview(harness))
    await expect.poll(() => first.received.length).toBe(2)
    // Deliveries are recorded as the event happens: none was started for the removed endpoint.
    expect(await fake.control.webhooks.deliveries({ webhook_id: added.webhook_id })).toHaveLength(1)
    expect(second.received).toHaveLength(1)
  })
})

describe('the fake retries', () => {
  it('a failed attempt, with growing waits: the same svix-id, each attempt signed at its own time, until a 2xx', async () => {
    const endpoint = await receiver(['drop', 500, 503])
    const delays = [50, 200, 400]
    const { fake, harness } = await startFake({
      webhook: { url: endpoint.url, secret: SECRET, retry_delays_ms: delays },
    })
    await fake.control.fail(await newWebview(harness))

    await expect
      .poll(async () => (await fake.control.webhooks.deliveries())[0]?.state)
      .toBe('succeeded')
    const delivery = nth(await fake.control.webhooks.deliveries(), 0)
    expect(delivery.attempts.map((a) => a.status)).toEqual([null, 500, 503, 200])
    expect(endpoint.received).toHaveLength(4)
    expect(new Set(endpoint.received.map((d) => d.headers['svix-id']))).toEqual(
      new Set([delivery.message_id]),
    )
    endpoint.received.forEach((attempt, i) => {
      const signedAt = Number(attempt.headers['svix-timestamp'])
      expect(Math.abs(signedAt - Date.parse(nth(delivery.attempts, i).at) / 1000)).toBeLessThan(2)
    })
    for (const attempt of endpoint.received) expect(() => verify(attempt)).not.toThrow()
    // Each retry waited at least its delay after the attempt before it.
    const times = delivery.attempts.map((a) => Date.parse(a.at))
    delays.forEach((delay, i) =>
      expect(nth(times, i + 1) - nth(times, i)).toBeGreaterThanOrEqual(delay),
    )
  })

  it('gives up when the delays run out: failed after one attempt per delay, plus the first', async () => {
    const endpoint = await receiver([500, 500, 500, 500])
    const { fake, harness } = await startFake({
      webhook: { url: endpoint.url, secret: SECRET, retry_delays_ms: [10, 10] },
    })
    await fake.control.fail(await newWebview(harness))
    await expect
      .poll(async () => (await fake.control.webhooks.deliveries())[0]?.state)
      .toBe('failed')
    const delivery = nth(await fake.control.webhooks.deliveries(), 0)
    expect(delivery.attempts.map((a) => a.status)).toEqual([500, 500, 500])
    expect(endpoint.received).toHaveLength(3)
  })

  it('stops retrying when its endpoint is removed', async () => {
    const endpoint = await receiver([500])
    const { fake, harness } = await startFake()
    const { webhook_id } = await fake.control.webhooks.add({
      url: endpoint.url,
      secret: SECRET,
      retry_delays_ms: [60_000],
    })
    await fake.control.fail(await newWebview(harness))
    await expect
      .poll(async () => (await fake.control.webhooks.deliveries())[0]?.attempts.length)
      .toBe(1)
    await fake.control.webhooks.remove(webhook_id)
    await expect
      .poll(async () => (await fake.control.webhooks.deliveries())[0]?.state)
      .toBe('failed')
    expect(endpoint.received).toHaveLength(1)
  })

  it('stops retrying when the fake stops', async () => {
    const endpoint = await receiver([500])
    const fake = createFakeSeamConnect({
      webhook: { url: endpoint.url, secret: SECRET, retry_delays_ms: [60_000] },
    })
    const harness = fakeControl(fake.url, { fetch: fake.fetch })
    await fake.control.fail(await newWebview(harness))
    await expect
      .poll(async () => (await fake.control.webhooks.deliveries())[0]?.attempts.length)
      .toBe(1)
    expect((await fake.control.webhooks.deliveries())[0]?.state).toBe('pending')
    fake.stop()
    await expect
      .poll(async () => (await fake.control.webhooks.deliveries())[0]?.state)
      .toBe('failed')
    expect(endpoint.received).toHaveLength(1)
  })
})

describe('resending and forging from the control routes', () => {
  it('replay: the same message again, same svix-id, freshly signed', async () => {
    const endpoint = await receiver()
    const { fake, harness } = await startFake({ webhook: { url: endpoint.url, secret: SECRET } })
    await fake.control.fail(await newWebview(harness))
    await expect.poll(() => endpoint.received.length).toBe(1)
    const event = nth(await fake.control.webhooks.events(), 0)

    const [replay] = await fake.control.webhooks.send(event.event_id)
    expect(replay).toMatchObject({
      kind: 'replay',
      state: 'succeeded',
      attempts: [{ status: 200 }],
    })
    expect(endpoint.received).toHaveLength(2)
    const [original, again] = [nth(endpoint.received, 0), nth(endpoint.received, 1)]
    expect(again.headers['svix-id']).toBe(original.headers['svix-id'])
    expect(again.body).toBe(original.body)
    expect(verify(again)).toEqual(event)
  })

  it('bad_signature and stale_timestamp are sent once each, and a Standard Webhooks receiver refuses both', async () => {
    // This receiver answers everything 200; standardwebhooks, below, is the judge.
    const endpoint = await receiver()
    const { fake, harness } = await startFake({ webhook: { url: endpoint.url, secret: SECRET } })
    await fake.control.fail(await newWebview(harness))
    await expect
      .poll(async () => (await fake.control.webhooks.deliveries())[0]?.state)
      .toBe('succeeded')
    const event = nth(await fake.control.webhooks.events(), 0)
    const eventId = event.event_id
    const received = endpoint.received.length

    const [bad] = await fake.control.webhooks.send(eventId, { kind: 'bad_signature' })
    const [stale] = await fake.control.webhooks.send(eventId, { kind: 'stale_timestamp' })
    expect(bad).toMatchObject({ kind: 'bad_signature', attempts: [{ status: 200 }] })
    expect(stale).toMatchObject({ kind: 'stale_timestamp', attempts: [{ status: 200 }] })
    const forged = endpoint.received.slice(received, received + 2)
    expect(forged).toHaveLength(2)
    expect(() => verify(nth(forged, 0))).toThrow(/signature/i)
    expect(() => verify(nth(forged, 1))).toThrow(/timestamp/i)

    // The stale one is correctly signed, only for a time 10 minutes ago: a receiver must check
    // the timestamp, not only the signature.
    const staleDelivery = nth(forged, 1)
    const seconds = Number(staleDelivery.headers['svix-timestamp'])
    expect(Date.now() / 1000 - seconds).toBeGreaterThanOrEqual(600)
    expect(staleDelivery.headers['svix-signature']).toBe(
      new Webhook(SECRET).sign(
        String(staleDelivery.headers['svix-id']),
        new Date(seconds * 1000),
        staleDelivery.body,
      ),
    )
  })

  it('refuses what it cannot do: an unknown event, no endpoint, a malformed secret (never echoed)', async () => {
    const { fake, harness } = await startFake()
    await fake.control.fail(await newWebview(harness))
    const event = nth(await fake.control.webhooks.events(), 0)
    await expect(fake.control.webhooks.send(event.event_id)).rejects.toThrow(
      /404.*webhook_not_found/,
    )
    await expect(fake.control.webhooks.send(crypto.randomUUID())).rejects.toThrow(
      /404.*event_not_found/,
    )
    // Not base64, and unpadded base64 (which standardwebhooks, and so the handler, refuses).
    for (const secret of ['whsec_not base64!', 'whsec_YWJjZA']) {
      const reply = await harness.request('/_fake/webhooks/endpoints', {
        body: { url: 'http://127.0.0.1:9/x', secret },
      })
      expect(reply.status).toBe(400)
      expect(reply.text).not.toContain(secret.slice('whsec_'.length))
    }
    const notHttp = await harness.request('/_fake/webhooks/endpoints', {
      body: { url: 'ftp://127.0.0.1/x' },
    })
    expect(notHttp.status).toBe(400)
    await expect(startFakeSeamConnect({ webhook: { url: 'not a url' } })).rejects.toThrow(TypeError)
    expect(() =>
      createFakeSeamConnect({ webhook: { url: 'http://x.test', secret: 'nope' } }),
    ).toThrow(/createFakeSeamConnect: webhook/)
  })
})
