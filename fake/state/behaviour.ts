// How the fake behaves for one client session or one webview. Set per session or per webview,
// never globally, so parallel tests do not disturb each other.
import { z } from 'zod'

/** `*` or an exact origin (what postMessage accepts as targetOrigin, minus `/`). */
export const originSchema = z
  .string()
  .refine((value) => value === '*' || (URL.canParse(value) && new URL(value).origin === value), {
    message: 'Expected "*" or an origin such as "http://127.0.0.1:5173"',
  })

const delayMs = z.number().int().min(0).max(60_000)

export const fakeBehaviourSchema = z.strictObject({
  /** Which generation of event names the hosted page posts (docs/seam-api.md §5). */
  event_naming: z.enum(['current', 'legacy']),
  /** Whether the hosted page posts a message to its parent at all. */
  post_message: z.boolean(),
  /** The targetOrigin the hosted page uses for postMessage. */
  target_origin: originSchema,
  /** Whether the success message names the connected account. */
  include_connected_account_id: z.boolean(),
  /** Delay before every Seam API reply of the session (or for this webview's reads). */
  latency_ms: delayMs,
  /**
   * How long the hosted page waits after a login before it posts its message, so tests can let
   * polling or the redirect win the race.
   */
  message_delay_ms: delayMs,
  /** How long the hosted page waits after a login before it follows a custom redirect URL. */
  redirect_delay_ms: delayMs,
  /**
   * How often the hosted page asks whether its webview finished elsewhere (a control route, as a
   * provider's popup login would on Seam), so stories can finish a webview from outside; 0: never.
   */
  page_poll_ms: delayMs,
  /** How long the hosted page's response is held back, so a story can show a loading frame. */
  view_delay_ms: delayMs,
  /**
   * The Cross-Origin-Opener-Policy the hosted page is sent with. `same-origin` makes the browser
   * cut a popup's handle to it as it loads (the opener then reads the window as closed), as a
   * provider's login page may.
   */
  opener_policy: z.enum(['unsafe-none', 'same-origin']),
})

/** How the fake behaves for a session or a webview: every field set (see DEFAULT_BEHAVIOUR). */
export type FakeBehaviour = z.infer<typeof fakeBehaviourSchema>

/** A patch: a field set to `null` drops the override, so the inherited value applies again. */
export const fakeBehaviourPatchSchema = z.strictObject(
  Object.fromEntries(
    Object.entries(fakeBehaviourSchema.shape).map(([key, schema]) => [
      key,
      schema.nullable().optional(),
    ]),
  ) as {
    [K in keyof FakeBehaviour]: z.ZodOptional<z.ZodNullable<(typeof fakeBehaviourSchema.shape)[K]>>
  },
)

export type FakeBehaviourPatch = z.infer<typeof fakeBehaviourPatchSchema>

export const DEFAULT_BEHAVIOUR: FakeBehaviour = {
  event_naming: 'current',
  post_message: true,
  target_origin: '*',
  include_connected_account_id: true,
  latency_ms: 0,
  message_delay_ms: 0,
  redirect_delay_ms: 0,
  page_poll_ms: 500,
  view_delay_ms: 0,
  opener_policy: 'unsafe-none',
}

/** Applies a patch to stored overrides: values replace, `null` removes. */
export function applyBehaviourPatch(
  overrides: Partial<FakeBehaviour>,
  patch: FakeBehaviourPatch,
): Partial<FakeBehaviour> {
  const kept = Object.entries(overrides).filter(
    ([key]) => patch[key as keyof FakeBehaviour] !== null,
  )
  const set = Object.entries(patch).filter(([, value]) => value !== null && value !== undefined)
  return Object.fromEntries([...kept, ...set]) as Partial<FakeBehaviour>
}
