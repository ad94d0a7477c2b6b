import { useId, useState } from 'react'
import type { CustomMetadataInput } from '../../src/index'
import { MetadataRowsFields } from './MetadataRowsFields'
import { newRow, rowsToMetadata, type MetadataRow } from './metadata-rows'

export interface MetadataFormProps {
  /** Rows to start with. */
  initialRows?: MetadataRow[]
  /** The button's text. */
  submitLabel: string
  /** What the button says while `busy`. */
  busyLabel?: string
  /** Turns the button off (a request in flight). */
  busy?: boolean
  /**
   * Called from the submit event, synchronously: a popup must be opened there, while the click
   * still counts as the user's, so nothing may be awaited before this call.
   */
  onSubmit: (metadata: CustomMetadataInput) => void
  /** What went wrong, shown under the button. */
  error?: Error | null
}

/**
 * Key/value rows for `custom_metadata`, checked live against Seam's rules with
 * `findCustomMetadataIssues`; what the metadata is for (a webview in a frame, a popup, a
 * redirect) is the caller's.
 */
export function MetadataForm({
  initialRows = [newRow('your_app_user_id', 'user_42')],
  submitLabel,
  busyLabel = 'Creating…',
  busy = false,
  onSubmit,
  error,
}: MetadataFormProps) {
  const [rows, setRows] = useState(initialRows)
  const { metadata, problems } = rowsToMetadata(rows)
  const headingId = useId()

  return (
    <form
      className="panel"
      aria-labelledby={headingId}
      onSubmit={(event) => {
        event.preventDefault()
        onSubmit(metadata)
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
        <button type="submit" disabled={problems.length > 0 || busy}>
          {busy ? busyLabel : submitLabel}
        </button>
      </div>
      {error && (
        <p role="alert" className="error">
          {error.message}
        </p>
      )}
    </form>
  )
}
