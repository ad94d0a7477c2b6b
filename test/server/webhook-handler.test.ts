// createSeamWebhookHandler over real HTTP (toNodeListener on 127.0.0.1), fed deliveries signed
// the way Svix signs Seam's: with standardwebhooks' own Webhook.sign, at explicit timestamps.
import express from 'express'
import { randomBytes, randomUUID } from 'node:crypto'
import { Webhook } from 'standardwebhooks'
import { describe, expect, it, onTestFinished } from 'vitest'
import * as z from 'zod'
import { isSeamInvalidInputError } from '../../src/errors/errors'
import {
  createSeamWebhookHandler,
  toNodeListener,
  type SeamWebhookDelivery,
  type SeamWebhookHandlerOptions,
} from '../../src/server/index'
import { fakeControl, uniqueUser } from '../../fake/control-client'
import { startFakeSeamConnect } from '../../fake/node-server'
import { listen } from './support/harness'

const newSecret = () => `whsec_${randomBytes(24).toString('base64')}`

/** The app's metadata schema, as elsewhere in the app. */
const metadataSchema = z.object({ user_id: z.string(), admin: z.optional(z.boolean()) })

/** A `connected_account.connected` event as Seam's event model has it. */
const connectedEvent = (metadata: Record<string, unknown> = { user_id: 'u_42' }) => ({
  event_id: randomUUID(),
  event_type: 'connected_account.connected',
  workspace_id: randomUUID(),
  created_at: '2026-12-03T08:00:00.000Z',
  occurred_at: '2026-12-03T08:00:00.000Z',
  connected_account_id: randomUUID(),
  connect_webview_id: randomUUID(),
  connected_account_custom_metadata: metadata,
})

interface SignOptions {
  secret: string
  /** The delivery id: the same on every retry of one delivery. */
  id?: string
  /** Seconds from now the delivery was signed at. */
  age?: number
  prefix?: 'webhook' | 'svix'
}

/** The headers Svix sends with `body`, signed with `secret` `age` seconds ago. */
function signed(
  body: string,
  { secret, id = `msg_${randomUUID()}`, age = 0, prefix = 'webhook' }: SignOptions,
) {
  const at = new Date(Date.now() - age * 1000)
  return {
    'content-type': 'application/json',
    [`${prefix}-id`]: id,
    [`${prefix}-timestamp`]: String(Math.floor(at.getTime() / 1000)),
    [`${prefix}-signature`]: new Webhook(secret).sign(id, at, body),
  }
}

/**
 * A handler behind toNodeListener on 127.0.0.1, recording what reaches `onEvent`, and every
 * reply's body (so each test can check that no secret or signature is in one).
 */
async function start(
  options: Partial<SeamWebhookHandlerOptions<typeof metadataSchema | undefined>> = {},
) {
  const secret = options.secret ?? newSecret()
  const deliveries: SeamWebhookDelivery<typeof metadataSchema>[] = []
  const handler = createSeamWebhookHandler({
    secret,
    schema: metadataSchema,
    ...options,
    onEvent: async (delivery) => {
      deliveries.push(delivery as SeamWebhookDelivery<typeof metadataSchema>)
      await options.onEvent?.(delivery)
    },
  })
  const { url } = await listen(toNodeListener(handler))
  const replies: string[] = []
  const sentSignatures: string[] = []
  const post = async (body: string, headers: Record<string, string>) => {
    for (const [name, value] of Object.entries(headers)) {
      if (name.endsWith('-signature')) sentSignatures.push(value)
    }
    const response = await fetch(`${url}/webhooks/seam`, { method: 'POST', headers, body })
    const text = await response.text()
    replies.push(text)
    return { status: response.status, text }
  }
  /** Nothing secret in any reply: not the secret, its key, or a signature sent. */
  const expectNothingSecret = () => {
    const key = secret.slice('whsec_'.length)
    for (const reply of replies) {
      expect(reply).not.toContain(key)
      for (const signature of sentSignatures) {
        expect(reply).not.toContain(signature.slice('v1,'.length))
      }
    }
  }
  return { secret, url: `${url}/webhooks/seam`, deliveries, post, expectNothingSecret }
}

const UNAUTHORIZED = JSON.stringify({
  error: { type: 'unauthorized', message: 'Unauthorized' },
  ok: false,
})

describe('createSeamWebhookHandler: a valid delivery', () => {
  it('delivers a signed connected_account.connected once, with its metadata typed by the schema, and answers 204', async () => {
    const { secret, deliveries, post, expectNothingSecret } = await start()
    const event = connectedEvent({ user_id: 'u_42', admin: true })
    const body = JSON.stringify(event)
    const headers = signed(body, { secret, id: 'msg_first' })
    const reply = await post(body, headers)
    expect(reply).toEqual({ status: 204, text: '' })
    expect(deliveries).toHaveLength(1)
    const [delivery] = deliveries
    expect(delivery).toMatchObject({
      kind: 'connected_account.connected',
      webhookId: 'msg_first',
      redelivery: false,
    })
    if (delivery?.kind !== 'connected_account.connected') throw new Error('not a connection')
    expect(delivery.event).toEqual(event)
    expect(delivery.event.connected_account_custom_metadata?.user_id).toBe('u_42')
    expectNothingSecret()
  })

  it("accepts Svix's svix-id, svix-timestamp and svix-signature headers", async () => {
    const { secret, deliveries, post } = await start()
    const body = JSON.stringify(connectedEvent())
    const reply = await post(body, signed(body, { secret, prefix: 'svix' }))
    expect(reply.status).toBe(204)
    expect(deliveries.map((d) => d.kind)).toEqual(['connected_account.connected'])
  })

  it('parses the four connection events of the event model', async () => {
    const { secret, deliveries, post } = await start()
    const common = {
      workspace_id: randomUUID(),
      created_at: '2026-12-03T08:00:00.000Z',
      occurred_at: '2026-12-03T08:00:01.000Z',
    }
    const accountId = randomUUID()
    const webviewId = randomUUID()
    const events = [
      {
        ...common,
        event_id: randomUUID(),
        event_type: 'connect_webview.login_succeeded',
        connect_webview_id: webviewId,
        connected_account_id: accountId,
        connected_account_custom_metadata: { user_id: 'u_7' },
      },
      {
        ...common,
        event_id: randomUUID(),
        event_type: 'connected_account.disconnected',
        connected_account_id: accountId,
        connected_account_custom_metadata: { user_id: 'u_7' },
        connected_account_errors: [
          {
            error_code: 'account_disconnected',
            message: 'Account disconnected',
            created_at: '2026-12-03T08:00:01.000Z',
            is_connected_account_error: true,
          },
        ],
      },
      {
        ...common,
        event_id: randomUUID(),
        event_type: 'connect_webview.login_failed',
        connect_webview_id: webviewId,
      },
    ]
    for (const event of events) {
      const body = JSON.stringify(event)
      expect((await post(body, signed(body, { secret }))).status).toBe(204)
    }
    expect(deliveries.map((d) => [d.kind, d.event])).toEqual(
      events.map((event) => [event.event_type, event]),
    )
  })

  it('passes another event type on as unknown, as sent', async () => {
    const { secret, deliveries, post } = await start()
    const event = {
      event_id: randomUUID(),
      event_type: 'device.low_battery',
      workspace_id: randomUUID(),
      created_at: '2026-12-03T08:00:00.000Z',
      occurred_at: '2026-12-03T08:00:00.000Z',
      device_id: randomUUID(),
      battery_level: 0.1,
    }
    const body = JSON.stringify(event)
    expect((await post(body, signed(body, { secret }))).status).toBe(204)
    expect(deliveries).toEqual([
      { kind: 'unknown', event, webhookId: expect.any(String), redelivery: false },
    ])
  })
})

describe('createSeamWebhookHandler: refusals', () => {
  const refusals: [
    string,
    (secret: string) => { body: string; headers: Record<string, string> },
  ][] = [
    [
      'a tampered body',
      (secret) => {
        const body = JSON.stringify(connectedEvent({ user_id: 'u_42' }))
        return { body: body.replace('u_42', 'u_66'), headers: signed(body, { secret }) }
      },
    ],
    [
      'a wrong secret',
      () => {
        const body = JSON.stringify(connectedEvent())
        return { body, headers: signed(body, { secret: newSecret() }) }
      },
    ],
    [
      'a stale timestamp (6 minutes old)',
      (secret) => {
        const body = JSON.stringify(connectedEvent())
        return { body, headers: signed(body, { secret, age: 360 }) }
      },
    ],
    [
      'a future timestamp (6 minutes ahead)',
      (secret) => {
        const body = JSON.stringify(connectedEvent())
        return { body, headers: signed(body, { secret, age: -360 }) }
      },
    ],
    ...(['id', 'timestamp', 'signature'] as const).map(
      (name): [string, (secret: string) => { body: string; headers: Record<string, string> }] => [
        `a missing webhook-${name} header`,
        (secret) => {
          const body = JSON.stringify(connectedEvent())
          const headers = Object.entries(signed(body, { secret })).filter(
            ([header]) => header !== `webhook-${name}`,
          )
          return { body, headers: Object.fromEntries(headers) }
        },
      ],
    ),
    [
      'no signature headers at all',
      () => ({
        body: JSON.stringify(connectedEvent()),
        headers: { 'content-type': 'application/json' },
      }),
    ],
    [
      'headers mixed from both families',
      (secret) => {
        const body = JSON.stringify(connectedEvent())
        const { 'webhook-signature': signature, ...rest } = signed(body, { secret })
        return { body, headers: { ...rest, 'svix-signature': signature ?? '' } }
      },
    ],
    [
      'a signature of another scheme version',
      (secret) => {
        const body = JSON.stringify(connectedEvent())
        const headers = signed(body, { secret })
        headers['webhook-signature'] = headers['webhook-signature']?.replace(/^v1,/, 'v2,') ?? ''
        return { body, headers }
      },
    ],
    [
      'a timestamp that is not a whole number',
      (secret) => {
        const body = JSON.stringify(connectedEvent())
        const headers = signed(body, { secret })
        headers['webhook-timestamp'] = `${headers['webhook-timestamp']}.5`
        return { body, headers }
      },
    ],
  ]

  it.each(refusals)(
    '%s is refused with 401, says not why, and never reaches onEvent',
    async (_, make) => {
      const { secret, deliveries, post, expectNothingSecret } = await start()
      const { body, headers } = make(secret)
      expect(await post(body, headers)).toEqual({ status: 401, text: UNAUTHORIZED })
      expect(deliveries).toEqual([])
      expectNothingSecret()
    },
  )

  it('toleranceSeconds narrows and widens the window, beyond standardwebhooks’ fixed 5 minutes', async () => {
    const narrow = await start({ toleranceSeconds: 30 })
    const body = JSON.stringify(connectedEvent())
    expect(
      (await narrow.post(body, signed(body, { secret: narrow.secret, age: 120 }))).status,
    ).toBe(401)
    expect(narrow.deliveries).toEqual([])

    const wide = await start({ toleranceSeconds: 3600 })
    const late = JSON.stringify(connectedEvent())
    expect((await wide.post(late, signed(late, { secret: wide.secret, age: 1200 }))).status).toBe(
      204,
    )
    expect((await wide.post(late, signed(late, { secret: wide.secret, age: -1200 }))).status).toBe(
      204,
    )
    expect((await wide.post(late, signed(late, { secret: wide.secret, age: 3700 }))).status).toBe(
      401,
    )
    expect(wide.deliveries).toHaveLength(2)
  })

  it('refuses a body over 128 KiB with 413 without calling onEvent', async () => {
    const { secret, deliveries, post } = await start()
    const body = JSON.stringify({ ...connectedEvent(), padding: 'x'.repeat(140 * 1024) })
    expect((await post(body, signed(body, { secret }))).status).toBe(413)
    expect(deliveries).toEqual([])
  })

  it('answers 405 to another method', async () => {
    const handler = createSeamWebhookHandler({ secret: newSecret(), onEvent: () => undefined })
    const response = await handler(new Request('http://localhost/webhooks/seam'))
    expect(response.status).toBe(405)
  })

  it('refuses a secret that is not a signing secret, without repeating it', () => {
    for (const secret of ['seam_live_abc', '', 'whsec_not base64!', undefined]) {
      let thrown: unknown
      try {
        createSeamWebhookHandler({ secret: secret as string, onEvent: () => undefined })
      } catch (error) {
        thrown = error
      }
      expect(isSeamInvalidInputError(thrown)).toBe(true)
      expect(String((thrown as Error).message)).toContain("secret must be the webhook's signing")
      if (secret) expect(String((thrown as Error).message)).not.toContain(secret)
    }
  })
})

describe('createSeamWebhookHandler: outcomes', () => {
  it('flags a redelivery: the same delivery again, or the same event_id in a new delivery', async () => {
    const { secret, deliveries, post } = await start()
    const event = connectedEvent()
    const body = JSON.stringify(event)
    expect((await post(body, signed(body, { secret, id: 'msg_a' }))).status).toBe(204)
    expect((await post(body, signed(body, { secret, id: 'msg_a', age: 5 }))).status).toBe(204)
    expect((await post(body, signed(body, { secret, id: 'msg_b' }))).status).toBe(204)
    const other = JSON.stringify(connectedEvent())
    expect((await post(other, signed(other, { secret, id: 'msg_c' }))).status).toBe(204)
    expect(deliveries.map((d) => [d.webhookId, d.redelivery])).toEqual([
      ['msg_a', false],
      ['msg_a', true],
      ['msg_b', true],
      ['msg_c', false],
    ])
  })

  it('answers 500 without details when onEvent throws, and the retry of that delivery then succeeds (not a redelivery)', async () => {
    let failing = true
    const { secret, deliveries, post, expectNothingSecret } = await start({
      onEvent: () => {
        if (failing) throw new Error(`database down, secret ${secret}`)
      },
    })
    const body = JSON.stringify(connectedEvent())
    const first = await post(body, signed(body, { secret, id: 'msg_retry' }))
    expect(first.status).toBe(500)
    expect(first.text).not.toContain('database')
    expect(JSON.parse(first.text)).toEqual({
      error: { type: 'internal_server_error', message: 'Internal server error' },
      ok: false,
    })
    failing = false
    // Svix signs each attempt again, at its own time.
    const retry = await post(body, signed(body, { secret, id: 'msg_retry' }))
    expect(retry.status).toBe(204)
    expect(deliveries.map((d) => [d.webhookId, d.redelivery])).toEqual([
      ['msg_retry', false],
      ['msg_retry', false],
    ])
    expectNothingSecret()
  })

  it('also answers 500 when onEvent rejects', async () => {
    const { secret, post } = await start({ onEvent: () => Promise.reject(new Error('nope')) })
    const body = JSON.stringify(connectedEvent())
    expect((await post(body, signed(body, { secret }))).status).toBe(500)
  })

  it('delivers metadata the schema refuses as invalid, with issues, and answers 204', async () => {
    const { secret, deliveries, post } = await start()
    const event = connectedEvent({ tenant: 't9' })
    const body = JSON.stringify(event)
    expect((await post(body, signed(body, { secret }))).status).toBe(204)
    expect(deliveries).toEqual([
      {
        kind: 'invalid',
        event,
        issues: [
          expect.objectContaining({ path: ['connected_account_custom_metadata', 'user_id'] }),
        ],
        webhookId: expect.any(String),
        redelivery: false,
      },
    ])
  })

  it('delivers a known event type that does not match the event model as invalid', async () => {
    const { secret, deliveries, post } = await start()
    const { connected_account_id: _, ...event } = connectedEvent()
    const body = JSON.stringify(event)
    expect((await post(body, signed(body, { secret }))).status).toBe(204)
    expect(deliveries).toEqual([
      expect.objectContaining({
        kind: 'invalid',
        event,
        issues: [expect.objectContaining({ path: ['connected_account_id'] })],
      }),
    ])
  })

  it('without a schema, passes the metadata as Seam sent it', async () => {
    const { secret, deliveries, post } = await start({ schema: undefined })
    const event = connectedEvent({ anything: 'goes', flag: false })
    const body = JSON.stringify(event)
    expect((await post(body, signed(body, { secret }))).status).toBe(204)
    expect(deliveries.map((d) => [d.kind, d.event])).toEqual([
      ['connected_account.connected', event],
    ])
  })

  it('answers 400 to a signed body that is not an event, without calling onEvent', async () => {
    const { secret, deliveries, post } = await start()
    for (const body of ['not json', '[]', '{"event_type":42}', '']) {
      expect((await post(body, signed(body, { secret }))).status).toBe(400)
    }
    expect(deliveries).toEqual([])
  })
})

describe('createSeamWebhookHandler, with the fake sending', () => {
  it('a throwing onEvent answers 500, then the fake’s retry succeeds, delivered once with typed metadata', async () => {
    let failures = 1
    const handler = await start({
      onEvent: ({ kind }) => {
        if (kind === 'connected_account.connected' && failures-- > 0) throw new Error('db down')
      },
    })
    const fake = await startFakeSeamConnect({
      webhook: { url: handler.url, secret: handler.secret, retry_delays_ms: [50] },
    })
    onTestFinished(() => fake.stop())
    const harness = fakeControl(fake.url)
    const session = await harness.newSession(uniqueUser('webhook-retry'))
    const webview = await harness.createWebview(session.headers, {
      custom_metadata: { user_id: 'u_42', admin: true },
    })
    const { connected_account: account } = await fake.control.complete(webview.connect_webview_id)

    await expect
      .poll(async () =>
        (await fake.control.webhooks.deliveries())
          .map((d) => [d.event_type, d.state, d.attempts.map((a) => a.status)])
          .sort(),
      )
      .toEqual([
        ['connect_webview.login_succeeded', 'succeeded', [204]],
        ['connected_account.connected', 'succeeded', [500, 204]],
      ])
    const connected = handler.deliveries.filter((d) => d.kind === 'connected_account.connected')
    // onEvent saw it twice (it threw the first time); neither is a redelivery, as none had
    // succeeded before.
    expect(connected.map((d) => d.redelivery)).toEqual([false, false])
    const [, delivered] = connected
    if (delivered?.kind !== 'connected_account.connected') throw new Error('not delivered')
    expect(delivered.event.connected_account_id).toBe(account.connected_account_id)
    const metadata: { user_id: string; admin?: boolean } | undefined =
      delivered.event.connected_account_custom_metadata
    expect(metadata).toEqual({ user_id: 'u_42', admin: true })
  })
})

describe('createSeamWebhookHandler behind Express', () => {
  it('verifies the exact bytes behind express.raw(), and refuses a body express.json() re-serialised', async () => {
    const secret = newSecret()
    const kinds: string[] = []
    const handler = createSeamWebhookHandler({
      secret,
      onEvent: (delivery) => void kinds.push(delivery.kind),
    })
    const app = express()
    app.post('/raw', express.raw({ type: 'application/json' }), toNodeListener(handler))
    app.post('/json', express.json(), toNodeListener(handler))
    const { url } = await listen(app)
    // Laid out as JSON.stringify would not: re-serialising changes the bytes.
    const body = JSON.stringify(connectedEvent(), null, 2)
    const send = (path: string) =>
      fetch(`${url}${path}`, { method: 'POST', headers: signed(body, { secret }), body })
    expect((await send('/raw')).status).toBe(204)
    expect((await send('/json')).status).toBe(401)
    expect(kinds).toEqual(['connected_account.connected'])
  })
})
