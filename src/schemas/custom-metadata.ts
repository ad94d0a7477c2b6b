import * as z from 'zod/mini'
import { formatKey, type SeamInputIssue } from '../errors/issues.js'
import { isPlainObject } from '../internal/plain-object.js'
import { article, mustBe } from './messages.js'

/**
 * Limits from Seam's "Attaching Custom Metadata to the Connect Webview"
 * (https://docs.seam.co/latest/core-concepts/connect-webviews/attaching-custom-data-to-the-connect-webview)
 * and the `custom_metadata` request schema in Seam's OpenAPI document (docs/seam-api.md §4).
 */
export const CUSTOM_METADATA_LIMITS = {
  maxKeys: 50,
  maxKeyLength: 40,
  maxValueLength: 500,
} as const

const { maxKeys, maxKeyLength, maxValueLength } = CUSTOM_METADATA_LIMITS

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

/** `a string`, `an array`, `null`, `a Map`: what a value is, never what it holds. */
function typeOf(value: unknown): string {
  if (value == null) return String(value)
  if (Array.isArray(value)) return 'an array'
  if (typeof value !== 'object' || isPlainObject(value)) return article(typeof value)
  const name = (value as object).constructor?.name
  return name ? article(name) : 'an instance of a class'
}

/** A value Seam accepts on input: a string, a boolean, or `null` (which removes the key). */
const isInputValue = (value: unknown): value is CustomMetadataInputValue =>
  typeof value === 'string' || typeof value === 'boolean' || value === null

/**
 * Checks `custom_metadata` against Seam's rules (docs/seam-api.md §4) and returns every broken
 * rule at once, so a form can show them all: a plain object (a Map or a class instance is
 * refused, never read as `{}`; a symbol or non-enumerable key is refused, never dropped) of at
 * most 50 keys; keys of 1 to 40 characters without `.`; values a string of at most 500 characters, a boolean or
 * `null`. Lengths count UTF-16 code units, as Seam does. Messages name the key (cut when long)
 * and the rule, never the value, which may be personal data.
 */
export function findCustomMetadataIssues(input: unknown): SeamInputIssue[] {
  if (!isPlainObject(input)) {
    return [{ path: [], message: `custom_metadata must be an object, not ${typeOf(input)}` }]
  }
  // JSON would drop a symbol key without a word: refused instead.
  const issues: SeamInputIssue[] = Object.getOwnPropertySymbols(input).map((symbol) => ({
    path: [String(symbol)],
    message: 'custom_metadata keys must be strings',
  }))
  // Every own key, not Object.keys: JSON would drop a non-enumerable one without a word.
  const keys = Object.getOwnPropertyNames(input)
  if (keys.length > maxKeys) {
    issues.push({
      path: [],
      message: `custom_metadata has ${keys.length} keys; at most ${maxKeys} are allowed`,
    })
  }
  for (const key of keys) {
    const name = `custom_metadata key ${formatKey(key)}`
    const add = (message: string) => issues.push({ path: [key], message })
    const value = input[key]
    if (!key) add('custom_metadata keys must not be empty')
    if (key.length > maxKeyLength) {
      add(`${name} has ${key.length} characters; at most ${maxKeyLength} are allowed`)
    }
    if (key.includes('.')) add(`${name} must not contain "."`)
    if (!Object.prototype.propertyIsEnumerable.call(input, key)) {
      add(`${name} is not enumerable, so it would not be sent`)
    }
    if (!isInputValue(value)) {
      add(`${name}: the value must be a string, a boolean or null, not ${typeOf(value)}`)
    } else if (typeof value === 'string' && value.length > maxValueLength) {
      add(
        `${name}: the value has ${value.length} characters; at most ${maxValueLength} are allowed`,
      )
    }
  }
  return issues
}

/**
 * The `custom_metadata` input rules as a schema: a refinement that reports every issue of
 * {@link findCustomMetadataIssues} at its key's path. What passes is a
 * {@link CustomMetadataInput}, which is what the refinement checks.
 */
export const customMetadataInputSchema = z.custom<CustomMetadataInput>().check((ctx) => {
  for (const { path, message } of findCustomMetadataIssues(ctx.value)) {
    ctx.issues.push({ code: 'custom', path, message, input: ctx.value })
  }
})

/** A plain object of `values`, without symbol or non-enumerable keys (JSON would drop them). */
const isObjectOf = (value: unknown, isValue: (item: unknown) => boolean) =>
  isPlainObject(value) &&
  Object.getOwnPropertySymbols(value).length === 0 &&
  Object.getOwnPropertyNames(value).every(
    (key) => Object.prototype.propertyIsEnumerable.call(value, key) && isValue(value[key]),
  )

/**
 * A `custom_metadata_has` filter: a plain object of strings, booleans and `null`s (docs/seam-api.md
 * §4). A Map, a class instance or a symbol key is refused, never sent as a smaller filter or none.
 */
export const customMetadataFilterSchema = z.custom<CustomMetadataInput>(
  (value) => isObjectOf(value, isInputValue),
  mustBe('a plain object of string, boolean or null values'),
)

/**
 * `custom_metadata` as returned on a Connect Webview or connected account: a plain object of
 * strings and booleans (unset keys are omitted). Anything else is refused, never read as `{}`.
 */
export const customMetadataSchema = z.custom<CustomMetadata>(
  (value) => isObjectOf(value, (item) => typeof item === 'string' || typeof item === 'boolean'),
  mustBe('an object of string and boolean values'),
)
