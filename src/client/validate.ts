import type * as z from 'zod/mini'
import { SeamInvalidInputError, SeamResponseParseError } from '../errors/errors.js'
import { errorMap } from '../schemas/messages.js'

function parse<S extends z.ZodMiniType>(schema: S, value: unknown) {
  const result = schema.safeParse(value, { error: errorMap })
  const issues = result.error?.issues.map(({ path, message }) => ({
    path: path as (string | number)[],
    message,
  }))
  return { result, issues }
}

/**
 * Validates a caller's params before anything is sent, so bad input costs zero requests.
 * @throws SeamInvalidInputError listing every problem.
 */
export function parseInput<S extends z.ZodMiniType>(schema: S, input: unknown, context: string) {
  const { result, issues } = parse(schema, input)
  if (issues) throw new SeamInvalidInputError(context, issues)
  return result.data as z.output<S>
}

/**
 * Parses a response body with its schema.
 * @throws SeamResponseParseError with the issues (paths and expectations, never values) and the
 *   zod error as `cause`.
 */
export function parseResponse<S extends z.ZodMiniType>(schema: S, body: unknown, route: string) {
  const { result, issues } = parse(schema, body)
  if (!issues) return result.data as z.output<S>
  throw new SeamResponseParseError(
    `Unexpected response from ${route}: ${issues.map((i) => i.message).join('; ')}`,
    issues,
    { cause: result.error },
  )
}
