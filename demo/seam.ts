// The demo's hooks, made once with its metadata schema (metadata.ts): every hook made here takes
// and returns those types, and validates what it reads against it (a mismatch is a
// SeamResponseParseError).
import {
  createSeamConnectHooks,
  type ConnectedAccount,
  type WithCustomMetadata,
} from '../src/index'
import { TRUSTED_KEY, demoMetadataSchema, type DemoMetadata } from './metadata'

export { TRUSTED_KEY, demoMetadataSchema, type DemoMetadata }

/** A connected account as the demo reads it: its metadata validated by the schema. */
export type DemoAccount = WithCustomMetadata<ConnectedAccount, DemoMetadata>

export const { useConnectedAccounts, useUpdateConnectedAccountMetadata } = createSeamConnectHooks({
  schema: demoMetadataSchema,
  // The server sets it whatever the page sends: an update leaves it out, and the optimistic
  // value keeps it, as the server will.
  trustedKeys: [TRUSTED_KEY],
})
