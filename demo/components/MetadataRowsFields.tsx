import type { Dispatch, SetStateAction } from 'react'
import type { MetadataRow, RowProblem, RowType } from './metadata-rows'

export interface MetadataRowsFieldsProps {
  rows: MetadataRow[]
  setRows: Dispatch<SetStateAction<MetadataRow[]>>
  /** From `rowsToMetadata`: each row's problems are shown under it, the others below the rows. */
  problems: RowProblem[]
}

const TYPES: { value: RowType; label: string }[] = [
  { value: 'text', label: 'Text' },
  { value: 'true', label: 'true' },
  { value: 'false', label: 'false' },
  { value: 'null', label: 'null (unset)' },
  { value: 'number', label: 'Number (refused)' },
]

/**
 * Key/type/value rows for `custom_metadata` (the fields only: the form around them is the
 * caller's), with each row's problems, and the whole object's, next to the fields.
 */
export function MetadataRowsFields({ rows, setRows, problems }: MetadataRowsFieldsProps) {
  const update = (id: string, patch: Partial<MetadataRow>) =>
    setRows((current) => current.map((row) => (row.id === id ? { ...row, ...patch } : row)))

  return (
    <>
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
    </>
  )
}
