import { useCreateConnectWebview, type ConnectWebview } from '../../src/index'
import { MetadataForm } from './MetadataForm'
import type { MetadataRow } from './metadata-rows'

export interface MetadataEditorProps {
  /** Rows to start with. */
  initialRows?: MetadataRow[]
  /** Called with the Connect Webview Seam created. */
  onCreated?: (webview: ConnectWebview) => void
  /** The button's text. */
  submitLabel?: string
}

/** The metadata form, creating a Connect Webview with `useCreateConnectWebview`. */
export function MetadataEditor({
  initialRows,
  onCreated,
  submitLabel = 'Create Connect Webview',
}: MetadataEditorProps) {
  const create = useCreateConnectWebview({ onSuccess: onCreated })
  return (
    <MetadataForm
      initialRows={initialRows}
      submitLabel={submitLabel}
      busy={create.isPending}
      error={create.error}
      onSubmit={(metadata) => create.mutate({ custom_metadata: metadata })}
    />
  )
}
