import { QueryClientProvider } from '@tanstack/react-query'
import { render } from '@testing-library/react'
import { describe, expect, inject, it } from 'vitest'
import {
  createSeamConnectClient,
  SeamConnectProvider,
  SeamInvalidInputError,
} from '../../src/index'
import { fakeControl, uniqueUser } from '../../fake/control-client'
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
    let thrown: unknown
    try {
      createSeamConnectClient({ endpoint, ...options })
    } catch (error) {
      thrown = error
    }
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
