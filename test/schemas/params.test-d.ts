// The public params, data and issue types are what they claim to be, and the schemas' input and
// output types agree with them: nothing is `unknown`, and what Seam would refuse does not compile.
import { describe, expectTypeOf, it } from 'vitest'
import type * as z from 'zod/mini'
import type {
  connectedAccountSchema,
  connectWebviewSchema,
  createConnectWebviewParamsSchema,
  customMetadataInputSchema,
} from '../../src/index'
import {
  customMetadataSchema,
  findCustomMetadataIssues,
  type ConnectedAccount,
  type ConnectWebview,
  type ConnectWebviewEvent,
  type ConnectWebviewStatus,
  type CreateConnectWebviewParams,
  type CustomMetadata,
  type CustomMetadataInput,
  type CustomMetadataInputValue,
  type CustomMetadataIssue,
  type GetConnectedAccountParams,
  type GetConnectWebviewParams,
  type InferSchemaOutput,
  type ListParams,
  type Page,
  type Pagination,
  type SeamInputIssue,
  type StandardSchemaV1,
  type UpdateConnectedAccountParams,
} from '../../src/index'

type ProviderCategory =
  | 'stable'
  | 'consumer_smartlocks'
  | 'beta'
  | 'thermostats'
  | 'noise_sensors'
  | 'access_control_systems'
  | 'cameras'
  | 'connectors'
  | 'internal_beta'

describe('custom_metadata', () => {
  it('input values are strings, booleans or null; read back, strings or booleans', () => {
    expectTypeOf<CustomMetadataInputValue>().toEqualTypeOf<string | boolean | null>()
    expectTypeOf<CustomMetadataInput>().toEqualTypeOf<Record<string, string | boolean | null>>()
    expectTypeOf<CustomMetadata>().toEqualTypeOf<Record<string, string | boolean>>()
  })

  it('the schemas take and give exactly those types', () => {
    expectTypeOf<z.input<typeof customMetadataInputSchema>>().toEqualTypeOf<CustomMetadataInput>()
    expectTypeOf<z.output<typeof customMetadataInputSchema>>().toEqualTypeOf<CustomMetadataInput>()
    expectTypeOf<z.input<typeof customMetadataSchema>>().toEqualTypeOf<CustomMetadata>()
    expectTypeOf<z.output<typeof customMetadataSchema>>().toEqualTypeOf<CustomMetadata>()
  })

  it('refuses numbers, objects and undefined as values', () => {
    const ok: CustomMetadataInput = { user_id: 'u', admin: false, gone: null }
    void ok
    // @ts-expect-error a number is not a metadata value
    const count: CustomMetadataInput = { count: 1 }
    // @ts-expect-error nor is an object
    const nested: CustomMetadataInput = { nested: { a: 'b' } }
    // @ts-expect-error nor undefined (null removes a key)
    const missing: CustomMetadataInput = { gone: undefined }
    // @ts-expect-error null is for input only: Seam omits unset keys when reading back
    const read: CustomMetadata = { gone: null }
    void [count, nested, missing, read]
  })

  it('findCustomMetadataIssues returns the one issue type', () => {
    expectTypeOf(findCustomMetadataIssues).parameter(0).toBeUnknown()
    expectTypeOf(findCustomMetadataIssues).returns.toEqualTypeOf<SeamInputIssue[]>()
    expectTypeOf<CustomMetadataIssue>().toEqualTypeOf<SeamInputIssue>()
  })
})

describe('SeamInputIssue', () => {
  it('is a path of keys and indexes, and a message', () => {
    expectTypeOf<SeamInputIssue>().toEqualTypeOf<{
      path: (string | number)[]
      message: string
    }>()
  })
})

describe('CreateConnectWebviewParams', () => {
  it('is the params of /connect_webviews/create, all optional', () => {
    expectTypeOf<CreateConnectWebviewParams>().toEqualTypeOf<{
      custom_metadata?: CustomMetadataInput | undefined
      custom_redirect_url?: string | undefined
      custom_redirect_failure_url?: string | undefined
      provider_category?: ProviderCategory | undefined
      accepted_providers?: string[] | undefined
      excluded_providers?: string[] | undefined
      accepted_capabilities?:
        ('lock' | 'thermostat' | 'noise_sensor' | 'access_control' | 'camera')[] | undefined
      automatically_manage_new_devices?: boolean | undefined
      wait_for_device_creation?: boolean | undefined
      customer_key?: string | undefined
    }>()
    expectTypeOf<
      z.output<typeof createConnectWebviewParamsSchema>
    >().toEqualTypeOf<CreateConnectWebviewParams>()
  })

  it('refuses what Seam would refuse', () => {
    const ok: CreateConnectWebviewParams = {
      custom_metadata: { tenant_id: 't' },
      provider_category: 'stable',
      accepted_capabilities: ['lock'],
    }
    void ok
    // @ts-expect-error a misspelled param (it would drop the metadata)
    const typo: CreateConnectWebviewParams = { customMetadata: { tenant_id: 't' } }
    // @ts-expect-error a number in custom_metadata
    const count: CreateConnectWebviewParams = { custom_metadata: { count: 1 } }
    // @ts-expect-error a category Seam does not know
    const category: CreateConnectWebviewParams = { provider_category: 'locks' }
    // @ts-expect-error a capability Seam does not know
    const capability: CreateConnectWebviewParams = { accepted_capabilities: ['door'] }
    // @ts-expect-error a flag is a boolean
    const flag: CreateConnectWebviewParams = { wait_for_device_creation: 'yes' }
    void [typo, count, category, capability, flag]
  })
})

describe('GetConnectWebviewParams', () => {
  it('is the id', () => {
    expectTypeOf<GetConnectWebviewParams>().toEqualTypeOf<{ connect_webview_id: string }>()
    // @ts-expect-error the id is required
    const none: GetConnectWebviewParams = {}
    // @ts-expect-error and a string
    const number: GetConnectWebviewParams = { connect_webview_id: 42 }
    void [none, number]
  })
})

describe('GetConnectedAccountParams', () => {
  it('is an id or an email, never both, never neither', () => {
    expectTypeOf<GetConnectedAccountParams>().not.toBeUnknown()
    expectTypeOf<GetConnectedAccountParams>().toEqualTypeOf<
      | { connected_account_id: string; email?: undefined }
      | { email: string; connected_account_id?: undefined }
    >()
    const byId: GetConnectedAccountParams = { connected_account_id: 'ca_1' }
    const byEmail: GetConnectedAccountParams = { email: 'jane@example.com' }
    void [byId, byEmail]
    // @ts-expect-error one of them is required
    const neither: GetConnectedAccountParams = {}
    // @ts-expect-error not both at once
    const both: GetConnectedAccountParams = { connected_account_id: 'ca_1', email: 'j@example.com' }
    // @ts-expect-error a misspelled id
    const typo: GetConnectedAccountParams = { connectedAccountId: 'ca_1' }
    // @ts-expect-error an id is a string
    const number: GetConnectedAccountParams = { connected_account_id: 1 }
    void [neither, both, typo, number]
  })
})

describe('UpdateConnectedAccountParams', () => {
  it('needs the id; custom_metadata replaces the whole object', () => {
    expectTypeOf<UpdateConnectedAccountParams>().toEqualTypeOf<{
      connected_account_id: string
      custom_metadata?: CustomMetadataInput | undefined
      display_name?: string | undefined
      automatically_manage_new_devices?: boolean | undefined
    }>()
    // @ts-expect-error the id is required
    const noId: UpdateConnectedAccountParams = { custom_metadata: {} }
    const count: UpdateConnectedAccountParams = {
      connected_account_id: 'ca_1',
      // @ts-expect-error a number in custom_metadata
      custom_metadata: { n: 1 },
    }
    void [noId, count]
  })
})

describe('ListParams', () => {
  it('filters and pages', () => {
    expectTypeOf<ListParams>().toEqualTypeOf<{
      custom_metadata_has?: CustomMetadataInput | undefined
      user_identifier_key?: string | undefined
      customer_key?: string | undefined
      search?: string | undefined
      limit?: number | undefined
      page_cursor?: string | null | undefined
    }>()
    // @ts-expect-error limit is a number
    const limit: ListParams = { limit: '10' }
    // @ts-expect-error a number is not a metadata value to match
    const has: ListParams = { custom_metadata_has: { n: 1 } }
    void [limit, has]
  })

  it('a page holds the items and Seam’s pagination', () => {
    expectTypeOf<Pagination>().toEqualTypeOf<{
      [key: string]: unknown
      next_page_cursor: string | null
      has_next_page: boolean
    }>()
    expectTypeOf<Page<ConnectWebview>>().toEqualTypeOf<{
      items: ConnectWebview[]
      pagination: Pagination
    }>()
  })
})

describe('what Seam returns', () => {
  it('a webview: typed fields, a status open to new values, other fields unknown', () => {
    expectTypeOf<ConnectWebview['connect_webview_id']>().toEqualTypeOf<string>()
    expectTypeOf<ConnectWebview['url']>().toEqualTypeOf<string>()
    expectTypeOf<ConnectWebview['status']>().toEqualTypeOf<ConnectWebviewStatus>()
    expectTypeOf<ConnectWebviewStatus>().toEqualTypeOf<
      'pending' | 'authorized' | 'failed' | (string & {})
    >()
    expectTypeOf<ConnectWebview['connected_account_id']>().toEqualTypeOf<string | null>()
    expectTypeOf<ConnectWebview['custom_metadata']>().toEqualTypeOf<CustomMetadata>()
    expectTypeOf<ConnectWebview['login_successful']>().toEqualTypeOf<boolean | undefined>()
    expectTypeOf<ConnectWebview['selected_provider']>().toEqualTypeOf<string | null | undefined>()
    expectTypeOf<ConnectWebview['workspace_id']>().toBeUnknown()
    expectTypeOf<z.output<typeof connectWebviewSchema>>().toEqualTypeOf<ConnectWebview>()
    expectTypeOf<z.input<typeof connectWebviewSchema>['status']>().not.toBeUnknown()
  })

  it('a connected account', () => {
    expectTypeOf<ConnectedAccount['connected_account_id']>().toEqualTypeOf<string>()
    expectTypeOf<ConnectedAccount['custom_metadata']>().toEqualTypeOf<CustomMetadata>()
    expectTypeOf<ConnectedAccount['errors']>().toEqualTypeOf<
      { [key: string]: unknown; error_code: string }[] | undefined
    >()
    expectTypeOf<z.output<typeof connectedAccountSchema>>().toEqualTypeOf<ConnectedAccount>()
  })

  it('a message from the webview names one of the known events', () => {
    expectTypeOf<ConnectWebviewEvent['event_type']>().toEqualTypeOf<
      | 'connect_webview.login_succeeded'
      | 'webview.login_successful'
      | 'connect_webview.login_failed'
      | 'webview.login_failed'
    >()
    expectTypeOf<ConnectWebviewEvent['connect_webview_id']>().toEqualTypeOf<string>()
  })
})

describe('Standard Schema', () => {
  it('the exported schemas are Standard Schemas, and InferSchemaOutput reads their output', () => {
    expectTypeOf(customMetadataSchema).toExtend<StandardSchemaV1>()
    expectTypeOf<
      InferSchemaOutput<typeof customMetadataInputSchema>
    >().toEqualTypeOf<CustomMetadataInput>()
    expectTypeOf<
      InferSchemaOutput<StandardSchemaV1<unknown, { tenant_id: string }>>
    >().toEqualTypeOf<{ tenant_id: string }>()
  })
})
