// Payloads of the /_fake/ control routes, exported so tests and stories can type their calls.
import { z } from 'zod'
import { fakeBehaviourPatchSchema } from '../state/behaviour.js'

export const completeConnectWebviewSchema = z.strictObject({
  connect_webview_id: z.uuid(),
  /** Reconnect this existing account. */
  connected_account_id: z.uuid().optional(),
  /** Defaults to the webview's first accepted provider. */
  provider: z.string().min(1).optional(),
  /** Defaults to a fresh username, so the completion creates a new account. */
  username: z.string().min(1).optional(),
})

export type CompleteConnectWebviewInput = z.input<typeof completeConnectWebviewSchema>

export const failConnectWebviewSchema = z.strictObject({
  connect_webview_id: z.uuid(),
  error_code: z.string().min(1).optional(),
  error_message: z.string().optional(),
})

export type FailConnectWebviewInput = z.input<typeof failConnectWebviewSchema>

/** What a failure records for a field the fail route was not given (each defaults on its own). */
export const DEFAULT_FAILURE = {
  error_code: 'login_failed',
  error_message: 'The login failed.',
} as const

export const webviewBehaviourInputSchema = fakeBehaviourPatchSchema.extend({
  connect_webview_id: z.uuid(),
})

export type WebviewBehaviourInput = z.input<typeof webviewBehaviourInputSchema>

export const sessionBehaviourInputSchema = fakeBehaviourPatchSchema.extend({
  user_identifier_key: z.string().min(1),
})

export type SessionBehaviourInput = z.input<typeof sessionBehaviourInputSchema>

export const requestLogQuerySchema = z.strictObject({
  user_identifier_key: z.string().min(1).optional(),
  path: z.string().startsWith('/').optional(),
})
