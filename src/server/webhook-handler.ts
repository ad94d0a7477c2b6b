import { toIssues, type SeamInputIssue } from '../errors/issues.js'
import type { CustomMetadataSchema, MetadataOf } from '../schemas/typed-metadata.js'
import {
  HandlerFailure,
  failureReply,
  internalError,
  methodNotAllowed,
  unauthorized,
} from './envelope.js'
import {
  DEFAULT_MAX_BODY_BYTES,
  checkFunction,
  checkOptionsObject,
  checkPositive,
  checkServerScope,
  problems,
} from './options.js'
import { readTextBody } from './read-body.js'
import { recentIds } from './recent-ids.js'
import {
  parseSeamEvent,
  type ConnectWebviewLoginFailedEvent,
  type ConnectWebviewLoginSucceededEvent,
  type ConnectedAccountConnectedEvent,
  type ConnectedAccountDisconnectedEvent,
  type UnknownSeamEvent,
} from './webhook-events.js'
import {
  freshTimestamp,
  hasValidSignature,
  signatureHeaders,
  webhookFor,
} from './webhook-signature.js'

/**
 * Svix signs each attempt with its time, and Seam retries within seconds
 * (https://docs.seam.co/latest/developer-tools/webhooks): 5 minutes, as Svix's own libraries.
 */
const DEFAULT_TOLERANCE_SECONDS = 300

/** How many delivery and event ids the handler remembers to flag redeliveries. */
const REMEMBERED_IDS = 20_000

/** `E` with `connected_account_custom_metadata` (present when the event names an account) as `M`. */
export type WithEventMetadata<E, M> = {
  [K in keyof E as K extends 'connected_account_custom_metadata' ? never : K]: E[K]
} & { connected_account_custom_metadata?: M }

/** What every delivery says besides its event. */
interface DeliveryInfo {
  /** The delivery's `webhook-id` (or `svix-id`): the same on every retry of one delivery. */
  webhookId: string
  /**
   * This handler already answered 2xx for this `webhookId` or `event_id` (so `onEvent`
   * resolved for it once). Remembered in this process only, for the last 10000 or so
   * deliveries; a delivery whose `onEvent` threw is not remembered, so its retry is not a
   * redelivery. Two instances do not share it: make the handling idempotent itself (README).
   */
  redelivery: boolean
}

/**
 * One verified delivery, by `kind`: one of the four connection events, checked against Seam's
 * event model, with `connected_account_custom_metadata` validated by `schema` when given;
 * `unknown`, any other event type, as sent; `invalid`, a known type that does not match the
 * model or whose metadata `schema` refuses (`issues` say where; the schema's own messages may
 * quote values).
 */
export type SeamWebhookDelivery<S extends CustomMetadataSchema | undefined = undefined> = (
  | {
      kind: 'connected_account.connected'
      event: WithEventMetadata<ConnectedAccountConnectedEvent, MetadataOf<S>>
    }
  | {
      kind: 'connected_account.disconnected'
      event: WithEventMetadata<ConnectedAccountDisconnectedEvent, MetadataOf<S>>
    }
  | {
      kind: 'connect_webview.login_succeeded'
      event: WithEventMetadata<ConnectWebviewLoginSucceededEvent, MetadataOf<S>>
    }
  | { kind: 'connect_webview.login_failed'; event: ConnectWebviewLoginFailedEvent }
  | { kind: 'unknown'; event: UnknownSeamEvent }
  | { kind: 'invalid'; event: UnknownSeamEvent; issues: SeamInputIssue[] }
) &
  DeliveryInfo

/** Options of {@link createSeamWebhookHandler}. */
export interface SeamWebhookHandlerOptions<S extends CustomMetadataSchema | undefined = undefined> {
  /**
   * The endpoint's signing secret, `whsec_...`, as Seam's console shows it for the webhook.
   * Never part of a reply or an error.
   */
  secret: string
  /**
   * Handles one verified delivery. Resolving answers 204; throwing or rejecting answers 500, so
   * Seam delivers it again later. May run more than once for one event: see `redelivery`.
   */
  onEvent: (delivery: SeamWebhookDelivery<S>) => Promise<void> | void
  /** Validates and types `connected_account_custom_metadata`: the app's metadata schema. */
  schema?: S
  /**
   * How far the delivery's signed timestamp may be from now, either way, in seconds
   * (default 300). Older or newer is a 401: a captured delivery cannot be replayed later.
   */
  toleranceSeconds?: number
}

/** A fetch-standard handler for Seam's webhooks. */
export type SeamWebhookHandler = (request: Request) => Promise<Response>

/** A verified event's metadata, run through the app's schema; `issues` when it refuses it. */
async function checkMetadata(
  schema: CustomMetadataSchema,
  event: UnknownSeamEvent,
): Promise<SeamInputIssue[] | { value: unknown }> {
  const metadata = event.connected_account_custom_metadata
  if (metadata === undefined) return { value: undefined }
  const result = await schema['~standard'].validate(metadata)
  if (!result.issues) return { value: result.value }
  return toIssues(
    result.issues.map((issue) => ({
      message: issue.message,
      path: ['connected_account_custom_metadata', ...(issue.path ?? [])],
    })),
    true,
  )
}

/**
 * Receives Seam's webhooks (https://docs.seam.co/latest/developer-tools/webhooks), delivered by
 * Svix, so the app's backend learns of each connection from Seam itself, signed, with the
 * metadata its server set, rather than from a browser that may close or lie. Mount it at the URL
 * given to Seam (any path: it answers every POST); `toNodeListener` adapts it to Node and Express.
 *
 * Every delivery is checked before anything else: the `webhook-*` (or `svix-*`) headers, a
 * timestamp within `toleranceSeconds`, and the signature over the exact body. Any failure is a
 * 401 that does not say which, and `onEvent` is not called. A signed body that is not a JSON
 * object with an `event_type` is a 400 (there is nothing to hand to `onEvent`, and the failure
 * shows in Seam's webhook logs); any other signed event reaches `onEvent` (see
 * {@link SeamWebhookDelivery}): answering an error would only make Seam resend the same bytes.
 *
 * Idempotency: Seam retries a delivery until a 2xx, so `onEvent` can see one event more than
 * once, and in a multi-instance app on another instance than the first time. `redelivery` flags
 * what this instance already handled; the app's own store must still make the handling
 * idempotent (for example a unique constraint on `event_id`).
 *
 * @throws SeamInvalidInputError when an option is missing or unusable (messages never contain
 *   the secret), or in a browser.
 */
export function createSeamWebhookHandler<S extends CustomMetadataSchema | undefined = undefined>(
  options: SeamWebhookHandlerOptions<S>,
): SeamWebhookHandler {
  const { problem, done } = problems('createSeamWebhookHandler')
  checkServerScope(problem, 'secret')
  const given: Partial<SeamWebhookHandlerOptions<S>> = checkOptionsObject(options, problem)
    ? options
    : {}
  const webhook = webhookFor(given.secret)
  if (!webhook) problem(['secret'], "must be the webhook's signing secret (whsec_...)")
  checkFunction(given.onEvent, 'onEvent', problem, false)
  const schema: unknown = given.schema
  if (
    schema !== undefined &&
    (typeof schema !== 'object' || schema === null || !('~standard' in schema))
  ) {
    problem(['schema'], 'must be a Standard Schema (zod, valibot, arktype, ...)')
  }
  const toleranceSeconds = checkPositive(
    given.toleranceSeconds,
    DEFAULT_TOLERANCE_SECONDS,
    'toleranceSeconds',
    problem,
  )
  done()
  const { onEvent } = options
  const handled = recentIds(REMEMBERED_IDS)

  async function deliver(request: Request): Promise<Response> {
    if (request.method !== 'POST') throw methodNotAllowed()
    const headers = signatureHeaders(request.headers)
    const seconds = headers && freshTimestamp(headers.timestamp, toleranceSeconds, Date.now())
    if (!headers || seconds === undefined || !webhook) throw unauthorized()
    // Read once, as text: the signature covers these exact bytes, so nothing may parse (and
    // re-serialise) them first. Not UTF-8 cannot be what Seam signed.
    const body = await readTextBody(request, DEFAULT_MAX_BODY_BYTES).catch((error: unknown) => {
      throw error instanceof HandlerFailure && error.status === 413 ? error : unauthorized()
    })
    if (!hasValidSignature(webhook, headers, seconds, body)) throw unauthorized()

    const parsed = parseSeamEvent(body)
    if (!parsed) throw new HandlerFailure(400, 'invalid_input', 'The body is not a Seam event')
    let delivery = parsed
    if (options.schema && parsed.kind !== 'unknown' && parsed.kind !== 'invalid') {
      const metadata = await checkMetadata(options.schema, parsed.event)
      delivery = Array.isArray(metadata)
        ? { kind: 'invalid', event: parsed.event, issues: metadata }
        : metadata.value === undefined
          ? parsed
          : {
              ...parsed,
              event: { ...parsed.event, connected_account_custom_metadata: metadata.value },
            }
    }
    const ids = [`delivery:${headers.id}`]
    if (typeof parsed.event.event_id === 'string') ids.push(`event:${parsed.event.event_id}`)
    const redelivery = ids.some((key) => handled.has(key))
    try {
      await onEvent({
        ...delivery,
        webhookId: headers.id,
        redelivery,
      } as SeamWebhookDelivery<S>)
    } catch {
      // The app's own failure: Seam retries on any non-2xx. Nothing of it goes into the reply.
      throw internalError()
    }
    for (const key of ids) handled.add(key)
    return new Response(null, { status: 204 })
  }

  return async (request) => {
    try {
      return await deliver(request)
    } catch (error) {
      return failureReply(error instanceof HandlerFailure ? error : internalError())
    }
  }
}
