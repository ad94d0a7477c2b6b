import { isPlainObject } from '../schemas/custom-metadata.js'

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
  return out
    .replace(/\bseam_[A-Za-z0-9_]+/g, 'seam_[redacted]')
    .replace(/\beyJ[\w-]*\.[\w-]+\.[\w-]*/g, '[redacted]')
    .replace(/(auth_token=)[^&\s"']+/g, '$1[redacted]')
}

/**
 * A copy of `value` with every string redacted: plain data as plain data, an error as an object of
 * the same class (so `instanceof` still holds) whose own properties, `message`, `stack` and
 * `cause` included, are scrubbed in turn.
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
  const copy = Object.create(Object.getPrototypeOf(value) as object | null) as Record<
    PropertyKey,
    unknown
  >
  for (const key of Reflect.ownKeys(value)) {
    const descriptor = Object.getOwnPropertyDescriptor(value, key) as PropertyDescriptor
    // An accessor (zod computes `message` from its issues) is read once and kept as data.
    const current: unknown = 'value' in descriptor ? descriptor.value : Reflect.get(value, key)
    Object.defineProperty(copy, key, {
      value: next(current),
      writable: true,
      enumerable: descriptor.enumerable ?? false,
      configurable: true,
    })
  }
  return copy as T
}
