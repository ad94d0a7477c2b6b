// Builds objects in the exact shape of Seam's official models (the fake's own types in
// objects.ts, checked against @seamapi/types/connect by the contract tests).
import type {
  FakeClientSession as ClientSession,
  FakeConnectWebview as ConnectWebview,
  FakeConnectedAccount as ConnectedAccount,
  FakeCapability,
} from './objects.js'
import { toStoredCustomMetadata } from '../seam/custom-metadata.js'
import { newId, nowIso, randomToken } from './ids.js'
import { providerDisplayName, providersForCategory } from '../seam/providers.js'
import type { CreateConnectWebviewParams } from '../seam/schemas.js'
import type { SessionRecord } from './records.js'

export const CLIENT_SESSION_TTL_MS = 24 * 60 * 60 * 1000

/** What a webview accepts unless told otherwise, and so what its new account can do. */
export const DEFAULT_CAPABILITIES: readonly FakeCapability[] = [
  'lock',
  'thermostat',
  'noise_sensor',
  'access_control',
]

/**
 * Seam's auth_token is 33 base62 characters, as in the `url` of the webview from Seam's docs
 * (test/fixtures/seed-connect-webview.json).
 */
export const newWebviewAuthToken = (marker = ''): string =>
  `${marker}${randomToken(33 - marker.length)}`

/**
 * `seam_cst1` and 28 base62 characters. A marker (FakeTokenMarkers, at most 16 characters) takes
 * the place of the first random ones: a marked token has the length and alphabet of any other.
 */
export const newClientSessionToken = (marker = ''): string =>
  `seam_cst1${marker}${randomToken(28 - marker.length)}`

export function buildConnectWebview(options: {
  params: CreateConnectWebviewParams
  baseUrl: string
  workspaceId: string
  authToken: string
}): ConnectWebview {
  const { params, baseUrl, workspaceId, authToken } = options
  const id = newId()
  // baseUrl may carry a path (a fake mounted under a prefix, e.g. behind MSW on a page's origin).
  const url = new URL(`${baseUrl}/connect_webviews/view`)
  url.searchParams.set('connect_webview_id', id)
  url.searchParams.set('auth_token', authToken)
  const excluded = new Set(params.excluded_providers ?? [])
  const anyProviderAllowed =
    params.accepted_providers === undefined && params.provider_category === undefined
  const acceptedProviders = (
    params.accepted_providers ?? providersForCategory(params.provider_category ?? 'stable')
  ).filter((provider) => !excluded.has(provider))
  return {
    connect_webview_id: id,
    workspace_id: workspaceId,
    created_at: nowIso(),
    connected_account_id: null,
    url: url.toString(),
    device_selection_mode: params.device_selection_mode ?? 'none',
    accepted_providers: acceptedProviders,
    accepted_capabilities: params.accepted_capabilities ?? [...DEFAULT_CAPABILITIES],
    accepted_devices: [],
    any_device_allowed: false,
    any_provider_allowed: anyProviderAllowed,
    login_successful: false,
    status: 'pending',
    custom_redirect_url: params.custom_redirect_url ?? null,
    custom_redirect_failure_url: params.custom_redirect_failure_url ?? null,
    custom_metadata: toStoredCustomMetadata(params.custom_metadata),
    automatically_manage_new_devices: params.automatically_manage_new_devices,
    wait_for_device_creation: params.wait_for_device_creation,
    authorized_at: null,
    selected_provider: null,
    ...(params.customer_key === undefined ? {} : { customer_key: params.customer_key }),
  }
}

/** The settings an account inherits: a completed webview's, or a seeded account's. */
type AccountSettings = Pick<
  ConnectWebview,
  'custom_metadata' | 'automatically_manage_new_devices' | 'accepted_capabilities' | 'customer_key'
>

/** A new account, as a completed webview (or a seed) creates it. */
export function buildConnectedAccount(options: {
  settings: AccountSettings
  provider: string
  username: string
}): ConnectedAccount {
  const { settings, provider, username } = options
  return {
    connected_account_id: newId(),
    created_at: nowIso(),
    user_identifier: {
      username,
      ...(username.includes('@') ? { email: username } : {}),
    },
    account_type: provider,
    account_type_display_name: providerDisplayName(provider),
    display_name: username,
    errors: [],
    warnings: [],
    custom_metadata: { ...settings.custom_metadata },
    automatically_manage_new_devices: settings.automatically_manage_new_devices,
    accepted_capabilities: [...settings.accepted_capabilities],
    ...(settings.customer_key === undefined ? {} : { customer_key: settings.customer_key }),
  }
}

export function buildClientSession(session: SessionRecord, workspaceId: string): ClientSession {
  return {
    client_session_id: session.clientSessionId,
    workspace_id: workspaceId,
    created_at: session.createdAt,
    expires_at: session.expiresAt,
    token: session.token,
    user_identifier_key: session.userIdentifierKey,
    device_count: 0,
    connected_account_ids: [...session.accountIds],
    connect_webview_ids: [...session.webviewIds],
    user_identity_ids: session.userIdentityId ? [session.userIdentityId] : [],
    ...(session.userIdentityId ? { user_identity_id: session.userIdentityId } : {}),
  }
}
