// What the store keeps for each client session, webview and account: Seam's own objects plus the
// fake's bookkeeping around them (credentials, ownership, scripted behaviour, failures).
import type {
  FakeConnectWebview as ConnectWebview,
  FakeConnectedAccount as ConnectedAccount,
} from './objects.js'
import type { FakeBehaviour } from './behaviour.js'

export interface SessionRecord {
  clientSessionId: string
  userIdentifierKey: string
  token: string
  createdAt: string
  expiresAt: string
  userIdentityId?: string
  webviewIds: Set<string>
  accountIds: Set<string>
}

/** Why a webview failed, as its page, message and redirect report it (docs/seam-api.md §5). */
export interface WebviewFailure {
  error_code: string
  error_message: string
}

export interface WebviewRecord {
  webview: ConnectWebview
  /** The credential in the webview's url; only the hosted page checks it. */
  authToken: string
  /** The client session that created it (its user_identifier_key), if any. */
  sessionKey: string | null
  behaviour: Partial<FakeBehaviour>
  failure: WebviewFailure | null
}

export interface AccountRecord {
  account: ConnectedAccount
  provider: string
  username: string
}

/** Who is asking: an API key sees the whole workspace, a client session only its own things. */
export type Principal = { kind: 'api_key' } | { kind: 'client_session'; session: SessionRecord }
