// Explicit named exports only: the public API, documented in README.md.

// client (safe to import on a server)
export {
  createSeamConnectClient,
  type SeamConnectClient,
} from './client/create-seam-connect-client.js'
export type {
  RequestOptions,
  RetryOptions,
  SeamConnectClientOptions,
  SeamConnectHeaders,
} from './client/options.js'

// errors
export {
  SeamApiError,
  SeamConnectError,
  SeamConnectPopupError,
  SeamConnectWebviewFailedError,
  SeamInvalidInputError,
  SeamNetworkError,
  SeamResponseParseError,
  isSeamApiError,
  isSeamConnectError,
  isSeamConnectWebviewFailedError,
  isSeamConnectPopupError,
  isSeamInvalidInputError,
  isSeamNetworkError,
  isSeamResponseParseError,
  isTransientSeamError,
  type SeamConnectPopupErrorReason,
  type SeamInputIssue,
} from './errors/errors.js'

// schemas
export {
  connectWebviewSchema,
  createConnectWebviewParamsSchema,
  type ConnectWebview,
  type ConnectWebviewStatus,
  type CreateConnectWebviewParams,
  type GetConnectWebviewParams,
} from './schemas/connect-webview.js'
export {
  connectedAccountSchema,
  type ConnectedAccount,
  type GetConnectedAccountParams,
  type UpdateConnectedAccountMetadataParams,
  type UpdateConnectedAccountParams,
} from './schemas/connected-account.js'
export {
  CUSTOM_METADATA_LIMITS,
  customMetadataInputSchema,
  customMetadataSchema,
  findCustomMetadataIssues,
  type CustomMetadata,
  type CustomMetadataInput,
  type CustomMetadataInputValue,
  type CustomMetadataIssue,
} from './schemas/custom-metadata.js'
export type { ListFilters, ListParams, Page, Pagination } from './schemas/list.js'
export type { InferSchemaOutput, StandardSchemaV1 } from './schemas/standard-schema.js'
export type {
  CustomMetadataSchema,
  InferSchemaInput,
  MetadataInputOf,
  MetadataOf,
  WithCustomMetadata,
  WithMetadataOf,
} from './schemas/typed-metadata.js'

// query (safe to import on a server, e.g. to prefetch)
export { seamConnectKeys } from './query/keys.js'
export {
  connectWebviewQueryOptions,
  type ConnectWebviewQueryOptions,
  type PollInterval,
} from './query/connect-webview-query-options.js'
export { connectedAccountQueryOptions } from './query/connected-account-query-options.js'
export { connectedAccountByConnectWebviewQueryOptions } from './query/connected-account-by-connect-webview-query-options.js'
export {
  createConnectWebviewMutationOptions,
  type CreateConnectWebviewMutationOptions,
} from './query/create-connect-webview-mutation-options.js'
export { connectedAccountsQueryOptions } from './query/connected-accounts-query-options.js'
export { connectWebviewsQueryOptions } from './query/connect-webviews-query-options.js'
export type { ListData, ListPageParam } from './query/list-pages.js'
export {
  updateConnectedAccountMetadataMutationOptions,
  type OptimisticMetadataUpdate,
} from './query/update-connected-account-metadata-mutation-options.js'

// react ('use client')
export {
  SeamConnectProvider,
  type SeamConnectProviderProps,
} from './react/seam-connect-provider.js'
export { useSeamConnectClient } from './react/use-seam-connect-client.js'
export {
  useCreateConnectWebview,
  type UseCreateConnectWebviewOptions,
} from './react/use-create-connect-webview.js'
export { useConnectWebview } from './react/use-connect-webview.js'
export {
  useConnectedAccountMetadata,
  type ConnectedAccountMetadataTarget,
  type UseConnectedAccountMetadataOptions,
} from './react/use-connected-account-metadata.js'
export { useConnectedAccounts, type UseListOptions } from './react/use-connected-accounts.js'
export { useConnectWebviews } from './react/use-connect-webviews.js'
export {
  useUpdateConnectedAccountMetadata,
  type UseUpdateConnectedAccountMetadataOptions,
} from './react/use-update-connected-account-metadata.js'
export { createSeamConnectHooks, type SeamConnectHooks } from './react/create-seam-connect-hooks.js'

// completion engine ('use client')
export {
  useConnectWebviewCompletion,
  type CompletionMetadata,
  type ConnectWebviewCompletion,
  type ConnectWebviewCompletionResult,
  type ConnectWebviewCompletionState,
  type UseConnectWebviewCompletionOptions,
} from './completion/use-connect-webview-completion.js'
export type { CompletionTarget, ConnectWebviewTarget } from './completion/webview-target.js'

// frame ('use client')
export {
  ConnectWebviewFrame,
  type ConnectWebviewFrameProps,
  type ConnectWebviewFrameState,
} from './frame/ConnectWebviewFrame.js'
export type { ConnectWebviewEvent } from './schemas/webview-message.js'

// popup and full-page redirect modes ('use client'), over the same completion engine
export {
  useConnectWebviewPopup,
  type ConnectWebviewPopup,
  type ConnectWebviewPopupState,
  type OpenConnectWebviewPopupOptions,
  type UseConnectWebviewPopupOptions,
} from './popup/use-connect-webview-popup.js'
export {
  useConnectWebviewRedirectResult,
  type ConnectWebviewRedirectResult,
  type ConnectWebviewRedirectState,
  type UseConnectWebviewRedirectResultOptions,
} from './redirect/use-connect-webview-redirect-result.js'
export { redirectUrlFor } from './redirect/redirect-url.js'
