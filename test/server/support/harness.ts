// Runs the server entry for real: the handler behind toNodeListener on 127.0.0.1 (port 0), talking
// to the shared fake over HTTP with the fake's API key. Every reply a test receives from the
// handler is recorded, so each file can end by scanning all of them for the API key.
import { request as httpRequest, createServer, type RequestListener, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, inject, it, onTestFinished, vi } from 'vitest'
import { fakeControl, scopeHeaders, uniqueUser } from '../../../fake/control-client'
import { createSeamConnectClient, type SeamConnectClientOptions } from '../../../src/index'
import {
  createSeamConnectHandler,
  toNodeListener,
  type SeamConnectHandlerOptions,
} from '../../../src/server/index'

export const fakeUrl = inject('fakeUrl')
export const apiKey = inject('fakeApiKey')
export const fake = fakeControl(fakeUrl)

/** The header the tests' `authorize` reads: a stand-in for the app's own session cookie. */
export const USER_HEADER = 'x-test-user'

/** What one reply from the handler looked like. */
interface Recorded {
  where: string
  status: number
  headers: [string, string][]
  body: string
}

const recorded: Recorded[] = []
const reported: unknown[] = []

/** `fetch`, recording the reply (status, every header, the whole body) before handing it back. */
export const recordingFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init)
  const url = input instanceof Request ? input.url : String(input)
  recorded.push({
    where: `${init?.method ?? 'GET'} ${new URL(url).pathname}`,
    status: response.status,
    headers: [...response.headers.entries()],
    body: await response.clone().text(),
  })
  return response
}

/** Listens on 127.0.0.1, a free port; closed when the test ends. */
export async function listen(listener: RequestListener): Promise<{ server: Server; url: string }> {
  const server = createServer(listener)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  onTestFinished(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  )
  const { port } = server.address() as AddressInfo
  return { server, url: `http://127.0.0.1:${port}` }
}

/** The tests' `authorize`: the user named by {@link USER_HEADER}, owning `user_id`. */
export const authorizeByHeader: SeamConnectHandlerOptions['authorize'] = (request) => {
  const user = request.headers.get(USER_HEADER)
  return user ? { trustedMetadata: { user_id: user } } : null
}

/**
 * A handler in front of the fake, served on its own port, in a fresh scope of the fake: its
 * requests to Seam carry that scope's header (through the handler's `fetch` option, which then
 * calls the real fetch), so the test can fault them and count them without meeting other tests'.
 */
export async function startHandler(
  label: string,
  options: Partial<SeamConnectHandlerOptions> = {},
) {
  const scope = uniqueUser(`scope-${label}`)
  const errors: unknown[] = []
  const handler = createSeamConnectHandler({
    apiKey,
    endpoint: fakeUrl,
    basePath: '/api/seam',
    authorize: authorizeByHeader,
    fetch: (input, init) => {
      const headers = new Headers(init?.headers)
      for (const [name, value] of Object.entries(scopeHeaders(scope))) headers.set(name, value)
      return fetch(input, { ...init, headers })
    },
    onError: (error) => {
      errors.push(error)
      reported.push(error)
    },
    ...options,
  })
  const { server, url } = await listen(toNodeListener(handler))
  const base = `${url}/api/seam`

  /** A POST to the handler as a browser would send it (JSON), as `user` (none: signed out). */
  const post = async (route: string, body: unknown, user?: string, headers = {}) => {
    const response = await recordingFetch(`${base}${route}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(user === undefined ? {} : { [USER_HEADER]: user }),
        ...headers,
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    })
    const text = await response.text()
    let json: ReturnType<typeof JSON.parse>
    try {
      json = JSON.parse(text)
    } catch {
      json = undefined
    }
    return { status: response.status, headers: response.headers, json, text }
  }

  /** The browser client of `user`, pointed at the handler, with no credential of its own. */
  const browserClient = (user: string, options: SeamConnectClientOptions = {}) =>
    createSeamConnectClient({
      endpoint: base,
      headers: { [USER_HEADER]: user },
      fetch: recordingFetch,
      retry: { retries: 0 },
      ...options,
    })

  return {
    handler,
    server,
    url,
    base,
    scope,
    errors,
    post,
    browserClient,
    /** What reached the fake from this handler (the scope's request log). */
    seamRequests: (path?: string) => fake.scopedRequests(scope, path),
  }
}

/** A raw HTTP/1.1 request (the path sent as written, no URL normalisation), recorded. */
export function rawRequest(
  url: string,
  options: {
    method?: string
    path: string
    headers?: Record<string, string>
    body?: string | Buffer
  },
): Promise<{ status: number; headers: Record<string, unknown>; text: string }> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        hostname,
        port,
        method: options.method ?? 'POST',
        path: options.path,
        headers: options.headers,
      },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (text += chunk))
        res.on('end', () => {
          recorded.push({
            where: `${options.method ?? 'POST'} ${options.path}`,
            status: res.statusCode ?? 0,
            headers: Object.entries(res.headers).map(([k, v]) => [k, String(v)]),
            body: text,
          })
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text })
        })
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

/** Two users of one test: fresh ids, never seen by any other test. */
export const twoUsers = (label: string) =>
  [uniqueUser(`${label}-alice`), uniqueUser(`${label}-bob`)] as const

/** Everything an error carries, as text: message, stack, own fields and causes. */
function errorText(error: unknown, depth = 0): string {
  if (depth > 4 || typeof error !== 'object' || error === null) return String(error)
  const fields = Object.getOwnPropertyNames(error).map((key) =>
    errorText(Reflect.get(error, key), depth + 1),
  )
  return [String(error), ...fields].join('\n')
}

/**
 * The last test of a file: no reply the handler gave (any status, any header, any body) and
 * nothing it reported to `onError` holds the API key, and nothing at all was written to the
 * console while the file ran.
 */
export function noApiKeyAnywhere() {
  const consoleMethods = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const
  const spies: ReturnType<typeof vi.spyOn>[] = []
  beforeAll(() => {
    for (const method of consoleMethods) spies.push(vi.spyOn(console, method))
  })
  afterAll(() => {
    for (const spy of spies) spy.mockRestore()
  })
  describe('no API key anywhere', () => {
    it('no response body or header of this file, and nothing reported or logged, holds the API key', () => {
      expect(recorded.length).toBeGreaterThan(0)
      for (const reply of recorded) {
        const text = `${reply.where} ${reply.status}\n${reply.headers.flat().join('\n')}\n${reply.body}`
        expect(text, reply.where).not.toContain(apiKey)
      }
      for (const error of reported) expect(errorText(error)).not.toContain(apiKey)
      for (const spy of spies) expect(spy).not.toHaveBeenCalled()
    })
  })
}
