import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query'
import { describe, expectTypeOf, it } from 'vitest'
import * as z from 'zod'
import {
  connectWebviewQueryOptions,
  createSeamConnectClient,
  useConnectedAccountMetadata,
  useConnectWebview,
  useCreateConnectWebview,
  type ConnectWebview,
  type CreateConnectWebviewParams,
  type CustomMetadata,
  type SeamConnectError,
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
    expectTypeOf<
      Awaited<ReturnType<NonNullable<typeof options.queryFn>>>
    >().toEqualTypeOf<ConnectWebview>()
  })
})
