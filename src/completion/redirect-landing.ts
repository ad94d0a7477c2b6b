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

/** `href` without Seam's redirect parameters; everything else (path, query, hash) is kept as is. */
export function withoutRedirectParams(href: string): string {
  const url = new URL(href)
  // The other pairs keep their bytes: re-serializing the query (URLSearchParams) would turn the
  // app's own `%20` into `+` and `flag` into `flag=`.
  const pairs = url.search.slice(1).split('&')
  const kept = pairs.filter((pair) => {
    const [name] = new URLSearchParams(pair).keys()
    return !REDIRECT_PARAMS.some((param) => param === name)
  })
  if (kept.length === pairs.length) return href
  url.search = kept.join('&')
  return url.href
}
