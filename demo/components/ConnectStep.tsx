import { useState } from 'react'
import {
  ConnectWebviewFrame,
  type ConnectWebview,
  type ConnectWebviewCompletion,
  type ConnectWebviewFrameState,
  type PollInterval,
  type SeamConnectError,
} from '../../src/index'
import { CompletionResult } from './CompletionResult'

const STATE_TEXT: Record<ConnectWebviewFrameState, string> = {
  loading: 'Loading Seam’s page…',
  ready: 'Sign in to your device account below.',
  verifying: 'Checking the connection with Seam…',
  completed: 'Connected.',
  failed: 'The connection did not complete.',
}

export interface ConnectStepProps {
  connectWebview: ConnectWebview
  pollInterval?: PollInterval
  onComplete?: (completion: ConnectWebviewCompletion) => void
}

/** The webview in `<ConnectWebviewFrame>`, its state, and what Seam confirmed. */
export function ConnectStep({ connectWebview, pollInterval, onComplete }: ConnectStepProps) {
  const [state, setState] = useState<ConnectWebviewFrameState>('loading')
  const [completion, setCompletion] = useState<ConnectWebviewCompletion | null>(null)
  const [error, setError] = useState<SeamConnectError | null>(null)
  return (
    <section className="panel" aria-labelledby="connect-heading">
      <h2 id="connect-heading">Connect an account</h2>
      <p className="state" role="status" data-state={state}>
        {STATE_TEXT[state]}
      </p>
      <p className="hint">
        Webview <code data-testid="webview-id">{connectWebview.connect_webview_id}</code>
      </p>
      <ConnectWebviewFrame
        connectWebview={connectWebview}
        pollInterval={pollInterval}
        onStateChange={setState}
        onError={setError}
        onComplete={(result) => {
          setCompletion(result)
          onComplete?.(result)
        }}
        style={{ minHeight: 420 }}
      />
      {error && (
        <p role="alert" className="error">
          {error.message}
        </p>
      )}
      {completion && <CompletionResult completion={completion} />}
    </section>
  )
}
