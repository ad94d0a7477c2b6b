import { useId } from 'react'
import {
  useConnectWebviewPopup,
  type ConnectWebviewPopupState,
  type PollInterval,
} from '../../src/index'
import { CompletionResult } from './CompletionResult'
import { MetadataForm } from './MetadataForm'
import { MetadataReadBack } from './MetadataReadBack'
import type { MetadataRow } from './metadata-rows'

const STATE_TEXT: Record<Exclude<ConnectWebviewPopupState, 'idle'>, string> = {
  opening: 'Opening the popup…',
  pending: 'Sign in to your device account in the popup window.',
  verifying: 'Checking the connection with Seam…',
  completed: 'Connected.',
  failed: 'The connection did not complete.',
  closed: 'The popup closed before the connection finished.',
  blocked: 'Your browser blocked the popup: allow popups for this page, or choose another way.',
}

/** States after which `error` is the flow's end, not one that verification is riding out. */
const ENDED: ConnectWebviewPopupState[] = ['failed', 'closed', 'blocked']

export interface PopupConnectProps {
  /** Rows to start with. */
  initialRows?: MetadataRow[]
  pollInterval?: PollInterval
}

/** The metadata form, opening the webview it creates in a popup, and what Seam confirmed. */
export function PopupConnect({ initialRows, pollInterval }: PopupConnectProps) {
  const popup = useConnectWebviewPopup({ pollInterval })
  const headingId = useId()
  const { state, connectWebview, completion, error } = popup
  return (
    <>
      <MetadataForm
        initialRows={initialRows}
        submitLabel="Open the Connect Webview in a popup"
        busyLabel="Opening…"
        busy={state === 'opening'}
        // No await before open(): the browser allows the window only inside the click.
        onSubmit={(metadata) => void popup.open({ custom_metadata: metadata })}
      />
      {state !== 'idle' && (
        <section className="panel" aria-labelledby={headingId}>
          <h2 id={headingId}>Connect an account in a popup</h2>
          <p className="state" role="status" data-state={state}>
            {STATE_TEXT[state]}
          </p>
          {connectWebview && (
            <p className="hint">
              Webview <code data-testid="webview-id">{connectWebview.connect_webview_id}</code>
            </p>
          )}
          {error && ENDED.includes(state) && (
            <p role="alert" className="error">
              {error.message}
            </p>
          )}
          {completion && <CompletionResult completion={completion} />}
        </section>
      )}
      {completion && (
        <MetadataReadBack connectWebviewId={completion.connectWebview.connect_webview_id} />
      )}
    </>
  )
}
