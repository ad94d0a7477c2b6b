import { useId, useState } from 'react'
import { useCreateConnectWebview, type ConnectWebview } from '../../src/index'
import { MetadataRowsFields } from './MetadataRowsFields'
import { newRow, rowsToMetadata, type MetadataRow } from './metadata-rows'

export interface MetadataEditorProps {
  /** Rows to start with. */
  initialRows?: MetadataRow[]
  /** Called with the Connect Webview Seam created. */
  onCreated?: (webview: ConnectWebview) => void
  /** The button's text. */
  submitLabel?: string
}

/**
 * Key/value rows for `custom_metadata`, checked live against Seam's rules with
 * `findCustomMetadataIssues`, that create a Connect Webview with `useCreateConnectWebview`.
 */
export function MetadataEditor({
  initialRows = [newRow('your_app_user_id', 'user_42')],
  onCreated,
  submitLabel = 'Create Connect Webview',
}: MetadataEditorProps) {
  const [rows, setRows] = useState(initialRows)
  const create = useCreateConnectWebview({ onSuccess: onCreated })
  const { metadata, problems } = rowsToMetadata(rows)
  const headingId = useId()

  return (
    <form
      className="panel"
      aria-labelledby={headingId}
      onSubmit={(event) => {
        event.preventDefault()
        create.mutate({ custom_metadata: metadata })
      }}
    >
      <h2 id={headingId}>custom_metadata</h2>
      <p className="hint">
        Up to 50 keys of 1 to 40 characters without “.”; values are text of up to 500 characters,
        true, false or null.
      </p>
      <MetadataRowsFields rows={rows} setRows={setRows} problems={problems} />
      <p role="status" className="summary">
        {rows.length} {rows.length === 1 ? 'key' : 'keys'}
        {problems.length > 0 ? `, ${problems.length} to fix before Seam accepts them` : ', valid'}
      </p>
      <div className="actions">
        <button type="button" className="secondary" onClick={() => setRows([...rows, newRow()])}>
          Add key
        </button>
        <button type="submit" disabled={problems.length > 0 || create.isPending}>
          {create.isPending ? 'Creating…' : submitLabel}
        </button>
      </div>
      {create.error && (
        <p role="alert" className="error">
          {create.error.message}
        </p>
      )}
    </form>
  )
}
