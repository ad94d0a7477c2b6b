import * as z from 'zod/mini'
import {
  customMetadataInputSchema,
  customMetadataSchema,
  type CustomMetadataInput,
} from './custom-metadata.js'
import { nonEmptyStringSchema } from './primitives.js'

/**
 * A connected account as Seam returns it (https://docs.seam.co/latest/api/connected_accounts/get).
 * Only `connected_account_id` and `custom_metadata` are required; a few common fields are typed
 * when present, and every other field is kept as `unknown`.
 */
export const connectedAccountSchema = z.looseObject({
  connected_account_id: z.string(),
  custom_metadata: customMetadataSchema,
  account_type: z.optional(z.string()),
  account_type_display_name: z.optional(z.string()),
  display_name: z.optional(z.string()),
  errors: z.optional(z.array(z.looseObject({ error_code: z.string() }))),
})

export type ConnectedAccount = z.infer<typeof connectedAccountSchema>

/**
 * `/connected_accounts/get` takes an id or an email, not both (Seam's OpenAPI: `oneOf`; docs/seam-api.md §2).
 * Each option refuses the other's key, so its type refuses both at once too (TypeScript's excess
 * property check alone would let `{ connected_account_id, email }` through a plain union).
 */
export const getConnectedAccountParamsSchema = z.union(
  [
    z.strictObject({ connected_account_id: nonEmptyStringSchema, email: z.optional(z.never()) }),
    z.strictObject({ email: nonEmptyStringSchema, connected_account_id: z.optional(z.never()) }),
  ],
  {
    // Reached when no option is close (`{ email: "" }` reads as the email's own problem). When
    // the keys given fit one option only, its problems are the caller's: `{ email: 42 }` reads
    // "email must be a non-empty string".
    error: (issue) => {
      if (issue.code !== 'invalid_union') return undefined
      const meant = issue.errors.filter(
        (option) => !option.some((i) => i.code === 'invalid_type' && i.expected === 'never'),
      )
      return meant.length === 1 && meant[0]?.length
        ? meant[0].map((i) => i.message).join('; ')
        : 'pass exactly one of connected_account_id and email'
    },
  },
)

/** `{ connected_account_id }` or `{ email }`. */
export type GetConnectedAccountParams = z.input<typeof getConnectedAccountParamsSchema>

/**
 * `/connected_accounts/update` (https://docs.seam.co/latest/api/connected_accounts/update).
 * `custom_metadata` replaces the account's whole object; `null` or `""` removes a key.
 * Seam accepts this route only with an API key: call it from a server, or through a proxy.
 */
export const updateConnectedAccountParamsSchema = z.strictObject({
  connected_account_id: nonEmptyStringSchema,
  custom_metadata: z.optional(customMetadataInputSchema),
  display_name: z.optional(nonEmptyStringSchema),
  automatically_manage_new_devices: z.optional(z.boolean()),
})

export type UpdateConnectedAccountParams = z.input<typeof updateConnectedAccountParamsSchema>

/**
 * The variables of `useUpdateConnectedAccountMetadata`: an account and its whole new metadata
 * (Seam replaces the object; `null` or `""` removes a key).
 */
export const updateConnectedAccountMetadataParamsSchema = z.strictObject({
  connected_account_id: nonEmptyStringSchema,
  custom_metadata: customMetadataInputSchema,
})

/** `{ connected_account_id, custom_metadata }`; `M` types the metadata (any metadata by default). */
export interface UpdateConnectedAccountMetadataParams<M = CustomMetadataInput> {
  connected_account_id: string
  custom_metadata: M
}
