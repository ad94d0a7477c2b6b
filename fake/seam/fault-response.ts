// The reply a scripted fault (POST /_fake/faults) sends instead of the route's.
import type { Fault } from '../control/schemas.js'
import { errorBody } from '../http/errors.js'

// Statuses whose responses may not carry a body (the Response constructor throws).
const NULL_BODY_STATUSES = new Set([204, 205, 304])

const DEFAULT_ERROR_TYPES: Record<number, string> = {
  400: 'invalid_input',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  429: 'rate_limit_exceeded',
  503: 'service_unavailable',
}

/** A fault with nothing but latency slows the request down and then lets it through. */
export function faultReplies(fault: Fault): boolean {
  return (
    fault.drop === true ||
    fault.hang === true ||
    fault.status !== undefined ||
    fault.body !== undefined ||
    fault.error_type !== undefined ||
    fault.message !== undefined ||
    fault.retry_after !== undefined
  )
}

/**
 * The reply a fault scripts: its raw `body` (status defaults to 200), else Seam's error
 * envelope (status defaults to 500), with `Retry-After` when asked.
 */
export function faultResponse(fault: Fault): Response {
  const status = fault.status ?? (fault.body === undefined ? 500 : 200)
  const headers = new Headers({
    'content-type': (fault.body !== undefined && fault.content_type) || 'application/json',
  })
  if (fault.retry_after !== undefined) {
    headers.set('retry-after', fault.retry_after)
  }
  if (NULL_BODY_STATUSES.has(status)) {
    headers.delete('content-type')
    return new Response(null, { status, headers })
  }
  const body =
    fault.body ??
    JSON.stringify(
      errorBody(
        fault.error_type ??
          DEFAULT_ERROR_TYPES[status] ??
          (status >= 500 ? 'internal_server_error' : 'fake_fault'),
        fault.message ?? `Fault scripted through /_fake/faults (${status})`,
      ),
    )
  return new Response(body, { status, headers })
}
