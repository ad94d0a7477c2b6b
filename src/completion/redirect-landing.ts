import type { WebviewFailureHint } from '../query/webview-outcome.js'

/**
 * What Seam appends to `custom_redirect_url` when it sends the user back: the webview's id, and on
 * failure its `error_code` and `error_message` (docs/seam-api.md §5.2).
 */
const REDIRECT_PARAMS = ['connect_webview_id', 'error_code', 'error_message'] as const

/** A landing on the app's `custom_redirect_url`: which webview, and what its page said of a failure. */
export interface RedirectLanding {
  connectWebviewId: string
  hint: WebviewFailureHint
}

/** The landing `href` stands for, or `null` when it carries no (non-empty) `connect_webview_id`. */
export function readRedirectLanding(href: string): RedirectLanding | null {
  const params = new URL(href).searchParams
  const connectWebviewId = params.get('connect_webview_id')
  return connectWebviewId
    ? {
        connectWebviewId,
        hint: {
          errorCode: params.get('error_code') ?? undefined,
          errorMessage: params.get('error_message') ?? undefined,
        },
      }
    : null
}

/** `href` without Seam's redirect parameters; everything else (path, query, hash) is kept. */
export function withoutRedirectParams(href: string): string {
  const url = new URL(href)
  const present = REDIRECT_PARAMS.filter((name) => url.searchParams.has(name))
  // Untouched otherwise: rewriting the query would re-encode the app's own parameters.
  if (!present.length) return href
  for (const name of present) url.searchParams.delete(name)
  return url.href
}
