import type { QueryClient, UseMutationOptions } from '@tanstack/react-query'
import type { SeamConnectClient } from '../client/create-seam-connect-client.js'
import { parse } from '../client/validate.js'
import type { SeamConnectError } from '../errors/errors.js'
import { snapshot } from '../internal/snapshot.js'
import {
  updateConnectedAccountMetadataParamsSchema,
  type ConnectedAccount,
  type UpdateConnectedAccountMetadataParams,
} from '../schemas/connected-account.js'
import { seamConnectKeys } from './keys.js'
import { applyMetadataUpdate, restoreCache, type CacheSnapshot } from './optimistic-metadata.js'

export interface UpdateConnectedAccountMetadataMutationOptions {
  queryClient: QueryClient
  /**
   * Keys your server sets and keeps whatever the browser sends (`createSeamConnectHandler`'s
   * `trustedMetadata`): the optimistic value keeps their cached values, as the server will, so
   * an update may leave them out.
   */
  trustedKeys?: readonly string[]
}

/** What an optimistic update leaves for its rollback. */
export interface OptimisticMetadataUpdate {
  previous: CacheSnapshot
}

/**
 * Mutation options for changing a connected account's `custom_metadata` through
 * `/connected_accounts/update`, with an optimistic update of every cached read of the account.
 *
 * - Seam **replaces** the whole object: send all of it. `null` or `""` removes a key. (Through
 *   `react-seam-connect/server` the app's trusted keys stay, whatever is sent.)
 * - The variables are checked first: bad input rejects with a `SeamInvalidInputError`, and neither
 *   the cache nor Seam sees it.
 * - Then every cached read of the account shows the new metadata at once (by id, through its
 *   webview, in lists; it leaves lists whose filter it no longer matches), with `trustedKeys` as
 *   they were. A failure puts the cache
 *   back; either way the account queries are invalidated once the last pending update settles.
 * - Seam accepts this route only with an API key: from a browser, it needs the app's server
 *   (`react-seam-connect/server`). `retry: false`: a write is never sent twice.
 *
 * Spread your own options before these, never after.
 */
export function updateConnectedAccountMetadataMutationOptions(
  client: SeamConnectClient,
  { queryClient, trustedKeys = [] }: UpdateConnectedAccountMetadataMutationOptions,
) {
  const mutationKey = seamConnectKeys.updateConnectedAccount(client)
  const accounts = seamConnectKeys.connectedAccounts(client)
  return {
    mutationKey,
    mutationFn: (params: UpdateConnectedAccountMetadataParams) =>
      client.connectedAccounts.update(params),
    retry: false,
    // Typed `unknown`: what it validates is whatever was passed, typed or not.
    onMutate: async (params: unknown) => {
      const { connected_account_id, custom_metadata } = parse(
        updateConnectedAccountMetadataParamsSchema,
        snapshot(params),
        'useUpdateConnectedAccountMetadata',
        'params',
      )
      // A read in flight would land after the optimistic value and overwrite it.
      await queryClient.cancelQueries({ queryKey: accounts })
      const previous = applyMetadataUpdate(
        queryClient,
        client,
        connected_account_id,
        custom_metadata,
        trustedKeys,
      )
      return { previous } satisfies OptimisticMetadataUpdate
    },
    onError: (
      _error: SeamConnectError,
      _params: unknown,
      context: OptimisticMetadataUpdate | undefined,
    ) => {
      if (context) restoreCache(queryClient, context.previous)
    },
    onSettled: (
      _data: unknown,
      _error: unknown,
      _params: unknown,
      context: OptimisticMetadataUpdate | undefined,
    ) =>
      // No context: the input was refused before the cache changed, so nothing needs reading.
      // With another update still pending, its own settling reads once for both.
      context && queryClient.isMutating({ mutationKey }) === 1
        ? queryClient.invalidateQueries({ queryKey: accounts })
        : undefined,
  } satisfies UseMutationOptions<
    ConnectedAccount | undefined,
    SeamConnectError,
    UpdateConnectedAccountMetadataParams,
    OptimisticMetadataUpdate
  >
}
