import * as z from 'zod/mini'
import { formatKey, toIssues, type SeamInputIssue } from '../errors/issues.js'
import { article } from './messages.js'

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

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  [Object.prototype, null].includes(Object.getPrototypeOf(value) as object | null)

/** `a string`, `an array`, `null`: what a value is, never what it holds. */
const typeOf = (value: unknown) =>
  value == null ? String(value) : article(Array.isArray(value) ? 'array' : typeof value)

// Messages name the key (cut when long) and the rule, never the value, which may be personal data.
// They are the schemas' own, so `customMetadataInputSchema.parse` reads the same as the client.
const keyName = (key: unknown) => `custom_metadata key ${formatKey(String(key))}`

/** The key a value issue is about: the last segment of its path (`[key]` or `[..., key]`). */
const keyOf = (issue: z.core.$ZodRawIssue) => keyName(issue.path?.at(-1) ?? '')

// Lengths count UTF-16 code units, as Seam does (docs/seam-api.md §4); z.maxLength counts code
// points and would pass a key of 21 emoji, which Seam refuses.
const atMost = (max: number) => (text: string) => text.length <= max

/** A key Seam accepts: 1 to 40 characters, without `.`. */
const customMetadataKeySchema = z.string().check(
  z.minLength(1, 'custom_metadata keys must not be empty'),
  z.refine(atMost(maxKeyLength), {
    error: ({ input }) =>
      `${keyName(input)} has ${String(input).length} characters; at most ${maxKeyLength} are allowed`,
  }),
  z.refine((key) => !key.includes('.'), {
    error: ({ input }) => `${keyName(input)} must not contain "."`,
  }),
)

/** A value Seam accepts: a string of at most 500 characters, a boolean, or `null`. */
const customMetadataInputValueSchema = z.union(
  [
    z.string().check(
      z.refine(atMost(maxValueLength), {
        error: (issue) =>
          `${keyOf(issue)}: the value has ${String(issue.input).length} characters; at most ${maxValueLength} are allowed`,
      }),
    ),
    z.boolean(),
    z.null(),
  ],
  {
    error: (issue) =>
      `${keyOf(issue)}: the value must be a string, a boolean or null, not ${typeOf(issue.input)}`,
  },
)

/**
 * The `custom_metadata` input rules: at most 50 keys; keys of 1 to 40 characters without `.`;
 * values a string of at most 500 characters, a boolean or `null`. Every broken rule is reported,
 * each at its key's path.
 */
export const customMetadataInputSchema = z
  .record(z.string(), customMetadataInputValueSchema, {
    // The record's own issues: not an object at all, or a symbol key (JSON would drop it).
    error: ({ code, input }) =>
      code === 'invalid_key'
        ? 'custom_metadata keys must be strings'
        : `custom_metadata must be an object, not ${typeOf(input)}`,
  })
  .check(
    // Keys are checked here rather than as z.record's key schema, which skips the value of a key
    // it refused: `{ "a.b": 1 }` should report both the key and the value. `when` lets this run
    // after a value was refused, which would otherwise skip the whole check.
    z.superRefine(
      (metadata, ctx) => {
        const keys = Object.keys(metadata)
        if (keys.length > maxKeys) {
          ctx.addIssue({
            code: 'custom',
            message: `custom_metadata has ${keys.length} keys; at most ${maxKeys} are allowed`,
          })
        }
        for (const key of keys) {
          for (const { message } of customMetadataKeySchema.safeParse(key).error?.issues ?? []) {
            ctx.addIssue({ code: 'custom', path: [key], message, input: key })
          }
        }
      },
      { when: ({ value }) => isPlainObject(value) },
    ),
  )

/**
 * Checks `custom_metadata` against Seam's rules and returns every broken rule at once (so a form
 * can show them all): the values' first, then the number of keys, then the keys'.
 */
export const findCustomMetadataIssues = (input: unknown): SeamInputIssue[] =>
  toIssues(customMetadataInputSchema.safeParse(input).error?.issues ?? [])

/** `custom_metadata` as returned on a Connect Webview or connected account. */
export const customMetadataSchema = z.record(z.string(), z.union([z.string(), z.boolean()]))
