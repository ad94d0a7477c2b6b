// Real-HTTP helpers for the fake's tests (global fetch against the fake the global setup started).
import { randomUUID } from 'node:crypto'
import { inject } from 'vitest'

export const fakeUrl = inject('fakeUrl')
export const fakeApiKey = inject('fakeApiKey')
export const fakePublishableKey = inject('fakePublishableKey')

/** Replies are checked field by field in the tests, so they are left untyped here. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any

export interface Reply {
  status: number
  headers: Headers
  /** Parsed JSON, or the raw text when the body is not JSON. */
  body: Json
  text: string
}

export interface CallOptions {
  method?: string
  body?: unknown
  headers?: Record<string, string>
  query?: Record<string, string>
}

export async function call(path: string, options: CallOptions = {}): Promise<Reply> {
  const url = new URL(path, fakeUrl)
  for (const [key, value] of Object.entries(options.query ?? {})) {
    url.searchParams.set(key, value)
  }
  const method = options.method ?? 'POST'
  const response = await fetch(url, {
    method,
    headers: {
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...options.headers,
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  })
  const text = await response.text()
  let body: unknown = text
  try {
    body = JSON.parse(text)
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, headers: response.headers, body, text }
}

/** Each test names its own session, so tests running in parallel never see each other. */
export const uniqueKey = (label = 'test'): string => `${label}-${randomUUID()}`

export const apiKeyHeaders = (): Record<string, string> => ({
  authorization: `Bearer ${fakeApiKey}`,
})

export const sessionHeaders = (token: string): Record<string, string> => ({
  authorization: `Bearer ${token}`,
  'client-session-token': token,
})

export interface TestSession {
  key: string
  token: string
  headers: Record<string, string>
}

export async function newSession(key = uniqueKey()): Promise<TestSession> {
  const reply = await call('/client_sessions/get_or_create', {
    headers: { 'seam-publishable-key': fakePublishableKey },
    body: { user_identifier_key: key },
  })
  if (reply.status !== 200) throw new Error(`get_or_create: ${reply.text}`)
  const token: string = reply.body.client_session.token
  return { key, token, headers: sessionHeaders(token) }
}

/** Calls a Seam route and insists on a 200, returning the JSON body. */
export async function seam(
  path: string,
  headers: Record<string, string>,
  body: unknown = {},
): Promise<Json> {
  const reply = await call(path, { headers, body })
  if (reply.status !== 200) {
    throw new Error(`${path} answered ${reply.status}: ${reply.text}`)
  }
  return reply.body
}

export async function createWebview(
  headers: Record<string, string>,
  body: unknown = {},
): Promise<Json> {
  return (await seam('/connect_webviews/create', headers, body)).connect_webview
}

/** POSTs to a /_fake/ control route and insists on a 200. */
export async function control(path: string, body: unknown): Promise<Json> {
  const reply = await call(`/_fake${path}`, { body })
  if (reply.status !== 200) {
    throw new Error(`/_fake${path} answered ${reply.status}: ${reply.text}`)
  }
  return reply.body
}

export async function completeWebview(
  connectWebviewId: string,
  extra: Record<string, unknown> = {},
): Promise<Json> {
  return control('/connect_webviews/complete', {
    connect_webview_id: connectWebviewId,
    ...extra,
  })
}

export async function requestLog(query: Record<string, string>): Promise<Json[]> {
  const reply = await call('/_fake/requests', { method: 'GET', query })
  if (reply.status !== 200) throw new Error(`/_fake/requests: ${reply.text}`)
  return reply.body.requests
}
