import { SeamInvalidInputError, type SeamInputIssue } from '../errors/errors.js'
import { DEFAULT_ENDPOINT, type SeamConnectClientOptions } from './options.js'

declare const process: { env: { NODE_ENV?: string } }

/** How requests authenticate; decided once, when the client is created. */
export type Credential =
  | { kind: 'client_session'; token: string }
  | { kind: 'publishable_key'; publishableKey: string; userIdentifierKey: string }
  | { kind: 'api_key'; apiKey: string }
  | { kind: 'none' }

/**
 * API keys are `seam_...` and personal access tokens `seam_at...`; only client session tokens
 * (`seam_cst...`) and publishable keys (`seam_pk...`) are meant for browsers
 * (https://docs.seam.co/latest/core-concepts/authentication).
 */
export const looksLikeSecretKey = (value: string) =>
  /^(bearer\s+)?seam_(?!cst|pk)/i.test(value.trim())

const NAMES = ['clientSessionToken', 'publishableKey', 'apiKey', 'userIdentifierKey'] as const

/**
 * Validates the options and picks the one credential they describe.
 * @throws SeamInvalidInputError before any request, listing every problem.
 */
export function resolveCredential(options: SeamConnectClientOptions): {
  credential: Credential
  endpoint: string
} {
  const issues: SeamInputIssue[] = []
  const problem = (name: string, message: string) =>
    issues.push({ path: name.split('.'), message: `${name} ${message}` })
  const inBrowser = typeof window !== 'undefined'
  const { clientSessionToken, publishableKey, userIdentifierKey, apiKey, headers = {} } = options

  const values = NAMES.map((name) => [name, options[name]] as const)
  for (const [name, value] of [
    ...values,
    ...Object.entries(headers).map(([h, v]) => [`headers.${h}`, v] as const),
  ]) {
    if (value === undefined) continue
    if (typeof value !== 'string' || !value.trim()) problem(name, 'must be a non-empty string')
    else if (inBrowser && (name === 'apiKey' || looksLikeSecretKey(value))) {
      problem(
        name,
        'must not hold a Seam API key in a browser: use clientSessionToken, publishableKey + ' +
          'userIdentifierKey, or a proxy (endpoint + headers)' +
          (process.env.NODE_ENV === 'production'
            ? ''
            : '. Anyone who opens the page could read an API key or personal access token and ' +
              'control your whole workspace; mint client session tokens on your backend instead.'),
      )
    }
  }
  const [first, second] = values.slice(0, 3).filter(([, value]) => value !== undefined)
  if (second)
    problem(second[0], `cannot be combined with ${first?.[0]}: pass one way to authenticate`)
  if ((publishableKey === undefined) !== (userIdentifierKey === undefined)) {
    problem(publishableKey ? 'userIdentifierKey' : 'publishableKey', 'is required with the other')
  }
  const endpoint = (options.endpoint ?? DEFAULT_ENDPOINT).replace(/\/+$/, '')
  if (!isUsableEndpoint(endpoint, inBrowser)) {
    problem('endpoint', 'must be an http(s) URL without credentials, or a "/path" in a browser')
  }
  if (issues.length) throw new SeamInvalidInputError('createSeamConnectClient', issues)

  const credential: Credential = clientSessionToken
    ? { kind: 'client_session', token: clientSessionToken }
    : publishableKey && userIdentifierKey
      ? { kind: 'publishable_key', publishableKey, userIdentifierKey }
      : apiKey
        ? { kind: 'api_key', apiKey }
        : { kind: 'none' }
  return { credential, endpoint }
}

function isUsableEndpoint(endpoint: string, inBrowser: boolean): boolean {
  if (/^\/(?!\/)/.test(endpoint)) return inBrowser
  try {
    const { protocol, username, password } = new URL(endpoint)
    return /^https?:$/.test(protocol) && !username && !password
  } catch {
    return false
  }
}

/** Every secret string in the options, so that text from elsewhere can be scrubbed of them. */
export const secretsOf = (options: SeamConnectClientOptions): string[] =>
  [...NAMES.map((name) => options[name]), ...Object.values(options.headers ?? {})].filter(
    (s): s is string => typeof s === 'string' && s.length > 3,
  )
