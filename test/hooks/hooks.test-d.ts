import {
  QueryClient,
  type SkipToken,
  type UseMutationResult,
  type UseQueryResult,
} from '@tanstack/react-query'
import { describe, expectTypeOf, it } from 'vitest'
import * as z from 'zod'
import {
  connectedAccountByConnectWebviewQueryOptions,
  connectedAccountQueryOptions,
  connectWebviewQueryOptions,
  createConnectWebviewMutationOptions,
  createSeamConnectClient,
  SeamConnectProvider,
  seamConnectKeys,
  useConnectedAccountMetadata,
  useConnectWebview,
  useConnectWebviewCompletion,
  useCreateConnectWebview,
  useSeamConnectClient,
  type ConnectedAccount,
  type ConnectedAccountMetadataTarget,
  type ConnectWebview,
  type ConnectWebviewCompletionState,
  type ConnectWebviewQueryOptions,
  type ConnectWebviewTarget,
  type CreateConnectWebviewMutationOptions,
  type SeamApiError,
  type CreateConnectWebviewParams,
  type CustomMetadata,
  type PollInterval,
  type SeamConnectClient,
  type SeamConnectError,
  type SeamConnectProviderProps,
  type UseConnectedAccountMetadataOptions,
  type UseCreateConnectWebviewOptions,
} from '../../src/index'

const target = { connectWebviewId: 'cw_1' }

describe('useConnectedAccountMetadata infers data from the schema', () => {
  it('without a schema, data is CustomMetadata', () => {
    const result = useConnectedAccountMetadata(target)
    expectTypeOf(result).toEqualTypeOf<UseQueryResult<CustomMetadata, SeamConnectError>>()
    expectTypeOf(result.data).toEqualTypeOf<Record<string, string | boolean> | undefined>()
  })

  it('with a zod schema, data is the schema output', () => {
    const schema = z.object({ user_id: z.string(), admin: z.boolean().default(false) })
    const { data, error } = useConnectedAccountMetadata(target, { schema })
    expectTypeOf(data).toEqualTypeOf<{ user_id: string; admin: boolean } | undefined>()
    expectTypeOf(error).toEqualTypeOf<SeamConnectError | null>()
  })

  it('with a transforming schema, data is the transformed type', () => {
    const schema = z.object({ since: z.string() }).transform((m) => new Date(m.since))
    expectTypeOf(useConnectedAccountMetadata(target, { schema }).data).toEqualTypeOf<
      Date | undefined
    >()
  })

  it('accepts either target shape, or null, but not both ids', () => {
    useConnectedAccountMetadata({ connectedAccountId: 'ca_1' })
    useConnectedAccountMetadata(null)
    // @ts-expect-error one target at a time
    useConnectedAccountMetadata({ connectedAccountId: 'ca_1', connectWebviewId: 'cw_1' })
    // @ts-expect-error a schema must be a Standard Schema
    useConnectedAccountMetadata(target, { schema: { parse: () => ({}) } })
  })
})

describe('the other hooks', () => {
  it('useCreateConnectWebview is a typed mutation', () => {
    const create = useCreateConnectWebview()
    expectTypeOf(create).toEqualTypeOf<
      UseMutationResult<ConnectWebview, SeamConnectError, CreateConnectWebviewParams>
    >()
    create.mutate({ custom_metadata: { user_id: 'u', admin: true, gone: null } })
    // @ts-expect-error numbers are not valid metadata values
    create.mutate({ custom_metadata: { count: 1 } })
    // @ts-expect-error unknown params are refused
    create.mutate({ customMetadata: {} })
  })

  it('useConnectWebview returns the webview with a typed status', () => {
    const { data } = useConnectWebview('cw_1', { pollInterval: 1000 })
    expectTypeOf(data?.status).toEqualTypeOf<
      'pending' | 'authorized' | 'failed' | (string & {}) | undefined
    >()
    // @ts-expect-error pollInterval is a number or false
    useConnectWebview('cw_1', { pollInterval: true })
  })

  it('option factories carry the data type into the QueryClient', () => {
    const client = createSeamConnectClient({ clientSessionToken: 'seam_cst1' })
    const options = connectWebviewQueryOptions(client, 'cw_1')
    expectTypeOf(options.queryKey).toExtend<readonly unknown[]>()
    // Some 5.x releases type queryFn as `QueryFunction | SkipToken` (skipToken:
    // https://tanstack.com/query/v5/docs/framework/react/guides/disabling-queries); ours is a function.
    expectTypeOf<
      Awaited<ReturnType<Exclude<typeof options.queryFn, SkipToken | undefined>>>
    >().toEqualTypeOf<ConnectWebview>()
    const queryClient = new QueryClient()
    expectTypeOf(queryClient.getQueryData(options.queryKey)).toEqualTypeOf<
      ConnectWebview | undefined
    >()
    expectTypeOf(queryClient.fetchQuery(options)).resolves.toEqualTypeOf<ConnectWebview>()
    // @ts-expect-error the webview id is required
    connectWebviewQueryOptions(client)
    // @ts-expect-error the webview id is a string, not the params object
    connectWebviewQueryOptions(client, { connect_webview_id: 'cw_1' })
  })
})

describe('writes never repeat', () => {
  it('useCreateConnectWebview takes no retry option', () => {
    // @ts-expect-error create runs once per call: retry is not an option
    useCreateConnectWebview({ retry: 3 })
    // @ts-expect-error nor is retryDelay
    useCreateConnectWebview({ retryDelay: 10 })
    useCreateConnectWebview({ onSuccess: (webview) => webview.url })
  })
})

describe('useConnectWebviewCompletion', () => {
  const webview = { connect_webview_id: 'cw_1', url: 'https://connect.getseam.com/x' }

  it('types the completion by the schema', () => {
    const schema = z.object({ tenant_id: z.string() })
    const result = useConnectWebviewCompletion(
      { connectWebview: webview },
      {
        schema,
        onComplete: ({ customMetadata, connectWebview, connectedAccount }) => {
          expectTypeOf(customMetadata).toEqualTypeOf<{ tenant_id: string }>()
          expectTypeOf(connectWebview).toEqualTypeOf<ConnectWebview>()
          expectTypeOf(connectedAccount).toEqualTypeOf<ConnectedAccount>()
        },
      },
    )
    expectTypeOf(result.completion?.customMetadata).toEqualTypeOf<
      { tenant_id: string } | undefined
    >()
    expectTypeOf(result.state).toEqualTypeOf<ConnectWebviewCompletionState>()
    expectTypeOf(
      useConnectWebviewCompletion({ url: webview.url }).completion?.customMetadata,
    ).toEqualTypeOf<CustomMetadata | undefined>()
  })

  it('takes a webview or a url, not both', () => {
    useConnectWebviewCompletion(null)
    // @ts-expect-error one of connectWebview and url
    useConnectWebviewCompletion({ connectWebview: webview, url: webview.url })
    // @ts-expect-error a source is a function returning the window
    useConnectWebviewCompletion({ url: webview.url }, { source: window })
  })
})

describe('client options', () => {
  it('headers may be any HeadersInit; timeoutMs is a number', () => {
    createSeamConnectClient({ headers: new Headers(), timeoutMs: 10_000 })
    createSeamConnectClient({ headers: [['x-a', 'b']] })
    // @ts-expect-error timeoutMs is milliseconds
    createSeamConnectClient({ timeoutMs: '10s' })
  })

  it('the account-by-webview factory needs the account the webview named', () => {
    const client = createSeamConnectClient({ clientSessionToken: 'seam_cst1' })
    expectTypeOf(
      connectedAccountByConnectWebviewQueryOptions(client, 'cw_1', 'ca_1').queryFn,
    ).returns.resolves.toEqualTypeOf<ConnectedAccount>()
    // @ts-expect-error no QueryClient and no timing in a factory
    connectedAccountByConnectWebviewQueryOptions(client, 'cw_1', { queryClient: {} })
  })

  it('a 429 tells how long to wait', () => {
    expectTypeOf<SeamApiError['retryAfterMs']>().toEqualTypeOf<number | undefined>()
  })
})

describe('hooks refuse options they do not take', () => {
  it('useConnectWebview', () => {
    expectTypeOf(useConnectWebview).parameters.toEqualTypeOf<
      [connectWebviewId: string | null, options?: ConnectWebviewQueryOptions]
    >()
    expectTypeOf<ConnectWebviewQueryOptions>().toEqualTypeOf<{ pollInterval?: PollInterval }>()
    expectTypeOf<PollInterval>().toEqualTypeOf<number | false>()
    useConnectWebview(null)
    // @ts-expect-error a misspelled option
    useConnectWebview('cw_1', { pollIntervalMs: 1000 })
    // @ts-expect-error the id, not the params object
    useConnectWebview({ connect_webview_id: 'cw_1' })
  })

  it('useConnectedAccountMetadata', () => {
    expectTypeOf<ConnectedAccountMetadataTarget>().toEqualTypeOf<
      | { connectedAccountId: string; connectWebviewId?: undefined }
      | { connectWebviewId: string; connectedAccountId?: undefined }
    >()
    expectTypeOf<UseConnectedAccountMetadataOptions<undefined>>().toEqualTypeOf<{
      schema?: undefined
      enabled?: boolean
      pollInterval?: PollInterval
    }>()
    useConnectedAccountMetadata(target, { enabled: false, pollInterval: 1000 })
    // @ts-expect-error a misspelled option
    useConnectedAccountMetadata(target, { shema: z.object({}) })
    // @ts-expect-error Seam's param names are not the target's
    useConnectedAccountMetadata({ connected_account_id: 'ca_1' })
    // @ts-expect-error a target is required (null while there is none)
    useConnectedAccountMetadata()
  })

  it('useCreateConnectWebview', () => {
    useCreateConnectWebview({
      onError: (error) => expectTypeOf(error).toEqualTypeOf<SeamConnectError>(),
    })
    expectTypeOf<UseCreateConnectWebviewOptions['onSuccess']>().not.toBeUndefined()
    // @ts-expect-error the mutation function is the library's
    useCreateConnectWebview({ mutationFn: async () => ({}) })
    // @ts-expect-error a misspelled option
    useCreateConnectWebview({ onSucess: () => undefined })
    // @ts-expect-error mutate takes the create params, checked like the client's
    useCreateConnectWebview().mutate({ custom_metadata: { n: 1 } })
  })

  it('useConnectWebviewCompletion', () => {
    expectTypeOf<ConnectWebviewTarget>().toExtend<
      { connectWebview: Pick<ConnectWebview, 'connect_webview_id' | 'url'> } | { url: string }
    >()
    // @ts-expect-error a misspelled option
    useConnectWebviewCompletion({ url: 'https://connect.getseam.com/x' }, { pollIntervalMs: 10 })
    // @ts-expect-error onComplete receives the completion, typed by the schema
    useConnectWebviewCompletion({ url: 'x' }, { onComplete: (c: { customMetadata: number }) => c })
  })
})

describe('provider and client hook', () => {
  const client = createSeamConnectClient({ clientSessionToken: 'seam_cst1' })

  it('useSeamConnectClient returns the client', () => {
    expectTypeOf(useSeamConnectClient()).toEqualTypeOf<SeamConnectClient>()
  })

  it('SeamConnectProvider takes a client or the client options, not both', () => {
    SeamConnectProvider({ client })
    SeamConnectProvider({ publishableKey: 'seam_pk1', userIdentifierKey: 'u' })
    const props: SeamConnectProviderProps = { clientSessionToken: 'seam_cst1' }
    void props
    // @ts-expect-error a client and options to build another
    SeamConnectProvider({ client, clientSessionToken: 'seam_cst1' })
    // @ts-expect-error a misspelled option
    SeamConnectProvider({ publishableKey: 'seam_pk1', userIdentifierKy: 'u' })
  })
})

describe('option factories', () => {
  const client = createSeamConnectClient({ clientSessionToken: 'seam_cst1' })

  it('connectedAccountQueryOptions reads one account by id', () => {
    expectTypeOf(
      connectedAccountQueryOptions(client, 'ca_1').queryFn,
    ).returns.resolves.toEqualTypeOf<ConnectedAccount>()
    // @ts-expect-error the id, not Seam's params
    connectedAccountQueryOptions(client, { connected_account_id: 'ca_1' })
  })

  it('createConnectWebviewMutationOptions takes CreateConnectWebviewParams', () => {
    const options = createConnectWebviewMutationOptions(client)
    expectTypeOf(options.mutationFn).parameters.toEqualTypeOf<[CreateConnectWebviewParams]>()
    expectTypeOf(options.mutationFn).returns.resolves.toEqualTypeOf<ConnectWebview>()
    expectTypeOf<CreateConnectWebviewMutationOptions>().toEqualTypeOf<{
      queryClient?: QueryClient
    }>()
    // @ts-expect-error a misspelled param
    void options.mutationFn({ customMetadata: {} })
  })

  it('seamConnectKeys are readonly tuples under one prefix', () => {
    expectTypeOf(seamConnectKeys.all(client)).toEqualTypeOf<
      readonly ['react-seam-connect', string]
    >()
    // @ts-expect-error keys need the client (its scope), not an id alone
    seamConnectKeys.connectWebview('cw_1')
  })
})
