import { inject } from 'vitest'
import { createSeamConnectClient, type SeamConnectClientOptions } from '../../src/index'
import { uniqueUser } from '../../fake/control-client'
import { TEST_SCOPE_HEADER, TEST_USER_HEADER } from './handler-headers'

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

/**
 * A signed-in user of the app's server (the shared handler in front of the fake), as a page sees
 * it: a client with no credential of its own, whose handler requests go in a fake scope of their
 * own (fault and count them with `fake.fault({ scope, ... })` and `fake.scopedRequests(scope)`).
 */
export function handlerClient(label: string, options: SeamConnectClientOptions = {}) {
  const user = uniqueUser(label)
  const scope = uniqueUser(`scope-${label}`)
  const client = createSeamConnectClient({
    endpoint: inject('handlerUrl'),
    headers: { [TEST_USER_HEADER]: user, [TEST_SCOPE_HEADER]: scope },
    retry: { retries: 0 },
    ...options,
  })
  return { client, user, scope }
}
