import * as z from 'zod/mini'
import {
  SeamApiError,
  SeamNetworkError,
  SeamResponseParseError,
  isTransientSeamError,
  type SeamConnectError,
} from '../errors/errors.js'
import { redact } from '../internal/redact.js'
import { stringSchema } from '../schemas/primitives.js'
import { abortableDelay, raceAbort } from './abort.js'
import type { SeamConnectClientOptions } from './options.js'
import { parse } from './validate.js'

export interface SendOptions {
  signal?: AbortSignal | undefined
  /** Reads are retried on network errors, 5xx and 429; writes that may have reached Seam never are. */
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
const sessionReply = z.looseObject({ client_session: z.looseObject({ token: stringSchema }) })

/**
 * Seam's error envelope: `{ error: { type, message, validation_errors?, data? }, ok: false }`.
 * Loose, so `validation_errors` (zod's format() tree) and `data` are kept as unknown JSON.
 */
const errorEnvelope = z.looseObject({
  error: z.looseObject({ type: stringSchema, message: z.optional(stringSchema) }),
})

/** `Retry-After` is delay-seconds or an HTTP date (RFC 9110 §10.2.3); 0 when absent or unreadable. */
const retryAfterMs = (value: string) =>
  Math.max(0, /^\s*\d+\s*$/.test(value) ? Number(value) * 1000 : Date.parse(value) - Date.now()) ||
  0

/**
 * Sends requests for a client whose options were checked: authentication, retries with backoff,
 * and every failure as a typed error.
 * @param secrets strings that must never appear in an error message (tokens, keys, the user
 *   identifier key, header values).
 */
export function createTransport(
  options: SeamConnectClientOptions & { endpoint: string },
  secrets: string[],
): Send {
  const { endpoint, clientSessionToken, publishableKey, userIdentifierKey, apiKey } = options
  const {
    retries = 3,
    minDelayMs = 300,
    maxDelayMs = 5000,
    maxRetryAfterMs = 60_000,
  } = options.retry ?? {}
  // A query string could carry a proxy's secret; only the origin and path are ever shown.
  const where = endpoint.split('?')[0]

  // Publishable key: exchanged once for a client session token. Concurrent first calls share the
  // exchange; a 401 (an expired or revoked session) triggers one fresh exchange for that request.
  let session: Promise<string> | undefined
  const exchange = (key: string) => {
    const pending = (session ??= send(
      GET_OR_CREATE,
      { user_identifier_key: userIdentifierKey },
      sessionReply,
      { retryable: true },
      { 'seam-publishable-key': key },
    ).then((reply) => reply.client_session.token))
    // A failed exchange is forgotten so that the next call tries again.
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

  /**
   * One request, with its retries. `auth` replaces the client's own authentication: the exchange
   * of a publishable key, which cannot wait for a session itself.
   */
  async function send<R extends z.ZodMiniType>(
    route: string,
    body: unknown,
    reply: R,
    { signal, retryable }: SendOptions,
    auth?: Record<string, string>,
  ): Promise<z.output<R>> {
    let reauthenticated = false
    for (let retry = 0; ;) {
      const used = session
      const headers = auth ?? (await authHeaders(signal))
      let error: SeamConnectError | undefined
      // The delay before a retry may be tried: 0 is "use our own backoff", undefined is never.
      let retryAfter: number | undefined = 0
      let response: Response | undefined
      let text = ''
      try {
        // Called unbound: a stored `fetch` invoked as a method throws "Illegal invocation" in browsers.
        const fetchImpl = options.fetch ?? fetch
        response = await fetchImpl(endpoint + route, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers, ...options.headers },
          body: JSON.stringify(body),
          signal,
        })
        text = await response.text()
      } catch (cause) {
        if (signal?.aborted) throw signal.reason
        const detail = redact(String((cause as Error | undefined)?.message ?? cause), secrets)
        error = new SeamNetworkError(`Could not reach ${where}${route}: ${detail}`, { cause })
      }
      if (response) {
        let json: unknown
        try {
          json = JSON.parse(text)
        } catch {
          if (response.ok) {
            throw new SeamResponseParseError(`Unexpected response from ${route}: not JSON`, [])
          }
        }
        if (response.ok) return parse(reply, json, route, 'response')
        const { status, headers: replyHeaders } = response
        const envelope = errorEnvelope.safeParse(json).data?.error
        error = new SeamApiError({
          status,
          type: envelope?.type ?? 'unknown_error',
          message: redact(envelope?.message ?? 'no Seam error body', secrets),
          requestId: replyHeaders.get('seam-request-id') ?? undefined,
          validationErrors: envelope?.validation_errors,
          data: envelope?.data,
        })
        // An exchanged session that expired or was revoked: exchange again, once.
        if (status === 401 && !auth && publishableKey && !reauthenticated) {
          reauthenticated = true
          if (session === used) session = undefined
          continue
        }
        // Rate limits and server faults pass; any other 4xx would fail the same way again.
        retryAfter = isTransientSeamError(error)
          ? retryAfterMs(replyHeaders.get('retry-after') ?? '')
          : undefined
      }
      // Exponential backoff with "equal jitter", so that many clients do not retry in lockstep.
      const ceiling = Math.min(maxDelayMs, minDelayMs * 2 ** retry)
      const wait = retryAfter || (ceiling * (1 + Math.random())) / 2
      if (!retryable || retryAfter === undefined || retry++ >= retries || wait > maxRetryAfterMs) {
        throw error
      }
      await abortableDelay(wait, signal)
    }
  }

  return send
}
