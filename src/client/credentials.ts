import { SeamInvalidInputError, type SeamInputIssue } from '../errors/errors.js'
import { parseHttpUrl } from '../internal/http-url.js'
import { DEFAULT_ENDPOINT, type SeamConnectClientOptions } from './options.js'

declare const process: { env: { NODE_ENV?: string } }

/** The options that hold a credential; the first three are the ways to authenticate. */
export const CREDENTIALS = [
  'clientSessionToken',
  'publishableKey',
  'apiKey',
  'userIdentifierKey',
] as const

/**
 * API keys are `seam_...` and personal access tokens `seam_at...`; only client session tokens
 * (`seam_cst...`) and publishable keys (`seam_pk...`) are meant for browsers
 * (https://docs.seam.co/latest/core-concepts/authentication).
 */
const looksLikeSecretKey = (value: string) => /^(bearer\s+)?seam_(?!cst|pk)/i.test(value.trim())

/**
 * Validates the options: one way to authenticate (or none), nothing secret in a browser, a usable
 * endpoint.
 * @returns the endpoint, without trailing slashes.
 * @throws SeamInvalidInputError before any request, listing every problem.
 */
export function checkOptions(options: SeamConnectClientOptions): string {
  const issues: SeamInputIssue[] = []
  const problem = (name: string, message: string) =>
    issues.push({ path: name.split('.'), message: `${name} ${message}` })
  const inBrowser = typeof window !== 'undefined'

  for (const [name, value] of [
    ...CREDENTIALS.map((name) => [name, options[name]] as const),
    ...Object.entries(options.headers ?? {}).map(([h, v]) => [`headers.${h}`, v] as const),
  ]) {
    if (value === undefined) continue
    if (typeof value !== 'string' || !value.trim()) problem(name, 'must be a non-empty string')
    else if (inBrowser && (name === 'apiKey' || looksLikeSecretKey(value))) {
      problem(
        name,
        'must not hold a Seam API key in a browser' +
          // The way out is spelled out in development builds; bundlers drop it from production.
          (process.env.NODE_ENV === 'production'
            ? ''
            : ': use clientSessionToken, publishableKey + userIdentifierKey, or a proxy ' +
              '(endpoint + headers). Anyone who opens the page could read an API key or personal ' +
              'access token and control your whole workspace; mint client session tokens on your ' +
              'backend instead.'),
      )
    }
  }
  const [first, second] = CREDENTIALS.slice(0, 3).filter((name) => options[name] !== undefined)
  if (second) {
    problem(
      second,
      `cannot be combined with ${first}` +
        (process.env.NODE_ENV === 'production' ? '' : ': pass one way to authenticate'),
    )
  }
  if ((options.publishableKey === undefined) !== (options.userIdentifierKey === undefined)) {
    problem(
      options.publishableKey ? 'userIdentifierKey' : 'publishableKey',
      'is required with the other',
    )
  }
  const endpoint = (options.endpoint ?? DEFAULT_ENDPOINT).replace(/\/+$/, '')
  const url = parseHttpUrl(endpoint)
  // A path such as `/api/seam` only means something relative to a page.
  if (/^\/(?!\/)/.test(endpoint) ? !inBrowser : !url || url.username || url.password) {
    problem('endpoint', 'must be an http(s) URL without credentials, or a "/path" in a browser')
  }
  if (issues.length) throw new SeamInvalidInputError('createSeamConnectClient', issues)
  return endpoint
}
