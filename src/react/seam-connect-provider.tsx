'use client'

import { QueryClientContext } from '@tanstack/react-query'
import { useContext, useMemo, type ReactNode } from 'react'
import {
  buildClient,
  isServerOnlyClient,
  type SeamConnectClient,
} from '../client/create-seam-connect-client.js'
import type { SeamConnectClientOptions } from '../client/options.js'
import { SeamConnectError, SeamInvalidInputError } from '../errors/errors.js'
import { issueAt } from '../errors/issues.js'
import { DEV } from '../internal/development.js'
import { SeamConnectContext } from './seam-connect-context.js'

/**
 * Either a ready client, or the options to create one (see `createSeamConnectClient`).
 */
export type SeamConnectProviderProps = { children?: ReactNode } & (
  { client: SeamConnectClient } | (SeamConnectClientOptions & { client?: undefined })
)

/**
 * Makes a Seam Connect client available to the hooks and `<ConnectWebviewFrame>` below it. It
 * uses the app's own `QueryClient` (from `<QueryClientProvider>`) and never creates one.
 *
 * Whatever renders it ends up in a browser, so it refuses an API key, a personal access token and
 * a console session token everywhere, server rendering included: on the server it throws before
 * any HTML (or RSC payload) could carry the secret.
 *
 * @example
 * <QueryClientProvider client={queryClient}>
 *   <SeamConnectProvider publishableKey="seam_pk..." userIdentifierKey={user.opaqueId}>
 *     <App />
 *   </SeamConnectProvider>
 * </QueryClientProvider>
 */
export function SeamConnectProvider({ children, client, ...options }: SeamConnectProviderProps) {
  if (!useContext(QueryClientContext)) {
    throw new SeamConnectError(
      '<SeamConnectProvider> must be rendered inside a <QueryClientProvider>' +
        (DEV ? ": it caches through your app's QueryClient and never creates its own." : ''),
    )
  }
  const value = useOptionsClient(client, options as SeamConnectClientOptions)
  return <SeamConnectContext.Provider value={value}>{children}</SeamConnectContext.Provider>
}

/**
 * The given client, or one built from the options and re-created only when an option's value
 * changes, so inline `headers={{ ... }}` or `retry={{ ... }}` objects do not reset the cache scope
 * on every render. The options themselves are used (no JSON round trip: functions, `Headers` and
 * numbers reach the client as given).
 */
function useOptionsClient(
  client: SeamConnectClient | undefined,
  options: SeamConnectClientOptions,
): SeamConnectClient {
  const { endpoint, clientSessionToken, publishableKey, userIdentifierKey, apiKey } = options
  const { headers, fetch, retry, timeoutMs } = options
  const headersKey = headerSignature(headers)
  const hasRetry = retry !== undefined
  const { retries, minDelayMs, maxDelayMs, maxRetryAfterMs } = retry ?? {}
  return useMemo(() => {
    if (client) {
      if (isServerOnlyClient(client)) {
        throw new SeamInvalidInputError('<SeamConnectProvider>', [
          issueAt(['client'], 'must not hold a Seam API key: it was created for a server'),
        ])
      }
      return client
    }
    return buildClient(
      {
        endpoint,
        clientSessionToken,
        publishableKey,
        userIdentifierKey,
        apiKey,
        headers,
        fetch,
        retry: hasRetry ? { retries, minDelayMs, maxDelayMs, maxRetryAfterMs } : undefined,
        timeoutMs,
      },
      true,
    )
    // `headers` and `retry` are compared by value (headersKey and their fields), not identity.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [
    client,
    endpoint,
    clientSessionToken,
    publishableKey,
    userIdentifierKey,
    apiKey,
    headersKey,
    fetch,
    hasRetry,
    retries,
    minDelayMs,
    maxDelayMs,
    maxRetryAfterMs,
    timeoutMs,
  ])
}

/** Headers by value, in any shape (only compared, never sent or shown). */
function headerSignature(headers: SeamConnectClientOptions['headers']): string {
  if (headers === undefined) return ''
  const pairs =
    typeof Headers !== 'undefined' && headers instanceof Headers
      ? [...headers.entries()]
      : Array.isArray(headers)
        ? headers
        : Object.entries(headers)
  return JSON.stringify(pairs.map((pair) => [String(pair[0]), String(pair[1])]))
}
