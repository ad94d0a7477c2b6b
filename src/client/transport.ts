import * as z from 'zod/mini'
import {
  SeamApiError,
  SeamNetworkError,
  isSeamApiError,
  isSeamConnectError,
  isTransientSeamError,
  type SeamConnectError,
} from '../errors/errors.js'
import { postJson } from '../internal/post-json.js'
import { redact, scrub } from '../internal/secrets.js'
import { abortableDelay, raceAbort } from './abort.js'
import type { CheckedOptions } from './check-options.js'
import type { SeamConnectClientOptions } from './options.js'
import { parse } from './validate.js'

export interface SendOptions {
  signal?: AbortSignal | undefined
  /**
   * Reads are retried on transient failures; a write is retried only when it cannot have reached
   * Seam (its publishable-key exchange failed), so it never runs twice.
   */
  retryable: boolean
}

/** POSTs `body` to `route` and resolves with the 2xx reply, parsed by `reply`. */
export type Send = <R extends z.ZodMiniType>(
  route: string,
  body: unknown,
  reply: R,
  options: SendOptions,
) => Promise<z.output<R>>

const GET_OR_CREATE = '/client_sessions/get_or_create'
const sessionReply = z.looseObject({ client_session: z.looseObject({ token: z.string() }) })

/**
 * Seam's error envelope: `{ error: { type, message, validation_errors?, data? }, ok: false }`.
 * Loose, so `validation_errors` (zod's format() tree) and `data` are kept as unknown JSON.
 */
const errorEnvelope = z.looseObject({
  error: z.looseObject({ type: z.string(), message: z.optional(z.string()) }),
})

/** `Retry-After` is delay-seconds or an HTTP date (RFC 9110 §10.2.3); undefined when unreadable. */
function retryAfterMs(value: string | null): number | undefined {
  if (value === null) return undefined
  const ms = /^\s*\d+\s*$/.test(value) ? Number(value) * 1000 : Date.parse(value) - Date.now()
  return Number.isNaN(ms) ? undefined : Math.max(0, ms)
}

const tryJson = (text: string): { json?: unknown } => {
  try {
    return { json: JSON.parse(text) as unknown }
  } catch {
    return {}
  }
}

type TransportOptions = Pick<
  SeamConnectClientOptions,
  'clientSessionToken' | 'publishableKey' | 'userIdentifierKey' | 'apiKey' | 'fetch'
> &
  CheckedOptions

/**
 * Sends requests for a client whose options were checked: authentication, a timeout on every
 * attempt, retries with backoff, and every failure as a typed error with its secrets scrubbed.
 * @param secrets strings that must never appear in an error (tokens, keys, the user identifier
 *   key, header values).
 */
export function createTransport(options: TransportOptions, secrets: string[]): Send {
  const { endpoint, headers, retry, timeoutMs } = options
  const { clientSessionToken, publishableKey, userIdentifierKey, apiKey } = options

  /**
   * One HTTP exchange, bounded by `timeoutMs` from sending to the end of the body. Resolves with
   * a 2xx reply's JSON; every failure is a typed error, or the caller's own abort reason.
   */
  async function attempt(
    route: string,
    body: unknown,
    auth: Record<string, string>,
    signal: AbortSignal | undefined,
  ): Promise<unknown> {
    const request = new Headers({ 'content-type': 'application/json', ...auth })
    for (const [name, value] of headers) request.set(name, value)
    const reply = await postJson(
      endpoint + route,
      { headers: request, body: JSON.stringify(body) },
      options.fetch,
      timeoutMs,
      signal,
    )
    if (reply.response === undefined) {
      const { cause } = reply
      throw new SeamNetworkError(
        reply.timedOut
          ? `No reply from ${endpoint}${route}: timed out after ${timeoutMs} ms`
          : `Could not reach ${endpoint}${route}: ${String((cause as Error | undefined)?.message ?? cause)}`,
        { cause },
      )
    }
    const { response, text } = reply
    const { json } = tryJson(text)
    const { status } = response
    if (response.ok) {
      if (json !== undefined) return json
      // Seam always answers JSON: this page came from something in between (a captive portal,
      // a proxy's login page), so the request may well succeed once the network is sorted.
      const type = response.headers.get('content-type')
      throw new SeamNetworkError(
        `${endpoint}${route} answered ${status} with a body that is not JSON` +
          `${type ? ` (${type.split(';')[0]})` : ''}: not Seam's reply`,
      )
    }
    const envelope = errorEnvelope.safeParse(json).data?.error
    throw new SeamApiError({
      status,
      type: envelope?.type ?? 'unknown_error',
      message: envelope?.message ?? 'no Seam error body',
      requestId: response.headers.get('seam-request-id') ?? undefined,
      retryAfterMs: retryAfterMs(response.headers.get('retry-after')),
      validationErrors: envelope?.validation_errors,
      data: envelope?.data,
    })
  }

  // Publishable key: exchanged once for a client session token. Concurrent first calls share the
  // exchange; a failed one is forgotten, so the next attempt starts a fresh one. The exchange is
  // a single attempt bounded by the timeout: a hung one fails its waiters and blocks no one after.
  let session: Promise<string> | undefined
  const exchange = (key: string) => {
    const pending = (session ??= attempt(
      GET_OR_CREATE,
      { user_identifier_key: userIdentifierKey },
      { 'seam-publishable-key': key },
      undefined,
    ).then((json) => parse(sessionReply, json, GET_OR_CREATE, 'response').client_session.token))
    pending.catch(() => {
      if (session === pending) session = undefined
    })
    return pending
  }

  const authHeaders = async (signal?: AbortSignal): Promise<Record<string, string>> => {
    const token = publishableKey
      ? await raceAbort(exchange(publishableKey), signal)
      : clientSessionToken
    // Seam reads either header for a session; sending both matches Seam's own SDKs.
    if (token) return { authorization: `Bearer ${token}`, 'client-session-token': token }
    return apiKey ? { authorization: `Bearer ${apiKey}` } : {}
  }

  async function send<R extends z.ZodMiniType>(
    route: string,
    body: unknown,
    reply: R,
    { signal, retryable }: SendOptions,
  ): Promise<z.output<R>> {
    let reauthenticated = false
    for (let retries = 0; ; retries++) {
      const used = session
      let sent = false
      try {
        const auth = await authHeaders(signal)
        sent = true
        return parse(reply, await attempt(route, body, auth, signal), route, 'response')
      } catch (thrown) {
        if (signal?.aborted || !isSeamConnectError(thrown)) throw thrown
        const error: SeamConnectError = thrown
        // An exchanged session that expired or was revoked: exchange again, once. Seam refused
        // the request, so even a write may go out again.
        if (sent && publishableKey && !reauthenticated && isSeamApiError(error)) {
          if (error.status === 401) {
            reauthenticated = true
            if (session === used) session = undefined
            retries--
            continue
          }
        }
        const ceiling = Math.min(retry.maxDelayMs, retry.minDelayMs * 2 ** retries)
        // Exponential backoff with "equal jitter", so that many clients do not retry in lockstep.
        const wait =
          (isSeamApiError(error) && error.retryAfterMs) || (ceiling * (1 + Math.random())) / 2
        if (
          !isTransientSeamError(error) ||
          (sent && !retryable) ||
          retries >= retry.retries ||
          wait > retry.maxRetryAfterMs
        ) {
          throw error
        }
        await abortableDelay(wait, signal)
      }
    }
  }

  // Whatever failed, a secret the server or a fetch wrapper echoed never leaves in an error.
  return (route, body, reply, sendOptions) =>
    send(route, body, reply, sendOptions).catch((error: unknown) => {
      throw isSeamConnectError(error) && !sendOptions.signal?.aborted
        ? scrubError(error, secrets)
        : error
    })
}

/** `error` with its message, `data`, `validationErrors` and `cause` scrubbed of secrets. */
function scrubError<E extends SeamConnectError>(error: E, secrets: string[]): E {
  const fields = error as unknown as Record<string, unknown>
  error.message = redact(error.message, secrets)
  if (error.stack) error.stack = redact(error.stack, secrets)
  for (const key of ['data', 'validationErrors', 'cause']) {
    if (fields[key] !== undefined) fields[key] = scrub(fields[key], secrets)
  }
  return error
}
