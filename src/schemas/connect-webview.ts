import * as z from 'zod/mini'
import {
  customMetadataInputSchema,
  customMetadataSchema,
  type CustomMetadataInput,
} from './custom-metadata.js'
import { httpUrlSchema, nonEmptyStringSchema, nullableStringSchema } from './primitives.js'

/**
 * Statuses Seam documents today (docs/seam-api.md §3). The schema accepts any string so that a
 * status Seam adds later does not break parsing; code compares against these.
 */
export type ConnectWebviewStatus = 'pending' | 'authorized' | 'failed' | (string & {})

// Any string, typed so that editors suggest the known statuses. An annotation, not a cast: a
// string is a ConnectWebviewStatus, so TypeScript checks that this holds.
const statusSchema: z.ZodMiniType<ConnectWebviewStatus, ConnectWebviewStatus> = z.string()

const optionalString = z.optional(nullableStringSchema)

/**
 * A Connect Webview as Seam returns it. Only the fields this library reads are required; a few
 * common ones are typed when present, and every other field is kept as `unknown`, because Seam
 * adds fields over time (https://docs.seam.co/latest/api/connect_webviews/get).
 *
 * `url` carries an `auth_token`: treat it as a credential (never log it).
 */
export const connectWebviewSchema = z.looseObject({
  connect_webview_id: z.string(),
  status: statusSchema,
  url: z.string(),
  connected_account_id: nullableStringSchema,
  custom_metadata: customMetadataSchema,
  created_at: z.optional(z.string()),
  login_successful: z.optional(z.boolean()),
  selected_provider: optionalString,
  custom_redirect_url: optionalString,
})

export type ConnectWebview = z.infer<typeof connectWebviewSchema>

/** Provider categories accepted by `/connect_webviews/create` (Seam's OpenAPI document). */
export const PROVIDER_CATEGORIES = [
  'stable',
  'consumer_smartlocks',
  'beta',
  'thermostats',
  'noise_sensors',
  'access_control_systems',
  'cameras',
  'connectors',
  'internal_beta',
] as const
export type ProviderCategory = (typeof PROVIDER_CATEGORIES)[number]

/** Device capabilities accepted by `accepted_capabilities`. */
export const CAPABILITIES = [
  'lock',
  'thermostat',
  'noise_sensor',
  'access_control',
  'camera',
] as const
export type Capability = (typeof CAPABILITIES)[number]

const redirectUrl = z.optional(httpUrlSchema)
const strings = z.optional(z.array(z.string()))

/**
 * Parameters of `/connect_webviews/create` (https://docs.seam.co/latest/api/connect_webviews/create).
 * Unknown parameters are refused rather than sent, so a typo such as `customMetadata` cannot
 * silently drop the app's metadata.
 */
export const createConnectWebviewParamsSchema = z.strictObject({
  custom_metadata: z.optional(customMetadataInputSchema),
  custom_redirect_url: redirectUrl,
  custom_redirect_failure_url: redirectUrl,
  provider_category: z.optional(z.literal(PROVIDER_CATEGORIES)),
  accepted_providers: strings,
  excluded_providers: strings,
  accepted_capabilities: z.optional(z.array(z.literal(CAPABILITIES))),
  automatically_manage_new_devices: z.optional(z.boolean()),
  wait_for_device_creation: z.optional(z.boolean()),
  customer_key: z.optional(nonEmptyStringSchema),
})

/** The create params; `M` types `custom_metadata` (any metadata by default). */
export type CreateConnectWebviewParams<M = CustomMetadataInput> = {
  [K in keyof CreateInput]: K extends 'custom_metadata' ? M | undefined : CreateInput[K]
}
type CreateInput = z.input<typeof createConnectWebviewParamsSchema>

/** Parameters of `/connect_webviews/get` (https://docs.seam.co/latest/api/connect_webviews/get). */
export const getConnectWebviewParamsSchema = z.strictObject({
  connect_webview_id: nonEmptyStringSchema,
})

export type GetConnectWebviewParams = z.input<typeof getConnectWebviewParamsSchema>
