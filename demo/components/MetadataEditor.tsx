import { useId, useState } from 'react'
import { useCreateConnectWebview, type ConnectWebview } from '../../src/index'
import { newRow, rowsToMetadata, type MetadataRow, type RowType } from './metadata-rows'

export interface MetadataEditorProps {
  /** Rows to start with. */
  initialRows?: MetadataRow[]
  /** Called with the Connect Webview Seam created. */
  onCreated?: (webview: ConnectWebview) => void
  /** The button's text. */
  submitLabel?: string
}

const TYPES: { value: RowType; label: string }[] = [
  { value: 'text', label: 'Text' },
  { value: 'true', label: 'true' },
  { value: 'false', label: 'false' },
  { value: 'null', label: 'null (unset)' },
  { value: 'number', label: 'Number (refused)' },
]

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
  const update = (id: string, patch: Partial<MetadataRow>) =>
    setRows((current) => current.map((row) => (row.id === id ? { ...row, ...patch } : row)))

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
      <ol className="rows">
        {rows.map((row, index) => {
          const rowProblems = problems.filter((p) => p.rowId === row.id)
          const errorId = `${row.id}-errors`
          return (
            <li key={row.id} className="row">
              <div className="field">
                <label htmlFor={`${row.id}-key`}>Key {index + 1}</label>
                <input
                  id={`${row.id}-key`}
                  value={row.key}
                  aria-invalid={rowProblems.length > 0}
                  aria-describedby={rowProblems.length ? errorId : undefined}
                  onChange={(event) => update(row.id, { key: event.target.value })}
                />
              </div>
              <div className="field">
                <label htmlFor={`${row.id}-type`}>Type {index + 1}</label>
                <select
                  id={`${row.id}-type`}
                  value={row.type}
                  onChange={(event) => update(row.id, { type: event.target.value as RowType })}
                >
                  {TYPES.map((type) => (
                    <option key={type.value} value={type.value}>
                      {type.label}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor={`${row.id}-value`}>Value {index + 1}</label>
                <input
                  id={`${row.id}-value`}
                  value={row.value}
                  disabled={row.type !== 'text' && row.type !== 'number'}
                  onChange={(event) => update(row.id, { value: event.target.value })}
                />
              </div>
              <button
                type="button"
                className="secondary"
                aria-label={`Remove key ${index + 1}`}
                onClick={() => setRows((current) => current.filter((r) => r.id !== row.id))}
              >
                Remove
              </button>
              {rowProblems.length > 0 && (
                <ul id={errorId} className="problems">
                  {rowProblems.map((problem) => (
                    <li key={problem.message}>{problem.message}</li>
                  ))}
                </ul>
              )}
            </li>
          )
        })}
      </ol>
      {problems.some((p) => p.rowId === null) && (
        <ul className="problems" aria-label="Problems with the whole object">
          {problems
            .filter((p) => p.rowId === null)
            .map((problem) => (
              <li key={problem.message}>{problem.message}</li>
            ))}
        </ul>
      )}
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
