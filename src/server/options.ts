import { SeamInvalidInputError } from '../errors/errors.js'
import { issueAt, type SeamInputIssue } from '../errors/issues.js'
import { isBrowserScope } from '../internal/environment.js'
import { parseHttpUrl } from '../internal/http-url.js'
import { isPlainObject } from '../internal/plain-object.js'
import { looksLikeJwt, looksLikeSeamSecret } from '../internal/secrets.js'

/** Seam's API (docs/seam-api.md §1). */
export const DEFAULT_ENDPOINT = 'https://connect.getseam.com'

/** Where the handler is mounted unless told otherwise: the path README's examples use. */
export const DEFAULT_BASE_PATH = '/api/seam'

/**
 * The largest valid create is about 82 KB of JSON (50 keys of 40 characters and values of 500,
 * 3 UTF-8 bytes each at worst; docs/seam-api.md §4): 128 KiB leaves room, and refuses more.
 */
export const DEFAULT_MAX_BODY_BYTES = 128 * 1024

/**
 * How long one request to Seam may take. Below the browser client's 30 s per attempt, so the
 * browser gets this handler's 504 (and its retry rules) rather than a timeout of its own.
 */
export const DEFAULT_TIMEOUT_MS = 25_000

/** A problem with the option at `path`: "<path> <rule>". */
export type Problem = (path: (string | number)[], rule: string) => void

/** Collects problems; `done` throws them all at once, naming `context`. */
export function problems(context: string) {
  const issues: SeamInputIssue[] = []
  return {
    problem: ((path, rule) =>
      issues.push(path.length ? issueAt(path, rule) : { path, message: rule })) satisfies Problem,
    done: () => {
      if (issues.length) throw new SeamInvalidInputError(context, issues)
    },
  }
}

/**
 * Refuses to run where a user can read the code: a page (`window` or `document`), or a web,
 * shared or service worker. The API key controls the whole workspace (docs/seam-api.md §6); the
 * webhook signing secret lets anyone forge Seam's events (§5.4).
 */
export function checkServerScope(problem: Problem, secret: 'apiKey' | 'secret' = 'apiKey'): void {
  if (isBrowserScope() || typeof (globalThis as { document?: unknown }).document !== 'undefined') {
    problem(
      [secret],
      `must stay on a server: this code runs in a browser, where anyone could read the ${
        secret === 'apiKey' ? 'API key' : 'signing secret'
      }`,
    )
  }
}

/**
 * An API key (`seam_...`), not a client session token (`seam_cst...`), a publishable key
 * (`seam_pk...`), a personal access token (`seam_at...`, which also needs a workspace id) or a
 * console session token (a JWT). Messages never repeat the value.
 */
export function checkApiKey(apiKey: unknown, problem: Problem): apiKey is string {
  if (typeof apiKey !== 'string' || !apiKey.trim()) {
    problem(['apiKey'], 'must be a non-empty string')
    return false
  }
  const value = apiKey.trim()
  if (/^seam_cst/i.test(value)) {
    problem(['apiKey'], 'must be an API key, not a client session token (seam_cst...)')
  } else if (/^seam_pk/i.test(value)) {
    problem(['apiKey'], 'must be an API key, not a publishable key (seam_pk...)')
  } else if (/^seam_at/i.test(value)) {
    problem(['apiKey'], 'must be an API key, not a personal access token (seam_at...)')
  } else if (looksLikeJwt(value)) {
    problem(['apiKey'], 'must be an API key, not a console session token')
  } else if (!looksLikeSeamSecret(value) || /\s/.test(value)) {
    problem(['apiKey'], 'must be a Seam API key (seam_...)')
  } else {
    return true
  }
  return false
}

/** An absolute http(s) URL without credentials, query or fragment, without its trailing `/`. */
export function checkEndpoint(given: unknown, problem: Problem): string {
  const endpoint = typeof given === 'string' ? given.replace(/\/+$/, '') : ''
  const url = parseHttpUrl(endpoint)
  if (typeof given !== 'string' || !url || url.username || url.password || /[?#]/.test(endpoint)) {
    problem(['endpoint'], 'must be an http(s) URL without credentials, query or fragment')
  }
  return endpoint
}

/** A finite number, more than 0 (`integer`: a whole one), or the default when undefined. */
export function checkPositive(
  value: unknown,
  fallback: number,
  path: string,
  problem: Problem,
  integer = false,
): number {
  if (value === undefined) return fallback
  if (
    typeof value !== 'number' ||
    !Number.isFinite(value) ||
    value <= 0 ||
    (integer && !Number.isInteger(value))
  ) {
    problem(
      [path],
      integer ? 'must be a whole number, more than 0' : 'must be a finite number, more than 0',
    )
    return fallback
  }
  return value
}

/** A function, or undefined when `optional`. */
export function checkFunction(
  value: unknown,
  path: string,
  problem: Problem,
  optional: boolean,
): void {
  if ((value !== undefined || !optional) && typeof value !== 'function') {
    problem([path], 'must be a function')
  }
}

/** Options must be a plain object (a class instance's getters would not be read as expected). */
export function checkOptionsObject(options: unknown, problem: Problem): options is object {
  if (isPlainObject(options)) return true
  problem([], 'options must be an object')
  return false
}
