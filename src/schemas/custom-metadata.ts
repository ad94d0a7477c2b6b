import * as z from 'zod/mini'
import { formatKey, type SeamInputIssue } from '../errors/issues.js'
import { article } from './messages.js'

/**
 * Limits from Seam's "Attaching Custom Metadata to the Connect Webview"
 * (https://docs.seam.co/latest/core-concepts/connect-webviews/attaching-custom-data-to-the-connect-webview)
 * and the `custom_metadata` request schema in Seam's OpenAPI document.
 */
export const CUSTOM_METADATA_LIMITS = {
  maxKeys: 50,
  maxKeyLength: 40,
  maxValueLength: 500,
} as const

/** A value Seam accepts in `custom_metadata`; `null` (and `""` on update) removes the key. */
export type CustomMetadataInputValue = string | boolean | null

/** `custom_metadata` as sent to Seam. */
export type CustomMetadataInput = Record<string, CustomMetadataInputValue>

/** `custom_metadata` as Seam returns it: unset keys are omitted, so only strings and booleans. */
export type CustomMetadata = Record<string, string | boolean>

/**
 * One broken rule of `custom_metadata`: the same {@link SeamInputIssue} as every other issue.
 * @deprecated Use `SeamInputIssue`.
 */
export type CustomMetadataIssue = SeamInputIssue

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  [Object.prototype, null].includes(Object.getPrototypeOf(value) as object | null)

const isValue = (value: unknown, orNull?: boolean) =>
  typeof value === 'string' || typeof value === 'boolean' || (orNull && value === null)

/** An object of string and boolean values, and `null` ones too when `orNull`. */
export const isMetadata = (value: unknown, orNull?: boolean) =>
  isPlainObject(value) && Object.values(value).every((v) => isValue(v, orNull))

const typeName = (value: unknown) =>
  value == null ? String(value) : article(Array.isArray(value) ? 'array' : typeof value)

/**
 * Checks `custom_metadata` against Seam's rules and returns every broken rule at once (so a form
 * can show them all). Messages name the offending key and the rule, never the value, which may
 * be personal data.
 */
export function findCustomMetadataIssues(input: unknown): SeamInputIssue[] {
  if (!isPlainObject(input)) {
    return [
      {
        path: [],
        message: `custom_metadata must be an object, not ${typeName(input)}`,
      },
    ]
  }
  const { maxKeys, maxKeyLength, maxValueLength } = CUSTOM_METADATA_LIMITS
  const issues: SeamInputIssue[] = []
  const keys = Object.keys(input)
  if (keys.length > maxKeys) {
    issues.push({
      path: [],
      message: `custom_metadata has ${keys.length} keys; at most ${maxKeys} are allowed`,
    })
  }
  for (const key of keys) {
    // Long keys are cut in messages so that one bad key cannot flood a form or a log.
    const name = `custom_metadata key ${formatKey(key)}`
    const add = (message: string) => issues.push({ path: [key], message })
    const value = input[key]
    if (!key) add('custom_metadata keys must not be empty')
    if (key.length > maxKeyLength) {
      add(`${name} has ${key.length} characters; at most ${maxKeyLength} are allowed`)
    }
    if (key.includes('.')) add(`${name} must not contain "."`)
    if (typeof value === 'string' && value.length > maxValueLength) {
      add(
        `${name}: the value has ${value.length} characters; at most ${maxValueLength} are allowed`,
      )
    } else if (!isValue(value, true)) {
      add(`${name}: the value must be a string, a boolean or null, not ${typeName(value)}`)
    }
  }
  return issues
}

/**
 * The `custom_metadata` input rules as a zod/mini schema: at most 50 keys; keys of 1 to 40
 * characters without `.`; values a string of at most 500 characters, a boolean or `null`.
 */
export const customMetadataInputSchema = z.custom<CustomMetadataInput>().check((ctx) => {
  // A plain check function: z.superRefine would add its own code to the bundle for this one use.
  for (const { path, message } of findCustomMetadataIssues(ctx.value)) {
    ctx.issues.push({ code: 'custom', path, message, input: ctx.value })
  }
})

/** `custom_metadata` as returned on a Connect Webview or connected account. */
export const customMetadataSchema = z.custom<CustomMetadata>((value) => isMetadata(value))
