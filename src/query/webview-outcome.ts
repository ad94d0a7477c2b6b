import {
  SeamConnectWebviewFailedError,
  SeamResponseParseError,
  type SeamConnectError,
} from '../errors/errors.js'
import { issueAt } from '../errors/issues.js'
import { redact } from '../internal/secrets.js'
import type { ConnectWebview } from '../schemas/connect-webview.js'

/** What the page or its redirect said about a failure: kept for the error Seam confirms. */
export interface WebviewFailureHint {
  errorCode?: string | undefined
  errorMessage?: string | undefined
}

/**
 * The account an authorized Connect Webview created; `null` while it is pending or failed. Success
 * is `authorized` with a `connected_account_id` (docs/seam-api.md §3).
 */
export const connectedAccountIdOf = (webview: ConnectWebview | undefined): string | null =>
  webview?.status === 'authorized' ? webview.connected_account_id : null

/**
 * The error a settled webview stands for: `failed` is a {@link SeamConnectWebviewFailedError};
 * `authorized` without an account breaks Seam's contract. `undefined` for anything else.
 */
export function webviewOutcomeError(
  webview: ConnectWebview | undefined,
  connectWebviewId: string,
  hint: WebviewFailureHint = {},
): SeamConnectError | undefined {
  if (webview?.status === 'failed') {
    // The hint is what a page or a URL said: anything shaped like a credential stays out.
    const { errorCode, errorMessage } = hint
    return new SeamConnectWebviewFailedError({
      connectWebviewId,
      ...(errorCode !== undefined && { errorCode: redact(errorCode, []) }),
      ...(errorMessage !== undefined && { errorMessage: redact(errorMessage, []) }),
    })
  }
  if (webview?.status === 'authorized' && webview.connected_account_id === null) {
    return new SeamResponseParseError(
      'Unexpected response from /connect_webviews/get: an authorized Connect Webview has no connected_account_id',
      [issueAt(['connect_webview', 'connected_account_id'], 'must be a string once authorized')],
    )
  }
  return undefined
}
