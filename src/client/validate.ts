import type * as z from 'zod/mini'
import { SeamInvalidInputError, SeamResponseParseError } from '../errors/errors.js'
import { toIssues } from '../errors/issues.js'
import { isPlainObject } from '../internal/plain-object.js'
import { redactIssues } from '../internal/secrets.js'
import { errorMap } from '../schemas/messages.js'

/**
 * Parses a caller's params (before anything is sent, so bad input costs zero requests) or a
 * response body, with messages that name fields and rules, never values.
 * Issues are redacted with `secrets` (the client's credentials) and credential shapes, in their
 * messages and key paths.
 * @throws SeamInvalidInputError for params, listing every problem; SeamResponseParseError for a
 *   response, with the issues and the zod error as `cause`.
 */
export function parse<S extends z.ZodMiniType>(
  schema: S,
  value: unknown,
  route: string,
  what: 'params' | 'response',
  secrets: readonly string[] = [],
): z.output<S> {
  // zod reads any object by its own keys: a Map or a class instance would go out as `{}`.
  if (what === 'params' && !isPlainObject(value)) {
    throw new SeamInvalidInputError(route, [{ path: [], message: 'params must be an object' }])
  }
  const { data, error } = schema.safeParse(value, { error: errorMap(what) })
  if (!error) return data
  const issues = redactIssues(toIssues(error.issues), secrets)
  throw what === 'params'
    ? new SeamInvalidInputError(route, issues)
    : new SeamResponseParseError(
        `Unexpected response from ${route}: ${issues.map((i) => i.message).join('; ')}`,
        issues,
        { cause: error },
      )
}
