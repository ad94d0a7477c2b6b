// app/api/seam-webhooks/route.ts (Next.js App Router)
import { seamWebhookHandler } from './seam-webhooks'

export const POST = seamWebhookHandler
