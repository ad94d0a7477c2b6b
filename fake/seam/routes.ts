// The Seam Connect routes the library uses (docs/seam-api.md §2), with Seam's replies.
import { Hono, type Context } from 'hono'
import { requireApiKey, requirePrincipal } from './auth.js'
import type { FakeEnv } from '../http/env.js'
import { FakeSeamError, parseInput, unauthorized } from '../http/errors.js'
import { matchesCustomMetadata } from './custom-metadata.js'
import type {
  FakeConnectWebview as ConnectWebview,
  FakeConnectedAccount as ConnectedAccount,
} from '../state/objects.js'
import { paginate, resolveListParams, type ListFilters } from './pagination.js'
import {
  createConnectWebviewSchema,
  getConnectWebviewSchema,
  getConnectedAccountSchema,
  getOrCreateClientSessionSchema,
  listConnectWebviewsSchema,
  listConnectedAccountsSchema,
  updateConnectedAccountSchema,
} from './schemas.js'
import { GET_OR_CREATE_PATH } from './pipeline.js'
import type { FakeStore } from '../state/store.js'

// Reads accept GET with query params too; writes are POST (update also PATCH, as in the openapi).
const READ = ['GET', 'POST']

// Default page sizes from the openapi document.
const WEBVIEWS_DEFAULT_LIMIT = 500
const ACCOUNTS_DEFAULT_LIMIT = 11_000

export function createSeamRoutes(store: FakeStore): Hono<FakeEnv> {
  const routes = new Hono<FakeEnv>()

  routes.post(GET_OR_CREATE_PATH, (c) => {
    const { params, identity } = c.get('seam')
    if (identity.auth !== 'api_key' && identity.auth !== 'publishable_key') {
      throw unauthorized(
        identity.auth === 'client_session'
          ? 'get_or_create needs a publishable key or an API key'
          : (identity.problem ?? 'Unauthorized'),
      )
    }
    const input = parseInput(getOrCreateClientSessionSchema, params)
    if (
      identity.auth === 'publishable_key' &&
      (input.connect_webview_ids !== undefined || input.connected_account_ids !== undefined)
    ) {
      // Granting access to existing resources from a browser would let anyone read them.
      throw new FakeSeamError(
        403,
        'forbidden',
        'connect_webview_ids and connected_account_ids need an API key',
      )
    }
    const session = store.getOrCreateSession(input)
    return c.json({ client_session: store.clientSession(session), ok: true })
  })

  routes.post('/connect_webviews/create', (c) => {
    const { params, identity } = c.get('seam')
    const principal = requirePrincipal(identity)
    const input = parseInput(createConnectWebviewSchema, params)
    return c.json({
      connect_webview: store.createWebview(input, principal),
      ok: true,
    })
  })

  routes.on(READ, '/connect_webviews/get', (c) => {
    const { params, identity } = c.get('seam')
    const principal = requirePrincipal(identity)
    const input = parseInput(getConnectWebviewSchema, params)
    return c.json({
      connect_webview: store.visibleWebview(principal, input.connect_webview_id),
      ok: true,
    })
  })

  routes.on(READ, '/connect_webviews/list', (c) => {
    const { params, identity } = c.get('seam')
    const principal = requirePrincipal(identity)
    const { filters, after } = resolveListParams(parseInput(listConnectWebviewsSchema, params))
    const page = paginate({
      items: store.visibleWebviews(principal, (webview) => webviewMatches(store, webview, filters)),
      position: (webview) => ({
        created_at: webview.created_at,
        id: webview.connect_webview_id,
      }),
      filters,
      after,
      defaultLimit: WEBVIEWS_DEFAULT_LIMIT,
      nextPageBase: nextPageBase(store, c),
    })
    return c.json({
      connect_webviews: page.items,
      pagination: page.pagination,
      ok: true,
    })
  })

  routes.on(READ, '/connected_accounts/get', (c) => {
    const { params, identity } = c.get('seam')
    const principal = requirePrincipal(identity)
    const input = parseInput(getConnectedAccountSchema, params)
    const account =
      'connected_account_id' in input
        ? store.visibleAccount(principal, input.connected_account_id)
        : store.visibleAccountByEmail(principal, input.email)
    return c.json({ connected_account: account, ok: true })
  })

  // The openapi lists only customer-scoped client sessions for this route; whether a plain
  // CST works live is unverified (docs/seam-api.md §2), so the fake serves it, scoped to the session.
  routes.on(READ, '/connected_accounts/list', (c) => {
    const { params, identity } = c.get('seam')
    const principal = requirePrincipal(identity)
    const { filters, after } = resolveListParams(parseInput(listConnectedAccountsSchema, params))
    const page = paginate({
      items: store.visibleAccounts(principal, (account) => accountMatches(store, account, filters)),
      position: (account) => ({
        created_at: account.created_at ?? '',
        id: account.connected_account_id,
      }),
      filters,
      after,
      defaultLimit: ACCOUNTS_DEFAULT_LIMIT,
      nextPageBase: nextPageBase(store, c),
    })
    return c.json({
      connected_accounts: page.items,
      pagination: page.pagination,
      ok: true,
    })
  })

  // API key only (docs/seam-api.md §2). The openapi's 200 reply carries the updated connected_account
  // next to ok: true, so the fake sends both.
  routes.on(['POST', 'PATCH'], '/connected_accounts/update', (c) => {
    const { params, identity } = c.get('seam')
    requireApiKey(identity, '/connected_accounts/update')
    const input = parseInput(updateConnectedAccountSchema, params)
    return c.json({ connected_account: store.updateAccount(input), ok: true })
  })

  return routes
}

function nextPageBase(store: FakeStore, c: Context<FakeEnv>): string {
  return `${store.baseUrl}${c.req.path}`
}

function webviewMatches(store: FakeStore, webview: ConnectWebview, filters: ListFilters): boolean {
  return (
    matchesCustomMetadata(webview.custom_metadata, filters.custom_metadata_has) &&
    (filters.customer_key === undefined || webview.customer_key === filters.customer_key) &&
    (filters.user_identifier_key === undefined ||
      store.sessionKeysOfWebview(webview.connect_webview_id).has(filters.user_identifier_key)) &&
    matchesSearch(filters.search, [
      webview.connect_webview_id,
      webview.selected_provider,
      ...Object.values(webview.custom_metadata),
    ])
  )
}

function accountMatches(
  store: FakeStore,
  account: ConnectedAccount,
  filters: ListFilters,
): boolean {
  return (
    matchesCustomMetadata(account.custom_metadata, filters.custom_metadata_has) &&
    (filters.customer_key === undefined || account.customer_key === filters.customer_key) &&
    (filters.user_identifier_key === undefined ||
      store.sessionKeysOfAccount(account.connected_account_id).has(filters.user_identifier_key)) &&
    matchesSearch(filters.search, [
      account.connected_account_id,
      account.display_name,
      account.account_type,
      account.account_type_display_name,
      account.user_identifier?.email,
      account.user_identifier?.username,
    ])
  )
}

/** Case-insensitive substring match over a record's searchable strings. */
function matchesSearch(search: string | undefined, fields: readonly unknown[]): boolean {
  if (search === undefined) return true
  const needle = search.toLowerCase()
  return fields.some((field) => typeof field === 'string' && field.toLowerCase().includes(needle))
}
