import { useState, type FormEvent, type ReactNode } from 'react'
import {
  SeamConnectProvider,
  useConnectedAccountMetadata,
  useUpdateConnectedAccountMetadata,
} from '../../src/index'
import { useStorySession } from './seam-story-provider'
import { STORY_USER_HEADER } from './story-backend'

/**
 * The hooks below it talk to the app's server (story-backend.ts) as the story's signed-in user,
 * not to Seam: a browser can change metadata only that way.
 */
export function ThroughStoryBackend({ children }: { children: ReactNode }) {
  const { backend, userIdentifierKey } = useStorySession()
  return (
    <SeamConnectProvider endpoint={backend} headers={{ [STORY_USER_HEADER]: userIdentifierKey }}>
      {children}
    </SeamConnectProvider>
  )
}

export interface AccountMetadataEditorProps {
  connectedAccountId: string
  /** The key the form starts with. */
  initialKey?: string
}

/**
 * The story's own metadata editor (the demo's is changed apart from the stories): the account's
 * `custom_metadata` from `useConnectedAccountMetadata`, and a form that sets one key with
 * `useUpdateConnectedAccountMetadata`, sending the whole object (Seam replaces it). No checks of
 * its own: what the hook refuses is what the user is told.
 */
export function AccountMetadataEditor({
  connectedAccountId,
  initialKey = 'plan',
}: AccountMetadataEditorProps) {
  const metadata = useConnectedAccountMetadata({ connectedAccountId })
  const update = useUpdateConnectedAccountMetadata()
  const [key, setKey] = useState(initialKey)
  const [value, setValue] = useState('')

  if (metadata.data === undefined) {
    return metadata.isError ? (
      <p role="alert" className="error">
        The account could not be read: {metadata.error.message}
      </p>
    ) : (
      <p role="status">Loading the account’s metadata…</p>
    )
  }
  const current = metadata.data
  const save = (event: FormEvent) => {
    event.preventDefault()
    update.mutate({
      connected_account_id: connectedAccountId,
      custom_metadata: { ...current, [key]: value },
    })
  }

  return (
    <div className="panel">
      <table aria-busy={update.isPending}>
        <caption>custom_metadata of the connected account</caption>
        <thead>
          <tr>
            <th scope="col">Key</th>
            <th scope="col">Value</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(current).map(([name, stored]) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              <td>{JSON.stringify(stored)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form aria-label="Change a metadata value" onSubmit={save}>
        <label>
          Key <input value={key} onChange={(event) => setKey(event.target.value)} />
        </label>{' '}
        <label>
          Value <input value={value} onChange={(event) => setValue(event.target.value)} />
        </label>{' '}
        <button type="submit" disabled={update.isPending}>
          Save
        </button>
      </form>
      <p role="status">
        {update.isPending
          ? 'Saving…'
          : update.isSuccess
            ? 'Saved.'
            : update.isError
              ? 'Not saved.'
              : 'Not changed yet.'}
      </p>
      {update.isError && (
        <p role="alert" className="error">
          {update.error.message}
        </p>
      )}
    </div>
  )
}
