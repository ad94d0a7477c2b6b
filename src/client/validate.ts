import type * as z from 'zod/mini'
import {
  SeamInvalidInputError,
  SeamResponseParseError,
  type SeamInputIssue,
} from '../errors/errors.js'
import { formatPath, inputErrorMap } from '../schemas/messages.js'

const pathOf = (issue: z.core.$ZodIssue) =>
  issue.path.filter((p): p is string | number => typeof p !== 'symbol')

/**
 * Validates a caller's params before anything is sent, so bad input costs zero requests.
 * @throws SeamInvalidInputError listing every problem.
 */
export function parseInput<S extends z.ZodMiniType>(
  schema: S,
  input: unknown,
  context: string,
): z.output<S> {
  const result = schema.safeParse(input, { error: inputErrorMap })
  if (result.success) return result.data
  throw new SeamInvalidInputError(
    context,
    result.error.issues.map((issue) => ({
      path: pathOf(issue),
      message: issue.message,
    })),
  )
}

/**
 * zod's messages can quote received values, and a response may hold a webview `url` (a
 * credential), so messages are rebuilt from the path and the expectation only.
 */
function describe(issue: z.core.$ZodIssue): string {
  const where = formatPath(issue.path) || '(root)'
  return issue.code === 'invalid_type'
    ? `${where}: expected ${issue.expected}`
    : `${where}: ${issue.code.replace(/_/g, ' ')}`
}

/**
 * Parses a response body with its schema.
 * @throws SeamResponseParseError with the issues (paths and expectations) and the zod error as `cause`.
 */
export function parseResponse<S extends z.ZodMiniType>(
  schema: S,
  body: unknown,
  route: string,
): z.output<S> {
  const result = schema.safeParse(body)
  if (result.success) return result.data
  const issues: SeamInputIssue[] = result.error.issues.map((issue) => ({
    path: pathOf(issue),
    message: describe(issue),
  }))
  throw new SeamResponseParseError(
    `Unexpected response from ${route}: ${issues.map((i) => i.message).join('; ')}`,
    issues,
    { cause: result.error },
  )
}
