// tokenMarkers: every client session token and webview auth_token a fake mints carries the
// marker, so a test can search for a leak of any of them (test/sentinels/). Real HTTP to a real
// server for one case, the in-process fetch for the rest: both take the option.
import { describe, expect, it } from 'vitest'
import { fakeControl } from '../../fake/control-client'
import { createFakeSeamConnect } from '../../fake/create-fake'
import { startFakeSeamConnect } from '../../fake/node-server'

const markers = { clientSessionToken: 'CSTMARK', authToken: 'AUTHMARK' }

const authTokenOf = (webview: { url: string }) =>
  new URL(webview.url).searchParams.get('auth_token')

describe('tokenMarkers', () => {
  it('puts the markers in the tokens a server mints, which keep working', async () => {
    const fake = await startFakeSeamConnect({ tokenMarkers: markers })
    try {
      const control = fakeControl(fake.url)
      const session = await control.newSession()
      expect(session.token).toMatch(/^seam_cst1CSTMARK[A-Za-z0-9]{21}$/)
      expect(await control.mintClientSessionToken('backend-user')).toMatch(/^seam_cst1CSTMARK/)
      const webview = await control.createWebview(session.headers)
      expect(authTokenOf(webview)).toMatch(/^AUTHMARK[A-Za-z0-9]{25}$/)
      // The marked auth_token opens the hosted page, and the marked session reads its webview.
      const page = await fetch(webview.url)
      expect(page.status).toBe(200)
      const read = await control.seam('/connect_webviews/get', session.headers, {
        connect_webview_id: webview.connect_webview_id,
      })
      expect(read.connect_webview.connect_webview_id).toBe(webview.connect_webview_id)
    } finally {
      await fake.stop()
    }
  })

  it('marks a rotated token too, and each token stays unique', async () => {
    const fake = createFakeSeamConnect({ tokenMarkers: markers })
    const first = await fake.control.newSession('rotating')
    await fake.control.rotateSessionToken('rotating')
    const second = await fake.control.newSession('rotating')
    expect(second.token).toMatch(/^seam_cst1CSTMARK/)
    expect(second.token).not.toBe(first.token)
    const other = await fake.control.newSession('someone-else')
    expect(other.token).not.toBe(second.token)
  })

  it('leaves tokens unmarked by default', async () => {
    const fake = createFakeSeamConnect()
    const control = fakeControl(fake.url, { fetch: fake.fetch })
    const session = await control.newSession()
    expect(session.token).toMatch(/^seam_cst1[A-Za-z0-9]{28}$/)
    const webview = await control.createWebview(session.headers)
    expect(authTokenOf(webview)).toMatch(/^[A-Za-z0-9]{33}$/)
  })

  it.each([
    ['clientSessionToken', { clientSessionToken: 'has space' }],
    ['authToken', { authToken: 'a&b=c' }],
    ['authToken', { authToken: 'A'.repeat(17) }],
  ])('refuses a %s marker that is not at most 16 base62 characters', (name, tokenMarkers) => {
    expect(() => createFakeSeamConnect({ tokenMarkers })).toThrow(
      new TypeError(
        `tokenMarkers.${name} must be at most 16 base62 characters (letters and digits)`,
      ),
    )
  })
})
