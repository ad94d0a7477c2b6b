// The recognisable credentials the dom and browser suites run with (issue 12, item 9): the shared
// fakes (fake-global-setup.ts) accept this publishable key and put these markers inside every
// client session token and webview auth_token they mint, and the guard (sentinel-guard.ts)
// fails a test that lets any of them reach the console, an error, a query key or a DOM attribute.
import { FAKE_PUBLISHABLE_KEY } from '../../fake/state/keys'

/**
 * The publishable key is the fake's default one, so `fakeControl(url)`, `newSession()` and every
 * test that reads `inject('fakePublishableKey')` keep working unchanged; it is unlike anything
 * else in the suites.
 */
export const SENTINEL_PUBLISHABLE_KEY = FAKE_PUBLISHABLE_KEY

/** Base62, as the fake's tokenMarkers must be; no test writes them by hand. */
export const SENTINEL_TOKEN_MARKERS = {
  clientSessionToken: 'LEAKcstSENTINEL',
  authToken: 'LEAKauthSENTINEL',
} as const

/** What the guard looks for, by name. */
export const SENTINELS: Readonly<Record<string, string>> = {
  'publishable key': SENTINEL_PUBLISHABLE_KEY,
  'client session token': SENTINEL_TOKEN_MARKERS.clientSessionToken,
  auth_token: SENTINEL_TOKEN_MARKERS.authToken,
}
