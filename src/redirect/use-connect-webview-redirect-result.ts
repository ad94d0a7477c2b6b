'use client'

import { useEffect, useState, useSyncExternalStore } from 'react'
import {
  readRedirectLanding,
  withoutRedirectParams,
  type RedirectLanding,
} from '../completion/redirect-landing.js'
import {
  useCompletion,
  type CompletionMetadata,
  type ConnectWebviewCompletionResult,
  type ConnectWebviewCompletionState,
  type UseConnectWebviewCompletionOptions,
} from '../completion/use-connect-webview-completion.js'
import type { StandardSchemaV1 } from '../schemas/standard-schema.js'

/** `idle`: this page was not reached through a webview's redirect (or it was handled already). */
export type ConnectWebviewRedirectState = 'idle' | ConnectWebviewCompletionState

export type UseConnectWebviewRedirectResultOptions<
  S extends StandardSchemaV1 | undefined = undefined,
> = Omit<UseConnectWebviewCompletionOptions<S>, 'source' | 'onEvent'>

export interface ConnectWebviewRedirectResult<M> extends Omit<
  ConnectWebviewCompletionResult<M>,
  'state' | 'checkRedirect'
> {
  state: ConnectWebviewRedirectState
}

/**
 * The result of a full-page redirect to a Connect Webview (best on phones), on the page Seam sends
 * the user back to: create the webview with `custom_redirect_url: redirectUrlFor(window.location)`,
 * go to its `url`, and call this hook on the page it returns to.
 *
 * It reads `connect_webview_id` (and a failure's `error_code` and `error_message`) from the URL,
 * verifies with Seam's API on the same engine as `<ConnectWebviewFrame>`, and reports once through
 * `onComplete` or `onError`. Then it removes those parameters with `history.replaceState`: a
 * reload or a shared link repeats nothing. Until Seam has answered they stay, so a reload during
 * verification loses nothing. The URL is only a signal: the API, with this user's credential,
 * decides, so a link to another user's webview fails (Seam refuses to read it) instead of
 * reporting it as theirs.
 *
 * In a popup this app opened (`useConnectWebviewPopup` with a `custom_redirect_url`) it stays
 * `idle`: the opener reads the landing and closes the window.
 *
 * @example
 * const result = useConnectWebviewRedirectResult({ onComplete: ({ customMetadata }) => save(customMetadata) })
 * if (result.state === 'verifying') return <p>Checking your connection…</p>
 */
export function useConnectWebviewRedirectResult<S extends StandardSchemaV1 | undefined = undefined>(
  options: UseConnectWebviewRedirectResultOptions<S> = {},
): ConnectWebviewRedirectResult<CompletionMetadata<S>> {
  const { enabled = true } = options
  // `undefined` on the server and while hydrating, so the server's HTML and the first client
  // render agree; the landing is then kept, after its parameters leave the URL.
  const href = useSyncExternalStore(subscribeToNothing, readHref, () => undefined)
  const [landing, setLanding] = useState<RedirectLanding | null>(null)
  if (enabled && !landing && href !== undefined && !openedByThisApp()) {
    const found = readRedirectLanding(href)
    if (found) setLanding(found)
  }

  const { checkRedirect: _, ...result } = useCompletion(
    landing && { connectWebviewId: landing.connectWebviewId },
    options,
    'useConnectWebviewRedirectResult()',
    landing?.hint,
  )

  const settled = result.state === 'completed' || result.state === 'failed'
  useEffect(() => {
    if (!settled || !landing) return
    const href = window.location.href
    if (readRedirectLanding(href)?.connectWebviewId !== landing.connectWebviewId) return
    window.history.replaceState(window.history.state, '', withoutRedirectParams(href))
  }, [settled, landing])

  return { ...result, state: landing ? result.state : 'idle' }
}

// The URL is read once per render: the parameters only arrive with a page load.
const subscribeToNothing = () => () => undefined
const readHref = () => window.location.href

/** Whether this window is a popup a page of this app's origin opened. */
function openedByThisApp(): boolean {
  try {
    const opener = window.opener as Window | null
    return !!opener && opener.location.origin === window.location.origin
  } catch {
    // An opener on another origin cannot be read.
    return false
  }
}
