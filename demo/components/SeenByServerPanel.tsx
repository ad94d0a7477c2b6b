import { useId } from 'react'
import { useQuery } from '@tanstack/react-query'
import { TRUSTED_KEY } from '../metadata'
import { readWebhookRecords, webhookRecordsQueryKey, type WebhookRecord } from '../webhook-records'
import { MetadataTable } from './MetadataTable'

/** Seam delivers within a second or so: often enough to see it come in, cheap on localhost. */
const POLL_MS = 1_000

/**
 * What the demo's server learned from Seam's signed webhooks for the signed-in user (mounted only
 * while someone is signed in, so it polls only then). The page only shows it: the server had it
 * whether or not this tab was open.
 */
export function SeenByServerPanel() {
  const seen = useQuery({
    queryKey: webhookRecordsQueryKey,
    queryFn: readWebhookRecords,
    refetchInterval: POLL_MS,
  })
  const records = seen.data?.records ?? []

  return (
    <section className="panel" aria-labelledby="seen-heading">
      <h2 id="seen-heading">Seen by your server</h2>
      <p className="hint">
        Your server’s own record of each connection, from Seam’s signed webhooks, verified by{' '}
        <code>createSeamWebhookHandler</code> and filed by the <code>{TRUSTED_KEY}</code> the server
        set. It is independent of the page’s <code>onComplete</code>: it arrives even if this tab
        closes right after the sign-in.
      </p>
      <p role="status" className="summary">
        {seen.isPending
          ? 'Asking your server…'
          : seen.data === undefined
            ? ''
            : !seen.data.receiving
              ? 'Your server receives no webhooks: set SEAM_WEBHOOK_SECRET (server-side) to the signing secret of its endpoint in Seam’s console.'
              : records.length === 0
                ? 'Nothing yet: no signed event has named one of your connections.'
                : `${records.length} ${records.length === 1 ? 'connection' : 'connections'} reported by Seam`}
      </p>
      {seen.error && (
        <p role="alert" className="error">
          Your server’s records could not be read: {seen.error.message}
        </p>
      )}
      {records.length > 0 && (
        <ul className="accounts">
          {records.map((record) => (
            <li key={`${record.connected_account_id} ${record.connect_webview_id ?? ''}`}>
              <SeenConnection record={record} />
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

function SeenConnection({ record }: { record: WebhookRecord }) {
  const headingId = useId()
  const account = record.connected_account_id
  return (
    <article className="account" aria-labelledby={headingId}>
      <h3 id={headingId}>
        Account <code>{account}</code>
      </h3>
      <dl className="facts">
        <dt>Connected account</dt>
        <dd>
          <code>{account}</code>
        </dd>
        <dt>Connect Webview</dt>
        <dd>
          <code>{record.connect_webview_id ?? 'not named'}</code>
        </dd>
        <dt>Events</dt>
        <dd>
          {record.event_types.map((type) => (
            <code key={type}>{type}</code>
          ))}
        </dd>
        <dt>Received</dt>
        <dd>
          <time dateTime={record.received_at}>
            {new Date(record.received_at).toLocaleTimeString()}
          </time>
          {record.redelivery && ' (Seam delivered an event again; it was handled once)'}
        </dd>
      </dl>
      <MetadataTable
        metadata={record.metadata}
        caption={`custom_metadata of ${account} from the signed webhook`}
      />
    </article>
  )
}
