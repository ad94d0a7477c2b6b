import type { SeamInputIssue } from '../errors/issues.js'
import { isPlainObject } from './plain-object.js'

/**
 * API keys are `seam_...` and personal access tokens `seam_at...`; only client session tokens
 * (`seam_cst...`) and publishable keys (`seam_pk...`) are meant for browsers
 * (https://docs.seam.co/latest/core-concepts/authentication, docs/seam-api.md §6).
 */
export const looksLikeSeamSecret = (value: string): boolean =>
  /^(bearer\s+)?seam_(?!cst|pk)/i.test(value.trim())

/**
 * A JWT (`eyJ...`), the shape of a console session token. Sent to Seam it controls the workspace;
 * sent to an app's own proxy it is usually that app's own session, which is fine.
 */
export const looksLikeJwt = (value: string): boolean =>
  /^(bearer\s+)?eyJ[\w-]*\.[\w-]+\.[\w-]*$/i.test(value.trim())

/** Seam's own API hosts, where a console session token would act on the whole workspace. */
export const isSeamHost = (hostname: string): boolean =>
  /(^|\.)(getseam\.com|seam\.co)$/i.test(hostname)

/**
 * Removes credentials from text that came from elsewhere (a server's error message, a fetch
 * failure) before it becomes part of one of our errors.
 */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text
  for (const secret of secrets) out = out.replaceAll(secret, '[redacted]')
  return (
    out
      // Not \b: a token glued to a word by `_` (`k_seam_cst1...`, a metadata key) is one too.
      .replace(/(^|[^A-Za-z0-9])seam_[A-Za-z0-9_]+/g, '$1seam_[redacted]')
      .replace(/\beyJ[\w-]*\.[\w-]+\.[\w-]*/g, '[redacted]')
      .replace(/(auth_token=)[^&\s"']+/g, '$1[redacted]')
  )
}

/**
 * Issues with their messages and key paths redacted: a key or a value the caller built from a
 * credential (its own client session token in a custom_metadata key) never reaches an error.
 */
export const redactIssues = (
  issues: readonly SeamInputIssue[],
  secrets: readonly string[],
): SeamInputIssue[] =>
  issues.map(({ path, message }) => ({
    path: path.map((part) => (typeof part === 'string' ? redact(part, secrets) : part)),
    message: redact(message, secrets),
  }))

/**
 * A copy of `value` with every string redacted: plain data as plain data, an error as an error
 * whose `name`, `message`, `stack`, `cause` and other own properties are scrubbed in turn.
 */
export function scrub<T>(value: T, secrets: readonly string[], depth = 0): T {
  if (typeof value === 'string') return redact(value, secrets) as T
  if (depth > 6 || typeof value !== 'object' || value === null) return value
  const next = (v: unknown) => scrub(v, secrets, depth + 1)
  if (Array.isArray(value)) return value.map(next) as T
  if (isPlainObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, next(v)])) as T
  }
  if (!(value instanceof Error)) return value
  const copy = new Error(
    redact(value.message, secrets),
    'cause' in value ? { cause: next(value.cause) } : undefined,
  )
  // An error made by JavaScript keeps its class (`instanceof ZodError` still holds). A host
  // error (a DOMException) keeps its fields on its prototype, where they only work on the real
  // object, so its copy stays a plain Error that carries them.
  if (Object.prototype.hasOwnProperty.call(value, 'message')) {
    Object.setPrototypeOf(copy, Object.getPrototypeOf(value) as object | null)
  }
  for (const key of new Set(['name', 'stack', ...Object.getOwnPropertyNames(value)])) {
    if (key === 'message' || key === 'cause') continue
    // An accessor (zod computes some fields from its issues) is read once and kept as data.
    Object.defineProperty(copy, key, {
      value: next(Reflect.get(value, key)),
      writable: true,
      enumerable: Object.prototype.propertyIsEnumerable.call(value, key),
      configurable: true,
    })
  }
  return copy as T
}
