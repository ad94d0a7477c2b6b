// In-memory state of one fake Seam Connect: client sessions, webviews, connected accounts, plus
// the per-session scripting (behaviour, faults) and the request log.
import type {
  FakeClientSession as ClientSession,
  FakeConnectWebview as ConnectWebview,
  FakeConnectedAccount as ConnectedAccount,
} from './objects.js'
import {
  DEFAULT_BEHAVIOUR,
  applyBehaviourPatch,
  type FakeBehaviour,
  type FakeBehaviourPatch,
} from './behaviour.js'
import {
  DEFAULT_FAILURE,
  type CompleteConnectWebviewInput,
  type FailConnectWebviewInput,
} from '../control/schemas.js'
import type { SeedConnectedAccountInput } from '../control/seed-schema.js'
import { toStoredCustomMetadata } from '../seam/custom-metadata.js'
import { FakeSeamError, connectWebviewNotFound, connectedAccountNotFound } from '../http/errors.js'
import { FaultQueue } from './faults.js'
import { newId, nowIso } from './ids.js'
import {
  CLIENT_SESSION_TTL_MS,
  DEFAULT_CAPABILITIES,
  buildClientSession,
  buildConnectWebview,
  buildConnectedAccount,
  newClientSessionToken,
  newWebviewAuthToken,
} from './models.js'
import { checkTokenMarkers, type FakeKeys, type FakeTokenMarkers } from './keys.js'
import type { AccountRecord, Principal, SessionRecord, WebviewRecord } from './records.js'
import { RequestLog } from './request-log.js'
import { loginFailedEvent, loginSucceededEvents } from '../webhooks/events.js'
import { WebhookDispatcher } from '../webhooks/dispatcher.js'
import type {
  CreateConnectWebviewParams,
  GetOrCreateClientSessionParams,
  UpdateConnectedAccountParams,
} from '../seam/schemas.js'

export class FakeStore {
  readonly workspaceId = newId()
  /**
   * Where the fake is reached, without a trailing slash; webview urls and next_page_url point
   * here. It may carry a path (a fake mounted under a prefix, see create-fake.ts).
   */
  baseUrl = 'http://127.0.0.1'
  readonly log = new RequestLog()
  readonly faults = new FaultQueue()
  readonly #shutdown = new AbortController()
  /** Webhook endpoints, the events sent so far and their deliveries. */
  readonly webhooks = new WebhookDispatcher(this.#shutdown.signal)
  readonly #sessionsByKey = new Map<string, SessionRecord>()
  readonly #sessionsByToken = new Map<string, SessionRecord>()
  readonly #webviews = new Map<string, WebviewRecord>()
  readonly #accounts = new Map<string, AccountRecord>()
  readonly #sessionBehaviour = new Map<string, Partial<FakeBehaviour>>()
  #usernameCounter = 0

  readonly markers: Required<FakeTokenMarkers>

  constructor(
    readonly keys: FakeKeys,
    markers?: FakeTokenMarkers,
  ) {
    this.markers = checkTokenMarkers(markers)
  }

  /** The path part of baseUrl ('' at an origin's root): the hosted page's own links start with it. */
  get basePath(): string {
    return new URL(this.baseUrl).pathname.replace(/\/$/, '')
  }

  /** Aborted when the server stops, so pending artificial delays end at once. */
  get shutdownSignal(): AbortSignal {
    return this.#shutdown.signal
  }

  shutdown(): void {
    this.#shutdown.abort()
  }

  // --- client sessions ---

  sessionByToken(token: string): SessionRecord | undefined {
    return this.#sessionsByToken.get(token)
  }

  /**
   * The session's token expires at once and a new one takes its place (same session, same
   * webviews and accounts): a request with the old token gets 401, as after Seam's expiry, and
   * get_or_create hands out the new one, as an app's backend would on a refresh.
   */
  rotateSessionToken(userIdentifierKey: string): SessionRecord {
    const session = this.#sessionsByKey.get(userIdentifierKey)
    if (!session) throw new FakeSeamError(404, 'client_session_not_found', 'No such client session')
    this.#sessionsByToken.delete(session.token)
    session.token = newClientSessionToken(this.markers.clientSessionToken)
    this.#sessionsByToken.set(session.token, session)
    return session
  }

  /** Same user_identifier_key, same session and token. */
  getOrCreateSession(params: GetOrCreateClientSessionParams): SessionRecord {
    let session = this.#sessionsByKey.get(params.user_identifier_key)
    if (!session) {
      const createdAt = nowIso()
      session = {
        clientSessionId: newId(),
        userIdentifierKey: params.user_identifier_key,
        token: newClientSessionToken(this.markers.clientSessionToken),
        createdAt,
        expiresAt:
          params.expires_at ??
          new Date(Date.parse(createdAt) + CLIENT_SESSION_TTL_MS).toISOString(),
        webviewIds: new Set(),
        accountIds: new Set(),
      }
      this.#sessionsByKey.set(session.userIdentifierKey, session)
      this.#sessionsByToken.set(session.token, session)
    }
    const userIdentityId = params.user_identity_id ?? params.user_identity_ids?.[0]
    if (userIdentityId) session.userIdentityId = userIdentityId
    // Granting access to existing webviews/accounts is only allowed with an API key; the route
    // checks that before calling here.
    for (const id of params.connect_webview_ids ?? []) {
      const record = this.#webviews.get(id)
      if (!record) throw connectWebviewNotFound()
      session.webviewIds.add(id)
      record.sessionKey ??= session.userIdentifierKey
    }
    for (const id of params.connected_account_ids ?? []) {
      if (!this.#accounts.has(id)) throw connectedAccountNotFound()
      session.accountIds.add(id)
    }
    return session
  }

  clientSession(session: SessionRecord): ClientSession {
    return buildClientSession(session, this.workspaceId)
  }

  // --- connect webviews ---

  createWebview(params: CreateConnectWebviewParams, principal: Principal): ConnectWebview {
    const authToken = newWebviewAuthToken(this.markers.authToken)
    const webview = buildConnectWebview({
      params,
      baseUrl: this.baseUrl,
      workspaceId: this.workspaceId,
      authToken,
    })
    const session = principal.kind === 'client_session' ? principal.session : undefined
    this.#webviews.set(webview.connect_webview_id, {
      webview,
      authToken,
      sessionKey: session?.userIdentifierKey ?? null,
      behaviour: {},
      failure: null,
    })
    session?.webviewIds.add(webview.connect_webview_id)
    return structuredClone(webview)
  }

  /** Any webview, regardless of who asks: for the control routes. */
  #webviewRecord(connectWebviewId: string): WebviewRecord {
    const record = this.#webviews.get(connectWebviewId)
    if (!record) throw connectWebviewNotFound()
    return record
  }

  hasWebview(connectWebviewId: string): boolean {
    return this.#webviews.has(connectWebviewId)
  }

  /** The hosted page's lookup: the webview only if `authToken` is the one in its url. */
  webviewForViewer(connectWebviewId: string, authToken: string): WebviewRecord | undefined {
    const record = this.#webviews.get(connectWebviewId)
    if (!record || !constantTimeEquals(record.authToken, authToken)) {
      return undefined
    }
    return record
  }

  /** Every webview, oldest first, or those a session created or was granted: for tests to find. */
  webviewsOf(userIdentifierKey?: string): ConnectWebview[] {
    return [...this.#webviews.values()]
      .filter(
        ({ webview }) =>
          userIdentifierKey === undefined ||
          this.sessionKeysOfWebview(webview.connect_webview_id).has(userIdentifierKey),
      )
      .map(({ webview }) => structuredClone(webview))
  }

  visibleWebview(principal: Principal, connectWebviewId: string): ConnectWebview {
    const record = this.#webviews.get(connectWebviewId)
    if (!record || !canSeeWebview(principal, connectWebviewId)) {
      throw connectWebviewNotFound()
    }
    return structuredClone(record.webview)
  }

  /** The webviews `principal` may see that pass `matches` (copies: only those are copied). */
  visibleWebviews(
    principal: Principal,
    matches: (webview: ConnectWebview) => boolean = () => true,
  ): ConnectWebview[] {
    return [...this.#webviews.values()]
      .filter(
        (record) =>
          canSeeWebview(principal, record.webview.connect_webview_id) && matches(record.webview),
      )
      .map((record) => structuredClone(record.webview))
  }

  /**
   * Completes a pending webview the way a successful login would: it reconnects the named
   * account, or an existing account of the same provider and username, or creates one.
   * Completion copies the webview's custom_metadata; a reconnect replaces the account's.
   */
  completeWebview(input: CompleteConnectWebviewInput): {
    connectWebview: ConnectWebview
    connectedAccount: ConnectedAccount
  } {
    const record = this.#webviewRecord(input.connect_webview_id)
    assertPending(record)
    const { webview } = record
    const provider = input.provider ?? webview.accepted_providers[0] ?? 'august'
    let accountRecord: AccountRecord | undefined
    if (input.connected_account_id !== undefined) {
      accountRecord = this.#accounts.get(input.connected_account_id)
      if (!accountRecord) throw connectedAccountNotFound()
    } else if (input.username !== undefined) {
      accountRecord = [...this.#accounts.values()].find(
        (candidate) => candidate.provider === provider && candidate.username === input.username,
      )
    }
    if (accountRecord) {
      accountRecord.account.custom_metadata = { ...webview.custom_metadata }
    } else {
      const username = input.username ?? this.#newUsername()
      const account = buildConnectedAccount({ settings: webview, provider, username })
      accountRecord = { account, provider, username }
      this.#accounts.set(account.connected_account_id, accountRecord)
    }
    const accountId = accountRecord.account.connected_account_id
    Object.assign(webview, {
      status: 'authorized',
      login_successful: true,
      authorized_at: nowIso(),
      selected_provider: accountRecord.provider,
      connected_account_id: accountId,
    } satisfies Partial<ConnectWebview>)
    for (const session of this.#sessionsByKey.values()) {
      if (session.webviewIds.has(webview.connect_webview_id)) {
        session.accountIds.add(accountId)
      }
    }
    // Seam tells the app's backend too: a first connection and a reconnect alike (§5.4).
    this.webhooks.emit(loginSucceededEvents(webview, accountRecord.account))
    return {
      connectWebview: structuredClone(webview),
      connectedAccount: structuredClone(accountRecord.account),
    }
  }

  /**
   * An account that was connected before the test started (no webview): visible to the API key,
   * and to the session of `user_identifier_key` when given (created if new, as get_or_create
   * would), so the app's client session finds it.
   */
  seedAccount(input: SeedConnectedAccountInput): ConnectedAccount {
    const provider = input.provider ?? 'august'
    const username = input.username ?? this.#newUsername()
    const account = buildConnectedAccount({
      settings: {
        custom_metadata: toStoredCustomMetadata(input.custom_metadata),
        automatically_manage_new_devices: true,
        accepted_capabilities: input.accepted_capabilities ?? [...DEFAULT_CAPABILITIES],
        customer_key: input.customer_key,
      },
      provider,
      username,
    })
    this.#accounts.set(account.connected_account_id, { account, provider, username })
    if (input.user_identifier_key !== undefined) {
      this.getOrCreateSession({ user_identifier_key: input.user_identifier_key }).accountIds.add(
        account.connected_account_id,
      )
    }
    return structuredClone(account)
  }

  #newUsername(): string {
    return `fake-user-${++this.#usernameCounter}@example.com`
  }

  /** Records the failure the page reports later (its status text, message and redirect). */
  failWebview(input: FailConnectWebviewInput): ConnectWebview {
    const record = this.#webviewRecord(input.connect_webview_id)
    assertPending(record)
    record.webview.status = 'failed'
    record.failure = {
      error_code: input.error_code ?? DEFAULT_FAILURE.error_code,
      error_message: input.error_message ?? DEFAULT_FAILURE.error_message,
    }
    this.webhooks.emit([loginFailedEvent(record.webview)])
    return structuredClone(record.webview)
  }

  // --- connected accounts ---

  visibleAccount(principal: Principal, connectedAccountId: string): ConnectedAccount {
    const record = this.#accounts.get(connectedAccountId)
    if (!record || !canSeeAccount(principal, connectedAccountId)) {
      throw connectedAccountNotFound()
    }
    return structuredClone(record.account)
  }

  visibleAccountByEmail(principal: Principal, email: string): ConnectedAccount {
    const wanted = email.toLowerCase()
    const record = [...this.#accounts.values()].find(
      (candidate) =>
        candidate.account.user_identifier?.email?.toLowerCase() === wanted &&
        canSeeAccount(principal, candidate.account.connected_account_id),
    )
    if (!record) throw connectedAccountNotFound()
    return structuredClone(record.account)
  }

  /**
   * The accounts `principal` may see that pass `matches`. Filtered before they are copied: a list
   * of 100 matches in a workspace of 10,000 copies 100 accounts, not 10,000.
   */
  visibleAccounts(
    principal: Principal,
    matches: (account: ConnectedAccount) => boolean = () => true,
  ): ConnectedAccount[] {
    return [...this.#accounts.values()]
      .filter(
        (record) =>
          canSeeAccount(principal, record.account.connected_account_id) && matches(record.account),
      )
      .map((record) => structuredClone(record.account))
  }

  /** custom_metadata replaces the whole object; null and "" values drop their key. */
  updateAccount(params: UpdateConnectedAccountParams): ConnectedAccount {
    const record = this.#accounts.get(params.connected_account_id)
    if (!record) throw connectedAccountNotFound()
    const { account } = record
    if (params.custom_metadata !== undefined) {
      account.custom_metadata = toStoredCustomMetadata(params.custom_metadata)
    }
    if (params.display_name !== undefined) {
      account.display_name = params.display_name
    }
    if (params.automatically_manage_new_devices !== undefined) {
      account.automatically_manage_new_devices = params.automatically_manage_new_devices
    }
    if (params.accepted_capabilities !== undefined) {
      account.accepted_capabilities = [...params.accepted_capabilities]
    }
    if (params.customer_key !== undefined) {
      account.customer_key = params.customer_key
    }
    return structuredClone(account)
  }

  /** The user_identifier_key of every session that can see the account (for list filters). */
  sessionKeysOfAccount(connectedAccountId: string): Set<string> {
    const keys = new Set<string>()
    for (const session of this.#sessionsByKey.values()) {
      if (session.accountIds.has(connectedAccountId)) {
        keys.add(session.userIdentifierKey)
      }
    }
    return keys
  }

  sessionKeysOfWebview(connectWebviewId: string): Set<string> {
    const keys = new Set<string>()
    for (const session of this.#sessionsByKey.values()) {
      if (session.webviewIds.has(connectWebviewId)) {
        keys.add(session.userIdentifierKey)
      }
    }
    return keys
  }

  // --- behaviour ---

  sessionBehaviour(userIdentifierKey: string): FakeBehaviour {
    return {
      ...DEFAULT_BEHAVIOUR,
      ...this.#sessionBehaviour.get(userIdentifierKey),
    }
  }

  patchSessionBehaviour(userIdentifierKey: string, patch: FakeBehaviourPatch): FakeBehaviour {
    const current = this.#sessionBehaviour.get(userIdentifierKey) ?? {}
    this.#sessionBehaviour.set(userIdentifierKey, applyBehaviourPatch(current, patch))
    return this.sessionBehaviour(userIdentifierKey)
  }

  /** Defaults, then the creating session's settings, then the webview's own overrides. */
  webviewBehaviour(connectWebviewId: string): FakeBehaviour {
    const record = this.#webviewRecord(connectWebviewId)
    const inherited =
      record.sessionKey === null ? DEFAULT_BEHAVIOUR : this.sessionBehaviour(record.sessionKey)
    return { ...inherited, ...record.behaviour }
  }

  patchWebviewBehaviour(connectWebviewId: string, patch: FakeBehaviourPatch): FakeBehaviour {
    const record = this.#webviewRecord(connectWebviewId)
    record.behaviour = applyBehaviourPatch(record.behaviour, patch)
    return this.webviewBehaviour(connectWebviewId)
  }
}

function canSeeWebview(principal: Principal, connectWebviewId: string): boolean {
  return principal.kind === 'api_key' || principal.session.webviewIds.has(connectWebviewId)
}

function canSeeAccount(principal: Principal, connectedAccountId: string): boolean {
  return principal.kind === 'api_key' || principal.session.accountIds.has(connectedAccountId)
}

function assertPending(record: WebviewRecord): void {
  if (record.webview.status !== 'pending') {
    throw new FakeSeamError(
      409,
      'connect_webview_not_pending',
      `Connect webview is already ${record.webview.status}`,
    )
  }
}

/**
 * Compares every code unit of the longer string whatever matched, so the time taken never tells
 * how much of a guessed key was right. Plain JavaScript, so the fake also runs in a browser.
 */
function constantTimeEquals(a: string, b: string): boolean {
  let difference = a.length ^ b.length
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    difference |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0)
  }
  return difference === 0
}
