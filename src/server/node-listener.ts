import { HandlerFailure, failureReply, internalError, notFound } from './envelope.js'
import type { SeamConnectHandler } from './handler.js'

// Node's request and response as far as the listener uses them, declared here rather than
// imported from `node:http`: the entry's types then need no @types/node, so an app on Workers,
// Deno or Bun type-checks it as it is. Node's `IncomingMessage` and `ServerResponse` (and
// Express's request and response, which extend them) fit these shapes.
/* eslint-disable @typescript-eslint/no-explicit-any -- Node's own event listener signatures */
type Listener = (...args: any[]) => void
/* eslint-enable @typescript-eslint/no-explicit-any */

/** The parts of Node's `http.IncomingMessage` the listener reads. */
export interface NodeRequest {
  method?: string | undefined
  url?: string | undefined
  headers: { host?: string | undefined }
  /** Names and values, alternating, as received. */
  rawHeaders: string[]
  readableEnded: boolean
  socket: object
  /** Express: the URL before its mount path was stripped from `url`. */
  originalUrl?: string | undefined
  /** Express: what a body parser (`express.json()`) read, if one did. */
  body?: unknown
  on(event: string, listener: Listener): unknown
  once(event: string, listener: Listener): unknown
  pause(): unknown
  resume(): unknown
}

/** The parts of Node's `http.ServerResponse` the listener writes. */
export interface NodeResponse {
  readonly headersSent: boolean
  readonly writableFinished: boolean
  writeHead(status: number, headers: Record<string, string | string[]>): unknown
  write(chunk: Uint8Array): boolean
  end(chunk?: string): unknown
  destroy(): unknown
  on(event: string, listener: Listener): unknown
  once(event: string, listener: Listener): unknown
  off(event: string, listener: Listener): unknown
}

/**
 * A listener for `http.createServer`, or an Express (4 or 5) middleware or route:
 * `(req: IncomingMessage, res: ServerResponse) => void`.
 */
export type NodeListener = (req: NodeRequest, res: NodeResponse) => void

/** A dot segment (also percent-encoded), a backslash, or an empty segment in a request target. */
const UNSERVED_TARGET = /(^|\/)(\.|%2e){1,2}(\/|\?|#|$)|\\|%5c|\/\//i

/** A Host header that can only name a host (and port): anything else could rewrite the URL. */
const HOST = /^[\w.-]+(:\d+)?$|^\[[\d:a-f.]+\](:\d+)?$/i

/**
 * Adapts a fetch-standard handler (such as {@link createSeamConnectHandler}'s) to Node's `http`
 * and Express:
 * - the URL is Express's `originalUrl` when there is one (Express strips its mount path from
 *   `req.url`), so the handler's `basePath` stays the full path;
 * - a body that `express.json()` (or another parser) already read is sent on as JSON;
 * - the request body is streamed to the handler, and the reply streamed back;
 * - when the client goes away, the handler's `request.signal` aborts (and with it the request to
 *   Seam);
 * - an error becomes a 500 in Seam's error envelope (or a closed connection once the reply has
 *   started), never an uncaught exception.
 */
export function toNodeListener(handler: SeamConnectHandler): NodeListener {
  return (req, res) => {
    void serve(handler, req, res).catch(() => {
      // serve() answers every failure itself; this only keeps a rejection from being unhandled.
    })
  }
}

async function serve(handler: SeamConnectHandler, req: NodeRequest, res: NodeResponse) {
  const controller = new AbortController()
  const abort = () => controller.abort()
  res.once('close', () => {
    if (!res.writableFinished) abort()
  })
  // Without listeners, a broken upload or a write to a closed socket would be an uncaught
  // 'error' event, which would end the whole program.
  req.on('error', abort)
  res.on('error', abort)
  try {
    let response: Response
    try {
      const target = req.originalUrl ?? req.url ?? '/'
      // The URL parser would resolve these, so `/api/x/../seam/...` would reach the handler's
      // routes while a proxy or middleware in front matched the raw path (its auth, its rate
      // limits) against something else. No browser sends them: they are not served.
      response = UNSERVED_TARGET.test(target)
        ? failureReply(notFound())
        : await handler(toRequest(req, controller.signal))
    } catch (error) {
      // toRequest refuses a request Node let through but fetch cannot express; a handler that
      // throws is answered without details.
      response = failureReply(
        error instanceof TypeError
          ? new HandlerFailure(400, 'invalid_input', 'Bad request')
          : internalError(),
      )
    }
    await send(response, res, req.method, controller.signal)
  } catch {
    if (!res.headersSent) {
      res.writeHead(500, { 'content-type': 'application/json' })
      res.end(
        JSON.stringify({
          error: { type: 'internal_server_error', message: 'Internal server error' },
          ok: false,
        }),
      )
    } else {
      res.destroy()
    }
  }
}

/** The fetch-standard Request for `req`, aborted with `signal`. */
function toRequest(req: NodeRequest, signal: AbortSignal): Request {
  const host =
    req.headers.host !== undefined && HOST.test(req.headers.host) ? req.headers.host : 'localhost'
  const protocol = 'encrypted' in req.socket && req.socket.encrypted ? 'https' : 'http'
  const target = req.originalUrl ?? req.url ?? '/'
  // Origin-form (`/path`) is appended to this server's origin; an absolute-form target (a
  // request sent as to a proxy) is read as it is.
  const url = target.startsWith('/') ? new URL(`${protocol}://${host}${target}`) : new URL(target)
  const method = req.method ?? 'GET'
  // Someone read the body before us: a parser left it in `req.body`, or it is gone (read as
  // empty rather than waiting for an end that has already passed).
  const parsed = req.readableEnded
  const headers = new Headers()
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i] ?? ''
    // HTTP/2 pseudo-headers are not headers; a body read before has a new length.
    if (name.startsWith(':')) continue
    if (parsed && /^(content-length|transfer-encoding)$/i.test(name)) continue
    headers.append(name, req.rawHeaders[i + 1] ?? '')
  }
  const init: RequestInit & { duplex?: 'half' } = { method, headers, signal }
  if (method !== 'GET' && method !== 'HEAD') {
    if (parsed) {
      const { body } = req
      // express.text() and express.raw() leave a string or a Buffer; anything else is JSON's.
      init.body =
        body === undefined
          ? ''
          : typeof body === 'string'
            ? body
            : body instanceof Uint8Array
              ? new Uint8Array(body)
              : JSON.stringify(body)
    } else {
      init.body = bodyStream(req)
      // Required by fetch for a streamed request body (https://fetch.spec.whatwg.org/#dom-requestinit-duplex).
      init.duplex = 'half'
    }
  }
  return new Request(url, init)
}

/**
 * `req`'s body as a web stream, pausing Node's stream while the reader is behind. Cancelling
 * (the handler refused a body too large) discards the rest instead of destroying the socket, so
 * the 413 can still be sent.
 */
function bodyStream(req: NodeRequest): ReadableStream<Uint8Array> {
  let finished = false
  return new ReadableStream<Uint8Array>({
    start(controller) {
      req.on('data', (chunk: Uint8Array | string) => {
        if (finished) return
        controller.enqueue(
          typeof chunk === 'string' ? new TextEncoder().encode(chunk) : new Uint8Array(chunk),
        )
        if ((controller.desiredSize ?? 0) <= 0) req.pause()
      })
      req.once('end', () => {
        if (finished) return
        finished = true
        controller.close()
      })
      req.once('error', (error: unknown) => {
        if (finished) return
        finished = true
        controller.error(error)
      })
    },
    pull() {
      req.resume()
    },
    cancel() {
      finished = true
      req.resume()
    },
  })
}

/** Writes `response` to `res`, body streamed with backpressure; stops when `signal` aborts. */
async function send(
  response: Response,
  res: NodeResponse,
  method: string | undefined,
  signal: AbortSignal,
) {
  const headers: Record<string, string | string[]> = {}
  response.headers.forEach((value, name) => {
    headers[name] = value
  })
  const cookies = response.headers.getSetCookie()
  if (cookies.length) headers['set-cookie'] = cookies
  res.writeHead(response.status, headers)
  if (!response.body || method === 'HEAD') {
    res.end()
    return
  }
  const reader = response.body.getReader()
  const cancel = () => void reader.cancel().catch(() => undefined)
  signal.addEventListener('abort', cancel, { once: true })
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done || signal.aborted) break
      if (!res.write(value)) await drained(res)
    }
    res.end()
  } finally {
    signal.removeEventListener('abort', cancel)
  }
}

/** Resolves when `res` can take more, or has closed. */
const drained = (res: NodeResponse) =>
  new Promise<void>((resolve) => {
    const done = () => {
      res.off('drain', done)
      res.off('close', done)
      resolve()
    }
    res.once('drain', done)
    res.once('close', done)
  })
