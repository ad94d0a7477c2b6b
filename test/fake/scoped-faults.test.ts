// Scopes: faults and the request log for requests without a client session (an app's backend
// with the API key), told apart by the x-fake-scope header so parallel tests stay isolated.
import { describe, expect, inject, it } from 'vitest'
import { fakeControl, scopeHeaders, uniqueUser } from '../../fake/control-client'

const fake = fakeControl(inject('fakeUrl'))

/** A list with the API key, in `scope` when given. */
const listWithApiKey = (scope?: string) =>
  fake.request('/connect_webviews/list', {
    headers: { ...fake.apiKeyHeaders(), ...(scope === undefined ? {} : scopeHeaders(scope)) },
    body: { limit: 1 },
  })

describe('faults keyed by scope', () => {
  it('hit the API-key requests of their scope only, then are used up', async () => {
    const scope = uniqueUser('scope')
    await fake.fault({ scope, route: '/connect_webviews/list', status: 503, times: 1 })
    expect(await fake.pendingFaults({ scope })).toBe(1)

    // Another scope, and no scope at all, are untouched.
    expect((await listWithApiKey(uniqueUser('other-scope'))).status).toBe(200)
    expect((await listWithApiKey()).status).toBe(200)
    expect(await fake.pendingFaults({ scope })).toBe(1)

    const faulted = await listWithApiKey(scope)
    expect(faulted.status).toBe(503)
    expect(faulted.body.error.type).toBe('service_unavailable')
    expect(faulted.headers.get('seam-request-id')).toBeTruthy()
    expect(await fake.pendingFaults({ scope })).toBe(0)
    expect((await listWithApiKey(scope)).status).toBe(200)
  })

  it('are separate from a client session of the same name', async () => {
    const name = uniqueUser('same-name')
    await fake.fault({ scope: name, status: 500 })
    const session = await fake.newSession(name)
    const asSession = await fake.request('/connect_webviews/list', {
      headers: session.headers,
      body: {},
    })
    expect(asSession.status).toBe(200)
    expect(await fake.pendingFaults({ scope: name })).toBe(1)
    expect(await fake.pendingFaults(name)).toBe(0)
  })

  it.each([
    ['neither owner', {}],
    ['both owners', { user_identifier_key: 'a', scope: 'b' }],
  ])('refuse %s', async (_, owner) => {
    const reply = await fake.request('/_fake/faults', { body: { ...owner, status: 500 } })
    expect(reply.status).toBe(400)
    expect(reply.body.error.message).toMatch(/exactly one of user_identifier_key and scope/)
  })
})

describe('the request log by scope', () => {
  it('lists the scope’s requests, with the header left out of header_names', async () => {
    const scope = uniqueUser('log')
    await listWithApiKey(scope)
    await listWithApiKey(scope)
    await listWithApiKey(uniqueUser('not-this-one'))
    const entries = await fake.scopedRequests(scope)
    expect(entries).toHaveLength(2)
    for (const entry of entries) {
      expect(entry).toMatchObject({
        scope,
        auth: 'api_key',
        path: '/connect_webviews/list',
        user_identifier_key: null,
        status: 200,
        header_names: [],
      })
    }
    expect(await fake.scopedRequests(scope, '/connect_webviews/get')).toEqual([])
  })
})
