import { describe, expect, inject, it } from 'vitest'
import { createSeamConnectClient, SeamApiError } from '../../src/index'
import { fakeControl, uniqueUser } from '../../fake/control-client'

const endpoint = inject('fakeUrl')
const publishableKey = inject('fakePublishableKey')
const fake = fakeControl(endpoint)

describe('the client from a real browser page on another origin', () => {
  it('runs cross-origin, as an app does', () => {
    expect(new URL(endpoint).origin).not.toBe(window.location.origin)
  })

  it('creates and reads a webview through CORS, with the auth headers preflighted', async () => {
    const userIdentifierKey = uniqueUser('cors')
    const client = createSeamConnectClient({ endpoint, publishableKey, userIdentifierKey })
    const created = await client.connectWebviews.create({ custom_metadata: { from: 'browser' } })
    const read = await client.connectWebviews.get({
      connect_webview_id: created.connect_webview_id,
    })
    expect(read.custom_metadata).toEqual({ from: 'browser' })
    const logged = await fake.requests(userIdentifierKey)
    expect(logged.map((r) => `${r.path} ${r.auth}`)).toEqual([
      '/client_sessions/get_or_create publishable_key',
      '/connect_webviews/create client_session',
      '/connect_webviews/get client_session',
    ])
  })

  it('reads the seam-request-id header of an error across origins', async () => {
    const client = createSeamConnectClient({
      endpoint,
      publishableKey,
      userIdentifierKey: uniqueUser('cors-error'),
    })
    const error = await client.connectWebviews
      .get({ connect_webview_id: crypto.randomUUID() })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SeamApiError)
    expect((error as SeamApiError).requestId).toMatch(/^[0-9a-f-]{36}$/)
  })
})
