import { QueryClientProvider } from '@tanstack/react-query'
import { render } from '@testing-library/react'
import { describe, expect, inject, it } from 'vitest'
import { useEffect } from 'react'
import {
  createSeamConnectClient,
  SeamConnectProvider,
  SeamInvalidInputError,
  useSeamConnectClient,
} from '../../src/index'
import { fakeControl, uniqueUser } from '../../fake/control-client'
import { thrownBy } from '../support/errors'
import { newQueryClient } from '../support/render-with-providers'

const endpoint = inject('fakeUrl')
const publishableKey = inject('fakePublishableKey')
const apiKey = inject('fakeApiKey')
const fake = fakeControl(endpoint)

describe('a Seam API key never works where window exists', () => {
  it('runs in a DOM', () => {
    expect(typeof window).toBe('object')
  })

  it.each([
    ['apiKey', { apiKey }],
    ['an API-key-shaped clientSessionToken', { clientSessionToken: 'seam_live_abc123' }],
    ['a personal access token', { clientSessionToken: 'seam_at1_abc' }],
    ['headers.authorization', { headers: { authorization: `Bearer ${apiKey}` } }],
  ])('%s throws synchronously, with the safe options, without the key', (_, options) => {
    const thrown = thrownBy(() => createSeamConnectClient({ endpoint, ...options }))
    expect(thrown).toBeInstanceOf(SeamInvalidInputError)
    const message = (thrown as Error).message
    expect(message).toMatch(
      /must not hold a Seam API key in a browser: use clientSessionToken, publishableKey \+ userIdentifierKey, or a proxy/,
    )
    expect(message).not.toContain(apiKey)
    expect(message).not.toContain('abc123')
  })

  it('the provider throws before any request is sent', async () => {
    const userIdentifierKey = uniqueUser('provider-key')
    expect(() =>
      render(
        <QueryClientProvider client={newQueryClient()}>
          <SeamConnectProvider
            endpoint={endpoint}
            publishableKey={publishableKey}
            userIdentifierKey={userIdentifierKey}
            headers={{ 'x-seam-key': apiKey }}
          />
        </QueryClientProvider>,
      ),
    ).toThrow(/headers\.x-seam-key must not hold a Seam API key/)
    expect(await fake.requests(userIdentifierKey)).toEqual([])
  })

  it('client session tokens and publishable keys are fine', () => {
    expect(() =>
      createSeamConnectClient({ endpoint, clientSessionToken: 'seam_cst1abc' }),
    ).not.toThrow()
    expect(() =>
      createSeamConnectClient({ endpoint, publishableKey, userIdentifierKey: 'user-1' }),
    ).not.toThrow()
    expect(() => createSeamConnectClient({ endpoint: '/api/seam' })).not.toThrow()
  })
})

describe('console session tokens (JWTs)', () => {
  const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJ3b3Jrc3BhY2UiOiJ3MSJ9.c2lnbmF0dXJl'

  it.each([
    ['as clientSessionToken', { clientSessionToken: jwt }],
    ['as a bearer header', { headers: { authorization: `Bearer ${jwt}` } }],
  ])('are refused %s for Seam’s own endpoint', (_, options) => {
    expect(() => createSeamConnectClient(options)).toThrow(SeamInvalidInputError)
    expect(() => createSeamConnectClient(options)).toThrow(/must not hold a Seam API key/)
    expect(() =>
      createSeamConnectClient({ endpoint: 'https://connect.getseam.com/', ...options }),
    ).toThrow(SeamInvalidInputError)
  })

  it('stay allowed when they authenticate the app’s own proxy', () => {
    expect(() =>
      createSeamConnectClient({
        endpoint: '/api/seam',
        headers: { authorization: `Bearer ${jwt}` },
      }),
    ).not.toThrow()
    expect(() =>
      createSeamConnectClient({
        endpoint: 'https://app.example.com/api/seam',
        headers: new Headers({ authorization: `Bearer ${jwt}` }),
      }),
    ).not.toThrow()
  })
})

describe('headers in any form are checked', () => {
  it.each([
    ['a Headers object', new Headers({ 'x-seam-key': apiKey })],
    ['an array of pairs', [['x-seam-key', apiKey]] as [string, string][]],
  ])('an API key in %s is refused', (_, headers) => {
    const thrown = thrownBy(() => createSeamConnectClient({ endpoint, headers }))
    expect(thrown).toBeInstanceOf(SeamInvalidInputError)
    expect((thrown as Error).message).toMatch(/headers\.x-seam-key must not hold a Seam API key/)
    expect((thrown as Error).message).not.toContain(apiKey)
  })
})

describe('the provider builds its client from the options themselves', () => {
  it('bad retry options are refused by the provider too', () => {
    expect(() =>
      render(
        <QueryClientProvider client={newQueryClient()}>
          <SeamConnectProvider clientSessionToken="seam_cst1x" retry={{ retries: Number.NaN }} />
        </QueryClientProvider>,
      ),
    ).toThrow(/retry\.retries/)
  })

  it('headers given as a Headers object reach the API', async () => {
    const userIdentifierKey = uniqueUser('provider-headers')
    function Probe() {
      const client = useSeamConnectClient()
      useEffect(() => {
        void client.connectWebviews.list()
      }, [client])
      return null
    }
    render(
      <QueryClientProvider client={newQueryClient()}>
        <SeamConnectProvider
          endpoint={endpoint}
          publishableKey={publishableKey}
          userIdentifierKey={userIdentifierKey}
          headers={new Headers({ 'x-app-auth': 'session-1' })}
        >
          <Probe />
        </SeamConnectProvider>
      </QueryClientProvider>,
    )
    await expect
      .poll(async () =>
        (await fake.requests(userIdentifierKey, '/connect_webviews/list')).map(
          (r) => r.header_names,
        ),
      )
      .toEqual([['x-app-auth']])
  })
})
