import * as z from 'zod/mini'
import { parseHttpUrl } from '../internal/http-url.js'
import { mustBe } from './messages.js'

/**
 * The primitive schemas of this library, all built on z.custom, which the bundle needs anyway.
 * z.string, z.boolean, z.nullable, z.minLength, z.enum and z.refine would each add code of their
 * own to every app's bundle (together about 0.5 KB gzipped, measured with bench/size.mjs).
 * A mismatch reads "<path> is required" or "<path> must be <rule>", as the error map writes.
 */
export const accepted = <T>(test: (value: unknown) => boolean, rule: string) =>
  z.custom<T>(test, mustBe(rule))

export const stringSchema = accepted<string>((v) => typeof v === 'string', 'a string')

export const booleanSchema = accepted<boolean>((v) => typeof v === 'boolean', 'a boolean')

export const nullableStringSchema = accepted<string | null>(
  (v) => v === null || typeof v === 'string',
  'a string or null',
)

/** An id or name: at least one character. */
export const nonEmptyStringSchema = accepted<string>(
  (v) => typeof v === 'string' && v !== '',
  'a non-empty string',
)

export const oneOf = <T extends string>(values: readonly T[]) =>
  accepted<T>((v) => values.includes(v as T), `one of ${values.join(', ')}`)

/** Only http(s): a `javascript:` URL must never become a redirect target. */
export const httpUrlSchema = accepted<string>((v) => !!parseHttpUrl(v), 'an http(s) URL')
