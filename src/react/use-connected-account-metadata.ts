'use client'

import {
  useQuery,
  type QueryKey,
  type UseQueryOptions,
  type UseQueryResult,
} from '@tanstack/react-query'
import { useCallback } from 'react'
import type { SeamConnectError } from '../errors/errors.js'
import { connectedAccountByConnectWebviewQueryOptions } from '../query/connected-account-by-connect-webview-query-options.js'
import { connectedAccountQueryOptions } from '../query/connected-account-query-options.js'
import {
  connectWebviewQueryOptions,
  type PollInterval,
} from '../query/connect-webview-query-options.js'
import { connectedAccountIdOf, webviewOutcomeError } from '../query/webview-outcome.js'
import type { ConnectedAccount } from '../schemas/connected-account.js'
import type { CustomMetadata } from '../schemas/custom-metadata.js'
import type { InferSchemaOutput, StandardSchemaV1 } from '../schemas/standard-schema.js'
import { validateCustomMetadata } from '../schemas/validate-metadata.js'
import { useRequiredClient } from './seam-connect-context.js'
import { useAccountByIdSeed } from './use-account-by-id-seed.js'

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
 * steps as two dependent queries: the webview (polled while `pending`), then, once the webview
 * names it, the account it created. Meanwhile `isPending` is true; a `failed` webview is a
 * `SeamConnectWebviewFailedError`, and an error reading the webview is this hook's error. With
 * `schema`, `data` is the schema's output and a mismatch is a `SeamResponseParseError`.
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
  const webviewId = target?.connectWebviewId ?? null
  const webview = useQuery({
    ...connectWebviewQueryOptions(client, webviewId ?? '', { pollInterval }),
    enabled: enabled && webviewId !== null,
  })
  const accountId =
    webviewId === null ? (target?.connectedAccountId ?? null) : connectedAccountIdOf(webview.data)
  const select = useCallback(
    (account: ConnectedAccount) =>
      schema ? validateCustomMetadata(schema, account.custom_metadata) : account.custom_metadata,
    [schema],
  )
  // Both factories describe a ConnectedAccount query; only their key tuples differ.
  const accountOptions = (
    webviewId === null
      ? connectedAccountQueryOptions(client, accountId ?? '')
      : connectedAccountByConnectWebviewQueryOptions(client, webviewId, accountId ?? '')
  ) as UseQueryOptions<ConnectedAccount, SeamConnectError, ConnectedAccount, QueryKey>
  const account = useQuery({ ...accountOptions, select, enabled: enabled && accountId !== null })
  useAccountByIdSeed(client, webviewId, accountId, account.dataUpdatedAt)
  if (webviewId === null || account.data !== undefined) return account
  const error = webview.error ?? webviewOutcomeError(webview.data, webviewId)
  return error ? asErrorResult(webview, error) : account
}

/**
 * The webview's result as the hook's error: its `refetch` retries the step that failed. Built on
 * top of the result rather than copied, so React Query still tracks only what the caller reads.
 */
function asErrorResult(
  result: UseQueryResult<unknown, SeamConnectError>,
  error: SeamConnectError,
): UseQueryResult<unknown, SeamConnectError> {
  const fields = {
    data: undefined,
    error,
    failureReason: error,
    status: 'error',
    isError: true,
    isSuccess: false,
    isPending: false,
    isLoading: false,
    isLoadingError: true,
    isRefetchError: false,
    isPlaceholderData: false,
  }
  return Object.create(
    result,
    Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, { value }])),
  ) as UseQueryResult<unknown, SeamConnectError>
}
