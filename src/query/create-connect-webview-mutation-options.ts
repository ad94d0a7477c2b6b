import type { QueryClient, UseMutationOptions } from '@tanstack/react-query'
import type { SeamConnectClient } from '../client/create-seam-connect-client.js'
import type { SeamConnectError } from '../errors/errors.js'
import type { ConnectWebview, CreateConnectWebviewParams } from '../schemas/connect-webview.js'
import { seamConnectKeys } from './keys.js'

export interface CreateConnectWebviewMutationOptions {
  /**
   * When given, the created webview is written to the cache that `useConnectWebview` reads, and
   * the webview lists (`useConnectWebviews`) are invalidated.
   */
  queryClient?: QueryClient
}

/**
 * Mutation options for `/connect_webviews/create`. Params are validated before anything is sent:
 * bad `custom_metadata` rejects with a `SeamInvalidInputError` and zero requests.
 *
 * `retry: false` is explicit so that the app's `defaultOptions.mutations.retry` or
 * `setMutationDefaults` never run a create twice (two webviews for one click). Spread your own
 * options before these, never after.
 */
export function createConnectWebviewMutationOptions(
  client: SeamConnectClient,
  { queryClient }: CreateConnectWebviewMutationOptions = {},
) {
  return {
    mutationKey: seamConnectKeys.createConnectWebview(client),
    mutationFn: (params: CreateConnectWebviewParams) => client.connectWebviews.create(params),
    retry: false,
    onSuccess: (webview: ConnectWebview) => {
      queryClient?.setQueryData(
        seamConnectKeys.connectWebview(client, webview.connect_webview_id),
        webview,
      )
      void queryClient?.invalidateQueries({
        queryKey: seamConnectKeys.connectWebviewLists(client),
      })
    },
  } satisfies UseMutationOptions<ConnectWebview, SeamConnectError, CreateConnectWebviewParams>
}
