import { useState } from 'react'
import { SeamConnectProvider } from '../src/index'
import { ConnectFlow } from './components/ConnectFlow'
import { demoConfig } from './config'

/** An opaque id for this tab's demo user: Seam asks for high-entropy ids, never emails. */
function demoUserKey(): string {
  const stored = sessionStorage.getItem('demo-user-key')
  if (stored) return stored
  const created = `demo-${crypto.randomUUID()}`
  sessionStorage.setItem('demo-user-key', created)
  return created
}

export function App() {
  const [userIdentifierKey] = useState(demoUserKey)
  const config = demoConfig(import.meta.env)
  return (
    <main>
      <header>
        <h1>react-seam-connect</h1>
        <p>
          Attach <code>custom_metadata</code> to a Seam Connect Webview and read it back from the
          connected account.{' '}
          {config.kind === 'fake' &&
            'Running against the bundled fake Seam Connect: any username works; the password “wrong” fails the login.'}
        </p>
      </header>
      {config.kind === 'missing' ? (
        <p role="alert" className="error">
          {config.problem}
        </p>
      ) : (
        <SeamConnectProvider
          endpoint={config.endpoint}
          {...(config.publishableKey
            ? { publishableKey: config.publishableKey, userIdentifierKey }
            : {})}
        >
          <ConnectFlow />
        </SeamConnectProvider>
      )}
    </main>
  )
}
