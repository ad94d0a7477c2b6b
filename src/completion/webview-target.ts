import { SeamInvalidInputError } from '../errors/errors.js'
import { issueAt } from '../errors/issues.js'
import { DEV } from '../internal/development.js'
import { parseHttpUrl } from '../internal/http-url.js'
import type { ConnectWebview } from '../schemas/connect-webview.js'

/** Which webview: the object from `useCreateConnectWebview`, or its `url`. */
export type ConnectWebviewTarget =
  | {
      /** The webview from `useCreateConnectWebview` (its `url` and `connect_webview_id`). */
      connectWebview: Pick<ConnectWebview, 'connect_webview_id' | 'url'>
      url?: never
    }
  | {
      /** The webview's `url`; its id is read from the `connect_webview_id` parameter. */
      url: string
      connectWebview?: never
    }

/**
 * What the completion engine verifies: a target with its URL, or only the webview's id where no
 * window shows it (a full-page redirect came back with the id).
 */
export type CompletionTarget =
  | ConnectWebviewTarget
  | {
      /** The webview's id, e.g. from the `connect_webview_id` Seam appended to `custom_redirect_url`. */
      connectWebviewId: string
      connectWebview?: never
      url?: never
    }

/** A target, checked: the webview's id, and its parsed URL (none for an id alone). */
export interface ReadTarget {
  id: string
  url: URL | undefined
}

/**
 * Reads and checks a target.
 * @throws SeamInvalidInputError for a URL that is not an http(s) Connect Webview URL (a
 *   `javascript:` src would run in the app's own origin), a webview whose id disagrees with its
 *   URL's (the page would report one webview while the app verifies another), an empty id, or an
 *   id alone `withSource`: messages from a source are checked against the webview URL's origin.
 */
export function readConnectWebviewTarget(
  target: CompletionTarget,
  context: string,
  withSource?: boolean,
): ReadTarget {
  const problem = (path: string[], rule: string) =>
    new SeamInvalidInputError(context, [issueAt(path, rule)])
  if ('connectWebviewId' in target) {
    const id = target.connectWebviewId
    if (typeof id !== 'string' || id === '') {
      throw problem(['connectWebviewId'], 'must be a non-empty string')
    }
    if (withSource) {
      throw problem(
        ['source'],
        DEV ? "needs the webview's url, to check where its messages come from" : 'needs a url',
      )
    }
    return { id, url: undefined }
  }
  const given = target.connectWebview?.url ?? target.url
  const url = parseHttpUrl(given)
  const fromUrl = url?.searchParams.get('connect_webview_id')
  if (!url || !fromUrl) {
    throw problem(
      target.connectWebview ? ['connectWebview', 'url'] : ['url'],
      'must be an http(s) Connect Webview URL with a connect_webview_id',
    )
  }
  const id = target.connectWebview?.connect_webview_id ?? fromUrl
  if (id !== fromUrl) {
    throw problem(['connectWebview', 'connect_webview_id'], 'does not match the one in its url')
  }
  return { id, url }
}
