import type { SeamInputIssue } from './issues.js'

export type { SeamInputIssue } from './issues.js'

/** Shared by every copy of this package, so the guards work across duplicated installs. */
const BRAND = Symbol.for('react-seam-connect/error')

/**
 * Base class of every error this library produces. Messages never contain a token, an API key,
 * a user identifier key or a Connect Webview `url`.
 */
export class SeamConnectError extends Error {
  // Class names are minified away in apps' bundles, so each class states its name.
  constructor(message: string, options?: ErrorOptions, name = 'SeamConnectError') {
    super(message, options)
    this.name = name
    Object.defineProperty(this, BRAND, { value: name })
  }
}

/** Seam answered with a non-2xx status and its error envelope. */
export class SeamApiError extends SeamConnectError {
  /** HTTP status. */
  declare readonly status: number
  /** Seam's `error.type`, such as `invalid_input` or `connect_webview_not_found`. */
  declare readonly type: string
  /** The `seam-request-id` response header: quote it to Seam support. */
  declare readonly requestId: string | undefined
  /** Seam's `validation_errors` (zod's format() tree) on `invalid_input`. */
  declare readonly validationErrors: unknown
  /** Seam's `error.data`, when present. */
  declare readonly data: unknown
  /** The reply's `Retry-After` in ms (on a 429 or 503), when it had a readable one. */
  declare readonly retryAfterMs: number | undefined

  constructor(init: {
    status: number
    type: string
    message: string
    requestId?: string | undefined
    retryAfterMs?: number | undefined
    validationErrors?: unknown
    data?: unknown
  }) {
    const { message, ...fields } = init
    const id = init.requestId ? `, request id ${init.requestId}` : ''
    super(`Seam API error ${init.type} (HTTP ${init.status}${id}): ${message}`, {}, 'SeamApiError')
    Object.assign(this, fields)
  }
}

/**
 * The request got no reply from Seam: offline, DNS, CORS, a dropped connection, a timeout
 * (`timeoutMs`), or a 2xx whose body is not JSON (a captive portal or a proxy answered instead).
 */
export class SeamNetworkError extends SeamConnectError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options, 'SeamNetworkError')
  }
}

/** Seam (or a proxy) answered 2xx with a body that does not match the expected schema. */
export class SeamResponseParseError extends SeamConnectError {
  /** Where the mismatch is and what was expected; never the received values. */
  declare readonly issues: SeamInputIssue[]

  constructor(message: string, issues: SeamInputIssue[], options?: ErrorOptions) {
    super(message, options, 'SeamResponseParseError')
    this.issues = issues
  }
}

/** Input that Seam would refuse, caught before any request was sent. */
export class SeamInvalidInputError extends SeamConnectError {
  /** Every problem found, each naming the parameter (or metadata key) and the rule. */
  declare readonly issues: SeamInputIssue[]

  constructor(context: string, issues: SeamInputIssue[]) {
    const list = issues.map((i) => i.message).join('; ')
    super(`Invalid input to ${context}: ${list}`, {}, 'SeamInvalidInputError')
    this.issues = issues
  }
}

/** Seam confirmed that the Connect Webview failed (`status: 'failed'`). */
export class SeamConnectWebviewFailedError extends SeamConnectError {
  declare readonly connectWebviewId: string
  /** The webview's `error_code`, when the page or its redirect reported one. */
  declare readonly errorCode: string | undefined
  /** The webview's `error_message`, when the page or its redirect reported one. */
  declare readonly errorMessage: string | undefined

  constructor(init: { connectWebviewId: string; errorCode?: string; errorMessage?: string }) {
    const { connectWebviewId, errorCode, errorMessage } = init
    const detail = errorCode ? `: ${errorCode}${errorMessage ? ` (${errorMessage})` : ''}` : ''
    super(
      `Connect Webview ${connectWebviewId} failed${detail}`,
      {},
      'SeamConnectWebviewFailedError',
    )
    Object.assign(this, { connectWebviewId, errorCode, errorMessage })
  }
}

/** Why a popup flow ended without Seam's word on the webview. */
export type SeamConnectPopupErrorReason = 'blocked' | 'closed'

/**
 * A `useConnectWebviewPopup` flow that ended in the browser: `blocked` (the browser refused to
 * open the window: `window.open` returned nothing) or `closed` (the user closed the window before
 * Seam reported the webview finished; the API was asked first).
 */
export class SeamConnectPopupError extends SeamConnectError {
  declare readonly reason: SeamConnectPopupErrorReason
  /** The webview the window showed; `undefined` when it closed or was blocked before one existed. */
  declare readonly connectWebviewId: string | undefined

  constructor(reason: SeamConnectPopupErrorReason, connectWebviewId?: string) {
    super(
      reason === 'blocked'
        ? 'The browser blocked the Connect Webview popup: open it from a click or tap handler, without an await before open()'
        : `The Connect Webview popup was closed before ${connectWebviewId ? `Connect Webview ${connectWebviewId}` : 'the webview'} finished`,
      {},
      'SeamConnectPopupError',
    )
    Object.assign(this, { reason, connectWebviewId })
  }
}

/**
 * `instanceof` alone fails when two copies of this package meet (a linked package, a duplicate in
 * node_modules), so the guards also accept the shared brand.
 */
// Pure: a bundler may drop the guards an app never calls.
const guard =
  /* @__NO_SIDE_EFFECTS__ */
  <T extends SeamConnectError>(Class: abstract new (...args: never[]) => T, name?: string) =>
    (error: unknown): error is T => {
      const brand = (error as Record<symbol, unknown> | null)?.[BRAND]
      return error instanceof Class || (name ? brand === name : brand !== undefined)
    }

/** Whether `error` came from this library (any of the classes below). */
export const isSeamConnectError = guard(SeamConnectError)
export const isSeamApiError = guard(SeamApiError, 'SeamApiError')
export const isSeamNetworkError = guard(SeamNetworkError, 'SeamNetworkError')
export const isSeamResponseParseError = guard(SeamResponseParseError, 'SeamResponseParseError')
export const isSeamInvalidInputError = guard(SeamInvalidInputError, 'SeamInvalidInputError')
export const isSeamConnectWebviewFailedError = guard(
  SeamConnectWebviewFailedError,
  'SeamConnectWebviewFailedError',
)
export const isSeamConnectPopupError = guard(SeamConnectPopupError, 'SeamConnectPopupError')

/**
 * No reply from Seam, a timeout (a proxy's 408), a rate limit (429) or a server fault (5xx):
 * worth trying again. Anything else Seam would answer the same way again.
 */
export const isTransientSeamError = (error: unknown): boolean =>
  isSeamNetworkError(error) ||
  (isSeamApiError(error) && (error.status === 408 || error.status === 429 || error.status >= 500))
