// One schema, given once to createSeamConnectHooks, types every place metadata appears: the create
// input, the reads, the list filters and items, the update input and the frame's onComplete. Each
// expected error below is a use that disagrees with the schema, which must not compile.
import { QueryClient } from '@tanstack/react-query'
import { createElement } from 'react'
import { describe, expectTypeOf, it } from 'vitest'
import * as z from 'zod'
import {
  connectedAccountsQueryOptions,
  connectWebviewsQueryOptions,
  createSeamConnectClient,
  createSeamConnectHooks,
  updateConnectedAccountMetadataMutationOptions,
  useConnectedAccounts,
  useConnectWebviews,
  useUpdateConnectedAccountMetadata,
  type ConnectedAccount,
  type ConnectWebview,
  type CustomMetadata,
  type ListFilters,
  type UpdateConnectedAccountMetadataParams,
} from '../../src/index'

const schema = z.object({
  your_app_user_id: z.string(),
  tenant_id: z.string(),
  seats: z.optional(z.string().transform(Number)),
  beta: z.optional(z.boolean()),
})
type Read = z.output<typeof schema>
const seam = createSeamConnectHooks({ schema })

describe('createSeamConnectHooks({ schema })', () => {
  it('create: custom_metadata takes the schema’s keys and values, each optional, null removes', () => {
    const create = seam.useCreateConnectWebview()
    create.mutate({ custom_metadata: { tenant_id: 'acme', beta: true } })
    create.mutate({ custom_metadata: { seats: null }, custom_redirect_url: 'https://a.example' })
    // @ts-expect-error a key the schema does not have
    create.mutate({ custom_metadata: { tenant: 'acme' } })
    // @ts-expect-error a value of the wrong type
    create.mutate({ custom_metadata: { beta: 'yes' } })
    // @ts-expect-error still Seam's params: no misspelled param
    create.mutate({ customMetadata: { tenant_id: 'acme' } })
  })

  it('popup and redirect: open() takes the schema’s keys, but the trusted ones; both yield its output', () => {
    const trusted = createSeamConnectHooks({ schema, trustedKeys: ['your_app_user_id'] })
    const popup = trusted.useConnectWebviewPopup()
    void popup.open({ custom_metadata: { tenant_id: 'acme', beta: true } })
    expectTypeOf(popup.open).returns.resolves.toHaveProperty('customMetadata').toEqualTypeOf<Read>()
    // @ts-expect-error the server sets the trusted key
    void popup.open({ custom_metadata: { your_app_user_id: 'u_2' } })
    // @ts-expect-error a value of the wrong type
    void popup.open({ custom_metadata: { beta: 'yes' } })
    // @ts-expect-error the schema is given once, not again
    trusted.useConnectWebviewPopup({ schema })
    const result = trusted.useConnectWebviewRedirectResult()
    expectTypeOf(result.completion?.customMetadata).toEqualTypeOf<Read | undefined>()
    // @ts-expect-error the schema is given once, not again
    trusted.useConnectWebviewRedirectResult({ schema })
  })

  it('useConnectedAccountMetadata: data is the schema’s output', () => {
    const { data } = seam.useConnectedAccountMetadata({ connectedAccountId: 'ca_1' })
    expectTypeOf(data).toEqualTypeOf<Read | undefined>()
    expectTypeOf(data?.seats).toEqualTypeOf<number | undefined>()
    // @ts-expect-error the schema is given once, not again
    seam.useConnectedAccountMetadata({ connectedAccountId: 'ca_1' }, { schema })
  })

  it('lists: filters on the schema’s keys; items carry the schema’s output', () => {
    const accounts = seam.useConnectedAccounts({
      customMetadataHas: { tenant_id: 'acme', beta: null },
      limit: 10,
    })
    const account = accounts.data?.items[0]
    expectTypeOf(account?.custom_metadata).toEqualTypeOf<Read | undefined>()
    expectTypeOf(account?.connected_account_id).toEqualTypeOf<string | undefined>()
    expectTypeOf(accounts.data?.pages[0]?.items[0]?.custom_metadata).toEqualTypeOf<
      Read | undefined
    >()
    const webviews = seam.useConnectWebviews({ customMetadataHas: { your_app_user_id: 'u_1' } })
    expectTypeOf(webviews.data?.items[0]?.custom_metadata).toEqualTypeOf<Read | undefined>()
    expectTypeOf(webviews.data?.items[0]?.url).toEqualTypeOf<string | undefined>()
    // @ts-expect-error a filter key the schema does not have
    seam.useConnectedAccounts({ customMetadataHas: { tenant: 'acme' } })
    // @ts-expect-error a filter value of the wrong type
    seam.useConnectWebviews({ customMetadataHas: { beta: 'true' } })
    // @ts-expect-error Seam's snake_case name is not the hook's
    seam.useConnectedAccounts({ custom_metadata_has: { tenant_id: 'acme' } })
    // @ts-expect-error the infinite query owns the cursor
    seam.useConnectedAccounts({ page_cursor: 'c' })
  })

  it('update: variables take the schema’s keys and values', () => {
    const update = seam.useUpdateConnectedAccountMetadata()
    update.mutate({ connected_account_id: 'ca_1', custom_metadata: { tenant_id: 'globex' } })
    update.mutate({ connected_account_id: 'ca_1', custom_metadata: { beta: null, seats: '' } })
    // @ts-expect-error a key the schema does not have
    update.mutate({ connected_account_id: 'ca_1', custom_metadata: { plan: 'pro' } })
    // @ts-expect-error a value of the wrong type
    update.mutate({ connected_account_id: 'ca_1', custom_metadata: { tenant_id: 42 } })
    // @ts-expect-error the account is required
    update.mutate({ custom_metadata: { tenant_id: 'globex' } })
  })

  it('the frame and the completion engine: onComplete receives the schema’s output', () => {
    createElement(seam.ConnectWebviewFrame, {
      url: 'https://connect.example/cw?connect_webview_id=1',
      onComplete: ({ customMetadata }) => {
        expectTypeOf(customMetadata).toEqualTypeOf<Read>()
      },
    })
    const completion = seam.useConnectWebviewCompletion({ url: 'https://connect.example' })
    expectTypeOf(completion.completion?.customMetadata).toEqualTypeOf<Read | undefined>()
    createElement(seam.ConnectWebviewFrame, {
      url: 'https://connect.example',
      // @ts-expect-error customMetadata is the schema's output, which has no `plan`
      onComplete: ({ customMetadata }) => customMetadata.plan,
    })
    // @ts-expect-error a webview and a url at once
    createElement(seam.ConnectWebviewFrame, { url: 'https://a.example', connectWebview: {} })
  })

  it('refuses a schema whose input Seam cannot store', () => {
    // @ts-expect-error numbers are not metadata values: Seam stores strings and booleans
    createSeamConnectHooks({ schema: z.object({ seats: z.number() }) })
    // @ts-expect-error not a schema
    createSeamConnectHooks({ schema: { tenant_id: 'string' } })
  })
})

describe('the hooks without a schema', () => {
  it('list any metadata, with any metadata filter', () => {
    const accounts = useConnectedAccounts({ customMetadataHas: { anything: true, gone: null } })
    expectTypeOf(accounts.data?.items).toEqualTypeOf<ConnectedAccount[] | undefined>()
    expectTypeOf(accounts.data?.items[0]?.custom_metadata).toEqualTypeOf<
      CustomMetadata | undefined
    >()
    const webviews = useConnectWebviews()
    expectTypeOf(webviews.data?.items).toEqualTypeOf<ConnectWebview[] | undefined>()
    expectTypeOf(webviews.hasNextPage).toEqualTypeOf<boolean>()
    // @ts-expect-error a number is not a value Seam can match
    useConnectedAccounts({ customMetadataHas: { seats: 3 } })
    // @ts-expect-error limit is a number
    useConnectWebviews({ limit: '10' })
  })

  it('take a schema per call too', () => {
    const accounts = useConnectedAccounts({}, { schema })
    expectTypeOf(accounts.data?.items[0]?.custom_metadata).toEqualTypeOf<Read | undefined>()
  })

  it('update any metadata: replace semantics, null and "" remove', () => {
    const update = useUpdateConnectedAccountMetadata()
    expectTypeOf(update.mutate).parameter(0).toEqualTypeOf<UpdateConnectedAccountMetadataParams>()
    update.mutate({ connected_account_id: 'ca', custom_metadata: { a: null, b: '', c: true } })
    // @ts-expect-error a number in custom_metadata
    update.mutate({ connected_account_id: 'ca', custom_metadata: { n: 1 } })
    // @ts-expect-error other update params belong to the client's update, not this hook
    update.mutate({ connected_account_id: 'ca', custom_metadata: {}, display_name: 'x' })
  })

  it('option factories: infinite query options keyed by the filters, and the update’s mutation options', () => {
    const client = createSeamConnectClient({ clientSessionToken: 'seam_cst_1' })
    const queryClient = new QueryClient()
    const options = connectedAccountsQueryOptions(client, { customMetadataHas: { t: 'a' } })
    const cached = queryClient.getQueryData(options.queryKey)
    expectTypeOf(cached?.pages[0]?.items[0]).toEqualTypeOf<ConnectedAccount | undefined>()
    expectTypeOf(connectWebviewsQueryOptions(client).initialPageParam).toEqualTypeOf<
      string | null
    >()
    expectTypeOf<ListFilters>().toHaveProperty('customMetadataHas')
    const mutation = updateConnectedAccountMetadataMutationOptions(client, { queryClient })
    expectTypeOf(mutation.mutationFn)
      .parameter(0)
      .toEqualTypeOf<UpdateConnectedAccountMetadataParams>()
    // @ts-expect-error the optimistic update needs the QueryClient
    updateConnectedAccountMetadataMutationOptions(client)
  })
})

describe('createSeamConnectHooks({ schema, trustedKeys })', () => {
  const typed = createSeamConnectHooks({ schema, trustedKeys: ['your_app_user_id'] })

  it('leaves the server’s keys out of what the page writes, and keeps them everywhere it reads', () => {
    typed.useCreateConnectWebview().mutate({ custom_metadata: { tenant_id: 'acme' } })
    // @ts-expect-error the server sets your_app_user_id: the page cannot
    typed.useCreateConnectWebview().mutate({ custom_metadata: { your_app_user_id: 'u_2' } })
    typed
      .useUpdateConnectedAccountMetadata()
      .mutate({ connected_account_id: 'ca_1', custom_metadata: { tenant_id: 'globex' } })
    typed.useUpdateConnectedAccountMetadata().mutate({
      connected_account_id: 'ca_1',
      // @ts-expect-error the server keeps your_app_user_id: the page cannot change it
      custom_metadata: { your_app_user_id: 'u_2' },
    })
    // @ts-expect-error trustedKeys is given once, to the factory
    typed.useUpdateConnectedAccountMetadata({ trustedKeys: ['tenant_id'] })
    expectTypeOf(typed.useConnectedAccounts().data?.items[0]?.custom_metadata).toEqualTypeOf<
      Read | undefined
    >()
    typed.useConnectedAccounts({ customMetadataHas: { your_app_user_id: 'u_1' } })
  })

  it('names only the schema’s keys', () => {
    // @ts-expect-error not a key of the schema
    createSeamConnectHooks({ schema, trustedKeys: ['user_id'] })
  })
})
