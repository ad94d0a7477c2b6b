import { isSeamInvalidInputError } from '../errors/errors.js'
import {
  HandlerFailure,
  failureReply,
  internalError,
  methodNotAllowed,
  notFound,
  unauthorized,
} from './envelope.js'
import {
  DEFAULT_BASE_PATH,
  DEFAULT_ENDPOINT,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_TIMEOUT_MS,
  checkApiKey,
  checkEndpoint,
  checkFunction,
  checkOptionsObject,
  checkPositive,
  checkServerScope,
  problems,
  type Problem,
} from './options.js'
import { readJsonBody, requireJsonContentType } from './read-body.js'
import { ROUTES } from './routes.js'
import { checkTrustedMetadata, type SeamConnectAuthorization } from './trusted-metadata.js'
import { SeamErrorReply, createUpstream } from './upstream.js'

/** Options of {@link createSeamConnectHandler}. */
export interface SeamConnectHandlerOptions {
  /**
   * The workspace's Seam API key (`seam_...`). Never sent to the browser, and never part of a
   * reply, an error or anything given to `onError`. A client session token, a publishable key,
   * a personal access token or a console session token is refused.
   */
  apiKey: string
  /** Seam's API. Defaults to `https://connect.getseam.com`. */
  endpoint?: string
  /**
   * The path the handler is mounted at, as it appears in the request URL (default `/api/seam`):
   * it answers `<basePath>/connect_webviews/create` and the other routes, and 404 to anything else.
   * `''` mounts it at the root.
   */
  basePath?: string
  /**
   * Who is asking. Resolve to `{ trustedMetadata }` for a signed-in user, or to `null` (a 401).
   * Typically reads the app's own session cookie or header. Must not read the request body.
   * `trustedMetadata` holds at least one pair of Seam's `custom_metadata` rules with non-empty
   * string or boolean values; anything else (or a throw) is a 500 whose body says nothing more.
   */
  authorize: (
    request: Request,
  ) => Promise<SeamConnectAuthorization | null> | SeamConnectAuthorization | null
  /** A `fetch` for requests to Seam; defaults to the global one. */
  fetch?: typeof fetch
  /** The largest request body accepted, in bytes (default 131072); larger is a 413. */
  maxBodyBytes?: number
  /** How long one request to Seam may take, in ms (default 25000); longer is a 504. */
  timeoutMs?: number
  /**
   * Told why the handler answered 500, 502 or 504: what `authorize` threw, why its result was
   * refused (a `SeamInvalidInputError` naming keys, never values), a network failure towards
   * Seam (a `SeamNetworkError`, with the API key scrubbed). The library itself logs nothing.
   */
  onError?: (error: unknown) => void
}

/** A fetch-standard request handler: Node 20+, Next.js route handlers, Hono, Workers, Deno, Bun. */
export type SeamConnectHandler = (request: Request) => Promise<Response>

/** `''` or `/a/b`: no trailing `/`, no empty, `.` or `..` segment, no query or fragment. */
function checkBasePath(given: unknown, problem: Problem): string {
  const basePath = typeof given === 'string' ? given.replace(/\/+$/, '') : ''
  if (
    typeof given !== 'string' ||
    !/^(\/[^/?#\s]+)*$/.test(basePath) ||
    basePath.split('/').some((segment) => segment === '.' || segment === '..')
  ) {
    problem(['basePath'], 'must be "" or a path such as "/api/seam"')
  }
  return basePath
}

/**
 * Creates the server side of Seam Connect for a browser client whose `endpoint` points at it
 * (`createSeamConnectClient({ endpoint: '/api/seam' })`, no credential): it authenticates the
 * user with the app's own `authorize`, and calls Seam with the API key.
 *
 * The trusted metadata `authorize` returns is what makes the difference with a client session
 * token: it is merged over the browser's `custom_metadata` on every Connect Webview created (the
 * server's keys win, and cannot be removed), and only webviews and accounts carrying every trusted
 * pair can be read, listed or updated; any other answers exactly as a missing one. Serves
 * `connect_webviews/create`, `/get`, `/list` and `connected_accounts/get`, `/list`, `/update`
 * (POST, JSON), and nothing else.
 *
 * Stateless: nothing is kept between requests, so any number of instances can run behind a load
 * balancer or on a serverless platform.
 *
 * @throws SeamInvalidInputError when an option is missing or unusable, when `apiKey` is not an API
 *   key, or in a browser (a page or a worker). Messages never contain the key.
 */
export function createSeamConnectHandler(options: SeamConnectHandlerOptions): SeamConnectHandler {
  const { problem, done } = problems('createSeamConnectHandler')
  checkServerScope(problem)
  const given: Partial<SeamConnectHandlerOptions> = checkOptionsObject(options, problem)
    ? options
    : {}
  checkApiKey(given.apiKey, problem)
  const endpoint = checkEndpoint(given.endpoint ?? DEFAULT_ENDPOINT, problem)
  const basePath = checkBasePath(given.basePath ?? DEFAULT_BASE_PATH, problem)
  checkFunction(given.authorize, 'authorize', problem, false)
  checkFunction(given.fetch, 'fetch', problem, true)
  checkFunction(given.onError, 'onError', problem, true)
  const maxBodyBytes = checkPositive(
    given.maxBodyBytes,
    DEFAULT_MAX_BODY_BYTES,
    'maxBodyBytes',
    problem,
    true,
  )
  const timeoutMs = checkPositive(given.timeoutMs, DEFAULT_TIMEOUT_MS, 'timeoutMs', problem)
  done()
  const { apiKey, authorize, onError } = options

  /** Tells the app, if it asked; a throwing `onError` must not turn into a crash or a leak. */
  const report = (error: unknown) => {
    try {
      onError?.(error)
    } catch {
      // The app's own reporter failed: the reply is already decided.
    }
  }
  const upstream = createUpstream({ apiKey, endpoint, fetch: options.fetch, timeoutMs })

  async function handle(request: Request): Promise<Response> {
    // The URL parser has already resolved `.` and `..` segments (also `%2e%2e`), so the path
    // is compared as the browser's request means it.
    const path = new URL(request.url).pathname
    const route = path.startsWith(`${basePath}/`)
      ? ROUTES.get(path.slice(basePath.length))
      : undefined
    if (!route) throw notFound()
    if (request.method !== 'POST') throw methodNotAllowed()

    let authorization: unknown
    try {
      authorization = await authorize(request)
    } catch (error) {
      report(error)
      throw internalError()
    }
    if (authorization === null) throw unauthorized()
    let trusted
    try {
      trusted = checkTrustedMetadata(authorization)
    } catch (error) {
      report(error)
      throw internalError()
    }

    requireJsonContentType(request)
    const body = await readJsonBody(request, maxBodyBytes)
    return route.handle(body, trusted, (name, params) => upstream(name, params, request.signal))
  }

  return async (request) => {
    try {
      return await handle(request)
    } catch (error) {
      if (error instanceof HandlerFailure) {
        if (error.cause !== undefined) report(error.cause)
        return failureReply(error)
      }
      if (error instanceof SeamErrorReply) return error.response
      if (isSeamInvalidInputError(error)) {
        // The library's own messages: they name params, keys and rules, never values.
        return failureReply(
          new HandlerFailure(400, 'invalid_input', error.message, {
            data: { issues: error.issues },
          }),
        )
      }
      // The browser went away (nobody reads this), or something unexpected: no details.
      if (!request.signal.aborted) report(error)
      return failureReply(internalError())
    }
  }
}
