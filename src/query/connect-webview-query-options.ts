import { queryOptions } from '@tanstack/react-query'
import type { SeamConnectClient } from '../client/create-seam-connect-client.js'
import { SeamInvalidInputError } from '../errors/errors.js'
import { issueAt } from '../errors/issues.js'
import type { ConnectWebview } from '../schemas/connect-webview.js'
import { seamConnectKeys } from './keys.js'

/** Milliseconds between status checks, or `false` for none. */
export type PollInterval = number | false

/** Default interval between status checks of a pending Connect Webview. */
export const DEFAULT_WEBVIEW_POLL_INTERVAL = 3000

export interface ConnectWebviewQueryOptions {
  /** Interval (ms) between checks while the webview is `pending`; `false` turns polling off. */
  pollInterval?: PollInterval
}

/** `authorized` and `failed` are final: such a webview never changes again. */
export function isSettledConnectWebview(webview: ConnectWebview | undefined): boolean {
  return webview?.status === 'authorized' || webview?.status === 'failed'
}

/** React Query's `refetchInterval`: every `pollInterval` ms while the webview is pending. */
export const pollWhilePending =
  (pollInterval: PollInterval) =>
  (query: { state: { data?: ConnectWebview | undefined } }): PollInterval =>
    query.state.data && !isSettledConnectWebview(query.state.data) ? pollInterval : false

/**
 * Query options for one Connect Webview: fresh forever once `authorized` or `failed`; while
 * `pending`, fresh for one poll interval (a view mounted right after the create does not read it
 * again) and polled (React Query pauses the polling while the page is hidden).
 * @throws SeamInvalidInputError unless `pollInterval` is `false` or a positive, finite number.
 *
 * `retry` is off because the client already retries network errors, timeouts, 408, 429 and 5xx.
 */
export function connectWebviewQueryOptions(
  client: SeamConnectClient,
  connectWebviewId: string,
  { pollInterval = DEFAULT_WEBVIEW_POLL_INTERVAL }: ConnectWebviewQueryOptions = {},
) {
  if (pollInterval !== false && !(Number.isFinite(pollInterval) && pollInterval > 0)) {
    throw new SeamInvalidInputError('connectWebviewQueryOptions', [
      issueAt(['pollInterval'], 'must be a positive number of milliseconds or false'),
    ])
  }
  return queryOptions({
    queryKey: seamConnectKeys.connectWebview(client, connectWebviewId),
    queryFn: ({ signal }) =>
      client.connectWebviews.get({ connect_webview_id: connectWebviewId }, { signal }),
    // staleTime as a function needs @tanstack/react-query 5.44, hence the peer floor: before it,
    // a settled webview counts as stale and is read again.
    // https://github.com/TanStack/query/pull/7541
    // A pending answer counts as fresh for one poll interval: a container mounting right after
    // the create (or another read) would only ask what the next poll asks anyway.
    staleTime: (query) =>
      isSettledConnectWebview(query.state.data) ? Infinity : pollInterval || 0,
    refetchInterval: pollWhilePending(pollInterval),
    retry: false,
  })
}
