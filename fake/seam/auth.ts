// Works out who sent a Seam API request. Tokens never leave this module except as the
// session they resolve to.
import { unauthorized } from '../http/errors.js'
import type { RequestAuth } from '../state/request-log.js'
import type { Principal, SessionRecord } from '../state/records.js'
import type { FakeStore } from '../state/store.js'

export interface Identity {
  auth: RequestAuth
  /** Set for an API key or a client session token. */
  principal: Principal | null
  session: SessionRecord | null
  /** Why nothing authenticated (never contains the credential). */
  problem: string | null
}

const NONE: Omit<Identity, 'problem'> = {
  auth: 'none',
  principal: null,
  session: null,
}

/**
 * `authorization: Bearer <token>` and `client-session-token: <token>` (Seam's SDKs send both
 * with a CST), else the `seam-publishable-key` header.
 */
export function identify(headers: Headers, store: FakeStore): Identity {
  const tokens = new Set<string>()
  const authorization = headers.get('authorization')
  if (authorization !== null) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization)
    if (!match?.[1]) {
      return { ...NONE, problem: 'Malformed authorization header' }
    }
    tokens.add(match[1])
  }
  const sessionHeader = headers.get('client-session-token')
  if (sessionHeader !== null) tokens.add(sessionHeader.trim())

  if (tokens.size > 1) {
    return { ...NONE, problem: 'Conflicting credentials in the request' }
  }
  const [token] = tokens
  if (token !== undefined) {
    if (token === store.keys.apiKey) {
      return {
        auth: 'api_key',
        principal: { kind: 'api_key' },
        session: null,
        problem: null,
      }
    }
    const session = store.sessionByToken(token)
    if (session) {
      return {
        auth: 'client_session',
        principal: { kind: 'client_session', session },
        session,
        problem: null,
      }
    }
    return { ...NONE, problem: 'Invalid or unknown token' }
  }

  const publishableKey = headers.get('seam-publishable-key')
  if (publishableKey !== null) {
    return publishableKey === store.keys.publishableKey
      ? { ...NONE, auth: 'publishable_key', problem: null }
      : { ...NONE, problem: 'Invalid publishable key' }
  }
  return { ...NONE, problem: 'No credentials in the request' }
}

/** An API key or a client session token. */
export function requirePrincipal(identity: Identity): Principal {
  if (identity.principal) return identity.principal
  throw unauthorized(identity.problem ?? 'Unauthorized')
}

/**
 * Routes whose openapi security lists no client session (e.g. /connected_accounts/update)
 * answer a CST with 401, as they answer any credential they do not accept: the openapi
 * declares only 400 and 401 for them.
 */
export function requireApiKey(identity: Identity, route: string): Principal {
  const principal = requirePrincipal(identity)
  if (principal.kind !== 'api_key') {
    throw unauthorized(`${route} needs an API key; a client session token cannot call it`)
  }
  return principal
}
