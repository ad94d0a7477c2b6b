import { SeamConnectError, SeamResponseParseError } from '../errors/errors.js'
import { toIssues } from '../errors/issues.js'
import type { CustomMetadata } from './custom-metadata.js'
import type { InferSchemaOutput, StandardSchemaV1 } from './standard-schema.js'

/**
 * Validates a connected account's `custom_metadata` with the app's own schema. Metadata written
 * by a browser can be anything its user wanted, so the app's types are checked, not assumed.
 * @throws SeamResponseParseError when the metadata does not match.
 */
export function validateCustomMetadata<S extends StandardSchemaV1>(
  schema: S,
  metadata: CustomMetadata,
): InferSchemaOutput<S> {
  const result = schema['~standard'].validate(metadata)
  if (result instanceof Promise) {
    throw new SeamConnectError('schema must validate custom_metadata synchronously')
  }
  if (!result.issues) return result.value as InferSchemaOutput<S>
  // The app's schema writes its own messages, which do not name the place: each gets its path.
  // They are the one exception to "never the value": some validators quote what they received,
  // so an app that logs these errors should use a schema whose messages do not.
  const issues = toIssues(result.issues, true)
  throw new SeamResponseParseError(
    `custom_metadata does not match the schema: ${issues.map((i) => i.message).join('; ')}`,
    issues,
  )
}
