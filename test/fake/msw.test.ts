// react-seam-connect/testing/msw: the in-process fake behind MSW in Node, reached by the library's
// own client through the global fetch, driven by its control client.
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFakeSeamConnect } from '../../fake/index'
import { fakeSeamConnectHandlers } from '../../fake/msw'
import { createSeamConnectClient } from '../../src/index'

const fake = createFakeSeamConnect({ url: 'https://seam.msw.test/api' })
const server = setupServer(...fakeSeamConnectHandlers(fake))
const unhandled: string[] = []
beforeAll(() => server.listen({ onUnhandledRequest: (request) => unhandled.push(request.url) }))
afterAll(() => {
  server.close()
  fake.stop()
})

describe('fakeSeamConnectHandlers', () => {
  it('serves the library a webview whose metadata the connected account then carries', async () => {
    const client = createSeamConnectClient({
      endpoint: fake.url,
      publishableKey: fake.publishableKey,
      userIdentifierKey: 'msw-user',
    })
    const webview = await client.connectWebviews.create({ custom_metadata: { tenant_id: 't1' } })
    expect(webview.url.startsWith(`${fake.url}/connect_webviews/view?`)).toBe(true)
    const { connected_account } = await fake.control.complete(webview.connect_webview_id)
    const account = await client.connectedAccounts.get({
      connected_account_id: connected_account.connected_account_id,
    })
    expect(account.custom_metadata).toEqual({ tenant_id: 't1' })
    const log = await fake.control.requests('msw-user')
    expect(log.map(({ path }) => path)).toEqual([
      '/client_sessions/get_or_create',
      '/connect_webviews/create',
      '/connected_accounts/get',
    ])
    expect(unhandled).toEqual([])
  })

  it('hands over only requests to the fake: elsewhere is unhandled', async () => {
    // `.test` never resolves, so the request that MSW leaves alone fails in the network.
    await expect(fetch('https://seam.msw.test/elsewhere')).rejects.toThrow()
    expect(unhandled).toEqual(['https://seam.msw.test/elsewhere'])
  })
})
