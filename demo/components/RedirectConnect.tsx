import { redirectUrlFor, useCreateConnectWebview } from '../../src/index'
import { MetadataForm } from './MetadataForm'
import type { MetadataRow } from './metadata-rows'

export interface RedirectConnectProps {
  /** Rows to start with. */
  initialRows?: MetadataRow[]
}

/**
 * The metadata form, creating a webview that sends the user back to this page, and leaving for
 * it: the page's state is lost, but the session is a cookie, and the result is read from the URL
 * Seam returns to (RedirectResult).
 */
export function RedirectConnect({ initialRows }: RedirectConnectProps) {
  const create = useCreateConnectWebview({
    onSuccess: (webview) => window.location.assign(webview.url),
  })
  return (
    <MetadataForm
      initialRows={initialRows}
      submitLabel="Go to the Connect Webview"
      busyLabel={create.isSuccess ? 'Going to Seam’s page…' : 'Creating…'}
      // Still off once created: the page is leaving.
      busy={create.isPending || create.isSuccess}
      error={create.error}
      onSubmit={(metadata) => {
        const back = redirectUrlFor(window.location)
        create.mutate({
          custom_metadata: metadata,
          custom_redirect_url: back,
          custom_redirect_failure_url: back,
        })
      }}
    />
  )
}
