import * as z from 'zod/mini'
import { parseHttpUrl } from '../internal/http-url.js'
import { mustBe } from './messages.js'

// The few field rules shared by several schemas. Each is ordinary zod/mini; `mustBe` makes every
// mismatch state the whole rule ("connect_webview_id must be a non-empty string", for 42 as for
// ""), where the error map alone would name only the check that broke.

/** An id, a key or a name: a string of at least one character. */
export const nonEmptyStringSchema = z
  .string(mustBe('a non-empty string'))
  .check(z.refine((s) => s !== ''))

/** A string where Seam writes `null` for "none" (docs/seam-api.md §3). */
export const nullableStringSchema = z.nullable(z.string(mustBe('a string or null')))

/** Only absolute http(s) URLs: a `javascript:` URL must never become a redirect target. */
export const httpUrlSchema = z
  .string(mustBe('an http(s) URL'))
  .check(z.refine((url) => parseHttpUrl(url) !== undefined))

/** A page size: a whole number, 1 or more. */
export const positiveIntSchema = z
  .number(mustBe('a positive integer'))
  .check(z.refine((n) => Number.isInteger(n) && n > 0))
