// The one way tests, stories and the demo drive a running fake Seam Connect, over real HTTP. It
// plays every part around the library: an app's backend (the API key), a browser (the
// publishable key) and Seam's side (the /_fake/ control routes: finishing a webview, scripting
// faults and behaviour, seeding accounts), and it reads the request log. Browser-safe: fetch, Web
// Crypto and zod (to validate the control routes' replies), so it runs alike in Node, jsdom and
// Chromium. The public `fakeControl` of `react-seam-connect/testing` (control/client.ts) is the
// typed part of it.
import type { z } from 'zod'
import {
  behaviourReplySchema,
  clientSessionReplySchema,
  completeConnectWebviewReplySchema,
  connectWebviewsReplySchema,
  failConnectWebviewReplySchema,
  faultsReplySchema,
  okReplySchema,
  requestLogReplySchema,
  seedConnectedAccountReplySchema,
  seedConnectedAccountsReplySchema,
} from './control/replies.js'
import type {
  CompleteConnectWebviewInput,
  Fault,
  FaultFields,
  FailConnectWebviewInput,
} from './control/schemas.js'
import type { SeedConnectedAccountInput } from './control/seed-schema.js'
import {
  webhookDeliveriesReplySchema,
  webhookEndpointReplySchema,
  webhookEndpointsReplySchema,
  webhookEventsReplySchema,
  type WebhookSendInput,
} from './control/webhook-schemas.js'
import type { FakeWebhookDeliveryFilter, FakeWebhookEndpointInput } from './webhooks/dispatcher.js'
import type { FakeBehaviourPatch } from './state/behaviour.js'
import { FAKE_SCOPE_HEADER } from './control/scope.js'
import { FAKE_API_KEY, FAKE_PUBLISHABLE_KEY } from './state/keys.js'

export type { Fault, FaultFields, FakeBehaviourPatch }
export { FAKE_SCOPE_HEADER }

/**
 * The header that puts a request in `scope` (a fresh id per test): its faults and its slice of
 * the request log. For requests with no client session, such as an app's backend calling with
 * the API key.
 */
export const scopeHeaders = (scope: string): Record<string, string> => ({
  [FAKE_SCOPE_HEADER]: scope,
})

/** How `fakeControl` reaches the fake; every field is optional. */
export interface FakeControlOptions {
  /** The publishable key the fake was started with (default: the fixed one every fake accepts). */
  publishableKey?: string
  /** The API key the fake was started with (default: the fixed one every fake accepts). */
  apiKey?: string
  /**
   * How requests reach the fake. Default: the global `fetch` at call time (a server started with
   * `startFakeSeamConnect`, or an in-process fake behind MSW). Pass an in-process fake's own
   * `fetch` to drive it without any interceptor.
   */
  fetch?: (request: Request) => Promise<Response>
}

/** A parsed JSON reply, left untyped: tests check it field by field. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any

interface FakeReply {
  status: number
  headers: Headers
  /** Parsed JSON, or the raw text when the body is not JSON. */
  body: Json
  text: string
}

interface FakeRequest {
  /** Default `POST`. */
  method?: string
  /** Sent as JSON (with its content type); omitted, the request has no body. */
  body?: unknown
  headers?: Record<string, string>
  query?: Record<string, string | undefined>
}

/** A client session on the fake, as a browser gets it with the publishable key. */
export interface FakeSession {
  /** Its user_identifier_key. */
  key: string
  token: string
  /** The headers Seam's SDKs send with a client session token (docs/seam-api.md §6). */
  headers: Record<string, string>
}

/** A fresh user identifier key: each test or story is its own client session on a shared fake. */
export const uniqueUser = (label = 'fake') => `test-${label}-${crypto.randomUUID()}`

/**
 * The fake's forger page (`/_fake/post-message`): loaded in a frame, it posts `data` (as JSON, so
 * it arrives as an equal value) to its parent with `targetOrigin`, `repeat` times, then shows
 * "posted" in its status. Use another fake's baseUrl (fakeLookalikeUrl) for a foreign origin.
 */
export function postMessagePageUrl(
  baseUrl: string,
  data: unknown,
  targetOrigin = '*',
  repeat = 1,
): string {
  const url = new URL(`${baseUrl}/_fake/post-message`)
  url.searchParams.set('data', JSON.stringify(data))
  url.searchParams.set('target_origin', targetOrigin)
  url.searchParams.set('repeat', String(repeat))
  return url.toString()
}

/**
 * A client of the fake at `fakeUrl` (no trailing slash). `options` name the credentials it was
 * started with (by default the fixed ones every fake accepts) and how to reach it.
 */
export function fakeControl(fakeUrl: string, options: FakeControlOptions = {}) {
  const keys = {
    publishableKey: options.publishableKey ?? FAKE_PUBLISHABLE_KEY,
    apiKey: options.apiKey ?? FAKE_API_KEY,
  }
  // Looked up at call time: MSW replaces the global fetch after this module has loaded.
  const send = options.fetch ?? ((request: Request) => fetch(request))

  /** Any request to the fake, answered as is: for tests of statuses, headers and error bodies. */
  async function request(path: string, options: FakeRequest = {}): Promise<FakeReply> {
    const url = new URL(`${fakeUrl}${path}`)
    for (const [key, value] of Object.entries(options.query ?? {})) {
      // An optional filter passed as undefined means no filter, not the text "undefined".
      if (value !== undefined) url.searchParams.set(key, value)
    }
    const response = await send(
      new Request(url, {
        method: options.method ?? 'POST',
        headers: {
          ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...options.headers,
        },
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
      }),
    )
    const text = await response.text()
    let body: unknown = text
    try {
      body = JSON.parse(text)
    } catch {
      // Not JSON (a fault's raw body, an HTML page): keep the text.
    }
    return { status: response.status, headers: response.headers, body, text }
  }

  /** The JSON body of a 200 reply; anything else throws, naming the route and the reply. */
  async function ok(path: string, options: FakeRequest): Promise<Json> {
    const reply = await request(path, options)
    if (reply.status !== 200) throw new Error(`${path} answered ${reply.status}: ${reply.text}`)
    return reply.body
  }

  /**
   * A /_fake/ control route: a GET sends `params` as its query, a POST as its body. The reply
   * must parse with `schema`; otherwise it throws, naming the route and the first issue.
   */
  async function control<T>(
    method: 'GET' | 'POST',
    path: string,
    params: Record<string, unknown>,
    schema: z.ZodType<T>,
  ): Promise<T> {
    const body: unknown = await ok(
      `/_fake${path}`,
      method === 'GET'
        ? { method, query: params as Record<string, string> }
        : { method, body: params },
    )
    return parseReply(`/_fake${path}`, schema, body)
  }

  /** A Seam API route with these credentials' headers; insists on a 200. */
  const seam = (path: string, headers: Record<string, string>, body: unknown = {}) =>
    ok(path, { headers, body })

  return {
    request,
    seam,

    // --- as an app's backend or a browser would ---

    /** What an app's backend sends: the fake's API key. */
    apiKeyHeaders: (): Record<string, string> => ({ authorization: `Bearer ${keys.apiKey}` }),

    /** The session of `key` (same key, same session and token), through the publishable key. */
    async newSession(key = uniqueUser()): Promise<FakeSession> {
      const reply = await seam(
        '/client_sessions/get_or_create',
        { 'seam-publishable-key': keys.publishableKey },
        { user_identifier_key: key },
      )
      const { token } = parseReply(
        '/client_sessions/get_or_create',
        clientSessionReplySchema,
        reply,
      ).client_session
      return {
        key,
        token,
        headers: { authorization: `Bearer ${token}`, 'client-session-token': token },
      }
    },

    /** Mints a client session token the way an app's backend would (with the API key). */
    async mintClientSessionToken(userIdentifierKey: string): Promise<string> {
      const reply: unknown = await seam(
        '/client_sessions/get_or_create',
        { authorization: `Bearer ${keys.apiKey}` },
        { user_identifier_key: userIdentifierKey },
      )
      return parseReply('/client_sessions/get_or_create', clientSessionReplySchema, reply)
        .client_session.token
    },

    /** Creates a webview with these headers and returns it. */
    createWebview: async (headers: Record<string, string>, params: unknown = {}): Promise<Json> =>
      (await seam('/connect_webviews/create', headers, params)).connect_webview,

    // --- as Seam's side would: the /_fake/ control routes ---

    /** Finishes a pending webview as a successful login would (409 once it is finished). */
    complete: (
      connect_webview_id: string,
      extra: Omit<CompleteConnectWebviewInput, 'connect_webview_id'> = {},
    ) =>
      control(
        'POST',
        '/connect_webviews/complete',
        { connect_webview_id, ...extra },
        completeConnectWebviewReplySchema,
      ),

    /** Fails a pending webview (defaults `login_failed`, `The login failed.`). */
    fail: (
      connect_webview_id: string,
      extra: Omit<FailConnectWebviewInput, 'connect_webview_id'> = {},
    ) =>
      control(
        'POST',
        '/connect_webviews/fail',
        { connect_webview_id, ...extra },
        failConnectWebviewReplySchema,
      ),

    /** The webviews, oldest first: of one client session, or of everyone. */
    connectWebviews: async (user_identifier_key?: string) =>
      (
        await control(
          'GET',
          '/connect_webviews',
          user_identifier_key === undefined ? {} : { user_identifier_key },
          connectWebviewsReplySchema,
        )
      ).connect_webviews,

    /** Creates a connected account with this metadata, as if it had been connected earlier. */
    seedConnectedAccount: async (input: SeedConnectedAccountInput = {}) =>
      (
        await control(
          'POST',
          '/connected_accounts/seed',
          { ...input },
          seedConnectedAccountReplySchema,
        )
      ).connected_account,

    /**
     * Creates many connected accounts in one request (at most 10,000; all or nothing), as
     * `seedConnectedAccount` does one by one; resolves with their ids, in the order given.
     */
    seedConnectedAccounts: async (accounts: SeedConnectedAccountInput[]) =>
      (
        await control(
          'POST',
          '/connected_accounts/seed_many',
          { accounts },
          seedConnectedAccountsReplySchema,
        )
      ).connected_account_ids,

    /** Scripts a fault; the reply lists its session's (or scope's) pending faults. */
    fault: (fault: Fault) => control('POST', '/faults', fault, faultsReplySchema),

    /**
     * How many faults of a session (its user identifier key) or a scope (`{ scope }`) are not yet
     * consumed: one goes as soon as its request reaches the fake.
     */
    pendingFaults: async (owner: string | { scope: string }) =>
      (
        await control(
          'GET',
          '/faults',
          typeof owner === 'string' ? { user_identifier_key: owner } : owner,
          faultsReplySchema,
        )
      ).faults.length,

    /** Patches a webview's own behaviour (`null` drops an override); answers the effective one. */
    webviewBehaviour: (connect_webview_id: string, behaviour: FakeBehaviourPatch) =>
      control(
        'POST',
        '/connect_webviews/behaviour',
        { connect_webview_id, ...behaviour },
        behaviourReplySchema,
      ),

    /** Patches a session's behaviour, which its webviews inherit. */
    sessionBehaviour: (user_identifier_key: string, behaviour: FakeBehaviourPatch) =>
      control(
        'POST',
        '/sessions/behaviour',
        { user_identifier_key, ...behaviour },
        behaviourReplySchema,
      ),

    /** Webhooks: endpoints, the events the fake sent and each delivery (see FakeWebhooksControl). */
    webhooks: {
      add: async (input: FakeWebhookEndpointInput) =>
        (await control('POST', '/webhooks/endpoints', { ...input }, webhookEndpointReplySchema))
          .webhook_endpoint,
      remove: (webhook_id: string) =>
        control('POST', '/webhooks/endpoints/remove', { webhook_id }, okReplySchema),
      endpoints: async () =>
        (await control('GET', '/webhooks/endpoints', {}, webhookEndpointsReplySchema))
          .webhook_endpoints,
      events: async () =>
        (await control('GET', '/webhooks/events', {}, webhookEventsReplySchema)).events,
      deliveries: async (filter: FakeWebhookDeliveryFilter = {}) =>
        (await control('GET', '/webhooks/deliveries', { ...filter }, webhookDeliveriesReplySchema))
          .deliveries,
      send: async (event_id: string, options: Omit<WebhookSendInput, 'event_id'> = {}) =>
        (
          await control(
            'POST',
            '/webhooks/send',
            { event_id, ...options },
            webhookDeliveriesReplySchema,
          )
        ).deliveries,
    },

    /** The session's token expires now; get_or_create hands out a new one (a refresh). */
    rotateSessionToken: (user_identifier_key: string) =>
      control('POST', '/sessions/rotate_token', { user_identifier_key }, okReplySchema),

    /** The request log, oldest first: of one session (and one path), or of everyone. */
    requests: async (user_identifier_key?: string, path?: string) =>
      (
        await control(
          'GET',
          '/requests',
          {
            ...(user_identifier_key === undefined ? {} : { user_identifier_key }),
            ...(path === undefined ? {} : { path }),
          },
          requestLogReplySchema,
        )
      ).requests,

    /** The request log of one scope (requests sent with {@link scopeHeaders}), oldest first. */
    scopedRequests: async (scope: string, path?: string) =>
      (
        await control(
          'GET',
          '/requests',
          { scope, ...(path === undefined ? {} : { path }) },
          requestLogReplySchema,
        )
      ).requests,
  }
}

/** `body` parsed by `schema`, or an error naming the route and the first issue (never a value). */
function parseReply<T>(route: string, schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body)
  if (result.success) return result.data
  const issue = result.error.issues[0]
  const where = issue?.path.length ? issue.path.join('.') : 'the reply'
  throw new TypeError(`${route} replied with an unexpected shape: ${where}: ${issue?.message}`, {
    cause: result.error,
  })
}
