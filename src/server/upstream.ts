import * as z from 'zod/mini'
import { SeamApiError, SeamNetworkError, SeamResponseParseError } from '../errors/errors.js'
import { postJson } from '../internal/post-json.js'
import { scrub } from '../internal/secrets.js'
import { badGateway, gatewayTimeout, jsonReply } from './envelope.js'

/** A 2xx reply of Seam: its JSON, and the headers that pass through to the browser. */
export interface SeamReply {
  json: unknown
  /** `seam-request-id` (and nothing else): quoted to Seam support, so it reaches the browser. */
  headers: Record<string, string>
}

/** Seam answered with an error: `response` is what the browser gets, ready to send. */
export class SeamErrorReply extends Error {
  constructor(readonly response: Response) {
    super('Seam answered with an error')
    this.name = 'SeamErrorReply'
  }
}

/** POSTs `body` to a Seam route with the API key; see {@link createUpstream}. */
export type Upstream = (route: string, body: unknown, signal: AbortSignal) => Promise<SeamReply>

/** Seam's error envelope (docs/seam-api.md §1), loose: `validation_errors` and `data` pass as they are. */
const errorEnvelope = z.looseObject({
  error: z.looseObject({ type: z.string(), message: z.string() }),
})

const PASSED_HEADERS = ['seam-request-id', 'retry-after'] as const

interface UpstreamOptions {
  apiKey: string
  endpoint: string
  fetch: typeof fetch | undefined
  timeoutMs: number
}

/**
 * One attempt per call, never retried here: the browser client already retries reads on 502,
 * 504 and 5xx (docs/seam-api.md §1.1), and a write must never go out twice.
 *
 * Resolves with a 2xx JSON reply. Throws a {@link SeamErrorReply} carrying Seam's own error
 * envelope (status, `seam-request-id`, `Retry-After`), with anything shaped like a credential
 * scrubbed from it; a 502 (no reply, not JSON, not an envelope, or Seam refusing the API key
 * itself) or a 504 (timed out) as a HandlerFailure, whose body says nothing about the cause
 * (its `cause`, for the app's `onError`, is a typed error without the API key); or the caller's
 * abort reason when the browser went away.
 */
export function createUpstream(options: UpstreamOptions): Upstream {
  const { apiKey, endpoint, timeoutMs } = options
  return async (route, body, signal) => {
    const reply = await postJson(
      endpoint + route,
      {
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
        // Seam answers, it does not redirect: a followed 307 would send the write (and, with
        // some fetch implementations, the API key) somewhere else. 'manual' hands the 3xx back
        // (a 502 below); Workers' fetch does not take 'error'.
        redirect: 'manual',
      },
      options.fetch,
      timeoutMs,
      signal,
    )
    if (reply.response === undefined) {
      const error = scrub(
        new SeamNetworkError(
          reply.timedOut
            ? `No reply from ${endpoint}${route}: timed out after ${timeoutMs} ms`
            : `Could not reach ${endpoint}${route}`,
          { cause: reply.cause },
        ),
        [apiKey],
      )
      throw reply.timedOut ? gatewayTimeout(error) : badGateway('Could not reach Seam', error)
    }
    const { response, text } = reply

    const headers: Record<string, string> = {}
    for (const name of PASSED_HEADERS) {
      const value = response.headers.get(name)
      if (value !== null) headers[name] = value
    }
    let json: unknown
    try {
      json = JSON.parse(text) as unknown
    } catch {
      throw badGateway(
        'Seam’s reply could not be read',
        new SeamResponseParseError(
          `${endpoint}${route} answered ${response.status} with a body that is not JSON`,
          [],
        ),
      )
    }
    if (response.ok) {
      // Retry-After means nothing on a success.
      delete headers['retry-after']
      return { json, headers }
    }
    const envelope = errorEnvelope.safeParse(json)
    if (!envelope.success) {
      throw badGateway(
        'Seam’s reply could not be read',
        new SeamResponseParseError(
          `${endpoint}${route} answered ${response.status} without Seam’s error envelope`,
          [],
        ),
      )
    }
    const scrubbed = scrub(json, [apiKey])
    // A 401 here means Seam refused this server's API key, not the user's session: the browser
    // must not take it for its own sign-in expiring (docs/seam-api.md §1.1, §2.1), so it is a 502.
    if (response.status === 401) {
      const { type, message } = errorEnvelope.parse(scrubbed).error
      throw badGateway(
        'Seam refused the server’s credentials',
        new SeamApiError({ status: 401, type, message, requestId: headers['seam-request-id'] }),
      )
    }
    throw new SeamErrorReply(jsonReply(scrubbed, response.status, headers))
  }
}
