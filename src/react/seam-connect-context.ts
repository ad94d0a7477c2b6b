'use client'

import { createContext, useContext } from 'react'
import type { SeamConnectClient } from '../client/create-seam-connect-client.js'
import { SeamConnectError } from '../errors/errors.js'
import { DEV } from '../internal/development.js'

export const SeamConnectContext = createContext<SeamConnectClient | null>(null)

/** The provider's client; `hook` names the caller in the error so the fix is obvious. */
export function useRequiredClient(hook: string): SeamConnectClient {
  const client = useContext(SeamConnectContext)
  if (!client) {
    throw new SeamConnectError(
      `${hook} must be used inside <SeamConnectProvider>` +
        // The longer explanation is for development builds; bundlers drop it from production.
        (DEV
          ? `: wrap the part of your app that renders ${hook} in ` +
            '<SeamConnectProvider client={...}>, itself inside your <QueryClientProvider>.'
          : ''),
    )
  }
  return client
}
