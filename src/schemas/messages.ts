import type * as z from 'zod/mini'

/** Renders an issue path the way Seam's parameters are written: `accepted_providers[2]`. */
export function formatPath(path: readonly PropertyKey[] = []): string {
  return path.reduce<string>(
    (out, part) =>
      typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part),
    '',
  )
}

const article = (type: string) => (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`)

/**
 * The error map of every input parse. zod/mini ships no English messages (part of why it is
 * small), so each message a caller sees is written here: it names the parameter and the rule,
 * never the value.
 */
export function inputErrorMap(issue: z.core.$ZodRawIssue): string {
  const name = formatPath(issue.path) || 'params'
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown parameter ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}${name === 'params' ? '' : ` in ${name}`}`
    case 'invalid_type':
      return issue.input === undefined
        ? `${name} is required`
        : `${name} must be ${article(issue.expected)}`
    case 'invalid_union':
      return `${name} must be ${issue.errors.map((e) => article(String(e[0] && 'expected' in e[0] ? e[0].expected : 'value'))).join(' or ')}`
    case 'invalid_value':
      return `${name} must be one of ${issue.values.join(', ')}`
    case 'too_small':
      return `${name} must not be empty`
    default:
      return `${name} is invalid`
  }
}

/** A refinement's message, naming the parameter it failed on. */
export const mustBe = (rule: string) => ({
  error: (issue: z.core.$ZodRawIssue) => `${formatPath(issue.path) || 'params'} must be ${rule}`,
})
