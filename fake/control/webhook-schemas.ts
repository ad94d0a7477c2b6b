// What the /_fake/webhooks/ control routes accept and answer (see fake/webhooks/dispatcher.ts).
import { z } from 'zod'
import type {
  FakeWebhookDelivery,
  FakeWebhookEndpoint,
  FakeWebhookEndpointInput,
} from '../webhooks/dispatcher.js'
import type { FakeSeamEvent } from '../webhooks/events.js'
import { isWebhookSecret } from '../webhooks/signature.js'

export const webhookEndpointInputSchema: z.ZodType<FakeWebhookEndpointInput> = z.strictObject({
  url: z.url({ protocol: /^https?$/ }),
  secret: z
    .string()
    .refine(isWebhookSecret, { message: 'Expected a signing secret: whsec_ and base64' })
    .optional(),
  headers: z.enum(['svix', 'webhook']).optional(),
  retry_delays_ms: z.array(z.number().int().min(0).max(60_000)).max(10).optional(),
})

/** A `webhook` option of `startFakeSeamConnect` / `createFakeSeamConnect`, checked (TypeError). */
export function checkWebhookOption(
  where: string,
  input: FakeWebhookEndpointInput,
): FakeWebhookEndpointInput {
  const result = webhookEndpointInputSchema.safeParse(input)
  if (!result.success) throw new TypeError(`${where}: webhook: ${z.prettifyError(result.error)}`)
  return result.data
}

export const webhookIdSchema = z.strictObject({ webhook_id: z.uuid() })

export const webhookDeliveriesQuerySchema = z.strictObject({
  event_id: z.uuid().optional(),
  webhook_id: z.uuid().optional(),
})

export const webhookSendSchema = z.strictObject({
  event_id: z.uuid(),
  /** Default `replay`. */
  kind: z.enum(['replay', 'bad_signature', 'stale_timestamp']).optional(),
  /** Only to this endpoint; default: every endpoint. */
  webhook_id: z.uuid().optional(),
})

export type WebhookSendInput = z.input<typeof webhookSendSchema>

// --- replies ---

const ok = z.literal(true)
const id = z.uuid()
const time = z.iso.datetime()
const metadata = z.record(z.string(), z.union([z.string(), z.boolean()]))
const eventBase = { event_id: id, workspace_id: id, created_at: time, occurred_at: time }

export const fakeSeamEventSchema: z.ZodType<FakeSeamEvent> = z.discriminatedUnion('event_type', [
  z.strictObject({
    ...eventBase,
    event_type: z.literal('connected_account.connected'),
    connected_account_id: id,
    connected_account_custom_metadata: metadata,
    connect_webview_id: id,
    customer_key: z.string().optional(),
  }),
  z.strictObject({
    ...eventBase,
    event_type: z.literal('connect_webview.login_succeeded'),
    connect_webview_id: id,
    connected_account_id: id,
    connected_account_custom_metadata: metadata,
    customer_key: z.string().optional(),
  }),
  z.strictObject({
    ...eventBase,
    event_type: z.literal('connect_webview.login_failed'),
    connect_webview_id: id,
  }),
])

const endpointSchema: z.ZodType<FakeWebhookEndpoint> = z.strictObject({
  webhook_id: id,
  url: z.string(),
  secret: z.string(),
  headers: z.enum(['svix', 'webhook']),
  retry_delays_ms: z.array(z.number()),
})

const deliverySchema: z.ZodType<FakeWebhookDelivery> = z.strictObject({
  message_id: z.string(),
  webhook_id: id,
  event_id: id,
  event_type: z.string(),
  kind: z.enum(['event', 'replay', 'bad_signature', 'stale_timestamp']),
  state: z.enum(['pending', 'succeeded', 'failed']),
  attempts: z.array(z.strictObject({ at: time, status: z.number().int().nullable() })),
})

export interface WebhookEndpointReply {
  webhook_endpoint: FakeWebhookEndpoint
  ok: true
}
export interface WebhookEndpointsReply {
  webhook_endpoints: FakeWebhookEndpoint[]
  ok: true
}
export interface WebhookEventsReply {
  events: FakeSeamEvent[]
  ok: true
}
export interface WebhookDeliveriesReply {
  deliveries: FakeWebhookDelivery[]
  ok: true
}

export const webhookEndpointReplySchema: z.ZodType<WebhookEndpointReply> = z.strictObject({
  webhook_endpoint: endpointSchema,
  ok,
})
export const webhookEndpointsReplySchema: z.ZodType<WebhookEndpointsReply> = z.strictObject({
  webhook_endpoints: z.array(endpointSchema),
  ok,
})
export const webhookEventsReplySchema: z.ZodType<WebhookEventsReply> = z.strictObject({
  events: z.array(fakeSeamEventSchema),
  ok,
})
export const webhookDeliveriesReplySchema: z.ZodType<WebhookDeliveriesReply> = z.strictObject({
  deliveries: z.array(deliverySchema),
  ok,
})
