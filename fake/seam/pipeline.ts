// Runs before every Seam API route: identifies the caller, logs the request, applies the
// session's scripted faults and latency, then hands the parsed params to the route.
import type { Context, MiddlewareHandler, Next } from 'hono'
import { identify } from './auth.js'
import { delay } from '../http/delay.js'
import type { FakeEnv } from '../http/env.js'
import { errorResponse } from '../http/errors.js'
import { faultReplies, faultResponse } from './fault-response.js'
import { FAKE_SCOPE_HEADER } from '../control/scope.js'
import { nowIso } from '../state/ids.js'
import { readParams, type Params } from '../http/params.js'
import type { RequestLogEntry } from '../state/request-log.js'
import type { FakeStore } from '../state/store.js'
import { VIEW_LOGIN_PATH, VIEW_OUTCOME_PATH, VIEW_PATH } from '../page/webview-page.js'

export const GET_OR_CREATE_PATH = '/client_sessions/get_or_create'

/** The Seam API surface: everything except the control routes and the hosted page. */
function isSeamApiRequest(method: string, path: string): boolean {
  return (
    method !== 'OPTIONS' &&
    path !== VIEW_PATH &&
    path !== VIEW_LOGIN_PATH &&
    path !== VIEW_OUTCOME_PATH &&
    path !== '/_fake' &&
    !path.startsWith('/_fake/')
  )
}

export function seamPipeline(store: FakeStore): MiddlewareHandler<FakeEnv> {
  return async (c, next) => {
    if (!isSeamApiRequest(c.req.method, c.req.path)) return next()
    const entry: RequestLogEntry = {
      request_id: c.get('requestId'),
      method: c.req.method,
      path: c.req.path,
      user_identifier_key: null,
      scope: c.req.raw.headers.get(FAKE_SCOPE_HEADER),
      auth: 'none',
      header_names: extraHeaderNames(c.req.raw.headers),
      status: 0,
      at: nowIso(),
    }
    let dropped = false
    try {
      dropped = await handle(c, next, store, entry)
    } catch (error) {
      c.res = errorResponse(error)
    } finally {
      // Written before the reply leaves, so a caller that awaited it finds it in the log.
      entry.status = dropped ? 0 : c.res.status
      store.log.add(entry)
    }
  }
}

// Headers every client sends; the rest (an app's proxy auth, say) are logged by name only.
const STANDARD_HEADERS = new Set([
  FAKE_SCOPE_HEADER,
  'accept',
  'accept-encoding',
  'accept-language',
  'authorization',
  'client-session-token',
  'connection',
  'content-length',
  'content-type',
  'host',
  'origin',
  'referer',
  'seam-publishable-key',
  'user-agent',
])

const extraHeaderNames = (headers: Headers) =>
  [...headers.keys()].filter((name) => !STANDARD_HEADERS.has(name) && !name.startsWith('sec-'))

/** @returns whether the connection was dropped */
async function handle(
  c: Context<FakeEnv>,
  next: Next,
  store: FakeStore,
  entry: RequestLogEntry,
): Promise<boolean> {
  const identity = identify(c.req.raw.headers, store)
  entry.auth = identity.auth
  let params: Params | undefined
  let paramsError: unknown
  try {
    params = await readParams(c.req)
    entry.body_keys = Object.keys(params)
  } catch (error) {
    paramsError = error
  }
  const sessionKey = sessionKeyOf(c.req.path, identity.session, params)
  entry.user_identifier_key = sessionKey

  // Faults act before authentication, like a network or gateway failure would.
  const fault = store.faults.take({ userIdentifierKey: sessionKey, scope: entry.scope }, c.req.path)
  const latency = latencyOf(store, sessionKey, params) + (fault?.latency_ms ?? 0)
  await delay(latency, store.shutdownSignal)
  if (fault?.hang) await untilClosed(c, store.shutdownSignal)
  if (fault?.drop || fault?.hang) {
    c.env?.incoming?.socket.destroy()
    c.res = new Response(null, { status: 500 })
    return true
  }
  if (fault && faultReplies(fault)) {
    c.res = faultResponse(fault)
    return false
  }
  if (paramsError !== undefined || params === undefined) throw paramsError
  c.set('seam', { params, identity })
  await next()
  return false
}

/** Resolves once the client closes the connection (it gave up) or the fake stops. */
function untilClosed(c: Context<FakeEnv>, shutdown: AbortSignal): Promise<void> {
  const socket = c.env?.incoming?.socket
  if (!socket || socket.destroyed || shutdown.aborted) return Promise.resolve()
  return new Promise((resolve) => {
    const done = () => {
      socket.off('close', done)
      shutdown.removeEventListener('abort', done)
      resolve()
    }
    socket.once('close', done)
    shutdown.addEventListener('abort', done, { once: true })
  })
}

/** The session a request belongs to: its CST's, or the one get_or_create asks for. */
function sessionKeyOf(
  path: string,
  session: { userIdentifierKey: string } | null,
  params: Params | undefined,
): string | null {
  if (session) return session.userIdentifierKey
  if (path === GET_OR_CREATE_PATH && typeof params?.user_identifier_key === 'string') {
    return params.user_identifier_key
  }
  return null
}

/**
 * The session's latency_ms; a request naming a webview uses that webview's effective
 * behaviour instead (its own override, else its session's).
 */
function latencyOf(
  store: FakeStore,
  sessionKey: string | null,
  params: Params | undefined,
): number {
  const webviewId = params?.connect_webview_id
  if (typeof webviewId === 'string') {
    try {
      return store.webviewBehaviour(webviewId).latency_ms
    } catch {
      // Unknown webview: the route answers 404 below; fall back to the session.
    }
  }
  return sessionKey === null ? 0 : store.sessionBehaviour(sessionKey).latency_ms
}
