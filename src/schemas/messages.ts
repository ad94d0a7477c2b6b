import type * as z from 'zod/mini'
import { formatKey, formatPath } from '../errors/issues.js'

/** `a string`, `an object`. */
export const article = (type: string) => `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`

/** "<where> is required" when the value is missing, else "<where> must be <rule>". */
const mismatch = (issue: z.core.$ZodRawIssue, rule: string, root = 'value') =>
  `${formatPath(issue.path ?? []) || root} ${issue.input === undefined ? 'is required' : `must be ${rule}`}`

/**
 * The error map of every parse, params or response. zod/mini ships no English messages (part of
 * why it is small), so each message a caller sees is written here: it names the field (as
 * `formatPath` writes it, or `root` for the whole value) and the rule, never the value (a response
 * may hold a webview `url`, which is a credential).
 */
export const errorMap =
  (root: 'params' | 'response') =>
  (issue: z.core.$ZodRawIssue): string => {
    switch (issue.code) {
      case 'unrecognized_keys':
        return `unknown parameter ${issue.keys.map(formatKey).join(', ')}`
      case 'invalid_type':
        return mismatch(issue, article(issue.expected), root)
      default:
        return `${formatPath(issue.path ?? []) || root} is invalid`
    }
  }

/** The error of a z.custom schema that accepts only what `rule` describes. */
export const mustBe = (rule: string) => ({
  error: (issue: z.core.$ZodRawIssue) => mismatch(issue, rule),
})
