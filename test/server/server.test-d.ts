// The /server entry's types: what compiles is what runs; a handler without authorize, trusted
// metadata that Seam would not store, or a listener fed something else does not compile.
import express from 'express'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { describe, expectTypeOf, it } from 'vitest'
import {
  createSeamConnectHandler,
  mintClientSession,
  toNodeListener,
  type MintedClientSession,
  type NodeListener,
  type SeamConnectAuthorization,
  type SeamConnectHandler,
  type TrustedMetadata,
} from '../../src/server/index'

const authorize = async () => ({ trustedMetadata: { user_id: 'u1', admin: false } })
const handler = createSeamConnectHandler({ apiKey: 'seam_x', authorize })

describe('createSeamConnectHandler', () => {
  it('returns a fetch-standard handler', () => {
    expectTypeOf(handler).toEqualTypeOf<SeamConnectHandler>()
    expectTypeOf(handler).toEqualTypeOf<(request: Request) => Promise<Response>>()
    expectTypeOf<TrustedMetadata>().toEqualTypeOf<Record<string, string | boolean>>()
  })

  it('accepts an authorize that resolves, returns directly, or says null', () => {
    createSeamConnectHandler({ apiKey: 'seam_x', authorize: () => null })
    createSeamConnectHandler({
      apiKey: 'seam_x',
      authorize: () => ({ trustedMetadata: { a: 'b' } }),
    })
    createSeamConnectHandler({
      apiKey: 'seam_x',
      endpoint: 'https://connect.getseam.com',
      basePath: '/api/seam',
      fetch,
      maxBodyBytes: 1024,
      timeoutMs: 1000,
      onError: (error: unknown) => void error,
      authorize: async (request: Request): Promise<SeamConnectAuthorization | null> =>
        request.headers.has('cookie') ? { trustedMetadata: { user_id: 'u1' } } : null,
    })
  })

  it('refuses what would not run', () => {
    // @ts-expect-error authorize is required
    createSeamConnectHandler({ apiKey: 'seam_x' })
    // @ts-expect-error apiKey is required
    createSeamConnectHandler({ authorize })
    // @ts-expect-error trusted metadata values are strings or booleans, not numbers
    createSeamConnectHandler({ apiKey: 'seam_x', authorize: () => ({ trustedMetadata: { n: 1 } }) })
    createSeamConnectHandler({
      apiKey: 'seam_x',
      // @ts-expect-error null would remove the key on Seam's side: never a trusted value
      authorize: () => ({ trustedMetadata: { user_id: null } }),
    })
    // @ts-expect-error authorize resolves to { trustedMetadata }, not the metadata itself
    createSeamConnectHandler({ apiKey: 'seam_x', authorize: () => ({ user_id: 'u1' }) })
    // @ts-expect-error a misspelled option
    createSeamConnectHandler({ apiKey: 'seam_x', authorize, basepath: '/api' })
    // @ts-expect-error apiKey is a string
    createSeamConnectHandler({ apiKey: undefined, authorize })
  })
})

describe('toNodeListener', () => {
  const listener = toNodeListener(handler)

  it('fits Node’s http and Express', () => {
    expectTypeOf(listener).toEqualTypeOf<NodeListener>()
    expectTypeOf(listener).toExtend<(req: IncomingMessage, res: ServerResponse) => void>()
    createServer(listener)
    express().use('/api/seam', express.json(), listener)
  })

  it('takes a fetch-standard handler only', () => {
    // @ts-expect-error an Express-style (req, res) function is not a fetch handler
    toNodeListener((req: IncomingMessage, res: ServerResponse) => void [req, res])
    // @ts-expect-error the handler must resolve to a Response
    toNodeListener(async (request: Request) => request.url)
  })
})

describe('mintClientSession', () => {
  it('resolves to the session', () => {
    expectTypeOf(mintClientSession({ apiKey: 'seam_x', userIdentifierKey: 'u1' })).toEqualTypeOf<
      Promise<MintedClientSession>
    >()
    expectTypeOf<MintedClientSession>().toEqualTypeOf<{
      token: string
      clientSessionId: string
      userIdentifierKey: string
      expiresAt: string | null
    }>()
  })

  it('needs an API key and a user identifier key', () => {
    // @ts-expect-error userIdentifierKey is required
    void mintClientSession({ apiKey: 'seam_x' })
    // @ts-expect-error apiKey is required
    void mintClientSession({ userIdentifierKey: 'u1' })
    // @ts-expect-error camelCase options, as the browser client's
    void mintClientSession({ apiKey: 'seam_x', user_identifier_key: 'u1' })
  })
})
