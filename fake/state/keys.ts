// The credentials a fake accepts unless it is started with others. They only ever open a fake
// (bound to 127.0.0.1), so they are not secrets; the browser-safe control client defaults to them.

/** The publishable key every fake accepts unless started with another (`seam_pk...`). */
export const FAKE_PUBLISHABLE_KEY = 'seam_pk1fake_publishable'
/** The API key every fake accepts unless started with another; it opens nothing but a fake. */
export const FAKE_API_KEY = 'seam_fakeapikey_0000'

export interface FakeKeys {
  publishableKey: string
  apiKey: string
}

/**
 * Text the fake puts inside every credential it mints, so that a test can search logs, errors and
 * the DOM for a leak of any of them. Each is at most 16 base62 characters (as Seam's tokens
 * are), so it survives URL encoding unchanged; it takes the place of the token's first random
 * characters, so tokens keep their length. `''` or absent, the tokens are random as usual.
 */
export interface FakeTokenMarkers {
  /** Inside every client session token (`seam_cst1<marker><random>`). */
  clientSessionToken?: string
  /** Inside every webview `auth_token` (`<marker><random>`). */
  authToken?: string
}

/** `markers` checked: a marker that is not base62 throws (it would not look like a token). */
export function checkTokenMarkers(markers: FakeTokenMarkers = {}): Required<FakeTokenMarkers> {
  const checked = {
    clientSessionToken: markers.clientSessionToken ?? '',
    authToken: markers.authToken ?? '',
  }
  for (const [name, marker] of Object.entries(checked)) {
    if (!/^[A-Za-z0-9]{0,16}$/.test(marker)) {
      throw new TypeError(
        `tokenMarkers.${name} must be at most 16 base62 characters (letters and digits)`,
      )
    }
  }
  return checked
}
