// custom_metadata rules (docs/seam-api.md §4), written independently of src/ so the fake
// can catch the library's own validation going wrong.
import { z } from 'zod'

type CustomMetadata = Record<string, string | boolean>
type CustomMetadataInput = Record<string, string | boolean | null>

const MAX_KEYS = 50
const MAX_KEY_LENGTH = 40
const MAX_STRING_LENGTH = 500

/**
 * Input metadata. Every problem is reported at the offending key's path so that
 * `validation_errors` names it, e.g. `{ custom_metadata: { some_key: { _errors: [...] } } }`.
 */
export const customMetadataInputSchema = z
  .record(z.string(), z.unknown())
  .superRefine((metadata, ctx) => {
    const keys = Object.keys(metadata)
    if (keys.length > MAX_KEYS) {
      ctx.addIssue({
        code: 'custom',
        message: `Custom metadata is limited to a maximum of ${MAX_KEYS} keys (got ${keys.length})`,
      })
    }
    for (const key of keys) {
      const keyProblem = describeKeyProblem(key)
      if (keyProblem) {
        ctx.addIssue({ code: 'custom', path: [key], message: keyProblem })
      }
      const valueProblem = describeValueProblem(metadata[key])
      if (valueProblem) {
        ctx.addIssue({ code: 'custom', path: [key], message: valueProblem })
      }
    }
  })
  .transform((metadata) => metadata as CustomMetadataInput)

function describeKeyProblem(key: string): string | undefined {
  if (key.length === 0) return 'Custom metadata keys must not be empty'
  if (key.length > MAX_KEY_LENGTH) {
    return `Custom metadata keys are limited to ${MAX_KEY_LENGTH} characters`
  }
  if (key.includes('.')) return 'Custom metadata keys must not contain "."'
  return undefined
}

function describeValueProblem(value: unknown): string | undefined {
  if (value === null || typeof value === 'boolean') return undefined
  if (typeof value === 'string') {
    return value.length > MAX_STRING_LENGTH
      ? `Custom metadata strings are limited to ${MAX_STRING_LENGTH} characters`
      : undefined
  }
  return `Custom metadata values must be a string, a boolean or null (got ${describeType(value)})`
}

function describeType(value: unknown): string {
  if (Array.isArray(value)) return 'array'
  return typeof value
}

/** `custom_metadata_has`: string or boolean values; `null` asks for an unset key. */
export const customMetadataFilterSchema = z.record(
  z.string(),
  z.union([z.string(), z.boolean(), z.null()]),
)

type CustomMetadataFilter = z.infer<typeof customMetadataFilterSchema>

/**
 * What Seam stores: output objects hold only string and boolean values, so `null` and `""`
 * values are dropped (on update they are how a caller removes a key).
 */
export function toStoredCustomMetadata(input: CustomMetadataInput | undefined): CustomMetadata {
  const stored: CustomMetadata = {}
  for (const [key, value] of Object.entries(input ?? {})) {
    if (value === null || value === '') continue
    stored[key] = value
  }
  return stored
}

/** Every given pair must match; a `null` value matches a key that is not set. */
export function matchesCustomMetadata(
  metadata: CustomMetadata,
  filter: CustomMetadataFilter | undefined,
): boolean {
  if (!filter) return true
  return Object.entries(filter).every(([key, expected]) =>
    expected === null
      ? !Object.hasOwn(metadata, key)
      : Object.hasOwn(metadata, key) && metadata[key] === expected,
  )
}
