// The page's side of what the demo's server learned from Seam's signed webhooks
// (demo/server/webhook-routes.ts): the signed-in user's records, by the HttpOnly session cookie.
import type { WebhookRecordsReply } from './server/webhook-routes'

export type { WebhookRecordsReply }
export type { WebhookRecord } from './server/webhook-records'

export const WEBHOOK_RECORDS_PATH = '/api/demo/webhooks'
export const webhookRecordsQueryKey = ['demo-webhook-records'] as const

export async function readWebhookRecords(): Promise<WebhookRecordsReply> {
  const response = await fetch(WEBHOOK_RECORDS_PATH)
  if (!response.ok) throw new Error(`The demo's server answered ${response.status}`)
  return (await response.json()) as WebhookRecordsReply
}
