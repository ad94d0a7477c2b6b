// What the hosted page runs once its webview is finished: the message to post to its parent and
// the redirect to follow (docs/seam-api.md §5). The login route sends it after a login, the
// outcome route whenever the webview finished, however it finished (the form, a control route).
import type { FakeConnectWebview as ConnectWebview } from '../state/objects.js'
import { DEFAULT_FAILURE } from '../control/schemas.js'
import type { FakeBehaviour } from '../state/behaviour.js'
import type { WebviewFailure, WebviewRecord } from '../state/records.js'
import type { FakeStore } from '../state/store.js'

/** `data` of the message the page posts to its parent (docs/seam-api.md §5.1), by event naming. */
type WebviewMessageData =
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

export interface FinishedReply {
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

type Outcome =
  { status: 'authorized'; connected_account_id: string } | ({ status: 'failed' } & WebviewFailure)

/**
 * The reply for a finished webview; null while it is pending. The behaviour is read now, not
 * when the webview finished, so /_fake/ behaviour set while the page was open still applies.
 */
export function finishedReply(store: FakeStore, record: WebviewRecord): FinishedReply | null {
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

function messageData(
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
