// The library's own browser client, pointed at the handler with no credential of its own (as
// `endpoint: '/api/seam'` in a page), through every route, against the fake.
import { describe, expect, it } from 'vitest'
import { isSeamApiError } from '../../src/index'
import { fake, noApiKeyAnywhere, startHandler, twoUsers } from './support/harness'

describe('the browser client through the handler', () => {
  it('works end to end: create, sign in (Seam’s side), read the webview and the account, list, update', async () => {
    const [alice] = twoUsers('e2e')
    const app = await startHandler('e2e')
    const client = app.browserClient(alice)

    const webview = await client.connectWebviews.create({
      custom_metadata: { tenant_id: 't_42' },
      custom_redirect_url: 'https://app.example/done',
      accepted_providers: ['august'],
    })
    expect(webview).toMatchObject({
      status: 'pending',
      custom_metadata: { tenant_id: 't_42', user_id: alice },
      custom_redirect_url: 'https://app.example/done',
    })
    // The webview's url (and its auth_token) reaches its own user untouched.
    expect(new URL(webview.url).searchParams.get('auth_token')).toBeTruthy()

    const { connected_account } = await fake.complete(webview.connect_webview_id)
    const finished = await client.connectWebviews.get({
      connect_webview_id: webview.connect_webview_id,
    })
    expect(finished).toMatchObject({
      status: 'authorized',
      connected_account_id: connected_account.connected_account_id,
    })
    const account = await client.connectedAccounts.get({
      connected_account_id: connected_account.connected_account_id,
    })
    expect(account.custom_metadata).toEqual({ tenant_id: 't_42', user_id: alice })

    const listed = []
    for await (const item of client.connectedAccounts.listAll()) listed.push(item)
    expect(listed.map((a) => a.connected_account_id)).toEqual([
      connected_account.connected_account_id,
    ])

    await client.connectedAccounts.update({
      connected_account_id: account.connected_account_id,
      custom_metadata: { tenant_id: 't_43' },
    })
    const updated = await client.connectedAccounts.get({
      connected_account_id: account.connected_account_id,
    })
    expect(updated.custom_metadata).toEqual({ tenant_id: 't_43', user_id: alice })

    // Every request went to Seam with the API key, never with anything of the browser's.
    const requests = await app.seamRequests()
    expect(new Set(requests.map((r) => r.auth))).toEqual(new Set(['api_key']))
    expect(requests.flatMap((r) => r.header_names)).not.toContain('x-test-user')
  })

  it('reads Seam’s errors through the handler as typed errors, with Seam’s request id', async () => {
    const [alice] = twoUsers('e2e-errors')
    const app = await startHandler('e2e-errors')
    const error = await app
      .browserClient(alice)
      .connectedAccounts.get({ connected_account_id: '00000000-0000-4000-8000-000000000000' })
      .catch((e: unknown) => e)
    expect(isSeamApiError(error)).toBe(true)
    const [logged] = await app.seamRequests('/connected_accounts/get')
    expect(error).toMatchObject({
      status: 404,
      type: 'connected_account_not_found',
      requestId: logged?.request_id,
    })
  })

  it('retries a read the handler answered 503, and never sends a create twice', async () => {
    const [alice] = twoUsers('e2e-retry')
    const app = await startHandler('e2e-retry')
    const client = app.browserClient(alice, { retry: { retries: 2, minDelayMs: 1, maxDelayMs: 5 } })
    await fake.fault({ scope: app.scope, route: '/connect_webviews/list', status: 503 })
    expect((await client.connectWebviews.list()).items).toEqual([])
    expect((await app.seamRequests('/connect_webviews/list')).map((r) => r.status)).toEqual([
      503, 200,
    ])

    await fake.fault({ scope: app.scope, route: '/connect_webviews/create', status: 503 })
    await expect(client.connectWebviews.create()).rejects.toMatchObject({ status: 503 })
    expect(await app.seamRequests('/connect_webviews/create')).toHaveLength(1)
  })
})

noApiKeyAnywhere()
