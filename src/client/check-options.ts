import { SeamInvalidInputError } from '../errors/errors.js'
import { issueAt, type SeamInputIssue } from '../errors/issues.js'
import { DEV } from '../internal/development.js'
import { parseHttpUrl } from '../internal/http-url.js'
import { isPlainObject } from '../internal/plain-object.js'
import { isSeamHost, looksLikeJwt, looksLikeSeamSecret } from '../internal/secrets.js'
import {
  DEFAULT_ENDPOINT,
  DEFAULT_RETRY,
  DEFAULT_TIMEOUT_MS,
  type RetryOptions,
  type SeamConnectClientOptions,
} from './options.js'

/** The options that hold a credential; the first three are the ways to authenticate. */
export const CREDENTIALS = [
  'clientSessionToken',
  'publishableKey',
  'apiKey',
  'userIdentifierKey',
] as const

/** Options after checking: what the transport and the cache scope are built from. */
export interface CheckedOptions {
  endpoint: string
  /** Lower-case names, in the order given. */
  headers: [string, string][]
  retry: Required<RetryOptions>
  timeoutMs: number
  /** Whether a credential here is for servers only (an API key, or a secret-shaped value). */
  serverOnly: boolean
}

/** A problem with the option at `path`: "<path> <rule>". */
type Problem = (path: (string | number)[], rule: string) => void

/** `headers` in any of its shapes as `[name, value]` pairs, values unchecked. */
function headerPairs(headers: unknown, problem: Problem) {
  if (headers === undefined) return []
  if (typeof Headers !== 'undefined' && headers instanceof Headers) return [...headers.entries()]
  if (Array.isArray(headers)) {
    return headers.flatMap((pair: unknown, i) => {
      if (Array.isArray(pair) && pair.length === 2 && typeof pair[0] === 'string') {
        return [[pair[0], pair[1] as unknown] as const]
      }
      problem(['headers', i], 'must be a [name, value] pair')
      return []
    })
  }
  // A Map (or any other non-plain object) would be read as no headers at all.
  if (isPlainObject(headers)) return Object.entries(headers)
  problem(['headers'], 'must be a record, a Headers object or [name, value] pairs')
  return []
}

/**
 * Validates the options: one way to authenticate (or none), nothing secret in a browser, usable
 * numbers, a usable endpoint.
 * @param browser whether the client will run where its user can read it.
 * @throws SeamInvalidInputError before any request, listing every problem.
 */
export function checkOptions(options: SeamConnectClientOptions, browser: boolean): CheckedOptions {
  const issues: SeamInputIssue[] = []
  const problem: Problem = (path, rule) => issues.push(issueAt(path, rule))

  const given: unknown = options.endpoint ?? DEFAULT_ENDPOINT
  const endpoint = typeof given === 'string' ? given.replace(/\/+$/, '') : ''
  const url = parseHttpUrl(endpoint)
  const relative = /^\/(?!\/)/.test(endpoint)
  // A path such as `/api/seam` only means something relative to a page. A query or fragment
  // would be cut or mangled by every route appended to it, and could carry a secret into logs.
  if (
    typeof given !== 'string' ||
    /[?#]/.test(endpoint) ||
    (relative ? !browser : !url || url.username || url.password)
  ) {
    problem(
      ['endpoint'],
      'must be an http(s) URL without credentials, query or fragment, or a "/path" in a browser',
    )
  }
  // A console session token is a workspace credential only when it goes to Seam itself.
  const toSeam = !relative && (!url || isSeamHost(url.hostname))

  const headers: [string, string][] = []
  let serverOnly = false
  for (const [path, value] of [
    ...CREDENTIALS.map((name): [string[], unknown] => [[name], options[name]]),
    ...headerPairs(options.headers, problem).map(([h, v]): [string[], unknown] => [
      ['headers', h],
      v,
    ]),
  ]) {
    if (value === undefined) continue
    if (typeof value !== 'string' || !value.trim()) {
      problem(path, 'must be a non-empty string')
      continue
    }
    const [option, header] = path
    if (header !== undefined) headers.push([header.toLowerCase(), value])
    const secret =
      option === 'apiKey' || looksLikeSeamSecret(value) || (toSeam && looksLikeJwt(value))
    serverOnly ||= secret
    if (browser && secret) {
      problem(
        path,
        'must not hold a Seam API key in a browser' +
          // The way out is spelled out in development builds; bundlers drop it from production.
          (DEV
            ? ': use clientSessionToken, publishableKey + userIdentifierKey, or a proxy ' +
              '(endpoint + headers). Anyone who opens the page could read an API key, personal ' +
              'access token or console session token and control your whole workspace; mint ' +
              'client session tokens on your backend instead.'
            : ''),
      )
    }
  }
  try {
    new Headers(headers)
  } catch {
    // The name or value has characters HTTP forbids; the message must not repeat the value.
    problem(['headers'], 'must be valid HTTP header names and values')
  }

  const [first, second] = CREDENTIALS.slice(0, 3).filter((name) => options[name] !== undefined)
  if (second) {
    problem(
      [second],
      `cannot be combined with ${first}` + (DEV ? ': pass one way to authenticate' : ''),
    )
  }
  if ((options.publishableKey === undefined) !== (options.userIdentifierKey === undefined)) {
    problem(
      [options.publishableKey !== undefined ? 'userIdentifierKey' : 'publishableKey'],
      'is required with the other',
    )
  }

  const retry = { ...DEFAULT_RETRY }
  // A number or a Map here would otherwise be ignored, leaving the defaults in place unnoticed.
  if (options.retry !== undefined && !isPlainObject(options.retry)) {
    problem(['retry'], 'must be an object of retries, minDelayMs, maxDelayMs, maxRetryAfterMs')
  }
  for (const key of Object.keys(DEFAULT_RETRY) as (keyof RetryOptions)[]) {
    const value = isPlainObject(options.retry) ? options.retry[key] : undefined
    if (value === undefined) continue
    // NaN would retry in a hot loop, Infinity never stop: only finite, non-negative numbers.
    if (
      typeof value !== 'number' ||
      !Number.isFinite(value) ||
      value < 0 ||
      (key === 'retries' && !Number.isInteger(value))
    ) {
      problem(
        ['retry', key],
        key === 'retries'
          ? 'must be a whole number, 0 or more'
          : 'must be a finite number, 0 or more',
      )
    } else retry[key] = value
  }
  const { timeoutMs = DEFAULT_TIMEOUT_MS } = options
  if (typeof timeoutMs !== 'number' || !Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    problem(['timeoutMs'], 'must be a finite number of milliseconds, more than 0')
  }
  if (options.fetch !== undefined && typeof options.fetch !== 'function') {
    problem(['fetch'], 'must be a function')
  }

  if (issues.length) throw new SeamInvalidInputError('createSeamConnectClient', issues)
  return { endpoint, headers, retry, timeoutMs, serverOnly }
}
