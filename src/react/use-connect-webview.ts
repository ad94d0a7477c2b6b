'use client'

import { useQuery, type UseQueryResult } from '@tanstack/react-query'
import type { SeamConnectError } from '../errors/errors.js'
import {
  connectWebviewQueryOptions,
  type ConnectWebviewQueryOptions,
} from '../query/connect-webview-query-options.js'
import type { ConnectWebview } from '../schemas/connect-webview.js'
import { useRequiredClient } from './seam-connect-context.js'

/**
 * One Connect Webview, polled while `pending` (every 3 s unless `pollInterval` says otherwise;
 * paused while the page is hidden) and never refetched once `authorized` or `failed`.
 * Pass `null` until there is an id.
 */
export function useConnectWebview(
  connectWebviewId: string | null,
  options: ConnectWebviewQueryOptions = {},
): UseQueryResult<ConnectWebview, SeamConnectError> {
  const client = useRequiredClient('useConnectWebview()')
  return useQuery({
    ...connectWebviewQueryOptions(client, connectWebviewId ?? '', options),
    enabled: connectWebviewId !== null,
  })
}
