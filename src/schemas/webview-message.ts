import * as z from 'zod/mini'

/**
 * Event names of Seam's hosted page, both generations (docs/seam-api.md §5.1): current docs name
 * `connect_webview.login_succeeded` / `login_failed`, older docs `webview.login_successful` /
 * `webview.login_failed`. Which one the live page sends is unverified, so both are accepted.
 */
const FAILED = ['connect_webview.login_failed', 'webview.login_failed'] as const

/** The failure events, as a list any event type can be looked up in. */
export const LOGIN_FAILED: readonly string[] = FAILED

const EVENT_TYPES = [
  'connect_webview.login_succeeded',
  'webview.login_successful',
  ...FAILED,
] as const

/**
 * The `data` of a `message` from the Connect Webview iframe:
 * `{ event: { event_type, connect_webview_id, ... } }`. A message is only a hint that triggers a
 * check with Seam's API; anyone who can load the page can post one.
 */
export const webviewMessageSchema = z.looseObject({
  event: z.looseObject({
    event_type: z.literal(EVENT_TYPES),
    connect_webview_id: z.string(),
    connected_account_id: z.optional(z.string()),
    error_code: z.optional(z.string()),
    error_message: z.optional(z.string()),
  }),
})

/** A validated `data.event` from the Connect Webview, as passed to `onEvent`. */
export type ConnectWebviewEvent = z.infer<typeof webviewMessageSchema>['event']

/**
 * The login event a `message`'s `data` carries, or `undefined` for anything else. `data` arrives
 * structured-cloned (no getters, no proxies), so parsing it never throws.
 */
export const parseWebviewMessage = (data: unknown): ConnectWebviewEvent | undefined =>
  webviewMessageSchema.safeParse(data).data?.event
