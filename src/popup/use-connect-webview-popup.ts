'use client'

import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useRef, useState } from 'react'
import { parse } from '../client/validate.js'
import {
  useCompletion,
  type CompletionMetadata,
  type ConnectWebviewCompletion,
  type UseConnectWebviewCompletionOptions,
} from '../completion/use-connect-webview-completion.js'
import {
  isSeamConnectError,
  SeamConnectError,
  SeamConnectPopupError,
  SeamInvalidInputError,
} from '../errors/errors.js'
import { issueAt } from '../errors/issues.js'
import { popupFlows } from '../internal/popup-flows.js'
import { useLatest } from '../internal/use-latest.js'
import { createConnectWebviewMutationOptions } from '../query/create-connect-webview-mutation-options.js'
import { useRequiredClient } from '../react/seam-connect-context.js'
import {
  createConnectWebviewParamsSchema,
  type ConnectWebview,
  type CreateConnectWebviewParams,
} from '../schemas/connect-webview.js'
import type { CustomMetadataInput } from '../schemas/custom-metadata.js'
import type { StandardSchemaV1 } from '../schemas/standard-schema.js'
import { centredPopupFeatures, closeWindow, openBlankWindow, showsWebview } from './popup-window.js'

const CALLER = 'useConnectWebviewPopup()'

/**
 * Where a popup flow is:
 * - `idle`: none yet, or the app aborted the last one;
 * - `opening`: the window is open; the webview is being created, or the window is loading it;
 * - `pending`: the window shows the webview (on Seam's origin, a page the app cannot read);
 * - `verifying`: a signal (a message from the window, its landing on `custom_redirect_url`, a
 *   poll, the window closing) is being checked with the API;
 * - `completed` / `failed`: Seam's answer (or a create that failed);
 * - `closed`: the window closed before Seam reported the webview finished;
 * - `blocked`: the browser refused to open the window.
 */
export type ConnectWebviewPopupState =
  'idle' | 'opening' | 'pending' | 'verifying' | 'completed' | 'failed' | 'closed' | 'blocked'

export interface UseConnectWebviewPopupOptions<
  S extends StandardSchemaV1 | undefined = undefined,
> extends Omit<UseConnectWebviewCompletionOptions<S>, 'source' | 'enabled'> {
  /** `window.open`'s features. Default: a 500×720 popup centred over the app's window. */
  windowFeatures?: string
  /**
   * How long verification goes on, polling every second, once the window is gone without Seam's
   * answer: it read as closed while the person was not back in the app, or before it was seen
   * showing the webview, or it landed on `custom_redirect_url` before Seam confirmed. A closed
   * read is what a Cross-Origin-Opener-Policy looks like: when the app's page, the webview's or
   * a provider's login page in the window sends COOP `same-origin`, the browser cuts the handle,
   * and `closed` reads true while the person is still signing in. Default 120 000 ms; then the
   * API is asked once more, and a `pending` answer ends the flow `closed`. A window seen showing
   * the webview and closed while the app's page has the focus is checked once, then `closed`.
   */
  closedTimeoutMs?: number
}

export interface OpenConnectWebviewPopupOptions {
  /** Aborting closes the window and rejects `open()`'s promise with `signal.reason`. */
  signal?: AbortSignal
}

/** `M`: the metadata a completion carries; `I`: what `open()`'s `custom_metadata` takes. */
export interface ConnectWebviewPopup<M, I = CustomMetadataInput> {
  /**
   * Opens the window at once (call it from a click or tap handler, with no `await` before it),
   * creates the webview with `params`, shows it in the window, and resolves once Seam's API
   * confirms the connection. While a window is open, it focuses that window and returns the same
   * promise (this call's `params` and `signal` are not used then). It rejects with the error `onError` gets (`SeamConnectPopupError` for `blocked` and
   * `closed`, `SeamConnectWebviewFailedError` for a failed login, `SeamInvalidInputError` for bad
   * params, before any window or request), or with `signal.reason` when aborted. A rejection is
   * never unhandled: awaiting it is optional.
   */
  open: (
    params?: CreateConnectWebviewParams<I>,
    options?: OpenConnectWebviewPopupOptions,
  ) => Promise<ConnectWebviewCompletion<M>>
  state: ConnectWebviewPopupState
  /** The webview of the latest flow, once created. */
  connectWebview: ConnectWebview | undefined
  /** Both objects and the metadata, once `completed`. */
  completion: ConnectWebviewCompletion<M> | undefined
  /** The error that ended the latest flow, or the one verification is riding out. */
  error: SeamConnectError | undefined
}

/** How often the window is looked at: closing it fires no event the app can hear. */
const WATCH_MS = 250
/** Polling while a window that read as closed is verified. */
const CLOSED_POLL_MS = 1000
export const DEFAULT_CLOSED_TIMEOUT_MS = 120_000

/** One `open()`: its window and its promise. Mutable, read by timers and listeners. */
interface Flow<M> {
  /** `null` when the browser gave none (blocked) or the params were refused: such a flow ends at once. */
  window: Window | null
  promise: Promise<ConnectWebviewCompletion<M>>
  resolve: (completion: ConnectWebviewCompletion<M>) => void
  reject: (reason: unknown) => void
  /** Its webview, once created. */
  webview?: ConnectWebview
  /** Aborts the create, and drops the app's abort listener. */
  controller: AbortController
  /** The last watch tick found the window showing the webview (one sighting is not enough). */
  glimpsed: boolean
  /** The window was seen showing the webview on two watch ticks in a row. */
  seen: boolean
  done: boolean
}

type View =
  | { phase: 'idle' | 'opening'; webview?: undefined; closedAt?: undefined }
  /**
   * The webview is created and the window sent to it; the engine verifies it. `seen`: the window
   * was seen showing it. `closedAt`: the window read as closed, or landed on the app's page.
   * `lastCheck`: the next answer that says `pending` ends the flow as `closed`.
   */
  | {
      phase: 'shown'
      webview: ConnectWebview
      seen?: boolean
      closedAt?: number
      lastCheck?: boolean
    }
  | {
      phase: 'ended'
      state: 'closed' | 'blocked' | 'failed' | 'idle'
      error?: SeamConnectError
      webview?: ConnectWebview
      closedAt?: undefined
    }

/**
 * Shows a Connect Webview in a popup window, for providers whose logins refuse to be framed, or
 * pages whose Content-Security-Policy rules frames out. It runs on the same engine as
 * `<ConnectWebviewFrame>` (`useConnectWebviewCompletion`): a message is only a signal when it
 * comes from this window and the webview's exact origin, and only Seam's API decides the outcome,
 * reported once through `onComplete` or `onError` and `open()`'s promise.
 *
 * @example
 * const popup = useConnectWebviewPopup({ onComplete: ({ customMetadata }) => save(customMetadata) })
 * <button onClick={() => popup.open({ custom_metadata: { tenant_id } })}>Connect</button>
 */
export function useConnectWebviewPopup<
  S extends StandardSchemaV1 | undefined = undefined,
  I = CustomMetadataInput,
>(options: UseConnectWebviewPopupOptions<S> = {}): ConnectWebviewPopup<CompletionMetadata<S>, I> {
  type M = CompletionMetadata<S>
  const client = useRequiredClient(CALLER)
  const queryClient = useQueryClient()
  const latest = useLatest(options)
  const flowRef = useRef<Flow<M>>(null)
  const [view, setView] = useState<View>({ phase: 'idle' })
  const { closedTimeoutMs = DEFAULT_CLOSED_TIMEOUT_MS, pollInterval } = options

  const engine = useCompletion(
    view.webview ? { connectWebview: view.webview } : null,
    {
      source: () => flowRef.current?.window,
      onComplete: options.onComplete,
      onError: options.onError,
      onEvent: options.onEvent,
      schema: options.schema,
      enabled: view.phase === 'shown',
      pollInterval: view.closedAt === undefined ? pollInterval : CLOSED_POLL_MS,
    },
    CALLER,
  )
  const engineRef = useLatest(engine)

  /** Ends `flow` once: closes its window, settles its promise, and shows `next` if it is current. */
  const end = useCallback((flow: Flow<M>, settle: () => void, next?: View) => {
    if (flow.done) return
    flow.done = true
    flow.controller.abort()
    if (flow.webview) popupFlows(window).delete(flow.webview.connect_webview_id)
    if (flow.window) closeWindow(flow.window)
    // The view first: an app callback that throws in settle() must not leave it behind.
    if (next && flowRef.current === flow) setView(next)
    settle()
  }, [])

  /** Ends `flow` with an error the engine never saw: reported here, once. */
  const fail = useCallback(
    (flow: Flow<M>, state: 'closed' | 'blocked' | 'failed', error?: SeamConnectError) => {
      const reported =
        error ?? new SeamConnectPopupError('closed', flow.webview?.connect_webview_id)
      end(
        flow,
        () => {
          flow.reject(reported)
          latest.current.onError?.(reported)
        },
        { phase: 'ended', state, error: reported, webview: flow.webview },
      )
    },
    [end, latest],
  )

  const open = useCallback(
    (
      params: CreateConnectWebviewParams<I> = {},
      { signal }: OpenConnectWebviewPopupOptions = {},
    ): Promise<ConnectWebviewCompletion<M>> => {
      const current = flowRef.current
      if (current && !current.done) {
        if (current.window && !current.window.closed) {
          current.window.focus()
          return current.promise
        }
        // The user closed it and asks again: that flow ends now, and a new window opens.
        fail(current, 'closed')
      }
      if (signal?.aborted) return handled(Promise.reject(signal.reason))

      let refused: SeamConnectError | undefined
      const features = latest.current.windowFeatures ?? centredPopupFeatures()
      try {
        // Checked before the window opens: bad input never leaves a blank window behind.
        parse(createConnectWebviewParamsSchema, params, '/connect_webviews/create', 'params')
        // With either, window.open returns no handle: it would read as blocked, and nothing
        // could be verified.
        if (/\bno(opener|referrer)\b/i.test(features)) {
          throw new SeamInvalidInputError(CALLER, [
            issueAt(
              ['windowFeatures'],
              "must not contain noopener or noreferrer: the window's handle is needed",
            ),
          ])
        }
      } catch (error) {
        refused = asSeamError(error)
      }
      const opened = refused ? null : openBlankWindow(features)
      const flow = newFlow<M>(opened)
      flowRef.current = flow
      if (refused || !opened) {
        if (refused) fail(flow, 'failed', refused)
        else fail(flow, 'blocked', new SeamConnectPopupError('blocked'))
        return flow.promise
      }
      setView({ phase: 'opening' })

      const aborted = () =>
        end(flow, () => flow.reject(signal?.reason), { phase: 'ended', state: 'idle' })
      signal?.addEventListener('abort', aborted, { once: true, signal: flow.controller.signal })

      // `I` narrows what the page may write (createSeamConnectHooks); the params were checked
      // against Seam's rules above, whatever their static type.
      const checked = params as CreateConnectWebviewParams
      client.connectWebviews
        .create(checked, { signal: flow.controller.signal })
        .then((webview) => {
          createConnectWebviewMutationOptions(client, { queryClient }).onSuccess(webview)
          if (flow.done || !flow.window) return
          // Closed while blank: the webview was never shown, so there is nothing to verify.
          if (flow.window.closed) return fail(flow, 'closed')
          flow.webview = webview
          popupFlows(window).add(webview.connect_webview_id)
          flow.window.location.replace(webview.url)
          if (flowRef.current === flow) setView({ phase: 'shown', webview })
        })
        .catch((error: unknown) => {
          if (!flow.done) return fail(flow, 'failed', asSeamError(error))
          // The flow ended (unmounted, aborted, closed) and aborted its own create: the client
          // rejects with that signal's reason, and there is nothing left to report.
          if (error === flow.controller.signal.reason) return
          // The app's own callback threw: an uncaught error, as it would be anywhere else.
          setTimeout(() => {
            throw error
          })
        })
      return flow.promise
    },
    [client, queryClient, latest, end, fail],
  )

  // Watches the window: a landing on the app's own origin is a signal, and so is closing. It reads
  // the flow, not this render, so it never acts on a phase the flow has left.
  const { state: engineState, completion, error } = engine
  const settled = engineState === 'completed' || engineState === 'failed'
  const watching = view.phase === 'opening' || (view.phase === 'shown' && !settled)
  const closedAt = view.closedAt
  useEffect(() => {
    const flow = flowRef.current
    if (!flow || flow.done || !watching || closedAt !== undefined) return
    /** Verification goes on without the window; `now`: the next `pending` answer ends it. */
    const closing = (now: boolean) =>
      setView((view) =>
        view.phase === 'shown' ? { ...view, closedAt: Date.now(), lastCheck: now } : view,
      )
    const timer = setInterval(() => {
      const { window: win, webview } = flow
      if (flow.done || !win) return
      if (win.closed) {
        // Closed while blank: the create is aborted, and nothing was shown to verify.
        if (!webview) return fail(flow, 'closed')
        // Seen, and the person is back in the app: they closed it, and one answer decides.
        // Otherwise the window may still be open under a handle COOP cut (a provider's login
        // page can send it at any step): verification goes on for closedTimeoutMs.
        closing(flow.seen && document.hasFocus())
        engineRef.current.verify()
      } else if (engineRef.current.checkRedirect(win)) {
        // Landed: the engine has the signal; if Seam does not confirm at once, it polls a while.
        closeWindow(win)
        closing(false)
      } else if (webview && !flow.seen) {
        // Two sightings in a row: while a COOP page commits, Chromium can show the handle
        // cross-origin for a moment before it reads closed, and one tick there would take the
        // cut for the person closing the window (CI saw it: `closed` instead of verifying).
        const showing = showsWebview(win, webview.url)
        if (showing && flow.glimpsed) {
          flow.seen = true
          setView((view) => (view.phase === 'shown' ? { ...view, seen: true } : view))
        }
        flow.glimpsed = showing
      }
    }, WATCH_MS)
    return () => clearInterval(timer)
  }, [watching, closedAt, fail, engineRef])

  // Seam's answer ends the flow (the engine has already called onComplete or onError).
  const shown = view.phase === 'shown'
  useEffect(() => {
    const flow = flowRef.current
    if (!flow || flow.done || !shown) return
    if (engineState === 'completed' && completion) end(flow, () => flow.resolve(completion))
    else if (engineState === 'failed' && error) end(flow, () => flow.reject(error))
  }, [shown, engineState, completion, error, end])

  // Without the window, `closed` once an answer asked for after the last check says `pending`;
  // the last check comes at once (a window the person closed) or after closedTimeoutMs.
  const lastCheck = view.phase === 'shown' && view.lastCheck === true
  useEffect(() => {
    const flow = flowRef.current
    if (!flow || flow.done || closedAt === undefined || settled) return
    if (lastCheck) {
      if (engineState === 'pending') fail(flow, 'closed')
      return
    }
    const timer = setTimeout(
      () => {
        setView((view) => (view.phase === 'shown' ? { ...view, lastCheck: true } : view))
        engineRef.current.verify()
      },
      Math.max(0, closedAt + closedTimeoutMs - Date.now()),
    )
    return () => clearTimeout(timer)
  }, [closedAt, lastCheck, engineState, settled, closedTimeoutMs, fail, engineRef])

  // Unmounting ends a flow in progress: its window closes, and `open()`'s promise rejects.
  useEffect(
    () => () => {
      const flow = flowRef.current
      if (flow && !flow.done) {
        end(flow, () =>
          flow.reject(new DOMException('The component using the popup unmounted', 'AbortError')),
        )
      }
    },
    [end],
  )

  const state: ConnectWebviewPopupState =
    view.phase !== 'shown'
      ? view.phase === 'ended'
        ? view.state
        : view.phase
      : engineState !== 'pending'
        ? engineState
        : closedAt !== undefined
          ? 'verifying'
          : view.seen
            ? 'pending'
            : 'opening'
  return {
    open,
    state,
    connectWebview: view.webview,
    completion: view.phase === 'shown' ? completion : undefined,
    error: view.phase === 'ended' ? view.error : view.phase === 'shown' ? error : undefined,
  }
}

/** What the create or the params check threw, as this library's error. */
const asSeamError = (error: unknown): SeamConnectError =>
  isSeamConnectError(error)
    ? error
    : new SeamConnectError('The Connect Webview popup could not be shown', { cause: error })

/** A promise whose rejection is handled (the app may use callbacks and never await it). */
function handled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined)
  return promise
}

function newFlow<M>(window: Window | null): Flow<M> {
  let resolve!: Flow<M>['resolve']
  let reject!: Flow<M>['reject']
  const promise = handled(
    new Promise<ConnectWebviewCompletion<M>>((yes, no) => {
      resolve = yes
      reject = no
    }),
  )
  return {
    window,
    promise,
    resolve,
    reject,
    controller: new AbortController(),
    glimpsed: false,
    seen: false,
    done: false,
  }
}
