import type { ConnectWebviewCompletion } from '../../src/index'
import { MetadataTable } from './MetadataTable'

export interface CompletionResultProps {
  /** What `onComplete` received: Seam's confirmed account and its metadata. */
  completion: ConnectWebviewCompletion
  /** The table's caption, which names where the metadata came from. */
  caption?: string
}

/** The connected account Seam confirmed, and its custom_metadata. */
export function CompletionResult({
  completion,
  caption = 'custom_metadata from onComplete',
}: CompletionResultProps) {
  const { connectedAccount, customMetadata } = completion
  return (
    <div className="result">
      <h3>Connected account</h3>
      <p>
        <strong>{connectedAccount.display_name ?? 'Account'}</strong> (
        <code>{connectedAccount.connected_account_id}</code>)
      </p>
      <MetadataTable metadata={customMetadata} caption={caption} />
    </div>
  )
}
