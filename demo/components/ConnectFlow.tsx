import { useState } from 'react'
import type { ConnectWebview, ConnectWebviewCompletion } from '../../src/index'
import { ConnectStep } from './ConnectStep'
import { MetadataEditor } from './MetadataEditor'
import { MetadataReadBack } from './MetadataReadBack'
import { MetadataTable } from './MetadataTable'
import { ModeChoice, type ConnectMode } from './ModeChoice'
import { PopupConnect } from './PopupConnect'
import { RedirectConnect } from './RedirectConnect'
import { RedirectResult } from './RedirectResult'
import { newRow } from './metadata-rows'

/**
 * The steps of Seam's "Attaching Custom Metadata to the Connect Webview"
 * (https://docs.seam.co/latest/core-concepts/connect-webviews/attaching-custom-data-to-the-connect-webview)
 * end to end: custom_metadata -> Connect Webview -> sign in -> the connected
 * account's custom_metadata, read back by webview; then a reconnect with new metadata, which
 * replaces the account's metadata. The webview is shown in the page, in a popup, or after a
 * full-page redirect; whatever the choice, a page Seam redirected back to shows that result.
 */
export function ConnectFlow() {
  const [webview, setWebview] = useState<ConnectWebview | null>(null)
  const [completion, setCompletion] = useState<ConnectWebviewCompletion | null>(null)
  const [previous, setPrevious] = useState<ConnectWebviewCompletion | null>(null)
  const [round, setRound] = useState(1)
  // Not kept across the redirect: the result is shown whatever is chosen on return.
  const [mode, setMode] = useState<ConnectMode>('iframe')
  const initialRows =
    round === 1 ? [newRow('tenant_id', 'acme'), newRow('plan', 'free')] : [newRow('plan', 'pro')]

  return (
    <div className="flow">
      <RedirectResult />
      {previous && (
        <section className="panel muted" aria-labelledby="previous-heading">
          <h2 id="previous-heading">Before the reconnect</h2>
          <MetadataTable
            metadata={previous.customMetadata}
            caption={`custom_metadata of ${previous.connectedAccount.connected_account_id}`}
          />
        </section>
      )}
      {!webview && round === 1 && (
        <p className="hint">
          Your server sets <code>your_app_user_id</code> on every webview. Add that key below with
          another user’s id: the account still ends up with yours.
        </p>
      )}
      {!webview && round === 1 && <ModeChoice value={mode} onChange={setMode} />}
      {!webview && mode === 'iframe' && (
        <MetadataEditor
          key={round}
          initialRows={initialRows}
          submitLabel={round === 1 ? 'Create Connect Webview' : 'Create a reconnect webview'}
          onCreated={setWebview}
        />
      )}
      {mode === 'popup' && <PopupConnect initialRows={initialRows} />}
      {mode === 'redirect' && <RedirectConnect initialRows={initialRows} />}
      {webview && (
        <ConnectStep
          key={webview.connect_webview_id}
          connectWebview={webview}
          onComplete={setCompletion}
        />
      )}
      {webview && completion && (
        <>
          <MetadataReadBack connectWebviewId={webview.connect_webview_id} />
          <div className="actions">
            <button
              type="button"
              onClick={() => {
                setPrevious(completion)
                setWebview(null)
                setCompletion(null)
                setRound(round + 1)
              }}
            >
              Reconnect with new metadata
            </button>
          </div>
          <p className="hint">
            Sign in again with the same provider and username: Seam reconnects the same account and
            replaces its whole custom_metadata with the new webview’s.
          </p>
        </>
      )}
    </div>
  )
}
