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
 * `<ConnectWebviewFrame>`. Invalid params reject with a `SeamInvalidInputError` before any
 * request is sent. It runs once per call, whatever the app's mutation defaults say.
 *
 * @example
 * const create = useCreateConnectWebview()
 * create.mutate({ custom_metadata: { tenant_id: 't_1' } })
 * // create.data?.url -> <ConnectWebviewFrame connectWebview={create.data} />
 */
export function useCreateConnectWebview(
  options: UseCreateConnectWebviewOptions = {},
): UseMutationResult<ConnectWebview, SeamConnectError, CreateConnectWebviewParams> {
  const client = useRequiredClient('useCreateConnectWebview()')
  const queryClient = useQueryClient()
  const base = createConnectWebviewMutationOptions(client, { queryClient })
  return useMutation({
    ...options,
    ...base,
    // The cache write comes first so that the caller's onSuccess already sees the webview cached.
    onSuccess: (...args) => {
      base.onSuccess(args[0])
      return options.onSuccess?.(...args)
    },
  })
}
