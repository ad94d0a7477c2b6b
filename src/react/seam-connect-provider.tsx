import { QueryClientContext } from '@tanstack/react-query'
import { useContext, useMemo, type ReactNode } from 'react'
import {
  createSeamConnectClient,
  type SeamConnectClient,
} from '../client/create-seam-connect-client.js'
import type { SeamConnectClientOptions } from '../client/options.js'
import { SeamConnectError } from '../errors/errors.js'
import { SeamConnectContext } from './seam-connect-context.js'

declare const process: { env: { NODE_ENV?: string } }

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
        (process.env.NODE_ENV === 'production'
          ? ''
          : ": it caches through your app's QueryClient and never creates its own."),
    )
  }
  // A client from options is re-created only when an option's value changes, so inline
  // `headers={{ ... }}` objects do not reset the cache scope on every render.
  const signature = JSON.stringify(options)
  const { fetch } = options as SeamConnectClientOptions
  const value = useMemo(
    () => client ?? createSeamConnectClient({ ...(JSON.parse(signature) as object), fetch }),
    [client, signature, fetch],
  )
  return <SeamConnectContext.Provider value={value}>{children}</SeamConnectContext.Provider>
}
