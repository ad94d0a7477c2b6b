'use client'

import type { SeamConnectClient } from '../client/create-seam-connect-client.js'
import { useRequiredClient } from './seam-connect-context.js'

/** The client of the nearest `<SeamConnectProvider>`. */
export function useSeamConnectClient(): SeamConnectClient {
  return useRequiredClient('useSeamConnectClient()')
}
