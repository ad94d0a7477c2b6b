import { SeamInvalidInputError, type SeamInputIssue } from '../errors/errors.js'
import { DEFAULT_ENDPOINT, type SeamConnectClientOptions } from './options.js'

/** How requests authenticate; decided once, when the client is created. */
export type Credential =
  | { kind: 'client_session'; token: string }
  | {
      kind: 'publishable_key'
      publishableKey: string
      userIdentifierKey: string
    }
  | { kind: 'api_key'; apiKey: string }
  | { kind: 'none' }

/**
 * API keys are `seam_...` and personal access tokens `seam_at...`; only client session tokens
 * (`seam_cst...`) and publishable keys (`seam_pk...`) are meant for browsers
 * (https://docs.seam.co/latest/core-concepts/authentication).
 */
export const looksLikeSecretKey = (value: string) =>
  /^(bearer\s+)?seam_(?!cst|pk)/i.test(value.trim())

const SECRET_IN_BROWSER =
  'must not hold a Seam API key or personal access token where `window` exists: anyone who opens ' +
  'the page could read it and control your workspace. In a browser use clientSessionToken (minted ' +
  'by your backend), publishableKey + userIdentifierKey, or endpoint + headers of your own proxy.'

const CREDENTIALS = ['clientSessionToken', 'publishableKey', 'apiKey'] as const

/**
 * Validates the options and picks the one credential they describe.
 * @throws SeamInvalidInputError before any request, listing every problem.
 */
export function resolveCredential(options: SeamConnectClientOptions): {
  credential: Credential
  endpoint: string
} {
  const issues: SeamInputIssue[] = []
  const problem = (path: string[], message: string) =>
    issues.push({ path, message: `${path.join('.')} ${message}` })
  const inBrowser = typeof window !== 'undefined'
  const { clientSessionToken, publishableKey, userIdentifierKey, apiKey } = options

  for (const name of [...CREDENTIALS, 'userIdentifierKey'] as const) {
    const value = options[name]
    if (value === undefined) continue
    if (typeof value !== 'string' || !value.trim()) problem([name], 'must be a non-empty string')
    else if (inBrowser && (name === 'apiKey' || looksLikeSecretKey(value))) {
      problem([name], SECRET_IN_BROWSER)
    }
  }
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (inBrowser && looksLikeSecretKey(value)) problem(['headers', name], SECRET_IN_BROWSER)
  }
  const [first, second] = CREDENTIALS.filter((name) => options[name] !== undefined)
  if (second) problem([second], `cannot be combined with ${first}: pass one way to authenticate`)
  if ((publishableKey === undefined) !== (userIdentifierKey === undefined)) {
    problem([publishableKey ? 'userIdentifierKey' : 'publishableKey'], 'is required with the other')
  }
  const endpoint = (options.endpoint ?? DEFAULT_ENDPOINT).replace(/\/+$/, '')
  if (!isUsableEndpoint(endpoint, inBrowser)) {
    problem(['endpoint'], 'must be an http(s) URL without credentials, or a "/path" in a browser')
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
    const url = new URL(endpoint)
    return /^https?:$/.test(url.protocol) && !url.username && !url.password
  } catch {
    return false
  }
}

/** Every secret string in the options, so that text from elsewhere can be scrubbed of them. */
export const secretsOf = (options: SeamConnectClientOptions): string[] =>
  [
    options.clientSessionToken,
    options.publishableKey,
    options.userIdentifierKey,
    options.apiKey,
    ...Object.values(options.headers ?? {}),
  ].filter((s): s is string => typeof s === 'string' && s.length > 3)
