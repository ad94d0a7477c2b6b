import { QueryObserver, type QueryClient, type QueryObserverResult } from '@tanstack/react-query'
import { isTransientSeamError } from '../errors/errors.js'
import type { ConnectWebview } from '../schemas/connect-webview.js'
import {
  connectWebviewQueryOptions,
  isSettledConnectWebview,
  type ConnectWebviewQueryOptions,
} from './connect-webview-query-options.js'
import type { SeamConnectClient } from '../client/create-seam-connect-client.js'

/**
 * Resolves with the webview once it is `authorized` or `failed`. It observes the webview's own
 * query, so it shares polling with `useConnectWebview`, pauses while the page is hidden, and
 * settles at once when anything else (the frame's completion, a refetch) writes the webview.
 */
export function waitForSettledWebview(
  queryClient: QueryClient,
  client: SeamConnectClient,
  connectWebviewId: string,
  options: ConnectWebviewQueryOptions,
  signal: AbortSignal,
): Promise<ConnectWebview> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason)
    const observer = new QueryObserver(
      queryClient,
      connectWebviewQueryOptions(client, connectWebviewId, options),
    )
    const finish = (settle: () => void) => {
      unsubscribe()
      signal.removeEventListener('abort', onAbort)
      settle()
    }
    const onAbort = () => finish(() => reject(signal.reason))
    const check = (result: QueryObserverResult<ConnectWebview>) => {
      if (result.data && isSettledConnectWebview(result.data)) {
        const webview = result.data
        finish(() => resolve(webview))
      } else if (
        result.isError &&
        (result.data === undefined || !isTransientSeamError(result.error))
      ) {
        // A definite error ends the wait; a transient one only ends it when there is nothing
        // to wait on yet (the caller retries), otherwise the next poll tries again.
        finish(() => reject(result.error))
      }
    }
    const unsubscribe = observer.subscribe(check)
    signal.addEventListener('abort', onAbort, { once: true })
    // A webview already settled in the cache is fresh forever, so no notification would come.
    check(observer.getCurrentResult())
  })
}
