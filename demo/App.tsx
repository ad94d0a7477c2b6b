import { useState } from 'react'
import {
  SeamConnectProvider,
  useConnectedAccountMetadata,
  useCreateConnectWebview,
} from '../src/index'

const endpoint = import.meta.env.VITE_SEAM_ENDPOINT
const publishableKey = import.meta.env.VITE_SEAM_PUBLISHABLE_KEY

/** An opaque id for this browser tab's demo user (Seam asks for high-entropy ids, never emails). */
function demoUserKey(): string {
  const stored = sessionStorage.getItem('demo-user-key')
  if (stored) return stored
  const created = `demo-${crypto.randomUUID()}`
  sessionStorage.setItem('demo-user-key', created)
  return created
}

/** The fake's control route stands in for a person signing in (the fake's own page comes next). */
async function completeOnFake(connectWebviewId: string) {
  await fetch(`${endpoint}/_fake/connect_webviews/complete`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ connect_webview_id: connectWebviewId }),
  })
}

export function App() {
  if (!endpoint || !publishableKey) {
    return <p role="alert">Set VITE_SEAM_ENDPOINT and VITE_SEAM_PUBLISHABLE_KEY (see README).</p>
  }
  return (
    <SeamConnectProvider
      endpoint={endpoint}
      publishableKey={publishableKey}
      userIdentifierKey={demoUserKey()}
    >
      <main>
        <h1>react-seam-connect</h1>
        <Flow />
      </main>
    </SeamConnectProvider>
  )
}

function Flow() {
  const [tenant, setTenant] = useState('acme')
  const create = useCreateConnectWebview()
  const webview = create.data
  const metadata = useConnectedAccountMetadata(
    webview ? { connectWebviewId: webview.connect_webview_id } : null,
    { pollInterval: 1000 },
  )
  return (
    <>
      <form
        onSubmit={(event) => {
          event.preventDefault()
          create.mutate({ custom_metadata: { tenant_id: tenant } })
        }}
      >
        <label>
          tenant_id <input value={tenant} onChange={(e) => setTenant(e.target.value)} />
        </label>
        <button type="submit" disabled={create.isPending}>
          Create Connect Webview
        </button>
      </form>
      {create.error && <p role="alert">{create.error.message}</p>}
      {webview && (
        <section>
          <p>
            Webview <code>{webview.connect_webview_id}</code>: <a href={webview.url}>open it</a> and
            sign in; this page reads the connected account back once Seam confirms.
          </p>
          {metadata.isPending && (
            <p>
              Waiting for the connection…{' '}
              <button type="button" onClick={() => void completeOnFake(webview.connect_webview_id)}>
                Sign in on the fake
              </button>
            </p>
          )}
          {metadata.error && <p role="alert">{metadata.error.message}</p>}
          {metadata.data && <pre>{JSON.stringify(metadata.data, null, 2)}</pre>}
        </section>
      )}
    </>
  )
}
