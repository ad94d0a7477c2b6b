import { createSeamWebhookHandler } from 'react-seam-connect/server'
import * as z from 'zod'
import { linkConnectedAccount } from './connections'

// The endpoint you add in Seam's console, for connected_account.connected. Its user_id is the
// trusted pair seam-handler.ts set on the server, never a value the browser chose, and the event
// is signed by Seam: together they say whose account this is, even if the tab closed first.
export const seamWebhookHandler = createSeamWebhookHandler({
  // Throws when this module loads unless it is the endpoint's signing secret (whsec_...): set it
  // wherever the module is imported, build steps that load it included.
  secret: process.env.SEAM_WEBHOOK_SECRET ?? '',
  schema: z.object({ user_id: z.string() }),
  async onEvent(delivery) {
    if (delivery.kind === 'invalid') {
      // Where, not what: the metadata's values may be personal data.
      const where = delivery.issues.map((issue) => issue.path.join('.'))
      console.warn('Seam webhook not as expected:', delivery.event.event_type, where)
      return
    }
    if (delivery.kind !== 'connected_account.connected') return
    const event = delivery.event
    const userId = event.connected_account_custom_metadata?.user_id
    if (!userId) return
    // Idempotent (see connections.ts): Seam retries until a 2xx, so an event can come twice.
    await linkConnectedAccount({
      connectedAccountId: event.connected_account_id,
      userId,
      connectWebviewId: event.connect_webview_id ?? null,
      occurredAt: event.occurred_at,
    })
  },
})
