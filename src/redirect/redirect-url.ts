import { withoutRedirectParams } from '../completion/redirect-landing.js'
import { SeamInvalidInputError } from '../errors/errors.js'
import { issueAt } from '../errors/issues.js'
import { parseHttpUrl } from '../internal/http-url.js'

/**
 * The `custom_redirect_url` (and `custom_redirect_failure_url`) that brings the user back to this
 * page after a full-page redirect to the webview: the page's own URL, without the parameters an
 * earlier redirect left. Seam appends `connect_webview_id` (and on failure `error_code` and
 * `error_message`), which `useConnectWebviewRedirectResult` reads there (docs/seam-api.md §5.2).
 *
 * @example
 * create.mutate({ custom_redirect_url: redirectUrlFor(window.location), custom_metadata })
 * @throws SeamInvalidInputError for anything but an absolute http(s) URL.
 */
export function redirectUrlFor(location: string | URL | Pick<Location, 'href'>): string {
  const href = typeof location === 'string' ? location : location.href
  if (!parseHttpUrl(href)) {
    throw new SeamInvalidInputError('redirectUrlFor()', [
      issueAt(['location'], 'must be an absolute http(s) URL'),
    ])
  }
  return withoutRedirectParams(href)
}
