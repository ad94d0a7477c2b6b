'use client'

import {
  useMutation,
  useQueryClient,
  type UseMutationOptions,
  type UseMutationResult,
} from '@tanstack/react-query'
import type { SeamConnectError } from '../errors/errors.js'
import {
  updateConnectedAccountMetadataMutationOptions,
  type OptimisticMetadataUpdate,
  type UpdateConnectedAccountMetadataMutationOptions,
} from '../query/update-connected-account-metadata-mutation-options.js'
import type {
  ConnectedAccount,
  UpdateConnectedAccountMetadataParams,
} from '../schemas/connected-account.js'
import type { CustomMetadataInput } from '../schemas/custom-metadata.js'
import { useRequiredClient } from './seam-connect-context.js'

/**
 * React Query's mutation options, without those this hook owns: `retry` (a write is sent once)
 * and `onMutate` (the optimistic update).
 */
export type UseUpdateConnectedAccountMetadataOptions<M = CustomMetadataInput> = Omit<
  UseMutationOptions<
    ConnectedAccount | undefined,
    SeamConnectError,
    UpdateConnectedAccountMetadataParams<M>,
    OptimisticMetadataUpdate
  >,
  'mutationFn' | 'mutationKey' | 'retry' | 'retryDelay' | 'onMutate'
> &
  Pick<UpdateConnectedAccountMetadataMutationOptions, 'trustedKeys'>

/**
 * Changes a connected account's `custom_metadata`, optimistically. `M` types `custom_metadata`
 * (as `createSeamConnectHooks` does from a schema).
 *
 * - **Seam replaces the whole object**: send all of it; `null` or `""` removes a key. Through
 *   `react-seam-connect/server`, the app's trusted keys stay whatever is sent: name them in
 *   `trustedKeys` and the optimistic value keeps them too, so the update may leave them out.
 * - Bad variables reject with a `SeamInvalidInputError`; nothing is sent and the cache is left
 *   alone.
 * - Every cached read of the account shows the new metadata at once (by id, through its webview,
 *   in lists, which it leaves when it no longer matches their filter); a failure puts them back,
 *   and they are read again once the update settles. `mutateAsync` resolves after that read.
 * - Seam accepts this route only with an API key: in a browser, point the provider's `endpoint` at
 *   your server's `createSeamConnectHandler`. With a client session token straight to Seam it
 *   fails with a `SeamApiError` (401) that says so.
 *
 * @example
 * const update = useUpdateConnectedAccountMetadata()
 * update.mutate({ connected_account_id, custom_metadata: { ...account.custom_metadata, plan: 'pro' } })
 */
export function useUpdateConnectedAccountMetadata<M = CustomMetadataInput>({
  trustedKeys,
  ...options
}: UseUpdateConnectedAccountMetadataOptions<M> = {}): UseMutationResult<
  ConnectedAccount | undefined,
  SeamConnectError,
  UpdateConnectedAccountMetadataParams<M>,
  OptimisticMetadataUpdate
> {
  const client = useRequiredClient('useUpdateConnectedAccountMetadata()')
  const queryClient = useQueryClient()
  const base = updateConnectedAccountMetadataMutationOptions(client, { queryClient, trustedKeys })
  return useMutation({
    ...options,
    ...base,
    // `M` narrows what the page may write (createSeamConnectHooks); the variables are checked at
    // runtime (in onMutate, then by the client), whatever their static type.
    mutationFn: (params: UpdateConnectedAccountMetadataParams<M>) =>
      base.mutationFn(params as UpdateConnectedAccountMetadataParams),
    // The cache is put back, or read again, before the caller's callbacks run.
    // Spread on: React Query versions differ in how many arguments they pass.
    onError: (...args) => {
      base.onError(args[0], args[1], args[2])
      return options.onError?.(...args)
    },
    onSettled: async (...args) => {
      await base.onSettled(args[0], args[1], args[2], args[3])
      return options.onSettled?.(...args)
    },
  })
}
