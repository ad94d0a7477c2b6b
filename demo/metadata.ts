// The demo's metadata schema, apart from the hooks (seam.ts) so that the backend checks the
// metadata of signed webhooks against the very schema the page reads accounts with. Only zod:
// the server imports it without React.
import { z } from 'zod'

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
