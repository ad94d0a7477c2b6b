// Headers on every reply: Seam's `seam-request-id`, and CORS so browser code can call the fake
// from another origin (the Vite dev server, Storybook, Vitest's browser page).
import type { MiddlewareHandler } from 'hono'
import type { FakeEnv } from './env.js'

const ALLOWED_HEADERS = [
  'authorization',
  'client-session-token',
  'seam-publishable-key',
  'content-type',
]

export function requestIdAndCors(): MiddlewareHandler<FakeEnv> {
  return async (c, next) => {
    const requestId = crypto.randomUUID()
    c.set('requestId', requestId)
    if (c.req.method === 'OPTIONS') {
      c.res = preflightResponse(c.req.header('access-control-request-headers'))
    } else {
      await next()
    }
    const headers = c.res.headers
    headers.set('seam-request-id', requestId)
    headers.set('access-control-allow-origin', c.req.header('origin') ?? '*')
    headers.append('vary', 'Origin')
    // Retry-After too, so that a browser client can honour it on a 429 or 503.
    headers.set('access-control-expose-headers', 'seam-request-id, retry-after')
  }
}

/**
 * `cache-control: no-store` on every reply of a route, errors included (a handler's own headers
 * are lost when it throws): for routes whose requests carry a credential or whose answer changes.
 */
export function noStore(): MiddlewareHandler<FakeEnv> {
  return async (c, next) => {
    await next()
    c.res.headers.set('cache-control', 'no-store')
  }
}

function preflightResponse(requestedHeaders: string | undefined): Response {
  const allowed = new Set(ALLOWED_HEADERS)
  for (const header of (requestedHeaders ?? '').split(',')) {
    const name = header.trim().toLowerCase()
    if (name) allowed.add(name)
  }
  return new Response(null, {
    status: 204,
    headers: {
      'access-control-allow-methods': 'GET, POST, OPTIONS',
      'access-control-allow-headers': [...allowed].join(', '),
      'access-control-max-age': '600',
    },
  })
}
