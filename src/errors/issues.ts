import { redact } from '../internal/secrets.js'

/**
 * One problem with a value this library checked: a caller's params or options, `custom_metadata`,
 * or a reply from Seam. `SeamInvalidInputError`, `SeamResponseParseError` and
 * `findCustomMetadataIssues` all report these.
 */
export interface SeamInputIssue {
  /** Where, relative to the value checked: keys and array indexes; `[]` is the value itself. */
  path: (string | number)[]
  /**
   * Names the place (as {@link formatPath} writes it) and the broken rule, never the value: a
   * reply may hold a webview `url`, which is a credential, and metadata may be personal data.
   */
  message: string
}

/** Keys this long are cut in messages, so that one bad key cannot flood a form or a log. */
const MAX_KEY_SHOWN = 48

/**
 * A key as messages quote it: `"user.id"`, cut after 48 characters, with anything shaped like a
 * credential redacted (a key an app built from its client session token).
 */
export const formatKey = (key: PropertyKey): string => {
  const text = redact(String(key), [])
  return JSON.stringify(text.length > MAX_KEY_SHOWN ? `${text.slice(0, MAX_KEY_SHOWN)}…` : text)
}

/**
 * The one way a path is written in a message, as params are written in code:
 * `accepted_capabilities[1]`, `retry.retries`, `headers.x-app-auth`; a key that a dot would make
 * ambiguous, or a long one, is quoted (`custom_metadata["user.id"]`). `""` for the value itself.
 */
export const formatPath = (path: readonly PropertyKey[]): string =>
  path
    .map((part, i) =>
      typeof part === 'number'
        ? `[${part}]`
        : typeof part === 'string' && /^[\w$-]+$/.test(part) && part.length <= MAX_KEY_SHOWN
          ? `${i ? '.' : ''}${part}`
          : `[${formatKey(part)}]`,
    )
    .join('')

/** An issue at `path`, whose message is the path followed by `rule`: `timeoutMs must be ...`. */
export const issueAt = (path: (string | number)[], rule: string): SeamInputIssue => ({
  path,
  message: `${formatPath(path)} ${rule}`,
})

/**
 * Issues from zod or any Standard Schema as {@link SeamInputIssue}s: path segments become keys
 * and indexes. With `prefix`, each message is preceded by its path (for a schema whose messages do
 * not name the place, such as an app's own metadata schema).
 */
export const toIssues = (
  // A Standard Schema issue (https://standardschema.dev), which zod's issues are too.
  issues: readonly {
    readonly message: string
    readonly path?: readonly (PropertyKey | { readonly key: PropertyKey })[] | undefined
  }[],
  prefix = false,
): SeamInputIssue[] =>
  issues.map(({ path = [], message }) => {
    const keys = path.map((segment) => {
      const key = typeof segment === 'object' ? segment.key : segment
      return typeof key === 'number' ? key : String(key)
    })
    return {
      path: keys,
      message: prefix && keys.length ? `${formatPath(keys)}: ${message}` : message,
    }
  })
