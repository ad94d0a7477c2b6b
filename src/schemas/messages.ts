import type * as z from 'zod/mini'

/** Renders an issue path the way Seam's parameters are written: `accepted_providers[2]`. */
export const formatPath = (path: readonly PropertyKey[] = []): string =>
  path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i ? '.' : ''}${String(part)}`))
    .join('') || 'params'

const article = (type: unknown) => `${/^[aeiou]/.test(String(type)) ? 'an' : 'a'} ${String(type)}`

/**
 * The error map of every parse, input or response. zod/mini ships no English messages (part of
 * why it is small), so each message a caller sees is written here: it names the field and the
 * rule, never the value (a response may hold a webview `url`, which is a credential).
 */
export function errorMap(issue: z.core.$ZodRawIssue): string {
  const name = formatPath(issue.path)
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown parameter ${issue.keys.map((k) => `"${k}"`).join(', ')}`
    case 'invalid_type':
      return issue.input === undefined
        ? `${name} is required`
        : `${name} must be ${article(issue.expected)}`
    case 'too_small':
      return `${name} must not be empty`
    default:
      return `${name} is invalid`
  }
}

/** A refinement's message, naming the field it failed on. */
export const mustBe = (rule: string) => ({
  error: (issue: z.core.$ZodRawIssue) => `${formatPath(issue.path)} must be ${rule}`,
})
