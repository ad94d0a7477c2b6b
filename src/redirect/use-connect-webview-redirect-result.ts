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
import { openerShows } from '../internal/popup-flows.js'
import type { StandardSchemaV1 } from '../schemas/standard-schema.js'
import { markHandled, wasHandled } from './handled-landings.js'

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
 * `onComplete` or `onError`. Then it removes those parameters with `history.replaceState`, and
 * remembers the id (in `localStorage`): a reload, or the same URL opened again from history or a
 * bookmark, repeats nothing. Until Seam has answered they stay, so a reload during verification
 * loses nothing. The URL is only a signal: the API, with this user's credential,
 * decides, so a link to another user's webview fails (Seam refuses to read it) instead of
 * reporting it as theirs.
 *
 * In a popup whose opener's `useConnectWebviewPopup` flow shows this webview (with a
 * `custom_redirect_url`) it stays `idle`: the opener reads the landing and closes the window.
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
  const [landing, setLanding] = useState<Landing | null>(null)
  if (enabled && !landing && href !== undefined) {
    const found = readRedirectLanding(href)
    // In a popup whose opener's flow shows this webview, the opener reads the landing.
    if (found && !openerShows(found.connectWebviewId)) {
      setLanding({ ...found, repeat: wasHandled(found.connectWebviewId) })
    }
  }
  const fresh = landing && !landing.repeat ? landing : null

  const { checkRedirect: _, ...result } = useCompletion(
    fresh && { connectWebviewId: fresh.connectWebviewId },
    options,
    'useConnectWebviewRedirectResult()',
    fresh?.hint,
  )

  const settled = result.state === 'completed' || result.state === 'failed'
  useEffect(() => {
    if (!landing || !(settled || landing.repeat)) return
    markHandled(landing.connectWebviewId)
    const href = window.location.href
    if (readRedirectLanding(href)?.connectWebviewId !== landing.connectWebviewId) return
    window.history.replaceState(window.history.state, '', withoutRedirectParams(href))
  }, [settled, landing])

  return { ...result, state: fresh ? result.state : 'idle' }
}

/** A landing, and whether this browser reported it already (then it is only cleaned up). */
interface Landing extends RedirectLanding {
  repeat: boolean
}

// The URL is read once per render: the parameters only arrive with a page load.
const subscribeToNothing = () => () => undefined
const readHref = () => window.location.href
