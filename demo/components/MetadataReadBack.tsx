import { useId } from 'react'
import { useConnectedAccountMetadata } from '../../src/index'
import { MetadataTable } from './MetadataTable'

/**
 * Seam's steps (docs/seam-api.md §8) with `useConnectedAccountMetadata({ connectWebviewId })`: the webview's
 * connected_account_id, then the account's custom_metadata.
 */
export function MetadataReadBack({ connectWebviewId }: { connectWebviewId: string }) {
  const metadata = useConnectedAccountMetadata({ connectWebviewId }, { pollInterval: 2000 })
  const headingId = useId()
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Read back by connectWebviewId</h2>
      {metadata.isPending && <p role="status">Waiting for Seam to report the connection…</p>}
      {metadata.error && (
        <p role="alert" className="error">
          {metadata.error.message}
        </p>
      )}
      {metadata.data && (
        <MetadataTable
          metadata={metadata.data}
          caption="custom_metadata of the connected account"
        />
      )}
    </section>
  )
}
