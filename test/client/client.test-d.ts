// Every client method takes exactly the params Seam accepts and resolves with the parsed resource:
// a call Seam would refuse does not compile.
import { describe, expectTypeOf, it } from 'vitest'
import {
  createSeamConnectClient,
  type ConnectedAccount,
  type ConnectWebview,
  type CreateConnectWebviewParams,
  type GetConnectedAccountParams,
  type GetConnectWebviewParams,
  type ListParams,
  type Page,
  type RequestOptions,
  type RetryOptions,
  type SeamConnectClient,
  type SeamConnectClientOptions,
  type SeamConnectHeaders,
  type UpdateConnectedAccountParams,
} from '../../src/index'

const client = createSeamConnectClient({ clientSessionToken: 'seam_cst1' })
const signal = new AbortController().signal

describe('createSeamConnectClient', () => {
  it('takes the options and returns the client', () => {
    expectTypeOf(createSeamConnectClient)
      .parameter(0)
      .toEqualTypeOf<SeamConnectClientOptions | undefined>()
    expectTypeOf(client).toEqualTypeOf<SeamConnectClient>()
    expectTypeOf(client.endpoint).toEqualTypeOf<string>()
    expectTypeOf(client.scope).toEqualTypeOf<string>()
    createSeamConnectClient()
    createSeamConnectClient({ publishableKey: 'seam_pk1', userIdentifierKey: 'u' })
    createSeamConnectClient({ endpoint: '/api/seam', headers: { 'x-app-auth': 'a' } })
    createSeamConnectClient({ retry: { retries: 0 }, timeoutMs: 5000, fetch })
  })

  it('refuses options that do not exist or have the wrong type', () => {
    // @ts-expect-error a misspelled option
    createSeamConnectClient({ clientSessionTokn: 'seam_cst1' })
    // @ts-expect-error retries is a number
    createSeamConnectClient({ retry: { retries: 'three' } })
    // @ts-expect-error retry takes the documented fields only
    createSeamConnectClient({ retry: { attempts: 3 } })
    // @ts-expect-error header values are strings
    createSeamConnectClient({ headers: { 'x-app-auth': 1 } })
  })

  it('option types', () => {
    expectTypeOf<SeamConnectHeaders>().toEqualTypeOf<
      Record<string, string> | Headers | [string, string][]
    >()
    expectTypeOf<RetryOptions>().toEqualTypeOf<{
      retries?: number
      minDelayMs?: number
      maxDelayMs?: number
      maxRetryAfterMs?: number
    }>()
    expectTypeOf<RequestOptions>().toEqualTypeOf<{ signal?: AbortSignal | undefined }>()
  })
})

describe('connectWebviews', () => {
  it('create takes optional CreateConnectWebviewParams and resolves with the webview', () => {
    expectTypeOf(client.connectWebviews.create).parameters.toEqualTypeOf<
      [params?: CreateConnectWebviewParams, options?: RequestOptions]
    >()
    expectTypeOf(client.connectWebviews.create()).resolves.toEqualTypeOf<ConnectWebview>()
    void client.connectWebviews.create(
      { custom_metadata: { tenant_id: 't', admin: true, gone: null } },
      { signal },
    )
    // @ts-expect-error a misspelled param
    void client.connectWebviews.create({ customMetadata: { tenant_id: 't' } })
    // @ts-expect-error a number in custom_metadata
    void client.connectWebviews.create({ custom_metadata: { count: 1 } })
    // @ts-expect-error an unknown request option
    void client.connectWebviews.create({}, { timeoutMs: 10 })
  })

  it('get takes the id and resolves with the webview', () => {
    expectTypeOf(client.connectWebviews.get).parameters.toEqualTypeOf<
      [params: GetConnectWebviewParams, options?: RequestOptions]
    >()
    expectTypeOf(
      client.connectWebviews.get({ connect_webview_id: 'cw_1' }),
    ).resolves.toEqualTypeOf<ConnectWebview>()
    // @ts-expect-error the id is required
    void client.connectWebviews.get()
    // @ts-expect-error the id is required
    void client.connectWebviews.get({})
    // @ts-expect-error the id alone, not a string
    void client.connectWebviews.get('cw_1')
  })

  it('list resolves with a page; listAll iterates every webview', () => {
    expectTypeOf(client.connectWebviews.list).parameters.toEqualTypeOf<
      [params?: ListParams, options?: RequestOptions]
    >()
    expectTypeOf(client.connectWebviews.list()).resolves.toEqualTypeOf<Page<ConnectWebview>>()
    expectTypeOf(client.connectWebviews.listAll).parameters.toEqualTypeOf<
      [params?: ListParams, options?: RequestOptions]
    >()
    expectTypeOf(client.connectWebviews.listAll()).toEqualTypeOf<AsyncIterable<ConnectWebview>>()
    void client.connectWebviews.list({ custom_metadata_has: { tenant_id: 't', gone: null } })
    // @ts-expect-error limit is a number
    void client.connectWebviews.list({ limit: '10' })
    // @ts-expect-error a misspelled filter
    void client.connectWebviews.listAll({ customMetadataHas: { tenant_id: 't' } })
  })
})

describe('connectedAccounts', () => {
  it('get takes an id or an email and resolves with the account', () => {
    expectTypeOf(client.connectedAccounts.get).parameters.toEqualTypeOf<
      [params: GetConnectedAccountParams, options?: RequestOptions]
    >()
    expectTypeOf(
      client.connectedAccounts.get({ connected_account_id: 'ca_1' }),
    ).resolves.toEqualTypeOf<ConnectedAccount>()
    void client.connectedAccounts.get({ email: 'jane@example.com' }, { signal })
    // @ts-expect-error an id or an email is required
    void client.connectedAccounts.get()
    // @ts-expect-error an id or an email is required
    void client.connectedAccounts.get({})
    // @ts-expect-error not both at once
    void client.connectedAccounts.get({ connected_account_id: 'ca_1', email: 'j@example.com' })
    // @ts-expect-error a misspelled param
    void client.connectedAccounts.get({ connectedAccountId: 'ca_1' })
    // @ts-expect-error the id is a string
    void client.connectedAccounts.get({ connected_account_id: 1 })
    // @ts-expect-error any object is not enough
    void client.connectedAccounts.get({ anything: true })
  })

  it('list and listAll, as for webviews', () => {
    expectTypeOf(client.connectedAccounts.list()).resolves.toEqualTypeOf<Page<ConnectedAccount>>()
    expectTypeOf(client.connectedAccounts.listAll()).toEqualTypeOf<
      AsyncIterable<ConnectedAccount>
    >()
    // @ts-expect-error a number is not a metadata value to match
    void client.connectedAccounts.list({ custom_metadata_has: { count: 1 } })
  })

  it('update takes the id and the new metadata, and resolves with the account when Seam sends it', () => {
    expectTypeOf(client.connectedAccounts.update).parameters.toEqualTypeOf<
      [params: UpdateConnectedAccountParams, options?: RequestOptions]
    >()
    expectTypeOf(
      client.connectedAccounts.update({ connected_account_id: 'ca_1', custom_metadata: { a: '' } }),
    ).resolves.toEqualTypeOf<ConnectedAccount | undefined>()
    // @ts-expect-error the id is required
    void client.connectedAccounts.update({ custom_metadata: { a: 'b' } })
    // @ts-expect-error a number in custom_metadata
    void client.connectedAccounts.update({ connected_account_id: 'ca', custom_metadata: { n: 1 } })
    // @ts-expect-error a misspelled param
    void client.connectedAccounts.update({ connected_account_id: 'ca', customMetadata: {} })
  })
})
