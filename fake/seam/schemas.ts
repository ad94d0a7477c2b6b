// Request bodies of the Seam routes, after @seamapi/types 1.721.0's openapi document
// (paths[...].post.requestBody). Objects are strict: Seam answers unknown fields with
// invalid_input, and a strict fake catches a library sending the wrong parameter names.
import { z } from 'zod'
import { customMetadataFilterSchema, customMetadataInputSchema } from './custom-metadata.js'
import { ACCEPTED_PROVIDERS, PROVIDER_CATEGORIES } from './providers.js'

/** The openapi's `accepted_capabilities` enum (docs/seam-api.md §2 also names `camera`; the model does not). */
export const providerCapabilitySchema = z.enum([
  'lock',
  'thermostat',
  'noise_sensor',
  'access_control',
])

// The official connect_webview model requires these to be URLs, so reject what it would reject.
const redirectUrl = z.url()

export const createConnectWebviewSchema = z.strictObject({
  custom_metadata: customMetadataInputSchema.optional(),
  custom_redirect_url: redirectUrl.optional(),
  custom_redirect_failure_url: redirectUrl.optional(),
  provider_category: z.enum(PROVIDER_CATEGORIES).optional(),
  accepted_providers: z.array(z.enum(ACCEPTED_PROVIDERS)).optional(),
  excluded_providers: z.array(z.string()).optional(),
  accepted_capabilities: z.array(providerCapabilitySchema).optional(),
  automatically_manage_new_devices: z.boolean().default(true),
  wait_for_device_creation: z.boolean().default(false),
  device_selection_mode: z.enum(['none', 'single', 'multiple']).optional(),
  customer_key: z.string().min(1).optional(),
})

export type CreateConnectWebviewParams = z.output<typeof createConnectWebviewSchema>

export const getConnectWebviewSchema = z.strictObject({
  connect_webview_id: z.uuid(),
})

const listFilters = {
  custom_metadata_has: customMetadataFilterSchema.optional(),
  user_identifier_key: z.string().optional(),
  customer_key: z.string().optional(),
  search: z.string().min(1).optional(),
  limit: z.number().int().positive().optional(),
  page_cursor: z.string().nullable().optional(),
}

export const listConnectWebviewsSchema = z.strictObject(listFilters)
export const listConnectedAccountsSchema = z.strictObject(listFilters)

export type ListParams = z.output<typeof listConnectWebviewsSchema>

/** openapi: `oneOf` connected_account_id or email. */
export const getConnectedAccountSchema = z.union([
  z.strictObject({ connected_account_id: z.uuid() }),
  z.strictObject({ email: z.email() }),
])

export const updateConnectedAccountSchema = z.strictObject({
  connected_account_id: z.uuid(),
  custom_metadata: customMetadataInputSchema.optional(),
  display_name: z.string().min(1).optional(),
  automatically_manage_new_devices: z.boolean().optional(),
  accepted_capabilities: z.array(providerCapabilitySchema).optional(),
  customer_key: z.string().min(1).optional(),
})

export type UpdateConnectedAccountParams = z.output<typeof updateConnectedAccountSchema>

export const getOrCreateClientSessionSchema = z.strictObject({
  // Seam lets an API key omit it; the fake keys sessions by it, so it is required here.
  user_identifier_key: z.string().min(1),
  expires_at: z.iso.datetime().optional(),
  connect_webview_ids: z.array(z.uuid()).optional(),
  connected_account_ids: z.array(z.uuid()).optional(),
  user_identity_id: z.uuid().optional(),
  user_identity_ids: z.array(z.uuid()).length(1).optional(),
})

export type GetOrCreateClientSessionParams = z.output<typeof getOrCreateClientSessionSchema>
