import type * as z from 'zod/mini'
import { SeamInvalidInputError, SeamResponseParseError } from '../errors/errors.js'
import { toIssues } from '../errors/issues.js'
import { errorMap } from '../schemas/messages.js'

/**
 * Parses a caller's params (before anything is sent, so bad input costs zero requests) or a
 * response body, with messages that name fields and rules, never values.
 * @throws SeamInvalidInputError for params, listing every problem; SeamResponseParseError for a
 *   response, with the issues and the zod error as `cause`.
 */
export function parse<S extends z.ZodMiniType>(
  schema: S,
  value: unknown,
  route: string,
  what: 'params' | 'response',
): z.output<S> {
  const { data, error } = schema.safeParse(value, { error: errorMap(what) })
  if (!error) return data
  const issues = toIssues(error.issues)
  throw what === 'params'
    ? new SeamInvalidInputError(route, issues)
    : new SeamResponseParseError(
        `Unexpected response from ${route}: ${issues.map((i) => i.message).join('; ')}`,
        issues,
        { cause: error },
      )
}
