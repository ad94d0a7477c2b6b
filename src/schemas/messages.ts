import type * as z from 'zod/mini'

/** Renders an issue path the way Seam's parameters are written: `accepted_providers[2]`. */
export const formatPath = (path: readonly PropertyKey[] = []): string =>
  path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i ? '.' : ''}${String(part)}`))
    .join('') || 'params'

/** `a string`, `an object`. */
export const article = (type: string) => `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`

/** "<path> is required" when the value is missing, else "<path> must be <rule>". */
const mismatch = (issue: z.core.$ZodRawIssue, rule: string) =>
  `${formatPath(issue.path)} ${issue.input === undefined ? 'is required' : `must be ${rule}`}`

/**
 * The error map of every parse, input or response. zod/mini ships no English messages (part of
 * why it is small), so each message a caller sees is written here: it names the field and the
 * rule, never the value (a response may hold a webview `url`, which is a credential).
 */
export function errorMap(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown parameter ${issue.keys.map((k) => `"${k}"`).join(', ')}`
    case 'invalid_type':
      return mismatch(issue, article(issue.expected))
    default:
      return `${formatPath(issue.path)} is invalid`
  }
}

/** The error of a z.custom schema that accepts only what `rule` describes. */
export const mustBe = (rule: string) => ({
  error: (issue: z.core.$ZodRawIssue) => mismatch(issue, rule),
})
