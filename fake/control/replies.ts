// Reply shapes of the /_fake/ control routes (their payloads are in schemas.ts). The routes check
// their replies against these types; the control client parses every reply with these
// validators, so a test never reads a shape the fake did not send.
import { z } from 'zod'
import { fakeBehaviourSchema, type FakeBehaviour } from '../state/behaviour.js'
import {
  fakeClientSessionSchema,
  fakeConnectWebviewSchema,
  fakeConnectedAccountSchema,
  type FakeClientSession,
  type FakeConnectWebview,
  type FakeConnectedAccount,
} from '../state/objects.js'
import type { RequestLogEntry } from '../state/request-log.js'
import { faultSchema, type Fault } from './schemas.js'

/** What `complete` answers: the authorized webview and the account it connected. */
export interface CompleteConnectWebviewReply {
  connect_webview: FakeConnectWebview
  connected_account: FakeConnectedAccount
  ok: true
}

/** What `fail` answers: the failed webview. */
export interface FailConnectWebviewReply {
  connect_webview: FakeConnectWebview
  ok: true
}

/** Oldest first. */
export interface ConnectWebviewsReply {
  connect_webviews: FakeConnectWebview[]
  ok: true
}

/** What the seed route answers: the new account. */
export interface SeedConnectedAccountReply {
  connected_account: FakeConnectedAccount
  ok: true
}

/**
 * What the bulk seed answers: the new accounts' ids, in the order given (not the accounts: for
 * 10,000 of them that would be megabytes nobody reads).
 */
export interface SeedConnectedAccountsReply {
  connected_account_ids: string[]
  ok: true
}

/** The behaviour in effect after a patch (defaults, then the session's, then the webview's). */
export interface BehaviourReply {
  behaviour: FakeBehaviour
  ok: true
}

/** The session's pending faults, oldest first. */
export interface FaultsReply {
  faults: Fault[]
  ok: true
}

/** The request log, oldest first. */
export interface RequestLogReply {
  requests: RequestLogEntry[]
  ok: true
}

/** A control route that has nothing to report but success. */
export interface OkReply {
  ok: true
}

/** `/client_sessions/get_or_create`: the Seam route the control client mints tokens with. */
export interface ClientSessionReply {
  client_session: FakeClientSession
  ok: true
}

const ok = z.literal(true)

export const completeConnectWebviewReplySchema: z.ZodType<CompleteConnectWebviewReply> =
  z.strictObject({
    connect_webview: fakeConnectWebviewSchema,
    connected_account: fakeConnectedAccountSchema,
    ok,
  })

export const failConnectWebviewReplySchema: z.ZodType<FailConnectWebviewReply> = z.strictObject({
  connect_webview: fakeConnectWebviewSchema,
  ok,
})

export const connectWebviewsReplySchema: z.ZodType<ConnectWebviewsReply> = z.strictObject({
  connect_webviews: z.array(fakeConnectWebviewSchema),
  ok,
})

export const seedConnectedAccountReplySchema: z.ZodType<SeedConnectedAccountReply> = z.strictObject(
  { connected_account: fakeConnectedAccountSchema, ok },
)

export const seedConnectedAccountsReplySchema: z.ZodType<SeedConnectedAccountsReply> =
  z.strictObject({ connected_account_ids: z.array(z.uuid()), ok })

export const behaviourReplySchema: z.ZodType<BehaviourReply> = z.strictObject({
  behaviour: fakeBehaviourSchema,
  ok,
})

export const faultsReplySchema: z.ZodType<FaultsReply> = z.strictObject({
  faults: z.array(faultSchema),
  ok,
})

const requestLogEntrySchema: z.ZodType<RequestLogEntry> = z.strictObject({
  request_id: z.string(),
  method: z.string(),
  path: z.string(),
  user_identifier_key: z.string().nullable(),
  scope: z.string().nullable(),
  auth: z.enum(['client_session', 'publishable_key', 'api_key', 'none']),
  status: z.number().int(),
  at: z.iso.datetime(),
  body_keys: z.array(z.string()).optional(),
  header_names: z.array(z.string()),
})

export const requestLogReplySchema: z.ZodType<RequestLogReply> = z.strictObject({
  requests: z.array(requestLogEntrySchema),
  ok,
})

export const okReplySchema: z.ZodType<OkReply> = z.strictObject({ ok })

export const clientSessionReplySchema: z.ZodType<ClientSessionReply> = z.strictObject({
  client_session: fakeClientSessionSchema,
  ok,
})
