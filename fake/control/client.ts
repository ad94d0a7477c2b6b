// The public control client of `react-seam-connect/testing`: the typed, validated part of the
// repository's own harness (control-client.ts), which also has untyped helpers (raw requests,
// Seam calls) for the fake's own tests that an app should not build on.
import {
  fakeControl as fakeHarness,
  type FakeControlOptions,
  type FakeSession,
} from '../control-client.js'
import type { FakeBehaviourPatch } from '../state/behaviour.js'
import type { FakeConnectWebview, FakeConnectedAccount } from '../state/objects.js'
import type { RequestLogEntry } from '../state/request-log.js'
import type {
  BehaviourReply,
  CompleteConnectWebviewReply,
  FailConnectWebviewReply,
  FaultsReply,
  OkReply,
} from './replies.js'
import type { CompleteConnectWebviewInput, FailConnectWebviewInput, Fault } from './schemas.js'
import type { SeedConnectedAccountInput } from './seed-schema.js'
import type {
  FakeWebhookDelivery,
  FakeWebhookDeliveryFilter,
  FakeWebhookEndpoint,
  FakeWebhookEndpointInput,
} from '../webhooks/dispatcher.js'
import type { FakeSeamEvent } from '../webhooks/events.js'
import type { WebhookSendInput } from './webhook-schemas.js'

/** How `complete` finishes a webview; every field is optional. */
export type CompleteConnectWebviewOptions = Omit<CompleteConnectWebviewInput, 'connect_webview_id'>

/** How `fail` fails a webview; every field is optional. */
export type FailConnectWebviewOptions = Omit<FailConnectWebviewInput, 'connect_webview_id'>

/** How `webhooks.send` resends an event; every field is optional. */
export type SendFakeWebhookOptions = Omit<WebhookSendInput, 'event_id'>

/**
 * The fake's webhooks, as Seam sends them through Svix: on each completion (first connection or
 * reconnect) `connected_account.connected` and `connect_webview.login_succeeded`, with the
 * account's `custom_metadata`; on each failure `connect_webview.login_failed`. Each goes to every
 * endpoint as a signed POST (`svix-*` headers by default), retried after `retry_delays_ms` until
 * one attempt gets a 2xx.
 */
export interface FakeWebhooksControl {
  /**
   * Registers an endpoint for every later event; answers it with its secret (a fresh `whsec_`
   * one unless given), for `createSeamWebhookHandler({ secret })`.
   */
  add(input: FakeWebhookEndpointInput): Promise<FakeWebhookEndpoint>
  /** Unregisters an endpoint (404 if unknown); deliveries under way still finish. */
  remove(webhookId: string): Promise<OkReply>
  endpoints(): Promise<FakeWebhookEndpoint[]>
  /** Every event so far, oldest first, whether or not an endpoint got it. */
  events(): Promise<FakeSeamEvent[]>
  /** Each delivery so far, oldest first, with its attempts' statuses (`null`: no answer). */
  deliveries(filter?: FakeWebhookDeliveryFilter): Promise<FakeWebhookDelivery[]>
  /**
   * Sends a recorded event again, to every endpoint or to `webhook_id`'s: `replay` (the default)
   * is the same message again (same `svix-id`, retried), as Svix's resend; `bad_signature` is
   * signed with another secret, `stale_timestamp` correctly signed 10 minutes ago, each sent once.
   * Resolves once each first attempt has an answer, with the deliveries then.
   */
  send(eventId: string, options?: SendFakeWebhookOptions): Promise<FakeWebhookDelivery[]>
}

/**
 * Drives a fake Seam Connect as Seam's side would, over its `/_fake/` control routes. Every reply
 * is validated: a shape the fake did not promise throws, as does any status but 200 (the error
 * names the route and the fake's answer).
 */
export interface FakeSeamConnectControl {
  /**
   * Finishes a pending webview as a successful sign-in would: its `custom_metadata` is copied
   * onto the account. Pass `connected_account_id` (or a `provider` and `username` used before) to
   * reconnect an existing account, whose metadata the webview's then replaces. A finished
   * webview is a 409.
   */
  complete(
    connectWebviewId: string,
    options?: CompleteConnectWebviewOptions,
  ): Promise<CompleteConnectWebviewReply>
  /**
   * Fails a pending webview as a failed sign-in would (default `error_code` `login_failed`,
   * `error_message` `The login failed.`). A finished webview is a 409.
   */
  fail(
    connectWebviewId: string,
    options?: FailConnectWebviewOptions,
  ): Promise<FailConnectWebviewReply>
  /**
   * The webviews that exist, oldest first: those the client session of `userIdentifierKey`
   * created (how a test finds the webview the app just created), or all of them.
   */
  connectWebviews(userIdentifierKey?: string): Promise<FakeConnectWebview[]>
  /**
   * Creates a connected account with this `custom_metadata`, as if the user had connected it
   * before the test: visible to the client session of `user_identifier_key` (and to the API key).
   */
  seedConnectedAccount(input?: SeedConnectedAccountInput): Promise<FakeConnectedAccount>
  /**
   * Scripts a fault for the next Seam requests of a client session (`user_identifier_key`) or of
   * a scope (`scope`: requests sending the `x-fake-scope` header (`FAKE_SCOPE_HEADER`), e.g. your backend's, made with
   * the API key); answers the pending faults.
   */
  fault(fault: Fault): Promise<FaultsReply>
  /** How many faults of a session (its user identifier key) or a scope have not fired yet. */
  pendingFaults(owner: string | { scope: string }): Promise<number>
  /** Patches one webview's behaviour (`null` drops an override); answers the effective one. */
  webviewBehaviour(connectWebviewId: string, behaviour: FakeBehaviourPatch): Promise<BehaviourReply>
  /** Patches a client session's behaviour, which its webviews inherit. */
  sessionBehaviour(
    userIdentifierKey: string,
    behaviour: FakeBehaviourPatch,
  ): Promise<BehaviourReply>
  /** Expires the session's token now (its requests get 401); get_or_create hands out a new one. */
  rotateSessionToken(userIdentifierKey: string): Promise<OkReply>
  /**
   * The Seam API requests that reached the fake, oldest first: of one client session (and one
   * path such as `/connect_webviews/create`), or of everyone. Entries hold no credential and no
   * body value.
   */
  requests(userIdentifierKey?: string, path?: string): Promise<RequestLogEntry[]>
  /** The requests of one scope (those sending the `x-fake-scope` header (`FAKE_SCOPE_HEADER`)), oldest first. */
  scopedRequests(scope: string, path?: string): Promise<RequestLogEntry[]>
  /** Webhook endpoints, the events sent and their deliveries; resending and forging. */
  webhooks: FakeWebhooksControl
  /** A client session token for this user, minted with the API key as an app's backend would. */
  mintClientSessionToken(userIdentifierKey: string): Promise<string>
  /**
   * The client session of this user as a browser gets it with the publishable key (default: a
   * fresh user), with the headers Seam's SDKs send.
   */
  newSession(userIdentifierKey?: string): Promise<FakeSession>
}

/**
 * A control client for the fake at `url`: a server from `startFakeSeamConnect`, or an in-process
 * fake from `createFakeSeamConnect` (pass `{ fetch: fake.fetch }` to reach it without MSW). Both
 * also offer one ready-made as `fake.control`.
 *
 * @example
 * const control = fakeControl(fake.url, { fetch: fake.fetch })
 * await control.complete(webview.connect_webview_id)
 */
export function fakeControl(url: string, options?: FakeControlOptions): FakeSeamConnectControl {
  const harness = fakeHarness(url.replace(/\/$/, ''), options)
  return {
    complete: harness.complete,
    fail: harness.fail,
    connectWebviews: harness.connectWebviews,
    seedConnectedAccount: harness.seedConnectedAccount,
    fault: harness.fault,
    pendingFaults: harness.pendingFaults,
    webviewBehaviour: harness.webviewBehaviour,
    sessionBehaviour: harness.sessionBehaviour,
    rotateSessionToken: harness.rotateSessionToken,
    requests: harness.requests,
    scopedRequests: harness.scopedRequests,
    webhooks: harness.webhooks,
    mintClientSessionToken: harness.mintClientSessionToken,
    newSession: harness.newSession,
  }
}
