// Issue 12, item 9: every kind of error this library produces, built from inputs that carry the
// sentinel credentials (a client session token and a webview auth_token from the shared fake,
// which mints them with markers, and its publishable key), says none of them: not in its
// message, its JSON, its cause chain or its own fields (issues, paths). Real HTTP to the fake;
// faults come from the fake.
import { describe, expect, inject, it } from 'vitest'
import { fakeControl } from '../../fake/control-client'
import { createSeamConnectClient } from '../../src/client/create-seam-connect-client'
import {
  SeamApiError,
  SeamConnectPopupError,
  SeamConnectWebviewFailedError,
  SeamInvalidInputError,
  SeamNetworkError,
  SeamResponseParseError,
} from '../../src/errors/errors'
import { webviewOutcomeError } from '../../src/query/webview-outcome'
import { findCustomMetadataIssues } from '../../src/index'
import { textOf } from '../support/sentinel-guard'
import { SENTINELS } from '../support/sentinels'

const endpoint = inject('fakeUrl')
const fake = fakeControl(endpoint)

/** A session, its webview (whose url carries an auth_token) and a client with its token. */
async function setup() {
  const session = await fake.newSession()
  const webview = await fake.createWebview(session.headers)
  const url = webview.url as string
  const authToken = new URL(url).searchParams.get('auth_token') ?? ''
  const client = createSeamConnectClient({
    endpoint,
    clientSessionToken: session.token,
    retry: { retries: 0 },
  })
  return { session, webview, url, authToken, token: session.token, client }
}

/** The rejection of `promise`, which must reject. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected a rejection')
}

/** Every text the error carries, checked for each sentinel (the failure names only which). */
function expectNoSentinel(error: unknown) {
  const text = textOf(error)
  const found = Object.entries(SENTINELS)
    .filter(([, needle]) => text.includes(needle))
    .map(([name]) => name)
  expect(found, 'sentinels in the error').toEqual([])
}

describe('no error carries a sentinel credential', () => {
  it('SeamApiError: Seam’s error message quotes the token and the webview url', async () => {
    const { session, url, token, client, webview } = await setup()
    await fake.fault({
      user_identifier_key: session.key,
      status: 400,
      error_type: 'invalid_input',
      message: `token ${token} may not open ${url} (key ${SENTINELS['publishable key']})`,
    })
    const error = await rejection(
      client.connectWebviews.get({ connect_webview_id: webview.connect_webview_id }),
    )
    expect(error).toBeInstanceOf(SeamApiError)
    expectNoSentinel(error)
  })

  it('SeamNetworkError: a 2xx whose body is not JSON and echoes the credentials', async () => {
    const { session, url, token, client, webview } = await setup()
    await fake.fault({
      user_identifier_key: session.key,
      status: 200,
      content_type: 'text/html',
      body: `<html>portal for ${token} at ${url}</html>`,
    })
    const error = await rejection(
      client.connectWebviews.get({ connect_webview_id: webview.connect_webview_id }),
    )
    expect(error).toBeInstanceOf(SeamNetworkError)
    expectNoSentinel(error)
  })

  it('SeamNetworkError: a dropped connection', async () => {
    const { session, client, webview } = await setup()
    await fake.fault({ user_identifier_key: session.key, drop: true })
    const error = await rejection(
      client.connectWebviews.get({ connect_webview_id: webview.connect_webview_id }),
    )
    expect(error).toBeInstanceOf(SeamNetworkError)
    expectNoSentinel(error)
  })

  it('SeamResponseParseError: a 200 of the wrong shape full of credentials', async () => {
    const { session, url, token, client, webview } = await setup()
    await fake.fault({
      user_identifier_key: session.key,
      status: 200,
      body: JSON.stringify({ connect_webview: { url, [token]: token, status: 42 } }),
    })
    const error = await rejection(
      client.connectWebviews.get({ connect_webview_id: webview.connect_webview_id }),
    )
    expect(error).toBeInstanceOf(SeamResponseParseError)
    expectNoSentinel(error)
  })

  it('SeamInvalidInputError: custom_metadata keys and values made of the client’s own token', async () => {
    const { token, url, client } = await setup()
    const error = await rejection(
      client.connectWebviews.create({
        custom_metadata: {
          [`${token}_too_long`]: 'a key too long',
          [`a.${token.slice(0, 30)}`]: 'a key with a dot',
          [`k_${token.slice(0, 30)}`]: { nested: 'not a string' },
          long_value: `${url} `.repeat(20),
        } as never,
      }),
    )
    expect(error).toBeInstanceOf(SeamInvalidInputError)
    expect((error as SeamInvalidInputError).issues).toHaveLength(4)
    expectNoSentinel(error)
  })

  it('SeamInvalidInputError: other params carrying the token', async () => {
    const { token, client } = await setup()
    const error = await rejection(
      client.connectWebviews.create({
        custom_redirect_url: token,
        [token]: true,
      } as never),
    )
    expect(error).toBeInstanceOf(SeamInvalidInputError)
    expectNoSentinel(error)
  })

  it('SeamInvalidInputError: contradictory client options', async () => {
    const { token } = await setup()
    let error: unknown
    try {
      createSeamConnectClient({
        endpoint,
        clientSessionToken: token,
        publishableKey: SENTINELS['publishable key'],
        headers: { authorization: `Bearer ${token}` },
      } as never)
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(SeamInvalidInputError)
    expectNoSentinel(error)
  })

  // Its paths hand the app's own keys back to the app, to find the field; its messages are what
  // a form or a log shows.
  it('findCustomMetadataIssues: the messages it writes for keys made of the token', async () => {
    const { token } = await setup()
    const issues = findCustomMetadataIssues({
      [`${token}_too_long`]: 'x',
      [`k_${token.slice(0, 30)}.x`]: 'y',
    })
    expect(issues).toHaveLength(2)
    expectNoSentinel(issues.map((issue) => issue.message))
  })

  it('SeamConnectWebviewFailedError: a failure whose message quotes the credentials', async () => {
    const { token, url, webview } = await setup()
    const error = webviewOutcomeError(
      { ...webview, status: 'failed' },
      webview.connect_webview_id as string,
      { errorCode: 'login_failed', errorMessage: `could not use ${token} at ${url}` },
    )
    expect(error).toBeInstanceOf(SeamConnectWebviewFailedError)
    expectNoSentinel(error)
  })

  it('SeamConnectPopupError: blocked and closed', async () => {
    const { webview } = await setup()
    for (const error of [
      new SeamConnectPopupError('blocked'),
      new SeamConnectPopupError('closed', webview.connect_webview_id as string),
    ]) {
      expectNoSentinel(error)
    }
  })
})
