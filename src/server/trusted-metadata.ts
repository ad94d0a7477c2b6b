import { SeamInvalidInputError } from '../errors/errors.js'
import type { SeamInputIssue } from '../errors/issues.js'
import { isPlainObject } from '../internal/plain-object.js'
import {
  findCustomMetadataIssues,
  type CustomMetadata,
  type CustomMetadataInput,
} from '../schemas/custom-metadata.js'

/**
 * The `custom_metadata` pairs the server vouches for, such as `{ user_id: 'u_42' }`: stamped on
 * every Connect Webview the user creates, and required on everything the user reads or updates.
 */
export type TrustedMetadata = Record<string, string | boolean>

/** What `authorize` resolves to for a signed-in user. */
export interface SeamConnectAuthorization {
  /** At least one pair; keys and values follow Seam's `custom_metadata` rules, and strings are non-empty. */
  trustedMetadata: TrustedMetadata
}

/**
 * Checks what the app's `authorize` returned. Beyond Seam's input rules (docs/seam-api.md §4):
 * - at least one pair: with none, every resource of the workspace would "carry every trusted
 *   pair", and each user could read all of them;
 * - no `null` and no `""`: on write they remove a key (§4), so the pair would never be stored
 *   and the user could not read back their own resources.
 * @throws SeamInvalidInputError naming keys and rules, never values.
 */
export function checkTrustedMetadata(authorization: unknown): TrustedMetadata {
  const context = 'the trustedMetadata that authorize returned'
  const metadata: unknown = isPlainObject(authorization) ? authorization.trustedMetadata : undefined
  if (!isPlainObject(authorization) || !isPlainObject(metadata)) {
    throw new SeamInvalidInputError(context, [
      {
        path: ['trustedMetadata'],
        message: 'authorize must resolve to { trustedMetadata } or null',
      },
    ])
  }
  const issues: SeamInputIssue[] = findCustomMetadataIssues(metadata).map(({ path, message }) => ({
    path: ['trustedMetadata', ...path],
    message: message.replace(/^custom_metadata/, 'trustedMetadata'),
  }))
  const entries = Object.entries(metadata)
  if (!entries.length) {
    issues.push({
      path: ['trustedMetadata'],
      message: 'trustedMetadata must hold at least one pair',
    })
  }
  for (const [key, value] of entries) {
    if (value === null || value === '') {
      issues.push({
        path: ['trustedMetadata', key],
        message: `trustedMetadata values must be a non-empty string or a boolean`,
      })
    }
  }
  if (issues.length) throw new SeamInvalidInputError(context, issues)
  // Checked above: a plain object of non-empty strings and booleans.
  return Object.fromEntries(entries) as TrustedMetadata
}

/**
 * The browser's metadata with the trusted pairs over it: the server's keys always win, so the
 * browser can neither change nor remove (`null`, `""`) them (docs/seam-api.md §4).
 */
export const mergeTrusted = (
  input: CustomMetadataInput | undefined,
  trusted: TrustedMetadata,
): CustomMetadataInput => ({ ...input, ...trusted })

/** Whether `metadata` (a webview's or an account's) holds every trusted pair. */
export const carriesTrusted = (metadata: CustomMetadata, trusted: TrustedMetadata): boolean =>
  Object.entries(trusted).every(
    ([key, value]) => Object.hasOwn(metadata, key) && metadata[key] === value,
  )

/**
 * A list's `custom_metadata_has` with the trusted pairs added, or `undefined` when the browser's
 * filter contradicts one of them (another value, or `null`: "not set"). No resource the user may
 * see can match such a filter, so the answer is an empty page, as Seam would give for a filter
 * nothing matches (docs/seam-api.md §4).
 */
export function trustedFilter(
  filter: CustomMetadataInput | undefined,
  trusted: TrustedMetadata,
): CustomMetadataInput | undefined {
  for (const [key, value] of Object.entries(trusted)) {
    if (filter && Object.hasOwn(filter, key) && filter[key] !== value) return undefined
  }
  return { ...filter, ...trusted }
}
