import type { SeamConnectClient } from '../client/create-seam-connect-client.js'

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
