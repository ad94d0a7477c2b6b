import * as z from 'zod/mini'
import { redact } from '../internal/redact.js'
import { apiErrorEnvelopeSchema } from '../schemas/envelope.js'
import { abortableDelay, raceAbort } from './abort.js'
import type { Credential } from './credentials.js'
import {
  SeamApiError,
  SeamNetworkError,
  SeamResponseParseError,
  type SeamConnectError,
} from '../errors/errors.js'
import { backoffDelay, parseRetryAfter, type RetryPolicy } from './retry.js'
import { parseResponse } from './validate.js'

export interface TransportConfig {
  endpoint: string
  credential: Credential
  headers: Record<string, string>
  fetch: typeof fetch | undefined
  retry: RetryPolicy
  /** Strings that must never appear in an error message (tokens, keys, the user identifier key). */
  secrets: string[]
}

export interface SendOptions {
  signal?: AbortSignal | undefined
  /** Reads are retried on network errors, 5xx and 429; writes that may have reached Seam never are. */
  retryable: boolean
}

/** POSTs `body` to `route` and resolves with the parsed JSON of a 2xx reply. */
export type Send = (route: string, body: unknown, options: SendOptions) => Promise<unknown>

/** A failed attempt, with the delay before it may be retried (undefined: never). */
type Failure = [error: SeamConnectError, retryAfterMs?: number]

const GET_OR_CREATE = '/client_sessions/get_or_create'
const sessionReply = z.object({
  client_session: z.looseObject({ token: z.string() }),
})

export function createTransport(config: TransportConfig): Send {
  const { credential, endpoint, retry, secrets } = config
  // A query string could carry a proxy's secret; only the origin and path are ever shown.
  const where = endpoint.split('?')[0]

  /** One HTTP exchange. Failures are returned, not thrown, so the retry loop can weigh them. */
  async function attempt(
    route: string,
    body: unknown,
    headers: Record<string, string>,
    signal?: AbortSignal,
  ): Promise<{ json: unknown } | Failure> {
    // Called unbound: a stored `fetch` invoked as a method throws "Illegal invocation" in browsers.
    const fetchImpl = config.fetch ?? fetch
    let response: Response
    let text: string
    try {
      response = await fetchImpl(endpoint + route, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...headers,
          ...config.headers,
        },
        body: JSON.stringify(body),
        signal,
      })
      text = await response.text()
    } catch (cause) {
      if (signal?.aborted) throw signal.reason
      const detail = redact(String((cause as Error | undefined)?.message ?? cause), secrets)
      return [
        new SeamNetworkError(`Could not reach ${where}${route}: ${detail}`, {
          cause,
        }),
        0,
      ]
    }
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      if (response.ok) {
        return [new SeamResponseParseError(`Unexpected response from ${route}: not JSON`, [])]
      }
    }
    if (response.ok) return { json }
    const { status, headers: replyHeaders } = response
    const error = apiErrorEnvelopeSchema.safeParse(json).data?.error
    const apiError = new SeamApiError({
      status,
      type: error?.type ?? 'unknown_error',
      message: redact(error?.message ?? `HTTP ${status} without a Seam error body`, secrets),
      requestId: replyHeaders.get('seam-request-id') ?? undefined,
      validationErrors: error?.validation_errors,
      data: error?.data,
    })
    // Rate limits and server faults pass; any other 4xx would fail the same way again.
    const transient = status === 429 || status >= 500
    return [
      apiError,
      transient ? (parseRetryAfter(replyHeaders.get('retry-after')) ?? 0) : undefined,
    ]
  }

  async function withRetries(
    run: () => Promise<{ json: unknown } | Failure>,
    { signal, retryable }: SendOptions,
  ): Promise<unknown> {
    for (let index = 0; ; index++) {
      const result = await run()
      if (!Array.isArray(result)) return result.json
      const [error, retryAfterMs] = result
      // A Retry-After of 0 (or none) means "use our own backoff".
      const wait = retryAfterMs || backoffDelay(retry, index)
      if (!retryable || retryAfterMs === undefined || index >= retry.retries) throw error
      if (wait > retry.maxRetryAfterMs) throw error
      await abortableDelay(wait, signal)
    }
  }

  // Publishable key: exchanged once for a client session token. Concurrent first calls share the
  // exchange; a 401 (an expired or revoked session) triggers one fresh exchange for that request.
  let session: Promise<string> | undefined
  const sessionToken = (pk: Extract<Credential, { kind: 'publishable_key' }>) => {
    const exchange = (session ??= withRetries(
      () =>
        attempt(
          GET_OR_CREATE,
          { user_identifier_key: pk.userIdentifierKey },
          { 'seam-publishable-key': pk.publishableKey },
        ),
      { retryable: true },
    ).then((json) => parseResponse(sessionReply, json, GET_OR_CREATE).client_session.token))
    // A failed exchange is forgotten so that the next call tries again.
    exchange.catch(() => {
      if (session === exchange) session = undefined
    })
    return exchange
  }

  const authHeaders = async (signal?: AbortSignal): Promise<Record<string, string>> => {
    if (credential.kind === 'api_key') return { authorization: `Bearer ${credential.apiKey}` }
    const token =
      credential.kind === 'client_session'
        ? credential.token
        : credential.kind === 'publishable_key'
          ? await raceAbort(sessionToken(credential), signal)
          : undefined
    // Seam reads either header; sending both matches Seam's own SDKs.
    return token ? { authorization: `Bearer ${token}`, 'client-session-token': token } : {}
  }

  return (route, body, options) => {
    let reauthenticated = false
    const { signal } = options
    return withRetries(async () => {
      const used = session
      const result = await attempt(route, body, await authHeaders(signal), signal)
      const expired = Array.isArray(result) && (result[0] as SeamApiError).status === 401
      if (!expired || credential.kind !== 'publishable_key' || reauthenticated) return result
      reauthenticated = true
      if (session === used) session = undefined
      return attempt(route, body, await authHeaders(signal), signal)
    }, options)
  }
}
