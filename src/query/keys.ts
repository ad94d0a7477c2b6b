import type { SeamConnectClient } from '../client/create-seam-connect-client.js'
import { hashHex } from '../internal/hash.js'
import type { ListFilters } from '../schemas/list.js'

const ROOT = 'react-seam-connect'

/**
 * The one query key factory. Every key starts with the client's `scope` (a one-way hash of
 * endpoint and credential), so data of different users or workspaces never mixes and no token
 * appears in a key. Invalidate a prefix to refresh everything under it, e.g.
 * `queryClient.invalidateQueries({ queryKey: seamConnectKeys.connectedAccounts(client) })`.
 */
export const seamConnectKeys = {
  /** Everything this library caches for `client`. */
  all: (client: SeamConnectClient) => [ROOT, client.scope] as const,
  /** Every Connect Webview query of `client`. */
  connectWebviews: (client: SeamConnectClient) =>
    [...seamConnectKeys.all(client), 'connect_webviews'] as const,
  /** One Connect Webview. */
  connectWebview: (client: SeamConnectClient, connectWebviewId: string) =>
    [
      ...seamConnectKeys.connectWebviews(client),
      'get',
      { connect_webview_id: connectWebviewId },
    ] as const,
  /** Every page of every Connect Webview list (`useConnectWebviews`). */
  connectWebviewLists: (client: SeamConnectClient) =>
    [...seamConnectKeys.connectWebviews(client), 'list'] as const,
  /** The pages of one Connect Webview list. */
  connectWebviewList: (client: SeamConnectClient, filters: ListFilters) =>
    [...seamConnectKeys.connectWebviewLists(client), keyFilters(filters)] as const,
  /** The `create` mutation. */
  createConnectWebview: (client: SeamConnectClient) =>
    [...seamConnectKeys.connectWebviews(client), 'create'] as const,
  /** Every connected account query of `client`, including those found through a webview. */
  connectedAccounts: (client: SeamConnectClient) =>
    [...seamConnectKeys.all(client), 'connected_accounts'] as const,
  /** One connected account. */
  connectedAccount: (client: SeamConnectClient, connectedAccountId: string) =>
    [
      ...seamConnectKeys.connectedAccounts(client),
      'get',
      { connected_account_id: connectedAccountId },
    ] as const,
  /** Every page of every connected account list (`useConnectedAccounts`). */
  connectedAccountLists: (client: SeamConnectClient) =>
    [...seamConnectKeys.connectedAccounts(client), 'list'] as const,
  /** The pages of one connected account list. */
  connectedAccountList: (client: SeamConnectClient, filters: ListFilters) =>
    [...seamConnectKeys.connectedAccountLists(client), keyFilters(filters)] as const,
  /** The `update` mutation of an account's metadata. */
  updateConnectedAccount: (client: SeamConnectClient) =>
    [...seamConnectKeys.connectedAccounts(client), 'update'] as const,
  /** The connected account that a Connect Webview created, as that webview named it. */
  connectedAccountByConnectWebview: (
    client: SeamConnectClient,
    connectWebviewId: string,
    connectedAccountId: string,
  ) =>
    [
      ...seamConnectKeys.connectedAccounts(client),
      'by_connect_webview',
      { connect_webview_id: connectWebviewId, connected_account_id: connectedAccountId },
    ] as const,
}

/**
 * Filters as a key holds them: a `userIdentifierKey` is a publishable key's credential, so the
 * key holds its digest, never the value (like the client's `scope`).
 */
function keyFilters(filters: ListFilters): ListFilters {
  // Optional chaining: a caller without types may pass `null`, which validation then refuses.
  const userIdentifierKey: unknown = filters?.userIdentifierKey
  return typeof userIdentifierKey === 'string'
    ? { ...filters, userIdentifierKey: hashHex(userIdentifierKey) }
    : filters
}
