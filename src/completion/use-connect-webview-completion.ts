'use client'

import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import type { SeamConnectError } from '../errors/errors.js'
import { DEV, devWarnOnce } from '../internal/development.js'
import { useLatest } from '../internal/use-latest.js'
import { connectedAccountByConnectWebviewQueryOptions } from '../query/connected-account-by-connect-webview-query-options.js'
import {
  connectWebviewQueryOptions,
  isSettledConnectWebview,
  pollWhilePending,
  type PollInterval,
} from '../query/connect-webview-query-options.js'
import {
  connectedAccountIdOf,
  webviewOutcomeError,
  type WebviewFailureHint,
} from '../query/webview-outcome.js'
import { seamConnectKeys } from '../query/keys.js'
import { useRequiredClient } from '../react/seam-connect-context.js'
import { useAccountByIdSeed } from '../react/use-account-by-id-seed.js'
import type { ConnectWebview } from '../schemas/connect-webview.js'
import type { ConnectedAccount } from '../schemas/connected-account.js'
import type { CustomMetadata } from '../schemas/custom-metadata.js'
import type { InferSchemaOutput, StandardSchemaV1 } from '../schemas/standard-schema.js'
import { validateCustomMetadata } from '../schemas/validate-metadata.js'
import {
  LOGIN_FAILED,
  parseWebviewMessage,
  type ConnectWebviewEvent,
} from '../schemas/webview-message.js'
import { completionKey, completionRecord, type CompletionOutcome } from './completion-record.js'
import { readRedirectLanding } from './redirect-landing.js'
import { classifyFailure, retryDelay } from './verification-failure.js'
import {
  readConnectWebviewTarget,
  type CompletionTarget,
  type ConnectWebviewTarget,
} from './webview-target.js'

/**
 * Where a webview's completion is:
 * - `pending`: waiting for a signal (a message, a redirect, a poll that sees it finished);
 * - `verifying`: a signal arrived, or Seam says the webview finished, and the API is being asked
 *   (through outages, timeouts and 401s alike: nothing ends it but Seam's answer);
 * - `completed` / `failed`: Seam's final answer, recorded once per webview.
 */
export type ConnectWebviewCompletionState = 'pending' | 'verifying' | 'completed' | 'failed'

/** What `onComplete` receives once Seam's API has confirmed the connection. */
export interface ConnectWebviewCompletion<M = CustomMetadata> {
  connectWebview: ConnectWebview
  connectedAccount: ConnectedAccount
  /** The connected account's `custom_metadata` (validated by `schema` when given). */
  customMetadata: M
}

/** `customMetadata`'s type: the schema's output, or plain metadata without one. */
export type CompletionMetadata<S extends StandardSchemaV1 | undefined> = S extends StandardSchemaV1
  ? InferSchemaOutput<S>
  : CustomMetadata

export interface UseConnectWebviewCompletionOptions<
  S extends StandardSchemaV1 | undefined = undefined,
> {
  /**
   * The window the webview runs in (`() => iframeRef.current?.contentWindow`, or a popup). Only
   * messages from that window and the webview URL's exact origin are read, and each is only a
   * reason to ask the API. Leave it out where no such window exists (a full-page redirect); a
   * target given by `connectWebviewId` alone has no origin to check, so it takes no `source`.
   */
  source?: () => MessageEventSource | null | undefined
  /** Fires exactly once per webview, after `/connect_webviews/get` says `authorized` and the account was read. */
  onComplete?: (completion: ConnectWebviewCompletion<CompletionMetadata<S>>) => void
  /**
   * The error that ended the webview (`SeamConnectWebviewFailedError` when Seam confirms the
   * login failed; a 400, 403 or 404 about this webview; a reply or `schema` mismatch), or one
   * that needs the app (a 401: verification resumes when the provider gets a new credential).
   * Outages, timeouts, 408, 429 and 5xx are retried and never reported here.
   */
  onError?: (error: SeamConnectError) => void
  /** Every validated message from the webview (its `data.event`). */
  onEvent?: (event: ConnectWebviewEvent) => void
  /** Fallback status polling in ms (default 5000); `false` turns it off. Paused while the page is hidden. */
  pollInterval?: PollInterval
  /** A Standard Schema that validates and types `customMetadata`. */
  schema?: S
  /** `false` keeps it idle: no listener, no request. Default `true`. */
  enabled?: boolean
}

export interface ConnectWebviewCompletionResult<M = CustomMetadata> {
  /** The webview's id, once there is a target. */
  connectWebviewId: string | undefined
  state: ConnectWebviewCompletionState
  /** Both objects and the metadata, once `completed` (after a remount: while the cache holds them). */
  completion: ConnectWebviewCompletion<M> | undefined
  /** The error that ended it (`failed`), or the latest one verification is riding out. */
  error: SeamConnectError | undefined
  /** Asks the API now, as a message would: e.g. when a popup closes, or to retry after a 401. */
  verify: () => void
  /**
   * Call when the webview's window may have navigated (an iframe's `load`). A window that landed
   * on the app's own `custom_redirect_url` with this webview's id is a signal; its `error_code`
   * and `error_message` are kept for the error Seam confirms. Returns whether it landed.
   */
  checkRedirect: (win: Window | null | undefined) => boolean
}

/** Fallback polling of the completion, in ms: a message or a redirect is the fast path. */
export const DEFAULT_COMPLETION_POLL_INTERVAL = 5000

interface Signal extends WebviewFailureHint {
  /** The account a message named: read at once, beside the webview. */
  accountId?: string | undefined
}

interface Local {
  key: string | null
  /** When the latest signal arrived (0: none yet). */
  signalAt: number
  hint: WebviewFailureHint
}

/**
 * The completion engine under `<ConnectWebviewFrame>`, for an app that builds its own container
 * (a modal, a drawer) around the iframe. It owns the signals (trusted messages from `source`, a
 * landing on `custom_redirect_url` through `checkRedirect`, and polling), verification through
 * the API (the webview, then the account it names, as dependent queries), and the outcome: it
 * calls `onComplete` or `onError` once per webview and QueryClient, whatever the credential, the
 * remounts or the number of containers showing it.
 *
 * @example
 * const iframe = useRef<HTMLIFrameElement>(null)
 * const { state, checkRedirect } = useConnectWebviewCompletion(
 *   { connectWebview },
 *   { source: () => iframe.current?.contentWindow, onComplete: ({ customMetadata }) => save(customMetadata) },
 * )
 * return <iframe ref={iframe} src={connectWebview.url} onLoad={(e) => checkRedirect(e.currentTarget.contentWindow)} />
 */
export function useConnectWebviewCompletion<S extends StandardSchemaV1 | undefined = undefined>(
  target: ConnectWebviewTarget | null,
  options?: UseConnectWebviewCompletionOptions<S>,
): ConnectWebviewCompletionResult<CompletionMetadata<S>>
/** A webview known by its id alone has no origin to check messages against: no `source`. */
export function useConnectWebviewCompletion<S extends StandardSchemaV1 | undefined = undefined>(
  target: { connectWebviewId: string } | null,
  options?: UseConnectWebviewCompletionOptions<S> & { source?: never },
): ConnectWebviewCompletionResult<CompletionMetadata<S>>
export function useConnectWebviewCompletion<S extends StandardSchemaV1 | undefined = undefined>(
  target: CompletionTarget | null,
  options: UseConnectWebviewCompletionOptions<S> = {},
): ConnectWebviewCompletionResult<CompletionMetadata<S>> {
  return useCompletion(target, options, 'useConnectWebviewCompletion()')
}

/**
 * {@link useConnectWebviewCompletion}, naming its caller in errors. `landed`: the webview's window
 * already landed on `custom_redirect_url` (what Seam appended), so a first signal is in hand.
 */
export function useCompletion<S extends StandardSchemaV1 | undefined>(
  target: CompletionTarget | null,
  options: UseConnectWebviewCompletionOptions<S>,
  caller: string,
  landed?: WebviewFailureHint,
): ConnectWebviewCompletionResult<CompletionMetadata<S>> {
  const client = useRequiredClient(caller)
  const queryClient = useQueryClient()
  const hasSource = options.source !== undefined
  const webview = target && readConnectWebviewTarget(target, caller, hasSource)
  const id = webview?.id ?? null
  // Where messages must come from, and the page a window showing the webview is at.
  const origin = webview?.url?.origin
  const page = webview?.url && origin + webview.url.pathname
  const { pollInterval = DEFAULT_COMPLETION_POLL_INTERVAL, enabled = true, schema } = options
  const latest = useLatest(options)

  const record = completionRecord(queryClient)
  const key = id === null ? null : completionKey(client.endpoint, id)
  const outcome = useSyncExternalStore(
    record.subscribe,
    () => record.get(key),
    () => record.get(key),
  )
  const [stored, setLocal] = useState<Local>(() => fresh(key, landed))
  let local = stored
  if (stored.key !== key) {
    // A new webview starts over (React's "adjusting state when a prop changes").
    local = fresh(key, landed)
    setLocal(local)
  }
  const active = enabled && id !== null && !outcome

  // Seam's steps as dependent queries: the webview (checked on mount unless the cache holds an
  // answer younger than a poll interval, polled while pending), then the account it names. Their
  // own retry is off; transient failures are retried below, so it holds whatever retry options
  // other observers or the app's defaults set.
  const webviewQuery = useQuery({
    ...connectWebviewQueryOptions(client, id ?? '', { pollInterval }),
    enabled: active,
    throwOnError: false,
    // After a 401 (or another error that needs the app) polling waits for a new credential.
    refetchInterval: (query) =>
      query.state.error && classifyFailure(query.state.error) === 'attention'
        ? false
        : pollWhilePending(pollInterval)(query),
  })
  const accountId = connectedAccountIdOf(webviewQuery.data)
  const accountQuery = useQuery({
    ...connectedAccountByConnectWebviewQueryOptions(client, id ?? '', accountId ?? ''),
    enabled: active && accountId !== null,
    throwOnError: false,
  })
  useAccountByIdSeed(client, id, accountId, accountQuery.dataUpdatedAt)
  const queries = useLatest({ webviewQuery, accountQuery })

  const built = useMemo(
    () => buildCompletion(webviewQuery.data, accountId ? accountQuery.data : undefined, schema),
    [webviewQuery.data, accountId, accountQuery.data, schema],
  )
  const failing = accountQuery.error ?? webviewQuery.error ?? undefined

  // The outcome: recorded by the first container to reach it, reported by that one only.
  useEffect(() => {
    if (!active || key === null || id === null) return
    const settled = webviewOutcomeError(webviewQuery.data, id, local.hint)
    const next: CompletionOutcome | undefined = settled
      ? { state: 'failed', error: settled }
      : built?.error
        ? { state: 'failed', error: built.error }
        : built
          ? { state: 'completed' }
          : failing && classifyFailure(failing) === 'final'
            ? { state: 'failed', error: failing }
            : undefined
    if (!next || !record.settle(key, next)) return
    // Lists are invalidated rather than seeded: where the webview or the new account belongs in
    // each one (its filters, Seam's order, its pages) is Seam's to say.
    void queryClient.invalidateQueries({ queryKey: seamConnectKeys.connectWebviewLists(client) })
    if (next.state === 'completed') {
      void queryClient.invalidateQueries({
        queryKey: seamConnectKeys.connectedAccountLists(client),
      })
    }
    if (next.state === 'failed') latest.current.onError?.(next.error)
    else if (built?.completion) latest.current.onComplete?.(built.completion as never)
  }, [
    active,
    key,
    id,
    webviewQuery.data,
    built,
    failing,
    local.hint,
    record,
    latest,
    queryClient,
    client,
  ])

  // Failures that are not Seam's final word: retried after a backoff, or reported and left to the
  // app (a 401: a new client from the provider means new queries, which start afresh).
  const attempts = useRef(0)
  const reported = useRef(new WeakSet<SeamConnectError>())
  useEffect(() => {
    if (!failing) attempts.current = 0
    if (!active || !failing) return
    const kind = classifyFailure(failing)
    if (kind === 'attention' && !reported.current.has(failing)) {
      reported.current.add(failing)
      latest.current.onError?.(failing)
    }
    if (kind !== 'transient') return
    const timer = setTimeout(
      () => {
        const { webviewQuery, accountQuery } = queries.current
        void (accountQuery.error ? accountQuery : webviewQuery).refetch()
      },
      retryDelay(attempts.current++, failing),
    )
    return () => clearTimeout(timer)
  }, [active, failing, latest, queries])

  // The read the latest message or landing started, while it is out: sent after that signal, so
  // after the login, it answers a later signal too (a landing right after the message).
  const signalRead = useRef<Promise<unknown> | undefined>(undefined)

  /**
   * A signal: ask the API now. With the account named, both reads go out together. `evidence`:
   * a message or a landing (sent after the login); verify() may come before it.
   */
  const signal = useCallback(
    ({ accountId: named, ...hint }: Signal, evidence = true) => {
      if (!active || id === null) return
      // The time of the signal, not of the render that applies it: React may run the updater
      // later (after the iframe's load event, behind setLoaded), when the read the signal started
      // has already answered, and that answer would then look older than the signal.
      const signalAt = Date.now()
      setLocal((current) =>
        current.key === key
          ? {
              ...current,
              signalAt,
              hint: hint.errorCode ? hint : current.hint,
            }
          : current,
      )
      if (named) {
        void queryClient.prefetchQuery(
          connectedAccountByConnectWebviewQueryOptions(client, id, named),
        )
      }
      const { webviewQuery, accountQuery } = queries.current
      // The cache, not the last render: a read may have answered since.
      const cached = queryClient.getQueryData<ConnectWebview>(
        seamConnectKeys.connectWebview(client, id),
      )
      if (isSettledConnectWebview(cached)) {
        if (accountQuery.error) void accountQuery.refetch()
        return
      }
      if (signalRead.current) return
      // A read already in flight (the mount check, a poll) may predate the login: it is replaced,
      // not joined.
      const read = webviewQuery.refetch()
      if (!evidence) return
      signalRead.current = read
      void read.finally(() => {
        if (signalRead.current === read) signalRead.current = undefined
      })
    },
    [active, id, key, client, queryClient, queries],
  )

  useEffect(() => {
    if (!active || !hasSource || id === null) return
    function onMessage(event: MessageEvent) {
      const source = latest.current.source?.()
      const fromWebview = !!source && event.source === source && event.origin === origin
      const data = fromWebview ? parseWebviewMessage(event.data) : undefined
      if (data?.connect_webview_id !== id) {
        // A ternary on DEV, so that minifiers drop the text from production builds.
        return DEV
          ? devWarnOnce(
              fromWebview
                ? 'Ignored a message from the Connect Webview that is not a login event for this webview.'
                : 'Ignored a message that did not come from this Connect Webview window and origin.',
            )
          : undefined
      }
      latest.current.onEvent?.(data)
      const failed = LOGIN_FAILED.includes(data.event_type)
      signal({
        accountId: data.connected_account_id,
        ...(failed && { errorCode: data.error_code, errorMessage: data.error_message }),
      })
    }
    window.addEventListener('message', onMessage)
    return () => window.removeEventListener('message', onMessage)
  }, [active, hasSource, id, origin, signal, latest])

  const checkRedirect = useCallback(
    (win: Window | null | undefined) => {
      let landing
      try {
        // Another origin (the webview itself) cannot be read: that throws, as expected.
        const at = new URL(win?.location.href ?? '')
        // A webview served from the app's own origin can be read: showing it is not a landing.
        landing = at.origin + at.pathname === page ? null : readRedirectLanding(at.href)
      } catch {
        return false
      }
      if (!active || landing?.connectWebviewId !== id) return false
      signal(landing.hint)
      return true
    },
    [active, id, page, signal],
  )
  const verify = useCallback(() => signal({}, false), [signal])

  // Verifying from a signal until a read made after it says the webview is still pending.
  const { data, dataUpdatedAt, isFetching } = webviewQuery
  const answered =
    data?.status === 'pending' && dataUpdatedAt >= local.signalAt && !isFetching && !failing
  const verifying =
    id !== null && (isSettledConnectWebview(data) || (local.signalAt > 0 && !answered))
  return {
    connectWebviewId: id ?? undefined,
    state: outcome?.state ?? (verifying ? 'verifying' : 'pending'),
    completion:
      outcome?.state === 'completed'
        ? (built?.completion as ConnectWebviewCompletion<CompletionMetadata<S>> | undefined)
        : undefined,
    error: outcome?.error ?? failing,
    verify,
    checkRedirect,
  }
}

const fresh = (key: string | null, landed?: WebviewFailureHint): Local => ({
  key,
  // A landing counts as a signal from the start: the first read, made after it, answers it.
  signalAt: landed ? Date.now() : 0,
  hint: landed ?? {},
})

/** Both objects and the metadata once both are read; a `schema` mismatch as an error. */
function buildCompletion(
  connectWebview: ConnectWebview | undefined,
  connectedAccount: ConnectedAccount | undefined,
  schema: StandardSchemaV1 | undefined,
): { completion?: ConnectWebviewCompletion<unknown>; error?: SeamConnectError } | undefined {
  if (!connectWebview || !connectedAccount) return undefined
  try {
    const { custom_metadata } = connectedAccount
    const customMetadata = schema
      ? validateCustomMetadata(schema, custom_metadata)
      : custom_metadata
    return { completion: { connectWebview, connectedAccount, customMetadata } }
  } catch (error) {
    return { error: error as SeamConnectError }
  }
}
