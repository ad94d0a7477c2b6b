// POST /connect_webviews/view/login: what the hosted page's form calls. It checks the webview's
// auth_token again, completes or fails the webview through the same store methods as the
// /_fake/ control routes, and tells the page what to post to its parent and where to redirect.
// The outcome route (outcome-route.ts) answers with the same reply, built by finishedReply.
import type { Handler } from 'hono'
import { z } from 'zod'
import type { FakeBehaviour } from '../state/behaviour.js'
import type { FakeEnv } from '../http/env.js'
import { FakeSeamError, connectWebviewNotFound, parseInput, unauthorized } from '../http/errors.js'
import { DEFAULT_FAILURE } from '../control/schemas.js'
import type { ConnectWebview } from '../state/models.js'
import { readParams } from '../http/params.js'
import type { FakeStore, WebviewRecord } from '../state/store.js'
import { findForViewer, pageProviders } from './webview-page.js'

/** The password that makes the fake's login fail; any other signs in. */
export const WRONG_PASSWORD = 'wrong'
export const INVALID_CREDENTIALS = {
  error_code: 'invalid_credentials',
  error_message: 'The username or password is incorrect.',
} as const

const loginSchema = z.strictObject({
  connect_webview_id: z.string(),
  auth_token: z.string(),
  provider: z.string().min(1),
  username: z.string().min(1).max(200),
  password: z.string().min(1).max(200),
})

export type ViewLoginInput = z.input<typeof loginSchema>

/** `data` of the message the page posts to its parent (docs/seam-api.md §5.1), by event naming. */
export type WebviewMessageData =
  | {
      event: {
        event_type: 'connect_webview.login_succeeded' | 'webview.login_successful'
        connect_webview_id: string
        connected_account_id?: string
      }
    }
  | {
      event: {
        event_type: 'connect_webview.login_failed' | 'webview.login_failed'
        connect_webview_id: string
        error_code: string
        error_message: string
      }
    }

export interface ViewLoginReply {
  ok: true
  connect_webview_id: string
  status: 'authorized' | 'failed'
  /** Set when authorized. */
  connected_account_id?: string
  /** Set when failed. */
  error_code?: string
  error_message?: string
  /** null when the behaviour says post_message: false. */
  message: { data: WebviewMessageData; target_origin: string; delay_ms: number } | null
  /** null without a custom redirect URL for this outcome. */
  redirect: { url: string; delay_ms: number } | null
}

export function viewLogin(store: FakeStore): Handler<FakeEnv> {
  return async (c) => {
    const params = await readParams(c.req)
    const access = findForViewer(store, params.connect_webview_id, params.auth_token)
    if (access === 'unauthorized') throw unauthorized('Invalid or missing auth_token')
    if (access === 'not_found') throw connectWebviewNotFound()
    const input = parseInput(loginSchema, params)
    if (!pageProviders(access).includes(input.provider)) {
      throw new FakeSeamError(
        400,
        'invalid_input',
        `Invalid input: provider: not accepted by this connect webview`,
      )
    }
    return c.json(login(store, access, input))
  }
}

function login(store: FakeStore, record: WebviewRecord, input: ViewLoginInput): ViewLoginReply {
  const id = record.webview.connect_webview_id
  if (input.password === WRONG_PASSWORD) {
    store.failWebview({ connect_webview_id: id, ...INVALID_CREDENTIALS })
  } else {
    // Same provider + username: completeWebview reconnects that account, replacing its metadata.
    store.completeWebview({
      connect_webview_id: id,
      provider: input.provider,
      username: input.username,
    })
  }
  const reply = finishedReply(store, record)
  // Both store calls finish the webview (or throw its 409), so this cannot happen.
  if (reply === null) throw new Error('The login left the connect webview pending')
  return reply
}

type Outcome =
  | { status: 'authorized'; connected_account_id: string }
  | { status: 'failed'; error_code: string; error_message: string }

/**
 * What the page runs for a finished webview, however it finished (its form, a control route);
 * null while it is pending. The behaviour is read now, not when the webview finished, so
 * /_fake/ behaviour set while the page was open still applies.
 */
export function finishedReply(store: FakeStore, record: WebviewRecord): ViewLoginReply | null {
  const { webview } = record
  const outcome = outcomeOf(record)
  if (outcome === null) return null
  const behaviour = store.webviewBehaviour(webview.connect_webview_id)
  const redirectUrl = redirectFor(webview, outcome)
  return {
    ok: true,
    connect_webview_id: webview.connect_webview_id,
    ...outcome,
    message: behaviour.post_message
      ? {
          data: messageData(webview.connect_webview_id, outcome, behaviour),
          target_origin: behaviour.target_origin,
          delay_ms: behaviour.message_delay_ms,
        }
      : null,
    redirect:
      redirectUrl === null ? null : { url: redirectUrl, delay_ms: behaviour.redirect_delay_ms },
  }
}

function outcomeOf(record: WebviewRecord): Outcome | null {
  const { webview } = record
  if (webview.status === 'authorized' && webview.connected_account_id !== null) {
    return { status: 'authorized', connected_account_id: webview.connected_account_id }
  }
  if (webview.status === 'failed') {
    // failWebview always records a failure; the default only satisfies the type.
    return { status: 'failed', ...(record.failure ?? DEFAULT_FAILURE) }
  }
  return null
}

export function messageData(
  connectWebviewId: string,
  outcome: Outcome,
  behaviour: Pick<FakeBehaviour, 'event_naming' | 'include_connected_account_id'>,
): WebviewMessageData {
  const legacy = behaviour.event_naming === 'legacy'
  if (outcome.status === 'failed') {
    return {
      event: {
        event_type: legacy ? 'webview.login_failed' : 'connect_webview.login_failed',
        connect_webview_id: connectWebviewId,
        error_code: outcome.error_code,
        error_message: outcome.error_message,
      },
    }
  }
  return {
    event: {
      event_type: legacy ? 'webview.login_successful' : 'connect_webview.login_succeeded',
      connect_webview_id: connectWebviewId,
      ...(behaviour.include_connected_account_id
        ? { connected_account_id: outcome.connected_account_id }
        : {}),
    },
  }
}

/**
 * docs/seam-api.md §5.2: success goes to custom_redirect_url with connect_webview_id; failure to
 * custom_redirect_failure_url (else custom_redirect_url) with error_code and error_message too.
 */
function redirectFor(webview: ConnectWebview, outcome: Outcome): string | null {
  const target =
    outcome.status === 'authorized'
      ? webview.custom_redirect_url
      : (webview.custom_redirect_failure_url ?? webview.custom_redirect_url)
  if (!target) return null
  const url = new URL(target)
  // create only takes URLs, but a javascript: URL is one: never hand the page a script to run.
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null
  url.searchParams.set('connect_webview_id', webview.connect_webview_id)
  if (outcome.status === 'failed') {
    url.searchParams.set('error_code', outcome.error_code)
    url.searchParams.set('error_message', outcome.error_message)
  }
  return url.toString()
}
