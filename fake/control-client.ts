// A typed, browser-safe handle on the fake's /_fake/ control routes, over real HTTP. Tests and
// stories drive Seam's side through it (completing a webview, injecting faults), and tests count
// requests from its log.

export interface LoggedRequest {
  method: string
  path: string
  user_identifier_key: string | null
  auth: 'client_session' | 'publishable_key' | 'api_key' | 'none'
  status: number
  /** When the request arrived (ISO 8601). */
  at: string
  /** Names of the non-standard headers the request carried (never their values). */
  header_names?: string[]
}

export interface Fault {
  user_identifier_key: string
  route?: string
  times?: number
  /** Instead of `times`: every matching request for this many ms from the first one it hits. */
  for_ms?: number
  status?: number
  error_type?: string
  message?: string
  retry_after?: string
  latency_ms?: number
  drop?: boolean
  /** Accept the request and never answer it (until the client gives up). */
  hang?: boolean
  body?: string
  /** Content type of `body` (default `application/json`). */
  content_type?: string
}

export interface Behaviour {
  event_naming?: 'current' | 'legacy'
  post_message?: boolean
  target_origin?: string
  include_connected_account_id?: boolean
  latency_ms?: number
  /** The hosted page waits this long after a login before it posts its message. */
  message_delay_ms?: number
  /** The hosted page waits this long after a login before it follows a custom redirect. */
  redirect_delay_ms?: number
  /**
   * How often the open hosted page asks whether its webview finished elsewhere (e.g. through
   * `complete` / `fail` here), then posts and redirects as after a login. Default 500; 0: never.
   */
  page_poll_ms?: number
  /** The hosted page's response is held back this long (a frame that is still loading). */
  view_delay_ms?: number
}

/**
 * The fake's forger page (`/_fake/post-message`): loaded in a frame, it posts `data` (as JSON, so
 * it arrives as an equal value) to its parent with `targetOrigin`, `repeat` times, then shows
 * "posted" in its status. Use another fake's baseUrl (fakeLookalikeUrl) for a foreign origin.
 */
export function postMessagePageUrl(
  baseUrl: string,
  data: unknown,
  targetOrigin = '*',
  repeat = 1,
): string {
  const url = new URL('/_fake/post-message', baseUrl)
  url.searchParams.set('data', JSON.stringify(data))
  url.searchParams.set('target_origin', targetOrigin)
  url.searchParams.set('repeat', String(repeat))
  return url.toString()
}

export function fakeControl(fakeUrl: string) {
  async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${fakeUrl}/_fake${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const json = (await response.json()) as T
    if (!response.ok) throw new Error(`fake ${path}: ${response.status} ${JSON.stringify(json)}`)
    return json
  }
  return {
    complete: (
      connect_webview_id: string,
      extra: { connected_account_id?: string; provider?: string; username?: string } = {},
    ) =>
      call<{
        connect_webview: { connected_account_id: string }
        connected_account: {
          connected_account_id: string
          custom_metadata: Record<string, unknown>
        }
      }>('POST', '/connect_webviews/complete', { connect_webview_id, ...extra }),
    fail: (
      connect_webview_id: string,
      extra: { error_code?: string; error_message?: string } = {},
    ) => call('POST', '/connect_webviews/fail', { connect_webview_id, ...extra }),
    fault: (fault: Fault) => call('POST', '/faults', fault),
    /** Faults not yet consumed: one disappears as soon as its request reaches the fake. */
    pendingFaults: async (user_identifier_key: string) =>
      (
        await call<{ faults: unknown[] }>(
          'GET',
          `/faults?${new URLSearchParams({ user_identifier_key })}`,
        )
      ).faults.length,
    webviewBehaviour: (connect_webview_id: string, behaviour: Behaviour) =>
      call('POST', '/connect_webviews/behaviour', { connect_webview_id, ...behaviour }),
    sessionBehaviour: (user_identifier_key: string, behaviour: Behaviour) =>
      call('POST', '/sessions/behaviour', { user_identifier_key, ...behaviour }),
    /** The session's token expires now; get_or_create hands out a new one (a refresh). */
    rotateSessionToken: (user_identifier_key: string) =>
      call('POST', '/sessions/rotate_token', { user_identifier_key }),
    requests: async (user_identifier_key: string, path?: string) => {
      const query = new URLSearchParams({ user_identifier_key, ...(path ? { path } : {}) })
      return (await call<{ requests: LoggedRequest[] }>('GET', `/requests?${query}`)).requests
    },
  }
}

/** A fresh user identifier key: each test is its own client session on the shared fake. */
export const uniqueUser = (label: string) => `test-${label}-${crypto.randomUUID()}`

/** Mints a client session token the way an app's backend would (with the API key). */
export async function mintClientSessionToken(
  fakeUrl: string,
  apiKey: string,
  userIdentifierKey: string,
): Promise<string> {
  const response = await fetch(`${fakeUrl}/client_sessions/get_or_create`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
    body: JSON.stringify({ user_identifier_key: userIdentifierKey }),
  })
  const json = (await response.json()) as { client_session: { token: string } }
  return json.client_session.token
}
