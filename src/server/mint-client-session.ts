import * as z from 'zod/mini'
import { DEFAULT_RETRY } from '../client/options.js'
import { createTransport } from '../client/transport.js'
import { nullableStringSchema } from '../schemas/primitives.js'
import {
  DEFAULT_ENDPOINT,
  checkApiKey,
  checkEndpoint,
  checkFunction,
  checkOptionsObject,
  checkPositive,
  checkServerScope,
  problems,
} from './options.js'

/** Options of {@link mintClientSession}. */
export interface MintClientSessionOptions {
  /** The workspace's Seam API key (`seam_...`); never part of an error. */
  apiKey: string
  /**
   * The app's opaque, high-entropy id for the signed-in user (never an email): the same key
   * gets the same session back.
   */
  userIdentifierKey: string
  /** Seam's API. Defaults to `https://connect.getseam.com`. */
  endpoint?: string
  /** A `fetch` implementation; defaults to the global one. */
  fetch?: typeof fetch
  /** How long one attempt may take, in ms (default 30000). */
  timeoutMs?: number
  /** Aborting rejects with `signal.reason`. */
  signal?: AbortSignal
}

/** A client session for one user, to hand to that user's browser. */
export interface MintedClientSession {
  /** The client session token (`seam_cst...`): `createSeamConnectClient({ clientSessionToken })`. */
  token: string
  /** Seam's id of the session (`client_session_id`). */
  clientSessionId: string
  /** The user identifier key the session belongs to. */
  userIdentifierKey: string
  /** When the token stops working (ISO 8601), when Seam says; mint a new one before then. */
  expiresAt: string | null
}

const ROUTE = '/client_sessions/get_or_create'

const reply = z.looseObject({
  client_session: z.looseObject({
    token: z.string(),
    client_session_id: z.string(),
    expires_at: z.optional(nullableStringSchema),
  }),
})

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/

/**
 * Gets (or creates) the client session of `userIdentifierKey` with the API key, through
 * `/client_sessions/get_or_create` (which Seam accepts with an API key: docs/seam-api.md §2.1), for
 * apps that let the browser talk to Seam directly with `clientSessionToken`.
 *
 * The trade-off: a client session token lets its browser create webviews with **any**
 * `custom_metadata` and read back whatever its user wrote. Metadata your backend will trust (a
 * tenant or user id) needs {@link createSeamConnectHandler}, which sets it on the server.
 *
 * Retried on network errors, timeouts, 429 and 5xx like the client's reads (the route is
 * idempotent).
 *
 * Rejects with a `SeamInvalidInputError`, before any request, for unusable options (an `apiKey`
 * that is not an API key, an empty or email-shaped `userIdentifierKey`) or in a browser; with a
 * `SeamApiError`, `SeamNetworkError` or `SeamResponseParseError` when Seam refuses, cannot be
 * reached or answers something unexpected. No error carries the API key or the user identifier
 * key.
 */
export async function mintClientSession(
  options: MintClientSessionOptions,
): Promise<MintedClientSession> {
  const { problem, done } = problems('mintClientSession')
  checkServerScope(problem)
  const given: Partial<MintClientSessionOptions> = checkOptionsObject(options, problem)
    ? options
    : {}
  checkApiKey(given.apiKey, problem)
  const endpoint = checkEndpoint(given.endpoint ?? DEFAULT_ENDPOINT, problem)
  const { userIdentifierKey } = given
  if (typeof userIdentifierKey !== 'string' || !userIdentifierKey.trim()) {
    problem(['userIdentifierKey'], 'must be a non-empty string')
  } else if (EMAIL.test(userIdentifierKey.trim())) {
    problem(['userIdentifierKey'], 'must be an opaque id, not an email address')
  }
  checkFunction(given.fetch, 'fetch', problem, true)
  const timeoutMs = checkPositive(given.timeoutMs, 30_000, 'timeoutMs', problem)
  if (given.signal !== undefined && !(given.signal instanceof AbortSignal)) {
    problem(['signal'], 'must be an AbortSignal')
  }
  done()
  const { apiKey, signal } = options

  const send = createTransport(
    {
      apiKey,
      fetch: options.fetch,
      endpoint,
      headers: [],
      retry: DEFAULT_RETRY,
      timeoutMs,
      serverOnly: true,
    },
    [apiKey, options.userIdentifierKey],
  )
  const { client_session } = await send(
    ROUTE,
    { user_identifier_key: options.userIdentifierKey },
    reply,
    { signal, retryable: true },
  )
  return {
    token: client_session.token,
    clientSessionId: client_session.client_session_id,
    userIdentifierKey: options.userIdentifierKey,
    expiresAt: client_session.expires_at ?? null,
  }
}
