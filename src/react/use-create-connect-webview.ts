'use client'

import {
  useMutation,
  useQueryClient,
  type UseMutationOptions,
  type UseMutationResult,
} from '@tanstack/react-query'
import type { SeamConnectError } from '../errors/errors.js'
import { createConnectWebviewMutationOptions } from '../query/create-connect-webview-mutation-options.js'
import type { ConnectWebview, CreateConnectWebviewParams } from '../schemas/connect-webview.js'
import type { CustomMetadataInput } from '../schemas/custom-metadata.js'
import { useRequiredClient } from './seam-connect-context.js'

/**
 * React Query's mutation options, without `retry` and `retryDelay`: a create runs once per call
 * (a retried one would leave a second webview behind).
 */
export type UseCreateConnectWebviewOptions<M = CustomMetadataInput> = Omit<
  UseMutationOptions<ConnectWebview, SeamConnectError, CreateConnectWebviewParams<M>>,
  'mutationFn' | 'mutationKey' | 'retry' | 'retryDelay'
>

/**
 * Creates a Connect Webview (with `custom_metadata`) and caches it for `useConnectWebview` and
 * `<ConnectWebviewFrame>`; webview lists are invalidated. `M` types `custom_metadata` (as
 * `createSeamConnectHooks` does from a schema). Invalid params reject with a `SeamInvalidInputError` before any
 * request is sent. It runs once per call, whatever the app's mutation defaults say.
 *
 * @example
 * const create = useCreateConnectWebview()
 * create.mutate({ custom_metadata: { tenant_id: 't_1' } })
 * // create.data?.url -> <ConnectWebviewFrame connectWebview={create.data} />
 */
export function useCreateConnectWebview<M = CustomMetadataInput>(
  options: UseCreateConnectWebviewOptions<M> = {},
): UseMutationResult<ConnectWebview, SeamConnectError, CreateConnectWebviewParams<M>> {
  const client = useRequiredClient('useCreateConnectWebview()')
  const queryClient = useQueryClient()
  const base = createConnectWebviewMutationOptions(client, { queryClient })
  return useMutation({
    ...options,
    ...base,
    // `M` narrows what the page may write (createSeamConnectHooks); the client checks every param
    // at runtime, whatever its static type.
    mutationFn: (params: CreateConnectWebviewParams<M>) =>
      base.mutationFn(params as CreateConnectWebviewParams),
    // The cache write comes first so that the caller's onSuccess already sees the webview cached.
    onSuccess: (...args) => {
      base.onSuccess(args[0])
      return options.onSuccess?.(...args)
    },
  })
}
