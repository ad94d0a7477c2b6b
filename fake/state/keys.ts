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
