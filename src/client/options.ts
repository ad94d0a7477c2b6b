/** Extra request headers: a record, a `Headers` object, or `[name, value]` pairs. */
export type SeamConnectHeaders = Record<string, string> | Headers | [string, string][]

/** Options of {@link createSeamConnectClient}. Exactly one way to authenticate, or none for a proxy. */
export interface SeamConnectClientOptions {
  /**
   * Seam's API, or the app's own proxy (an absolute http(s) URL without a query or fragment, or a
   * path such as `/api/seam` in a browser). Defaults to `https://connect.getseam.com`.
   */
  endpoint?: string
  /** A client session token (`seam_cst...`) minted by the app's backend. Safe in a browser. */
  clientSessionToken?: string
  /**
   * A publishable key (`seam_pk...`), exchanged once for a client session token through
   * `/client_sessions/get_or_create`. Requires `userIdentifierKey`.
   */
  publishableKey?: string
  /** The app's opaque, high-entropy id for the signed-in user (never an email). */
  userIdentifierKey?: string
  /**
   * A Seam API key, for servers only: passing one in a browser (a page or a worker) throws,
   * because anyone who opens the page could read it and control the whole workspace.
   */
  apiKey?: string
  /**
   * Extra headers on every request, e.g. the app's own auth for a proxy `endpoint`. Checked like
   * the credentials: a Seam API key (or, for Seam's own endpoint, a console session token) in a
   * browser throws.
   */
  headers?: SeamConnectHeaders
  /** A `fetch` implementation; defaults to the global one. */
  fetch?: typeof fetch
  /** How reads are retried on network errors, timeouts, 408, 429 and 5xx. Writes never are. */
  retry?: RetryOptions
  /**
   * How long one attempt may take, in ms, from sending to the whole reply (default 30 000). A
   * timeout is a `SeamNetworkError`: reads are retried, `create` and `update` are not.
   */
  timeoutMs?: number
}

export interface RetryOptions {
  /** Retries after the first attempt: a whole number. Default 3; 0 turns retrying off. */
  retries?: number
  /** First backoff delay in ms, doubled on each retry (with jitter). Default 300. */
  minDelayMs?: number
  /** Cap of one backoff delay in ms. Default 5000. */
  maxDelayMs?: number
  /** A `Retry-After` longer than this (ms) is not waited for: the 429 is returned. Default 60000. */
  maxRetryAfterMs?: number
}

/** Per-call options of every client method. */
export interface RequestOptions {
  /** Aborting rejects the call with `signal.reason`, not with a Seam error. */
  signal?: AbortSignal | undefined
}

export const DEFAULT_ENDPOINT = 'https://connect.getseam.com'

export const DEFAULT_RETRY: Required<RetryOptions> = {
  retries: 3,
  minDelayMs: 300,
  maxDelayMs: 5000,
  maxRetryAfterMs: 60_000,
}

export const DEFAULT_TIMEOUT_MS = 30_000
