import * as z from 'zod/mini'
import { customMetadataInputSchema, customMetadataSchema } from './custom-metadata.js'
import { booleanSchema, nonEmptyStringSchema, stringSchema } from './primitives.js'

/**
 * A connected account as Seam returns it (https://docs.seam.co/latest/api/connected_accounts/get).
 * Only `connected_account_id` and `custom_metadata` are required; a few common fields are typed
 * when present, and every other field is kept as `unknown`.
 */
export const connectedAccountSchema = z.looseObject({
  connected_account_id: stringSchema,
  custom_metadata: customMetadataSchema,
  account_type: z.optional(stringSchema),
  account_type_display_name: z.optional(stringSchema),
  display_name: z.optional(stringSchema),
  errors: z.optional(z.array(z.looseObject({ error_code: stringSchema }))),
})

export type ConnectedAccount = z.infer<typeof connectedAccountSchema>

/** `/connected_accounts/get` takes an id or an email (Seam's OpenAPI: `oneOf`). */
export const getConnectedAccountParamsSchema = z
  .strictObject({
    connected_account_id: z.optional(nonEmptyStringSchema),
    email: z.optional(nonEmptyStringSchema),
  })
  // A z.custom as the check: z.refine would add code of its own to the bundle.
  .check(
    z.custom<{ connected_account_id?: string; email?: string }>(
      (p) => (p.connected_account_id === undefined) !== (p.email === undefined),
      { error: 'pass either connected_account_id or email' },
    ),
  ) as z.ZodMiniType<{ connected_account_id: string } | { email: string }>

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
  automatically_manage_new_devices: z.optional(booleanSchema),
})

export type UpdateConnectedAccountParams = z.input<typeof updateConnectedAccountParamsSchema>
