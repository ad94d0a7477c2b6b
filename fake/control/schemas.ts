// What the /_fake/ control routes accept. The browser-safe control client types its calls with
// these (as types only, so it never loads zod or the server).
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

export const sessionBehaviourInputSchema = fakeBehaviourPatchSchema.extend({
  user_identifier_key: z.string().min(1),
})

/**
 * A scripted failure for the next `times` Seam API requests of one client session, or of one
 * scope (requests sending the `x-fake-scope` header, e.g. an app's backend with the API key), or
 * for every one of its requests during a time window (`for_ms`). Exactly one of
 * `user_identifier_key` and `scope` says whose requests it hits.
 */
export const faultSchema = z
  .strictObject({
    user_identifier_key: z.string().min(1).optional(),
    /** The `x-fake-scope` header's value (see scope.ts). */
    scope: z.string().min(1).optional(),
    /** A Seam route such as `/connect_webviews/get`; omitted = any Seam route. */
    route: z.string().startsWith('/').optional(),
    /** How many matching requests it applies to (default 1). */
    times: z.number().int().min(1).optional(),
    /**
     * Instead of `times`: the fault applies to every matching request for this many ms, counted
     * from the first request it hits (an outage of that length).
     */
    for_ms: z.number().int().min(1).max(60_000).optional(),
    status: z.number().int().min(200).max(599).optional(),
    error_type: z.string().min(1).optional(),
    message: z.string().optional(),
    /** Sent as the `Retry-After` header. */
    retry_after: z.string().min(1).optional(),
    latency_ms: z.number().int().min(0).max(60_000).optional(),
    /** Destroy the socket without replying. */
    drop: z.boolean().optional(),
    /**
     * Accept the request and never answer it: the socket stays open until the client gives up (or
     * the fake stops), as with a stalled proxy.
     */
    hang: z.boolean().optional(),
    /** Raw response body (e.g. invalid JSON, or a 200 with the wrong shape). */
    body: z.string().optional(),
    /** The raw body's content type (default `application/json`), e.g. a captive portal's `text/html`. */
    content_type: z.string().min(1).optional(),
  })
  .refine((fault) => (fault.user_identifier_key === undefined) !== (fault.scope === undefined), {
    message: 'Pass exactly one of user_identifier_key and scope',
  })
  // Narrows the output to the union the refinement checked (see Fault).
  .transform(({ user_identifier_key, scope, ...rest }): Fault => {
    if (user_identifier_key !== undefined) return { ...rest, user_identifier_key }
    if (scope !== undefined) return { ...rest, scope }
    throw new Error('unreachable: the refinement requires an owner')
  })

/** What a fault does, whoever it hits (see faultSchema). */
export type FaultFields = {
  route?: string
  times?: number
  for_ms?: number
  status?: number
  error_type?: string
  message?: string
  retry_after?: string
  latency_ms?: number
  drop?: boolean
  hang?: boolean
  body?: string
  content_type?: string
}

/**
 * A scripted failure of one client session's or one scope's next Seam requests (see faultSchema).
 * Typed as the union the refinement checks, so a fault that names neither owner, or both, does
 * not compile.
 */
export type Fault = FaultFields &
  ({ user_identifier_key: string; scope?: never } | { scope: string; user_identifier_key?: never })

/** Whose faults: one client session's, or one scope's. */
export const faultOwnerSchema = z.union([
  z.strictObject({ user_identifier_key: z.string().min(1) }),
  z.strictObject({ scope: z.string().min(1) }),
])

export type FaultOwner = z.infer<typeof faultOwnerSchema>

export const requestLogQuerySchema = z.strictObject({
  user_identifier_key: z.string().min(1).optional(),
  scope: z.string().min(1).optional(),
  path: z.string().startsWith('/').optional(),
})

export type RequestLogQuery = z.infer<typeof requestLogQuerySchema>
