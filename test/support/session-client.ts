import { inject } from 'vitest'
import { createSeamConnectClient, type SeamConnectClientOptions } from '../../src/index'
import { uniqueUser } from '../../fake/control-client'

/**
 * A client of its own client session on the shared fake (a fresh user identifier key), with fast
 * retries; `options` override any of that.
 */
export function sessionClient(label: string, options: SeamConnectClientOptions = {}) {
  const userIdentifierKey = uniqueUser(label)
  const client = createSeamConnectClient({
    endpoint: inject('fakeUrl'),
    publishableKey: inject('fakePublishableKey'),
    userIdentifierKey,
    retry: { minDelayMs: 5, maxDelayMs: 20 },
    ...options,
  })
  return { client, userIdentifierKey }
}
