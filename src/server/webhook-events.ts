import * as z from 'zod/mini'
import { toIssues, type SeamInputIssue } from '../errors/issues.js'
import { customMetadataSchema } from '../schemas/custom-metadata.js'
import { isPlainObject } from '../internal/plain-object.js'

// The connection events of Seam's event model, as `@seamapi/types` declares them
// (src/lib/seam/connect/models/events/common.ts, connected-accounts.ts, connect-webviews.ts) and
// docs/seam-api.md §5.4 describes them; Seam's webhook body is the event object itself (same
// section). Objects are loose: a field Seam adds later is kept, never a reason to refuse the event.

/** Seam's ids are UUIDs; `guid` checks the shape without the RFC variant bits, as zod 3's did. */
const id = z.guid()
const timestamp = z.iso.datetime()

/** Fields every Seam event has (`common_event`). */
const commonEvent = {
  event_id: id,
  workspace_id: id,
  created_at: timestamp,
  occurred_at: timestamp,
}

/** Present when the event names a connected account (the model makes it optional). */
const accountMetadata = z.optional(customMetadataSchema)

const connectedAccountConnected = z.looseObject({
  ...commonEvent,
  event_type: z.literal('connected_account.connected'),
  connected_account_id: id,
  connected_account_custom_metadata: accountMetadata,
  connect_webview_id: z.optional(id),
  customer_key: z.optional(z.string()),
})

const connectedAccountDisconnected = z.looseObject({
  ...commonEvent,
  event_type: z.literal('connected_account.disconnected'),
  connected_account_id: id,
  connected_account_custom_metadata: accountMetadata,
  // Each error of the model has these (`common_connected_account_error`) and an `error_code`.
  connected_account_errors: z.array(
    z.looseObject({ error_code: z.string(), message: z.string(), created_at: timestamp }),
  ),
})

const connectWebviewLoginSucceeded = z.looseObject({
  ...commonEvent,
  event_type: z.literal('connect_webview.login_succeeded'),
  connect_webview_id: id,
  connected_account_id: id,
  connected_account_custom_metadata: accountMetadata,
  customer_key: z.optional(z.string()),
})

const connectWebviewLoginFailed = z.looseObject({
  ...commonEvent,
  event_type: z.literal('connect_webview.login_failed'),
  connect_webview_id: id,
})

/** The schema of each event type this handler knows. */
const KNOWN_EVENTS = {
  'connected_account.connected': connectedAccountConnected,
  'connected_account.disconnected': connectedAccountDisconnected,
  'connect_webview.login_succeeded': connectWebviewLoginSucceeded,
  'connect_webview.login_failed': connectWebviewLoginFailed,
} as const

/** An event type this handler parses. */
export type KnownSeamEventType = keyof typeof KNOWN_EVENTS

/** `connected_account.connected`: an account was connected for the first time, or reconnected. */
export type ConnectedAccountConnectedEvent = z.infer<typeof connectedAccountConnected>
/** `connected_account.disconnected`, with the account's errors. */
export type ConnectedAccountDisconnectedEvent = z.infer<typeof connectedAccountDisconnected>
/** `connect_webview.login_succeeded`: the webview's user signed in; names the account. */
export type ConnectWebviewLoginSucceededEvent = z.infer<typeof connectWebviewLoginSucceeded>
/** `connect_webview.login_failed`. */
export type ConnectWebviewLoginFailedEvent = z.infer<typeof connectWebviewLoginFailed>

/** Any Seam event: its `event_type`, and every other field as sent. */
export interface UnknownSeamEvent {
  event_type: string
  [field: string]: unknown
}

/** What {@link parseSeamEvent} found in a verified body. */
export type ParsedSeamEvent =
  | { kind: KnownSeamEventType; event: { event_type: KnownSeamEventType } & UnknownSeamEvent }
  | { kind: 'unknown'; event: UnknownSeamEvent }
  | { kind: 'invalid'; event: UnknownSeamEvent; issues: SeamInputIssue[] }

const isKnown = (type: string): type is KnownSeamEventType => Object.hasOwn(KNOWN_EVENTS, type)

/**
 * Reads a verified body as a Seam event: one of the known types (checked against the event
 * model), another type (`unknown`, passed on as sent), or a known type that does not match the
 * model (`invalid`, with its issues). `undefined` when the body is not an event at all (not a
 * JSON object with a string `event_type`).
 */
export function parseSeamEvent(body: string): ParsedSeamEvent | undefined {
  let value: unknown
  try {
    value = JSON.parse(body)
  } catch {
    return undefined
  }
  if (!isPlainObject(value) || typeof value.event_type !== 'string') return undefined
  const event = value as UnknownSeamEvent
  const type = event.event_type
  if (!isKnown(type)) return { kind: 'unknown', event }
  const result = KNOWN_EVENTS[type].safeParse(event)
  if (!result.success)
    return { kind: 'invalid', event, issues: toIssues(result.error.issues, true) }
  return { kind: type, event: result.data }
}
