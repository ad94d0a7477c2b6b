'use client'

import {
  forwardRef,
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
  DEFAULT_COMPLETION_POLL_INTERVAL,
  useCompletion,
  type UseConnectWebviewCompletionOptions,
} from '../completion/use-connect-webview-completion.js'
import {
  readConnectWebviewTarget,
  type ConnectWebviewTarget,
} from '../completion/webview-target.js'
import { DEV, devWarnOnce } from '../internal/development.js'
import { useLatest } from '../internal/use-latest.js'
import type { StandardSchemaV1 } from '../schemas/standard-schema.js'

/** Where the frame is: `data-state` on the iframe, and `onStateChange`. */
export type ConnectWebviewFrameState = 'loading' | 'ready' | 'verifying' | 'completed' | 'failed'

export type ConnectWebviewFrameProps<S extends StandardSchemaV1 | undefined = undefined> = Omit<
  ComponentPropsWithoutRef<'iframe'>,
  'src' | 'onError'
> &
  ConnectWebviewTarget &
  Omit<UseConnectWebviewCompletionOptions<S>, 'source' | 'enabled'> & {
    onStateChange?: (state: ConnectWebviewFrameState) => void
  }

/**
 * Embeds a Seam Connect Webview and calls `onComplete` exactly once, with the connected account's
 * `custom_metadata`, when Seam's API confirms the connection. It is an iframe over
 * `useConnectWebviewCompletion`: messages from the iframe (only from its window and the webview's
 * exact origin), a redirect to your own origin, and fallback polling are all just signals to check
 * with the API; none is trusted as proof.
 *
 * @example
 * <ConnectWebviewFrame connectWebview={create.data} onComplete={({ customMetadata }) => save(customMetadata)} />
 */
export const ConnectWebviewFrame = forwardRef(function ConnectWebviewFrame(
  props: ConnectWebviewFrameProps<StandardSchemaV1 | undefined>,
  ref: ForwardedRef<HTMLIFrameElement>,
) {
  // A new webview starts a new frame (and loads its URL); the same webview never reloads.
  const { id } = readConnectWebviewTarget(props, '<ConnectWebviewFrame>')
  return <Frame key={id} {...props} forwardedRef={ref} />
}) as <S extends StandardSchemaV1 | undefined = undefined>(
  props: ConnectWebviewFrameProps<S> & { ref?: Ref<HTMLIFrameElement> },
) => ReactElement

function Frame(
  props: ConnectWebviewFrameProps<StandardSchemaV1 | undefined> & {
    forwardedRef: ForwardedRef<HTMLIFrameElement>
  },
) {
  const {
    connectWebview,
    url,
    forwardedRef,
    onComplete,
    onError,
    onEvent,
    onStateChange: _onStateChange, // read through `latest`
    schema,
    pollInterval = DEFAULT_COMPLETION_POLL_INTERVAL,
    onLoad,
    allow = '',
    style,
    title = 'Connect your device account with Seam',
    ...rest
  } = props
  const iframe = useRef<HTMLIFrameElement>(null)
  // The app's ref gets the iframe too; it stays the same node for the life of this frame.
  useImperativeHandle(forwardedRef, () => iframe.current as HTMLIFrameElement, [])
  // The first URL of this webview stays: a re-render with a new object must not reload it.
  const [src] = useState(connectWebview?.url ?? url)
  const [loaded, setLoaded] = useState(false)
  const completion = useCompletion(
    connectWebview ? { connectWebview } : { url: url as string },
    {
      source: () => iframe.current?.contentWindow,
      onComplete,
      onError,
      onEvent,
      pollInterval,
      schema,
    },
    '<ConnectWebviewFrame>',
  )
  const state: ConnectWebviewFrameState =
    completion.state === 'pending' ? (loaded ? 'ready' : 'loading') : completion.state

  const latest = useLatest(props)
  const reported = useRef<ConnectWebviewFrameState>(undefined)
  useEffect(() => {
    if (reported.current !== state) latest.current.onStateChange?.((reported.current = state))
  }, [state, latest])

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
        completion.checkRedirect(event.currentTarget.contentWindow)
      }}
    />
  )
}

function useSandboxWarning(sandbox: string | undefined) {
  useEffect(() => warnAboutSandbox(sandbox), [sandbox])
}

// A ternary on DEV, not an `if` inside: minifiers fold the ternary and drop the check from apps'
// production builds.
const warnAboutSandbox = DEV
  ? (sandbox: string | undefined) => {
      // Seam's page needs these (docs/seam-api.md §7); some providers log in in a popup.
      const needs = ['allow-scripts', 'allow-same-origin', 'allow-forms', 'allow-popups']
      const missing = needs.filter((token) => sandbox && !sandbox.split(/\s+/).includes(token))
      if (missing.length) {
        devWarnOnce(
          `The sandbox attribute blocks what Seam's page needs (${missing.join(', ')}); ` +
            'some providers open their login in a popup. Leave sandbox unset or add them.',
        )
      }
    }
  : () => undefined
