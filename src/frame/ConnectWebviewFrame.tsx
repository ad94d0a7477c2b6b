import { useQuery, useQueryClient } from '@tanstack/react-query'
import {
  forwardRef,
  useCallback,
  useEffect,
  useImperativeHandle,
  useRef,
  useState,
  type ComponentPropsWithoutRef,
  type ForwardedRef,
  type ReactElement,
  type Ref,
} from 'react'
import {
  SeamConnectWebviewFailedError,
  SeamInvalidInputError,
  isSeamConnectWebviewFailedError,
  isTransientSeamError,
  type SeamConnectError,
} from '../errors/errors.js'
import { devWarnOnce } from '../internal/dev-warning.js'
import { parseHttpUrl } from '../internal/http-url.js'
import {
  connectWebviewQueryOptions,
  type PollInterval,
} from '../query/connect-webview-query-options.js'
import { connectedAccountByConnectWebviewQueryOptions } from '../query/connected-account-by-connect-webview-query-options.js'
import { connectedAccountQueryOptions } from '../query/connected-account-query-options.js'
import { seamConnectKeys } from '../query/keys.js'
import { useRequiredClient } from '../react/seam-connect-context.js'
import type { ConnectWebview } from '../schemas/connect-webview.js'
import type { ConnectedAccount } from '../schemas/connected-account.js'
import type { CustomMetadata } from '../schemas/custom-metadata.js'
import type { InferSchemaOutput, StandardSchemaV1 } from '../schemas/standard-schema.js'
import { validateCustomMetadata } from '../schemas/validate-metadata.js'
import {
  LOGIN_FAILED,
  webviewMessageSchema,
  type ConnectWebviewEvent,
} from '../schemas/webview-message.js'
import { frameOutcomes, type FrameOutcome } from './completion-registry.js'

/** Where the frame is: `data-state` on the iframe, and `onStateChange`. */
export type ConnectWebviewFrameState = 'loading' | 'ready' | 'verifying' | 'completed' | 'failed'

/** What `onComplete` receives once Seam's API has confirmed the connection. */
export interface ConnectWebviewCompletion<M = CustomMetadata> {
  connectWebview: ConnectWebview
  connectedAccount: ConnectedAccount
  /** The connected account's `custom_metadata` (validated by `schema` when given). */
  customMetadata: M
}

type Source =
  | {
      /** The webview from `useCreateConnectWebview` (its `url` and `connect_webview_id`). */
      connectWebview: Pick<ConnectWebview, 'connect_webview_id' | 'url'>
      url?: never
    }
  | {
      /** The webview's `url`; its id is read from the `connect_webview_id` parameter. */
      url: string
      connectWebview?: never
    }

export type ConnectWebviewFrameProps<S extends StandardSchemaV1 | undefined = undefined> = Omit<
  ComponentPropsWithoutRef<'iframe'>,
  'src' | 'onError'
> &
  Source & {
    /** Fires exactly once per webview, after `/connect_webviews/get` says `authorized` and the account was read. */
    onComplete?: (
      completion: ConnectWebviewCompletion<
        S extends StandardSchemaV1 ? InferSchemaOutput<S> : CustomMetadata
      >,
    ) => void
    /**
     * A `SeamConnectWebviewFailedError` when Seam confirms the login failed, or the definite API
     * error (a 4xx other than 429, or a metadata schema mismatch) that ended verification.
     */
    onError?: (error: SeamConnectError) => void
    /** Every validated message from the webview (its `data.event`). */
    onEvent?: (event: ConnectWebviewEvent) => void
    onStateChange?: (state: ConnectWebviewFrameState) => void
    /** Fallback status polling in ms (default 5000); `false` turns it off. Paused while the page is hidden. */
    pollInterval?: PollInterval
    /** A Standard Schema that validates and types `customMetadata`. */
    schema?: S
  }

declare const process: { env: { NODE_ENV?: string } }

const transient = (_: number, error: unknown) => isTransientSeamError(error)

/**
 * Embeds a Seam Connect Webview and calls `onComplete` exactly once, with the connected account's
 * `custom_metadata`, when Seam's API confirms the connection. Messages from the iframe (accepted
 * only from this iframe's window and the webview's exact origin), a redirect to your own origin,
 * and fallback polling are all just signals to check with the API; none is trusted as proof.
 *
 * @example
 * <ConnectWebviewFrame connectWebview={create.data} onComplete={({ customMetadata }) => save(customMetadata)} />
 */
export const ConnectWebviewFrame = forwardRef(function ConnectWebviewFrame(
  props: ConnectWebviewFrameProps<StandardSchemaV1 | undefined>,
  ref: ForwardedRef<HTMLIFrameElement>,
) {
  // Only http(s) URLs: a `javascript:` src would run in the app's own origin.
  const url = parseHttpUrl(props.connectWebview?.url ?? props.url)
  const id = url?.searchParams.get('connect_webview_id')
  if (!url || !id) {
    throw new SeamInvalidInputError('<ConnectWebviewFrame>', [
      {
        path: ['url'],
        message: 'url must be an http(s) Connect Webview URL with a connect_webview_id',
      },
    ])
  }
  // A new webview starts a new frame; the same webview never reloads.
  const webviewId = props.connectWebview?.connect_webview_id ?? id
  return (
    <Frame
      key={webviewId}
      {...props}
      webviewId={webviewId}
      origin={url.origin}
      forwardedRef={ref}
    />
  )
}) as <S extends StandardSchemaV1 | undefined = undefined>(
  props: ConnectWebviewFrameProps<S> & { ref?: Ref<HTMLIFrameElement> },
) => ReactElement

type FrameProps = ConnectWebviewFrameProps<StandardSchemaV1 | undefined> & {
  webviewId: string
  origin: string
  forwardedRef: ForwardedRef<HTMLIFrameElement>
}

function Frame(props: FrameProps) {
  const {
    connectWebview,
    url,
    webviewId,
    origin,
    forwardedRef,
    // Read through `latest`; taken out here so that they do not reach the iframe.
    onComplete: _onComplete,
    onError: _onError,
    onEvent: _onEvent,
    onStateChange: _onStateChange,
    schema: _schema,
    pollInterval = 5000,
    onLoad,
    allow = '',
    style,
    title = 'Connect your device account with Seam',
    ...rest
  } = props
  const client = useRequiredClient('<ConnectWebviewFrame>')
  const queryClient = useQueryClient()
  // The first URL of this webview stays: a re-render with a new object must not reload it.
  const [src] = useState(connectWebview?.url ?? url)
  const key = client.scope + webviewId
  const [outcome, setOutcome] = useState(() => frameOutcomes(queryClient).get(key))
  const [loaded, setLoaded] = useState(false)
  const [signalled, setSignalled] = useState(false)
  const hint = useRef({})
  // When the latest signal arrived: account data read since then needs no second read.
  const signalAt = useRef(0)
  const iframe = useRef<HTMLIFrameElement>(null)
  // The app's ref gets the iframe too; it stays the same node for the life of this frame.
  useImperativeHandle(forwardedRef, () => iframe.current as HTMLIFrameElement, [])
  // Latest-ref: inline callbacks never re-subscribe a listener or reload the iframe.
  const latest = useRef(props)
  latest.current = props

  // Seed steps 5 to 7 through the query cache: the webview (checked on mount, then polled while
  // pending and the page is visible), then its account. Transient failures retry, with React
  // Query's capped backoff, for as long as the frame is shown.
  const {
    data: account,
    error,
    failureCount,
  } = useQuery({
    ...connectedAccountByConnectWebviewQueryOptions(client, webviewId, {
      queryClient,
      pollInterval,
      accountFreshSince: () => signalAt.current,
    }),
    enabled: !outcome,
    retry: transient,
  })

  useEffect(() => {
    if (outcome || !(account || error)) return
    let result: FrameOutcome = 'failed'
    let fire: () => void
    try {
      if (error) {
        throw isSeamConnectWebviewFailedError(error)
          ? new SeamConnectWebviewFailedError({ connectWebviewId: webviewId, ...hint.current })
          : error
      }
      const { schema } = latest.current
      const completion = {
        connectWebview: queryClient.getQueryData(seamConnectKeys.connectWebview(client, webviewId)),
        connectedAccount: account,
        customMetadata: schema
          ? validateCustomMetadata(schema, account?.custom_metadata ?? {})
          : account?.custom_metadata,
      }
      result = 'completed'
      fire = () => latest.current.onComplete?.(completion as never)
    } catch (failure) {
      fire = () => latest.current.onError?.(failure as SeamConnectError)
    }
    setOutcome(result)
    // Only the first frame to finish this webview fires its callback.
    const finished = frameOutcomes(queryClient)
    if (!finished.has(key)) {
      finished.set(key, result)
      fire()
    }
  }, [outcome, account, error, webviewId, queryClient, client, key])

  // A signal (message or redirect) asks the API at once; a still-pending answer ends "verifying".
  const verify = useCallback(
    (accountHint?: string) => {
      setSignalled(true)
      signalAt.current = Date.now()
      // With the account id in hand, both reads go out together.
      if (accountHint) {
        void queryClient.prefetchQuery({
          ...connectedAccountQueryOptions(client, accountHint),
          staleTime: 0,
        })
      }
      queryClient
        .fetchQuery({ ...connectWebviewQueryOptions(client, webviewId), staleTime: 0 })
        .then((webview) => webview.status === 'pending' && setSignalled(false), noop)
    },
    [client, queryClient, webviewId],
  )

  useEffect(() => {
    if (outcome) return
    function onMessage(event: MessageEvent) {
      const fromFrame = event.source === iframe.current?.contentWindow && event.origin === origin
      const data = fromFrame ? webviewMessageSchema.safeParse(event.data).data?.event : undefined
      if (data?.connect_webview_id !== webviewId) {
        return devWarnOnce(
          fromFrame
            ? 'Ignored a message from the Connect Webview that is not a login event for this webview.'
            : 'Ignored a message that did not come from this Connect Webview iframe and origin.',
        )
      }
      latest.current.onEvent?.(data)
      if (LOGIN_FAILED.includes(data.event_type)) {
        hint.current = { errorCode: data.error_code, errorMessage: data.error_message }
      }
      verify(data.connected_account_id)
    }
    window.addEventListener('message', onMessage)
    return () => window.removeEventListener('message', onMessage)
  }, [outcome, origin, webviewId, verify])

  const state: ConnectWebviewFrameState =
    outcome ?? (signalled || failureCount ? 'verifying' : loaded ? 'ready' : 'loading')

  const reported = useRef<ConnectWebviewFrameState>(undefined)
  useEffect(() => {
    if (reported.current !== state) latest.current.onStateChange?.((reported.current = state))
  }, [state])

  useSandboxWarning(rest.sandbox)

  return (
    <iframe
      {...rest}
      ref={iframe}
      src={src}
      title={title}
      allow={/clipboard-write/.test(allow) ? allow : `clipboard-write${allow && `; ${allow}`}`}
      style={{ border: 0, width: '100%', minHeight: 600, ...style }}
      data-state={state}
      aria-busy={state === 'loading' || state === 'verifying'}
      onLoad={(event) => {
        onLoad?.(event)
        setLoaded(true)
        // Landing on the app's own origin is the custom_redirect_url (facts §5.2); the webview's
        // own origin cannot be read, which throws and is expected.
        try {
          const params = new URLSearchParams(event.currentTarget.contentWindow?.location.search)
          if (params.get('connect_webview_id') === webviewId) {
            const errorCode = params.get('error_code')
            if (errorCode)
              hint.current = { errorCode, errorMessage: params.get('error_message') ?? undefined }
            verify()
          }
        } catch {
          // cross-origin: still on the webview
        }
      }}
    />
  )
}

const noop = () => {}

function useSandboxWarning(sandbox: string | undefined) {
  useEffect(() => {
    if (process.env.NODE_ENV === 'production') return
    // Seam's page needs these (facts §5); some providers open their login in a popup.
    const needs = ['allow-scripts', 'allow-same-origin', 'allow-forms', 'allow-popups']
    const missing = needs.filter((token) => sandbox && !sandbox.split(/\s+/).includes(token))
    if (missing.length) {
      devWarnOnce(
        `The sandbox attribute blocks what Seam's page needs (${missing.join(', ')}); ` +
          'some providers open their login in a popup. Leave sandbox unset or add them.',
      )
    }
  }, [sandbox])
}
