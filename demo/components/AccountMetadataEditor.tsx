import { useEffect, useId, useRef, useState } from 'react'
import { TRUSTED_KEY, useUpdateConnectedAccountMetadata, type DemoAccount } from '../seam'
import { MetadataRowsFields } from './MetadataRowsFields'
import { newRow, rowsFromMetadata, rowsToMetadata, type RowProblem } from './metadata-rows'

export interface AccountMetadataEditorProps {
  account: DemoAccount
  /** The account's name, as its heading shows it. */
  name: string
  /** Called once Seam stored the new metadata (and the panel read it again). */
  onSaved: () => void
  onCancel: () => void
}

/**
 * A connected account's whole `custom_metadata`, as rows, saved with
 * `useUpdateConnectedAccountMetadata`: Seam replaces the whole object, so the rows are all of it
 * (a removed row, or a `null` one, removes its key). The trusted key is shown, not edited: the
 * server writes it on every update, whatever the page sends.
 */
export function AccountMetadataEditor({
  account,
  name,
  onSaved,
  onCancel,
}: AccountMetadataEditorProps) {
  const { [TRUSTED_KEY]: userId, ...editable } = account.custom_metadata
  const [rows, setRows] = useState(() => rowsFromMetadata(editable))
  const update = useUpdateConnectedAccountMetadata()
  const { metadata, problems: seamProblems } = rowsToMetadata(rows)
  const problems: RowProblem[] = [
    ...seamProblems,
    ...rows
      .filter((row) => row.key === TRUSTED_KEY)
      .map((row) => ({
        rowId: row.id,
        message: `${TRUSTED_KEY} is your server’s (shown above): remove this row`,
      })),
  ]
  const headingId = useId()
  const trustedId = useId()
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])

  return (
    <form
      className="account-editor"
      aria-labelledby={headingId}
      onSubmit={(event) => {
        event.preventDefault()
        update.mutate(
          {
            connected_account_id: account.connected_account_id,
            // The whole object: Seam replaces it. The trusted key is the server's (demo/seam.ts
            // names it), so it is left out: the server and the optimistic copy keep it.
            custom_metadata: metadata,
          },
          { onSuccess: onSaved },
        )
      }}
    >
      <h4 id={headingId} tabIndex={-1} ref={heading}>
        Edit the custom_metadata of {name}
      </h4>
      <p className="hint">
        Seam replaces the whole object: these rows are all of it. A key you remove, or set to null,
        is removed.
      </p>
      <div className="field trusted">
        <label htmlFor={trustedId}>
          <code>{TRUSTED_KEY}</code> (read-only)
        </label>
        <input id={trustedId} value={userId} readOnly aria-describedby={`${trustedId}-note`} />
        <span id={`${trustedId}-note`} className="hint">
          Your server keeps this key: it writes your user id on every update.
        </span>
      </div>
      <MetadataRowsFields rows={rows} setRows={setRows} problems={problems} />
      <p role="status" className="summary">
        {update.isPending
          ? 'Saving…'
          : `${rows.length} ${rows.length === 1 ? 'key' : 'keys'}${
              problems.length > 0 ? `, ${problems.length} to fix before saving` : ', valid'
            }`}
      </p>
      <div className="actions">
        <button type="button" className="secondary" onClick={() => setRows([...rows, newRow()])}>
          Add key
        </button>
        <button type="submit" disabled={problems.length > 0 || update.isPending}>
          {update.isPending ? 'Saving…' : 'Save metadata'}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
      {update.error && (
        <p role="alert" className="error">
          Not saved: the table above shows the stored metadata again. ({update.error.message})
        </p>
      )}
    </form>
  )
}
