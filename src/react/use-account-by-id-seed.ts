'use client'

import { useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import type { SeamConnectClient } from '../client/create-seam-connect-client.js'
import { seamConnectKeys } from '../query/keys.js'
import type { ConnectedAccount } from '../schemas/connected-account.js'

/**
 * Copies an account read through a webview (its own cache entry) to the account's entry by id,
 * when that one is older: after a reconnect replaced the account's metadata, a reader by id sees
 * the new metadata at once instead of a copy from before.
 * @param dataUpdatedAt when the account was read through the webview (0: not yet).
 */
export function useAccountByIdSeed(
  client: SeamConnectClient,
  connectWebviewId: string | null,
  connectedAccountId: string | null,
  dataUpdatedAt: number,
): void {
  const queryClient = useQueryClient()
  useEffect(() => {
    if (connectWebviewId === null || connectedAccountId === null || !dataUpdatedAt) return
    const account = queryClient.getQueryData<ConnectedAccount>(
      seamConnectKeys.connectedAccountByConnectWebview(
        client,
        connectWebviewId,
        connectedAccountId,
      ),
    )
    const byId = seamConnectKeys.connectedAccount(client, connectedAccountId)
    if (account && (queryClient.getQueryState(byId)?.dataUpdatedAt ?? 0) < dataUpdatedAt) {
      queryClient.setQueryData(byId, account, { updatedAt: dataUpdatedAt })
    }
  }, [queryClient, client, connectWebviewId, connectedAccountId, dataUpdatedAt])
}
