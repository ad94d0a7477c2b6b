// createSeamWebhookHandler's types: `onEvent` sees the schema's metadata type on the connection
// events, narrows by `kind`, and an unusable handler does not compile.
import { describe, expectTypeOf, it } from 'vitest'
import * as z from 'zod'
import {
  createSeamWebhookHandler,
  toNodeListener,
  type NodeListener,
  type SeamWebhookDelivery,
  type SeamWebhookHandler,
} from '../../src/server/index'

const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'
const schema = z.object({ user_id: z.string(), admin: z.optional(z.boolean()) })

describe('createSeamWebhookHandler', () => {
  it('returns a fetch-standard handler that toNodeListener adapts', () => {
    const handler = createSeamWebhookHandler({ secret, onEvent: () => undefined })
    expectTypeOf(handler).toEqualTypeOf<SeamWebhookHandler>()
    expectTypeOf(handler).toEqualTypeOf<(request: Request) => Promise<Response>>()
    expectTypeOf(toNodeListener(handler)).toEqualTypeOf<NodeListener>()
  })

  it("types the connection events' metadata with the schema's output", () => {
    createSeamWebhookHandler({
      secret,
      schema,
      onEvent: (delivery) => {
        expectTypeOf(delivery).toEqualTypeOf<SeamWebhookDelivery<typeof schema>>()
        expectTypeOf(delivery.redelivery).toEqualTypeOf<boolean>()
        expectTypeOf(delivery.webhookId).toEqualTypeOf<string>()
        if (delivery.kind === 'connected_account.connected') {
          expectTypeOf(delivery.event.connected_account_custom_metadata).toEqualTypeOf<
            { user_id: string; admin?: boolean | undefined } | undefined
          >()
          expectTypeOf(delivery.event.connected_account_id).toEqualTypeOf<string>()
          expectTypeOf(delivery.event.connect_webview_id).toEqualTypeOf<string | undefined>()
          expectTypeOf(delivery.event.event_id).toEqualTypeOf<string>()
        }
        if (delivery.kind === 'connect_webview.login_succeeded') {
          expectTypeOf(delivery.event.connect_webview_id).toEqualTypeOf<string>()
          expectTypeOf(delivery.event.connected_account_custom_metadata?.user_id).toEqualTypeOf<
            string | undefined
          >()
        }
        if (delivery.kind === 'connected_account.disconnected') {
          expectTypeOf(delivery.event.connected_account_errors[0]?.error_code).toEqualTypeOf<
            string | undefined
          >()
        }
        if (delivery.kind === 'unknown')
          expectTypeOf(delivery.event.event_type).toEqualTypeOf<string>()
        if (delivery.kind === 'invalid') expectTypeOf(delivery.issues).toBeArray()
      },
    })
  })

  it('without a schema, metadata is plain strings and booleans', () => {
    createSeamWebhookHandler({
      secret,
      onEvent: async (delivery) => {
        if (delivery.kind === 'connected_account.connected') {
          expectTypeOf(delivery.event.connected_account_custom_metadata).toEqualTypeOf<
            Record<string, string | boolean> | undefined
          >()
        }
      },
    })
  })

  it('does not compile without a secret or onEvent, with a bad schema, or reading a field a kind lacks', () => {
    // @ts-expect-error -- the secret is required
    createSeamWebhookHandler({ onEvent: () => undefined })
    // @ts-expect-error -- onEvent is required
    createSeamWebhookHandler({ secret })
    createSeamWebhookHandler({
      secret,
      // @ts-expect-error -- Seam stores strings and booleans: a number field cannot be metadata
      schema: z.object({ count: z.number() }),
      onEvent: () => undefined,
    })
    createSeamWebhookHandler({
      secret,
      schema,
      onEvent: (delivery) => {
        if (delivery.kind === 'connected_account.connected') {
          // @ts-expect-error -- the schema has no such key
          void delivery.event.connected_account_custom_metadata?.tenant
        }
        if (delivery.kind === 'connect_webview.login_failed') {
          // A failed login names no account: a field Seam may add later is only `unknown`.
          expectTypeOf(delivery.event.connected_account_id).toEqualTypeOf<unknown>()
          // @ts-expect-error -- so it cannot be used as an id
          void delivery.event.connected_account_id.length
        }
        // @ts-expect-error -- not narrowed: only some kinds name a connected account
        void delivery.event.connected_account_id.length
      },
    })
    createSeamWebhookHandler({
      secret,
      // @ts-expect-error -- onEvent resolves to nothing; the reply is the handler's
      onEvent: (delivery: SeamWebhookDelivery) => delivery.webhookId,
    })
  })
})
