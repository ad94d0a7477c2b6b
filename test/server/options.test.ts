// What createSeamConnectHandler accepts: an API key (nothing a browser may hold), usable options,
// a server. Every refusal is a typed error that names the option and never repeats the key.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createSeamConnectHandler, isSeamInvalidInputError } from '../../src/server/index'
import { thrownBy } from '../support/errors'
import {
  noApiKeyAnywhere,
  apiKey,
  authorizeByHeader,
  fakeUrl,
  listen,
  recordingFetch,
  twoUsers,
  USER_HEADER,
} from './support/harness'
import { toNodeListener } from '../../src/server/index'

afterEach(() => {
  vi.unstubAllGlobals()
})

const valid = { apiKey, endpoint: fakeUrl, authorize: authorizeByHeader }

describe('apiKey', () => {
  it.each([
    ['a client session token', 'seam_cst1abc_token_value', /not a client session token/],
    ['a publishable key', 'seam_pk1abc_publishable', /not a publishable key/],
    ['a personal access token', 'seam_at1abc_personal', /not a personal access token/],
    [
      'a console session token',
      'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl',
      /not a console session token/,
    ],
    ['something else', 'sk_live_somethingelse', /must be a Seam API key/],
    ['an empty string', '  ', /must be a non-empty string/],
  ])('refuses %s with a SeamInvalidInputError that does not repeat it', (_, key, message) => {
    const error = thrownBy(() => createSeamConnectHandler({ ...valid, apiKey: key }))
    expect(isSeamInvalidInputError(error)).toBe(true)
    expect(String(error)).toMatch(message)
    if (key.trim()) {
      expect(String(error)).not.toContain(key)
      expect((error as Error).stack).not.toContain(key)
      expect(JSON.stringify(error)).not.toContain(key)
    }
    expect(error).toMatchObject({ issues: [expect.objectContaining({ path: ['apiKey'] })] })
  })

  it('refuses a key that is not a string', () => {
    const error = thrownBy(() => createSeamConnectHandler({ ...valid, apiKey: 42 as never }))
    expect(String(error)).toMatch(/apiKey must be a non-empty string/)
  })
})

describe('where it runs', () => {
  it.each(['window', 'document'])('refuses to be created where `%s` exists (a browser)', (name) => {
    vi.stubGlobal(name, {})
    const error = thrownBy(() => createSeamConnectHandler(valid))
    expect(isSeamInvalidInputError(error)).toBe(true)
    expect(String(error)).toMatch(/apiKey must stay on a server/)
    expect(String(error)).not.toContain(apiKey)
  })
})

describe('the other options', () => {
  it('lists every problem at once', () => {
    const error = thrownBy(() =>
      createSeamConnectHandler({
        apiKey,
        endpoint: 'https://user:pass@connect.getseam.com?x=1',
        basePath: 'api/seam',
        authorize: undefined as never,
        fetch: 'fetch' as never,
        onError: 1 as never,
        maxBodyBytes: 1.5,
        timeoutMs: Number.NaN,
      }),
    )
    expect(isSeamInvalidInputError(error) && error.issues.map((issue) => issue.message)).toEqual([
      'endpoint must be an http(s) URL without credentials, query or fragment',
      'basePath must be "" or a path such as "/api/seam"',
      'authorize must be a function',
      'fetch must be a function',
      'onError must be a function',
      'maxBodyBytes must be a whole number, more than 0',
      'timeoutMs must be a finite number, more than 0',
    ])
  })

  it.each(['/api/../seam', '/api//seam', '/api/seam?x', 'javascript:'])(
    'refuses the base path %s',
    (basePath) => {
      expect(String(thrownBy(() => createSeamConnectHandler({ ...valid, basePath })))).toMatch(
        /basePath/,
      )
    },
  )

  it('refuses options that are not an object', () => {
    expect(String(thrownBy(() => createSeamConnectHandler(null as never)))).toMatch(
      /options must be an object/,
    )
  })

  it('serves /api/seam by default, and the root with basePath ""; a trailing slash is dropped', async () => {
    const [alice] = twoUsers('defaults')
    for (const [basePath, path] of [
      [undefined, '/api/seam/connect_webviews/list'],
      ['', '/connect_webviews/list'],
      ['/seam/', '/seam/connect_webviews/list'],
    ] as const) {
      const { url } = await listen(toNodeListener(createSeamConnectHandler({ ...valid, basePath })))
      const response = await recordingFetch(`${url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [USER_HEADER]: alice },
        body: '{}',
      })
      expect(response.status).toBe(200)
    }
  })
})

noApiKeyAnywhere()
