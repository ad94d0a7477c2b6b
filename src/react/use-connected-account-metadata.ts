import {
  useQuery,
  useQueryClient,
  type QueryKey,
  type UseQueryOptions,
  type UseQueryResult,
} from '@tanstack/react-query'
import { useCallback } from 'react'
import type { SeamConnectError } from '../errors/errors.js'
import { connectedAccountByConnectWebviewQueryOptions } from '../query/connected-account-by-connect-webview-query-options.js'
import { connectedAccountQueryOptions } from '../query/connected-account-query-options.js'
import type { PollInterval } from '../query/connect-webview-query-options.js'
import type { ConnectedAccount } from '../schemas/connected-account.js'
import type { CustomMetadata } from '../schemas/custom-metadata.js'
import type { InferSchemaOutput, StandardSchemaV1 } from '../schemas/standard-schema.js'
import { validateCustomMetadata } from '../schemas/validate-metadata.js'
import { useRequiredClient } from './seam-connect-context.js'

/** Whose metadata: a connected account, or the account a Connect Webview created. */
export type ConnectedAccountMetadataTarget =
  | { connectedAccountId: string; connectWebviewId?: undefined }
  | { connectWebviewId: string; connectedAccountId?: undefined }

export interface UseConnectedAccountMetadataOptions<S extends StandardSchemaV1 | undefined> {
  /** A Standard Schema (zod 4, valibot, ...) that validates and types the metadata. */
  schema?: S
  /** `false` keeps the query idle. Default `true`. */
  enabled?: boolean
  /** With `connectWebviewId`: interval (ms) between checks while the webview is pending. */
  pollInterval?: PollInterval
}

/**
 * The `custom_metadata` of a connected account. With `{ connectWebviewId }` it follows Seam's
 * steps 5 to 7: it waits while the webview is `pending`, then reads the account the webview
 * created; a `failed` webview is a `SeamConnectWebviewFailedError`. With `schema`, `data` is
 * the schema's output and a mismatch is a `SeamResponseParseError`.
 *
 * @example
 * const { data } = useConnectedAccountMetadata({ connectWebviewId }, { schema: z.object({ tenant_id: z.string() }) })
 */
export function useConnectedAccountMetadata<S extends StandardSchemaV1>(
  target: ConnectedAccountMetadataTarget | null,
  options: UseConnectedAccountMetadataOptions<S> & { schema: S },
): UseQueryResult<InferSchemaOutput<S>, SeamConnectError>
export function useConnectedAccountMetadata(
  target: ConnectedAccountMetadataTarget | null,
  options?: UseConnectedAccountMetadataOptions<undefined>,
): UseQueryResult<CustomMetadata, SeamConnectError>
export function useConnectedAccountMetadata(
  target: ConnectedAccountMetadataTarget | null,
  {
    schema,
    enabled = true,
    pollInterval,
  }: UseConnectedAccountMetadataOptions<StandardSchemaV1 | undefined> = {},
): UseQueryResult<unknown, SeamConnectError> {
  const client = useRequiredClient('useConnectedAccountMetadata()')
  const queryClient = useQueryClient()
  const select = useCallback(
    (account: ConnectedAccount) =>
      schema ? validateCustomMetadata(schema, account.custom_metadata) : account.custom_metadata,
    [schema],
  )
  // Both factories describe a ConnectedAccount query; only their key tuples differ.
  const options = (
    target?.connectWebviewId
      ? connectedAccountByConnectWebviewQueryOptions(client, target.connectWebviewId, {
          queryClient,
          pollInterval,
        })
      : connectedAccountQueryOptions(client, target?.connectedAccountId ?? '')
  ) as UseQueryOptions<ConnectedAccount, SeamConnectError, ConnectedAccount, QueryKey>
  return useQuery({ ...options, select, enabled: enabled && target !== null })
}
