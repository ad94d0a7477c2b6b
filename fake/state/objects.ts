// Seam's objects as the fake builds them: its own types, so that the published `.d.ts` of
// `react-seam-connect/testing` needs nothing an app does not install (@seamapi/types is a
// devDependency). test/fake/contract.test.ts checks the replies against Seam's official models at
// run time (only there: @seamapi/types' TypeScript types are zod 3 inferences, which come out
// as `any` next to this repo's zod 4). The validators are what the control client parses
// replies with.
import { z } from 'zod'

/** `custom_metadata` as Seam returns it: string and boolean values only. */
export type FakeCustomMetadata = Record<string, string | boolean>

/** A Connect Webview, field for field as Seam's `connect_webview` model. */
export interface FakeConnectWebview {
  connect_webview_id: string
  workspace_id: string
  /** ISO 8601. */
  created_at: string
  connected_account_id: string | null
  /** The hosted page; carries the webview's `auth_token`. */
  url: string
  device_selection_mode: 'none' | 'single' | 'multiple'
  accepted_providers: string[]
  accepted_capabilities: FakeCapability[]
  accepted_devices: string[]
  any_device_allowed: boolean
  any_provider_allowed: boolean
  login_successful: boolean
  status: 'pending' | 'failed' | 'authorized'
  custom_redirect_url: string | null
  custom_redirect_failure_url: string | null
  custom_metadata: FakeCustomMetadata
  automatically_manage_new_devices: boolean
  wait_for_device_creation: boolean
  authorized_at: string | null
  selected_provider: string | null
  customer_key?: string
}

/** What a webview or account can manage (Seam's `accepted_capabilities` values). */
export type FakeCapability = 'lock' | 'thermostat' | 'noise_sensor' | 'access_control'

/** A connected account, as Seam's `connected_account` model (the fake reports no errors). */
export interface FakeConnectedAccount {
  connected_account_id: string
  /** ISO 8601. */
  created_at: string
  user_identifier: { username?: string; email?: string }
  /** The provider, e.g. `august`. */
  account_type: string
  account_type_display_name: string
  display_name: string
  /** Always empty: the fake never reports account errors or warnings. */
  errors: never[]
  warnings: never[]
  custom_metadata: FakeCustomMetadata
  automatically_manage_new_devices: boolean
  accepted_capabilities: FakeCapability[]
  customer_key?: string
}

/** A client session, as Seam's `client_session` model. */
export interface FakeClientSession {
  client_session_id: string
  workspace_id: string
  created_at: string
  expires_at: string
  /** `seam_cst...`: what a browser sends as `client-session-token`. */
  token: string
  user_identifier_key: string
  device_count: number
  connected_account_ids: string[]
  connect_webview_ids: string[]
  user_identity_ids: string[]
  user_identity_id?: string
}

const capabilitySchema = z.enum(['lock', 'thermostat', 'noise_sensor', 'access_control'])
const customMetadataSchema = z.record(z.string(), z.union([z.string(), z.boolean()]))
const isoDate = z.iso.datetime()

// Typed against the interfaces: a field the type promises and the validator does not check
// fails to compile.
export const fakeConnectWebviewSchema: z.ZodType<FakeConnectWebview> = z.strictObject({
  connect_webview_id: z.uuid(),
  workspace_id: z.uuid(),
  created_at: isoDate,
  connected_account_id: z.uuid().nullable(),
  url: z.url(),
  device_selection_mode: z.enum(['none', 'single', 'multiple']),
  accepted_providers: z.array(z.string()),
  accepted_capabilities: z.array(capabilitySchema),
  accepted_devices: z.array(z.string()),
  any_device_allowed: z.boolean(),
  any_provider_allowed: z.boolean(),
  login_successful: z.boolean(),
  status: z.enum(['pending', 'failed', 'authorized']),
  custom_redirect_url: z.url().nullable(),
  custom_redirect_failure_url: z.url().nullable(),
  custom_metadata: customMetadataSchema,
  automatically_manage_new_devices: z.boolean(),
  wait_for_device_creation: z.boolean(),
  authorized_at: isoDate.nullable(),
  selected_provider: z.string().nullable(),
  customer_key: z.string().optional(),
})

export const fakeConnectedAccountSchema: z.ZodType<FakeConnectedAccount> = z.strictObject({
  connected_account_id: z.uuid(),
  created_at: isoDate,
  user_identifier: z.strictObject({
    username: z.string().optional(),
    email: z.string().optional(),
  }),
  account_type: z.string(),
  account_type_display_name: z.string(),
  display_name: z.string(),
  errors: z.array(z.never()),
  warnings: z.array(z.never()),
  custom_metadata: customMetadataSchema,
  automatically_manage_new_devices: z.boolean(),
  accepted_capabilities: z.array(capabilitySchema),
  customer_key: z.string().optional(),
})

export const fakeClientSessionSchema: z.ZodType<FakeClientSession> = z.strictObject({
  client_session_id: z.uuid(),
  workspace_id: z.uuid(),
  created_at: isoDate,
  expires_at: isoDate,
  token: z.string().startsWith('seam_cst'),
  user_identifier_key: z.string(),
  device_count: z.number().int(),
  connected_account_ids: z.array(z.uuid()),
  connect_webview_ids: z.array(z.uuid()),
  user_identity_ids: z.array(z.string()),
  user_identity_id: z.string().optional(),
})
