// /_fake/webhooks/: register the endpoints the fake signs and posts its events to, read the
// events and every delivery attempt, and resend an event (as is, or forged to test a receiver).
import { Hono } from 'hono'
import type { FakeEnv } from '../http/env.js'
import { FakeSeamError, parseInput } from '../http/errors.js'
import { readParams } from '../http/params.js'
import type { FakeStore } from '../state/store.js'
import type { OkReply } from './replies.js'
import {
  webhookDeliveriesQuerySchema,
  webhookEndpointInputSchema,
  webhookIdSchema,
  webhookSendSchema,
  type WebhookDeliveriesReply,
  type WebhookEndpointReply,
  type WebhookEndpointsReply,
  type WebhookEventsReply,
} from './webhook-schemas.js'

export function createWebhookRoutes(store: FakeStore): Hono<FakeEnv> {
  const routes = new Hono<FakeEnv>()
  const { webhooks } = store

  routes.post('/endpoints', async (c) => {
    const input = parseInput(webhookEndpointInputSchema, await readParams(c.req))
    return c.json({
      webhook_endpoint: webhooks.addEndpoint(input),
      ok: true,
    } satisfies WebhookEndpointReply)
  })

  routes.get('/endpoints', (c) =>
    c.json({ webhook_endpoints: webhooks.endpoints(), ok: true } satisfies WebhookEndpointsReply),
  )

  routes.post('/endpoints/remove', async (c) => {
    const { webhook_id: id } = parseInput(webhookIdSchema, await readParams(c.req))
    if (!webhooks.removeEndpoint(id)) throw noEndpoint()
    return c.json({ ok: true } satisfies OkReply)
  })

  routes.get('/events', (c) =>
    c.json({ events: webhooks.events(), ok: true } satisfies WebhookEventsReply),
  )

  routes.get('/deliveries', async (c) => {
    const filter = parseInput(webhookDeliveriesQuerySchema, await readParams(c.req))
    return c.json({
      deliveries: webhooks.deliveries(filter),
      ok: true,
    } satisfies WebhookDeliveriesReply)
  })

  routes.post('/send', async (c) => {
    const input = parseInput(webhookSendSchema, await readParams(c.req))
    if (!webhooks.hasEvent(input.event_id))
      throw new FakeSeamError(404, 'event_not_found', 'No event with that event_id')
    const targets = webhooks
      .endpoints()
      .filter(({ webhook_id }) => input.webhook_id === undefined || webhook_id === input.webhook_id)
    // Sending to nobody would look like success to a test that forgot to register its endpoint.
    if (targets.length === 0) throw noEndpoint()
    return c.json({
      deliveries: await webhooks.send(input.event_id, input.kind ?? 'replay', input.webhook_id),
      ok: true,
    } satisfies WebhookDeliveriesReply)
  })

  return routes
}

const noEndpoint = () =>
  new FakeSeamError(404, 'webhook_not_found', 'No webhook endpoint with that webhook_id')
