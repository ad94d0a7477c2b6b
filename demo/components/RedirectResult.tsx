import { useId, useState } from 'react'
import {
  useConnectWebviewRedirectResult,
  type ConnectWebviewCompletion,
  type ConnectWebviewRedirectState,
  type SeamConnectError,
} from '../../src/index'
import { CompletionResult } from './CompletionResult'

const STATE_TEXT: Record<Exclude<ConnectWebviewRedirectState, 'idle'>, string> = {
  pending: 'Seam has not finished this connection yet.',
  verifying: 'Checking your connection…',
  completed: 'Connected: Seam confirmed the account.',
  failed: 'The connection did not complete.',
}

type Report = { completion: ConnectWebviewCompletion } | { error: SeamConnectError }

/**
 * What a full-page redirect came back with, on the page Seam returned to: nothing on any other
 * page load. Each report of the hook is shown as it came (one per onComplete or onError), so a
 * duplicate would show twice rather than hide.
 */
export function RedirectResult() {
  const [reports, setReports] = useState<Report[]>([])
  const result = useConnectWebviewRedirectResult({
    onComplete: (completion) => setReports((current) => [...current, { completion }]),
    onError: (error) => setReports((current) => [...current, { error }]),
  })
  const headingId = useId()
  if (result.state === 'idle') return null
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Back from Seam’s page</h2>
      <p className="state" role="status" data-state={result.state}>
        {STATE_TEXT[result.state]}
      </p>
      {reports.map((report, index) =>
        'error' in report ? (
          <p key={index} role="alert" className="error">
            {report.error.message}
          </p>
        ) : (
          <CompletionResult
            key={index}
            completion={report.completion}
            caption="custom_metadata from the redirect’s onComplete"
          />
        ),
      )}
    </section>
  )
}
