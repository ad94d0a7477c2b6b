'use client'

import type {
  UseInfiniteQueryResult,
  UseMutationResult,
  UseQueryResult,
} from '@tanstack/react-query'
import { forwardRef, type ForwardedRef, type ReactElement, type Ref } from 'react'
import {
  useConnectWebviewCompletion,
  type ConnectWebviewCompletionResult,
  type UseConnectWebviewCompletionOptions,
} from '../completion/use-connect-webview-completion.js'
import type { ConnectWebviewTarget } from '../completion/webview-target.js'
import type { SeamConnectError } from '../errors/errors.js'
import { ConnectWebviewFrame, type ConnectWebviewFrameProps } from '../frame/ConnectWebviewFrame.js'
import {
  useConnectWebviewPopup,
  type ConnectWebviewPopup,
  type UseConnectWebviewPopupOptions,
} from '../popup/use-connect-webview-popup.js'
import type { ListData } from '../query/list-pages.js'
import {
  useConnectWebviewRedirectResult,
  type ConnectWebviewRedirectResult,
  type UseConnectWebviewRedirectResultOptions,
} from '../redirect/use-connect-webview-redirect-result.js'
import type { OptimisticMetadataUpdate } from '../query/update-connected-account-metadata-mutation-options.js'
import type { ConnectWebview, CreateConnectWebviewParams } from '../schemas/connect-webview.js'
import type {
  ConnectedAccount,
  UpdateConnectedAccountMetadataParams,
} from '../schemas/connected-account.js'
import type { ListFilters } from '../schemas/list.js'
import type { InferSchemaOutput } from '../schemas/standard-schema.js'
import type {
  CustomMetadataSchema,
  InferSchemaInput,
  MetadataInputOf,
  WithCustomMetadata,
} from '../schemas/typed-metadata.js'
import {
  useConnectedAccountMetadata,
  type ConnectedAccountMetadataTarget,
  type UseConnectedAccountMetadataOptions,
} from './use-connected-account-metadata.js'
import { useConnectedAccounts, type UseListOptions } from './use-connected-accounts.js'
import { useConnectWebviews } from './use-connect-webviews.js'
import {
  useCreateConnectWebview,
  type UseCreateConnectWebviewOptions,
} from './use-create-connect-webview.js'
import {
  useUpdateConnectedAccountMetadata,
  type UseUpdateConnectedAccountMetadataOptions,
} from './use-update-connected-account-metadata.js'

/** What the page writes: the schema's keys but the server's trusted ones (see MetadataInputOf). */
type Written<S extends CustomMetadataSchema, T extends string> = Omit<MetadataInputOf<S>, T>

/** `Omit` for each member of a union (the frame's props are one per kind of target). */
type OmitEach<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never

/**
 * The hooks and the frame of this library, typed and validated by one metadata schema. Each is
 * the top-level export of the same name with `schema` given; see {@link createSeamConnectHooks}.
 */
export interface SeamConnectHooks<S extends CustomMetadataSchema, T extends string = never> {
  /** The schema everything here is typed and validated by. */
  readonly schema: S
  /** The keys the app's server sets: left out of what the page writes. */
  readonly trustedKeys: readonly T[]
  /** `useCreateConnectWebview`, whose `custom_metadata` takes the schema's keys. */
  useCreateConnectWebview(
    options?: UseCreateConnectWebviewOptions<Written<S, T>>,
  ): UseMutationResult<ConnectWebview, SeamConnectError, CreateConnectWebviewParams<Written<S, T>>>
  /** `useConnectedAccountMetadata`, validated by the schema: `data` is its output. */
  useConnectedAccountMetadata(
    target: ConnectedAccountMetadataTarget | null,
    options?: Omit<UseConnectedAccountMetadataOptions<S>, 'schema'>,
  ): UseQueryResult<InferSchemaOutput<S>, SeamConnectError>
  /** `useConnectedAccounts`: filters on the schema's keys, each account's metadata validated. */
  useConnectedAccounts(
    filters?: ListFilters<MetadataInputOf<S>>,
    options?: Omit<UseListOptions<S>, 'schema'>,
  ): UseInfiniteQueryResult<
    ListData<WithCustomMetadata<ConnectedAccount, InferSchemaOutput<S>>>,
    SeamConnectError
  >
  /** `useConnectWebviews`: filters on the schema's keys, each webview's metadata validated. */
  useConnectWebviews(
    filters?: ListFilters<MetadataInputOf<S>>,
    options?: Omit<UseListOptions<S>, 'schema'>,
  ): UseInfiniteQueryResult<
    ListData<WithCustomMetadata<ConnectWebview, InferSchemaOutput<S>>>,
    SeamConnectError
  >
  /** `useUpdateConnectedAccountMetadata`, whose `custom_metadata` takes the schema's keys. */
  useUpdateConnectedAccountMetadata(
    options?: Omit<UseUpdateConnectedAccountMetadataOptions<Written<S, T>>, 'trustedKeys'>,
  ): UseMutationResult<
    ConnectedAccount | undefined,
    SeamConnectError,
    UpdateConnectedAccountMetadataParams<Written<S, T>>,
    OptimisticMetadataUpdate
  >
  /** `useConnectWebviewCompletion`, whose `customMetadata` is the schema's output. */
  useConnectWebviewCompletion(
    target: ConnectWebviewTarget | null,
    options?: Omit<UseConnectWebviewCompletionOptions<S>, 'schema'>,
  ): ConnectWebviewCompletionResult<InferSchemaOutput<S>>
  /** `useConnectWebviewPopup`: `open()` takes the schema's keys, and resolves with its output. */
  useConnectWebviewPopup(
    options?: Omit<UseConnectWebviewPopupOptions<S>, 'schema'>,
  ): ConnectWebviewPopup<InferSchemaOutput<S>, Written<S, T>>
  /** `useConnectWebviewRedirectResult`, whose `customMetadata` is the schema's output. */
  useConnectWebviewRedirectResult(
    options?: Omit<UseConnectWebviewRedirectResultOptions<S>, 'schema'>,
  ): ConnectWebviewRedirectResult<InferSchemaOutput<S>>
  /** `<ConnectWebviewFrame>`, whose `onComplete` receives the schema's output. */
  ConnectWebviewFrame: (
    props: OmitEach<ConnectWebviewFrameProps<S>, 'schema'> & { ref?: Ref<HTMLIFrameElement> },
  ) => ReactElement
}

/**
 * The app's metadata schema, given once: the hooks and the frame it returns take and return the
 * schema's types everywhere metadata appears (create, filters, update, reads, `onComplete`), and
 * validate what they read with it at runtime (a mismatch is a `SeamResponseParseError`).
 *
 * A factory rather than a provider prop: React context carries values, not types, so only a
 * value made from the schema can type the calls that use it. Call it once, at module level, and
 * import the hooks from there. Writes are typed by the schema and checked by Seam's rules; each
 * key is optional in them, because the app's server adds its trusted keys (a read checks the
 * whole schema).
 *
 * @example
 * // seam.ts
 * export const { useConnectedAccounts, useUpdateConnectedAccountMetadata, ConnectWebviewFrame } =
 *   createSeamConnectHooks({ schema: z.object({ your_app_user_id: z.string(), tenant_id: z.string() }) })
 */
export function createSeamConnectHooks<
  S extends CustomMetadataSchema,
  T extends keyof InferSchemaInput<S> & string = never,
>({
  schema,
  trustedKeys = [],
}: {
  schema: S
  /**
   * The keys your server sets (`createSeamConnectHandler`'s `trustedMetadata`, such as
   * `your_app_user_id`). They are left out of the create and update types, since the server sets
   * them whatever the page sends, and an optimistic update keeps their values, as the server will.
   */
  trustedKeys?: readonly T[]
}): SeamConnectHooks<S, T> {
  type Hooks = SeamConnectHooks<S, T>
  // Typed as the base frame is: forwardRef's own type cannot carry a union of props.
  const Frame = forwardRef(function SchemaConnectWebviewFrame(
    props: ConnectWebviewFrameProps<S>,
    ref: ForwardedRef<HTMLIFrameElement>,
  ) {
    return <ConnectWebviewFrame<S> {...props} schema={schema} ref={ref} />
  }) as Hooks['ConnectWebviewFrame']
  return {
    schema,
    trustedKeys,
    useCreateConnectWebview: (options) => useCreateConnectWebview<Written<S, T>>(options),
    useConnectedAccountMetadata: (target, options) =>
      useConnectedAccountMetadata(target, { ...options, schema }),
    useConnectedAccounts: (filters, options) =>
      useConnectedAccounts(filters, { ...options, schema }),
    useConnectWebviews: (filters, options) => useConnectWebviews(filters, { ...options, schema }),
    useUpdateConnectedAccountMetadata: (options) =>
      useUpdateConnectedAccountMetadata<Written<S, T>>({ ...options, trustedKeys }),
    useConnectWebviewCompletion: (target, options) =>
      useConnectWebviewCompletion(target, { ...options, schema }),
    useConnectWebviewPopup: (options) =>
      useConnectWebviewPopup<S, Written<S, T>>({ ...options, schema }),
    useConnectWebviewRedirectResult: (options) =>
      useConnectWebviewRedirectResult({ ...options, schema }),
    ConnectWebviewFrame: Frame,
  }
}
