/**
 * Every reply of the handler is JSON in Seam's own shapes (docs/seam-api.md §1), so the browser
 * client reads the handler's errors exactly as it reads Seam's: `{ error: { type, message,
 * data? }, ok: false }` becomes a `SeamApiError` with that status and type.
 */

/** Headers of every reply: JSON, and never kept by a shared cache (replies are per user, and a
 * webview's `url` carries its `auth_token`, docs/seam-api.md §3). */
const BASE_HEADERS = { 'content-type': 'application/json', 'cache-control': 'no-store' }

/** A JSON reply with `status`, plus `headers` (e.g. Seam's `seam-request-id`). */
export function jsonReply(body: unknown, status: number, headers: HeadersInit = {}): Response {
  const all = new Headers(headers)
  for (const [name, value] of Object.entries(BASE_HEADERS)) all.set(name, value)
  return new Response(JSON.stringify(body), { status, headers: all })
}

/** What a {@link HandlerFailure} adds to its status, type and message. */
interface FailureDetails {
  /** Sent as the envelope's `error.data`. */
  data?: unknown
  headers?: HeadersInit
  /** Why, for the app's `onError` only: never part of the reply. */
  cause?: unknown
}

/** A failure the handler answers itself, before or instead of Seam. */
export class HandlerFailure extends Error {
  readonly data: unknown
  readonly headers: HeadersInit

  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    { data, headers = {}, cause }: FailureDetails = {},
  ) {
    super(message, cause === undefined ? undefined : { cause })
    this.name = 'HandlerFailure'
    this.data = data
    this.headers = headers
  }
}

/** Seam's error envelope for `failure`. */
export const failureReply = ({ status, type, message, data, headers }: HandlerFailure): Response =>
  jsonReply(
    { error: { type, message, ...(data === undefined ? {} : { data }) }, ok: false },
    status,
    headers,
  )

// The handler's own failures. Messages are fixed text: nothing from the request, the app or the
// network goes into them, so nothing secret can.
export const notFound = () => new HandlerFailure(404, 'not_found', 'Not found')
export const methodNotAllowed = () =>
  new HandlerFailure(405, 'method_not_allowed', 'Use POST', { headers: { allow: 'POST' } })
export const unauthorized = () => new HandlerFailure(401, 'unauthorized', 'Unauthorized')
export const internalError = () =>
  new HandlerFailure(500, 'internal_server_error', 'Internal server error')
export const badGateway = (message: string, cause?: unknown) =>
  new HandlerFailure(502, 'bad_gateway', message, { cause })
export const gatewayTimeout = (cause?: unknown) =>
  new HandlerFailure(504, 'gateway_timeout', 'Seam did not answer in time', { cause })

/**
 * What Seam answers for an id that does not exist. A resource the user may not see gets exactly
 * this, so its id tells nothing (docs/seam-api.md §2.1).
 */
export const connectWebviewNotFound = (headers: HeadersInit) =>
  new HandlerFailure(404, 'connect_webview_not_found', 'Connect webview not found', { headers })
export const connectedAccountNotFound = (headers: HeadersInit) =>
  new HandlerFailure(404, 'connected_account_not_found', 'Connected account not found', { headers })
