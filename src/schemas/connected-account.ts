import * as z from 'zod/mini'
import { customMetadataInputSchema, customMetadataSchema } from './custom-metadata.js'

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

const id = z.string().check(z.minLength(1))

/** `/connected_accounts/get` takes an id or an email (Seam's OpenAPI: `oneOf`). */
export const getConnectedAccountParamsSchema = z
  .strictObject({ connected_account_id: z.optional(id), email: z.optional(id) })
  .check(
    z.refine((p) => (p.connected_account_id === undefined) !== (p.email === undefined), {
      error: 'pass either connected_account_id or email',
    }),
  ) as z.ZodMiniType<{ connected_account_id: string } | { email: string }>

export type GetConnectedAccountParams = z.input<typeof getConnectedAccountParamsSchema>

/**
 * `/connected_accounts/update` (https://docs.seam.co/latest/api/connected_accounts/update).
 * `custom_metadata` replaces the account's whole object; `null` or `""` removes a key.
 * Seam accepts this route only with an API key: call it from a server, or through a proxy.
 */
export const updateConnectedAccountParamsSchema = z.strictObject({
  connected_account_id: id,
  custom_metadata: z.optional(customMetadataInputSchema),
  display_name: z.optional(id),
  automatically_manage_new_devices: z.optional(z.boolean()),
})

export type UpdateConnectedAccountParams = z.input<typeof updateConnectedAccountParamsSchema>
