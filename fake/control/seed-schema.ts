// What POST /_fake/connected_accounts/seed accepts (kept apart from schemas.ts, which holds the
// routes that drive webviews, sessions and faults).
import { z } from 'zod'
import { customMetadataInputSchema } from '../seam/custom-metadata.js'
import { ACCEPTED_PROVIDERS } from '../seam/providers.js'
import { providerCapabilitySchema } from '../seam/schemas.js'

/**
 * A connected account that exists before the test starts, as if the user had connected it
 * earlier: visible to the client session of `user_identifier_key` (created if new), and to the
 * API key (the whole workspace) either way.
 */
export const seedConnectedAccountSchema = z.strictObject({
  user_identifier_key: z.string().min(1).optional(),
  /** Seam's input rules; `null` and `""` values are dropped, as Seam stores them. */
  custom_metadata: customMetadataInputSchema.optional(),
  /** One of the providers a webview accepts; default `august`. */
  provider: z.enum(ACCEPTED_PROVIDERS).optional(),
  /** Default a fresh `fake-user-N@example.com`; also the account's display name. */
  username: z.string().min(1).optional(),
  /** Default what a new webview accepts: lock, thermostat, noise_sensor, access_control. */
  accepted_capabilities: z.array(providerCapabilitySchema).optional(),
  customer_key: z.string().min(1).optional(),
})

// The output type: custom_metadata's input type is a loose record before the rules run.
/** What `seedConnectedAccount` takes; every field is optional. */
export type SeedConnectedAccountInput = z.output<typeof seedConnectedAccountSchema>

/** The most accounts one bulk seed takes (it is validated whole before anything is stored). */
export const MAX_BULK_SEED = 10_000

/**
 * What POST /_fake/connected_accounts/seed_many accepts: many seeds in one request, for tests and
 * benchmarks that need thousands of accounts (one seed per request costs a round trip and a
 * validated reply each: seconds for 10,000). All or nothing: one bad seed refuses the batch.
 */
export const seedConnectedAccountsSchema = z.strictObject({
  accounts: z.array(seedConnectedAccountSchema).min(1).max(MAX_BULK_SEED),
})
