// The demo's metadata, described once: every hook made here takes and returns these types, and
// validates what it reads against this schema (a mismatch is a SeamResponseParseError).
import { z } from 'zod'
import {
  createSeamConnectHooks,
  type ConnectedAccount,
  type WithCustomMetadata,
} from '../src/index'

/** The key the demo's server writes on every webview and account (demo-backend-plugin.ts). */
export const TRUSTED_KEY = 'your_app_user_id'

/**
 * What the demo's accounts carry: the server's user id, always; the tenant and plan the connect
 * flow starts with; and whatever other keys a visitor adds in the rows editor (Seam stores text and
 * booleans only), kept rather than stripped so that the panel shows all of it.
 */
export const demoMetadataSchema = z
  .object({
    [TRUSTED_KEY]: z.string(),
    tenant_id: z.string().optional(),
    plan: z.string().optional(),
  })
  .catchall(z.union([z.string(), z.boolean()]))

export type DemoMetadata = z.output<typeof demoMetadataSchema>

/** A connected account as the demo reads it: its metadata validated by the schema. */
export type DemoAccount = WithCustomMetadata<ConnectedAccount, DemoMetadata>

export const { useConnectedAccounts, useUpdateConnectedAccountMetadata } = createSeamConnectHooks({
  schema: demoMetadataSchema,
  // The server sets it whatever the page sends: an update leaves it out, and the optimistic
  // value keeps it, as the server will.
  trustedKeys: [TRUSTED_KEY],
})
