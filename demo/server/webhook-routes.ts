// The demo backend's webhooks: Seam's signed deliveries at WEBHOOK_PATH, verified by the library's
// createSeamWebhookHandler, and what the backend learned from them at WEBHOOK_RECORDS_PATH, for
// the signed-in user only. The server learns of each connection from Seam itself, with the
// metadata it set, whatever happens to the tab that ran the webview.
import { randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Logger, PreviewServer, ViteDevServer } from 'vite'
import {
  createSeamWebhookHandler,
  toNodeListener,
  type SeamWebhookDelivery,
} from '../../src/server/index.js'
import { demoMetadataSchema } from '../metadata.js'
import type { DemoSessions } from './demo-users.js'
import { sendJson } from './http.js'
import type { SeamTarget } from './seam-target.js'
import { WebhookRecords, type WebhookRecord } from './webhook-records.js'

/** Where Seam (or the fake) posts its signed events. */
export const WEBHOOK_PATH = '/api/demo/webhooks/seam'
/** GET: what the backend learned from them, for the signed-in user. */
export const WEBHOOK_RECORDS_PATH = '/api/demo/webhooks'

/** What GET {@link WEBHOOK_RECORDS_PATH} answers. */
export interface WebhookRecordsReply {
  /** Whether this backend receives Seam's webhooks at all (against Seam, only with a secret). */
  receiving: boolean
  /** The signed-in user's connections, newest first. */
  records: WebhookRecord[]
}

type DemoServer = ViteDevServer | PreviewServer
type Delivery = SeamWebhookDelivery<typeof demoMetadataSchema>

export function mountWebhooks(server: DemoServer, seam: SeamTarget, sessions: DemoSessions): void {
  const { logger } = server.config
  const records = new WebhookRecords()
  // The fake signs with whatever secret it is given: a fresh one per run, never written down.
  const secret = seam.registerWebhook ? newWebhookSecret() : seam.webhookSecret
  if (secret) {
    const handler = createSeamWebhookHandler({
      secret,
      schema: demoMetadataSchema,
      onEvent: (delivery) => record(delivery, records, logger),
    })
    // Before the records route: Connect matches by prefix, and that one is a prefix of this one.
    server.middlewares.use(WEBHOOK_PATH, toNodeListener(handler))
    const register = seam.registerWebhook
    if (register) {
      whenListening(server, logger, (origin) => {
        const url = `${origin}${WEBHOOK_PATH}`
        register(url, secret).then(
          () => logger.info(`  Seam webhooks: the fake posts its events to ${url}`),
          // Not the error's message: the fake's validation could quote what it was sent.
          () => logger.error('  Seam webhooks: the fake did not take the webhook endpoint'),
        )
      })
    }
  } else {
    logger.info(
      '  Seam webhooks: not received (set SEAM_WEBHOOK_SECRET to the signing secret of an ' +
        `endpoint for ${WEBHOOK_PATH} in Seam's console)`,
    )
  }
  server.middlewares.use(WEBHOOK_RECORDS_PATH, (req, res) =>
    recordsRoute(req, res, sessions, records, Boolean(secret)),
  )
}

/** As Seam's console shows one: `whsec_` and 24 random bytes in base64. */
const newWebhookSecret = () => `whsec_${randomBytes(24).toString('base64')}`

/**
 * Only connection events name an account and carry its metadata; the schema already checked
 * that metadata (an `invalid` delivery is one it refused), so `your_app_user_id` is the one the
 * server set, signed by Seam.
 */
function record(delivery: Delivery, records: WebhookRecords, logger: Logger): void {
  if (
    delivery.kind === 'connected_account.connected' ||
    delivery.kind === 'connect_webview.login_succeeded'
  ) {
    const { event } = delivery
    const metadata = event.connected_account_custom_metadata
    // Without the server's user id there is no telling whose connection it is.
    if (!metadata) return
    records.add({
      event_id: event.event_id,
      event_type: event.event_type,
      connected_account_id: event.connected_account_id,
      connect_webview_id: event.connect_webview_id,
      metadata,
      redelivery: delivery.redelivery,
    })
  } else if (delivery.kind === 'invalid') {
    // Answered 2xx all the same: Seam would only resend the same bytes. Paths, not values.
    const paths = delivery.issues.map((issue) => issue.path.join('.')).join(', ')
    logger.warn(
      `Seam webhook: ${delivery.event.event_type} refused by the demo's schema (${paths})`,
    )
  }
}

function recordsRoute(
  req: IncomingMessage,
  res: ServerResponse,
  sessions: DemoSessions,
  records: WebhookRecords,
  receiving: boolean,
): void {
  // Connect hands this route every path under it (WEBHOOK_PATH too, when it is not mounted).
  if (new URL(req.url ?? '/', 'http://demo.invalid').pathname !== '/') {
    return sendJson(res, 404, { error: 'not found' })
  }
  if (req.method !== 'GET') return sendJson(res, 405, { error: 'method not allowed' })
  const user = sessions.userOf(req.headers.cookie ?? null)
  if (!user) return sendJson(res, 401, { error: 'not signed in' })
  sendJson(res, 200, { receiving, records: records.of(user.id) } satisfies WebhookRecordsReply)
}

/** Calls `then` with the server's own origin once it listens (Vite listens after the plugins). */
function whenListening(server: DemoServer, logger: Logger, then: (origin: string) => void): void {
  const http = server.httpServer
  if (!http) {
    logger.info('  Seam webhooks: Vite runs as middleware, with no URL of its own to give the fake')
    return
  }
  const go = () => {
    const address = http.address()
    if (address && typeof address === 'object') then(originOf(address))
  }
  if (http.listening) go()
  else http.once('listening', go)
}

function originOf({ address, port }: AddressInfo): string {
  // A server on every interface is reachable on loopback, where the fake runs.
  const host = address === '0.0.0.0' ? '127.0.0.1' : address === '::' ? '::1' : address
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`
}
