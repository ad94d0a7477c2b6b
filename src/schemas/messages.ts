import type * as z from 'zod/mini'
import { formatKey, formatPath } from '../errors/issues.js'

/** `a string`, `an object`; `null` and `undefined` as they are. */
export const article = (type: string): string =>
  type === 'null' || type === 'undefined' ? type : `${/^[aeiou]/i.test(type) ? 'an' : 'a'} ${type}`

/** `a`, `a or b`, `a, b or c`. */
const or = (items: string[]) =>
  items.length > 1 ? `${items.slice(0, -1).join(', ')} or ${items.at(-1)}` : (items[0] ?? '')

/** "is required" when the value is missing, else "must be <rule>". */
const mustBeOrRequired = (input: unknown, rule: string) =>
  input === undefined ? 'is required' : `must be ${rule}`

/**
 * What each option of a union expects, when every option failed on the type alone (`a string`,
 * `null`, `one of a, b`); undefined when an option failed deeper (an object's field).
 */
function optionRules(errors: readonly (readonly z.core.$ZodIssue[])[]): string[] | undefined {
  const rules = errors.map(([first, ...rest]) =>
    !first || rest.length || first.path.length
      ? undefined
      : first.code === 'invalid_type'
        ? article(first.expected)
        : first.code === 'invalid_value'
          ? `one of ${first.values.join(', ')}`
          : undefined,
  )
  return rules.every((rule) => rule !== undefined) ? (rules as string[]) : undefined
}

/** The rule an issue says was broken, as "<where> <rule>" reads it. */
function rule(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'never'
        ? 'must not be set'
        : mustBeOrRequired(issue.input, article(issue.expected))
    case 'invalid_value':
      return `must be one of ${issue.values.join(', ')}`
    case 'invalid_union': {
      const rules = issue.inclusive === false ? undefined : optionRules(issue.errors)
      return rules
        ? mustBeOrRequired(issue.input, or(rules))
        : 'does not match any of the shapes allowed here'
    }
    default:
      return 'is invalid'
  }
}

/**
 * The error map of every parse, params or response. zod/mini ships no English messages (part of
 * why it is small), so each message a caller sees is written here: it names the field (as
 * `formatPath` writes it, or `root` for the whole value) and the rule, never the value: a response
 * may hold a webview `url`, which is a credential.
 */
export const errorMap =
  (root: 'params' | 'response') =>
  (issue: z.core.$ZodRawIssue): string => {
    const where = formatPath(issue.path ?? []) || root
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys.map(formatKey).join(', ')
      return issue.path?.length ? `${where} has unknown keys ${keys}` : `unknown parameter ${keys}`
    }
    return `${where} ${rule(issue)}`
  }

/**
 * The error of a schema whose whole rule reads better than the one check that broke: every
 * mismatch of `positiveIntSchema` (a string, 0, 1.5) reads
 * "limit must be a positive integer", and a missing one "limit is required".
 */
export const mustBe = (rule: string) => ({
  error: (issue: z.core.$ZodRawIssue) =>
    `${formatPath(issue.path ?? []) || 'value'} ${mustBeOrRequired(issue.input, rule)}`,
})
