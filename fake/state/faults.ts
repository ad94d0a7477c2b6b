// Scripted failures for the next N Seam API requests of one client session, or for every one of
// its requests during a time window.
import { z } from 'zod'

export const faultInputSchema = z.strictObject({
  user_identifier_key: z.string().min(1),
  /** A Seam route such as `/connect_webviews/get`; omitted = any Seam route. */
  route: z.string().startsWith('/').optional(),
  times: z.number().int().min(1).default(1),
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

export type FaultInput = z.input<typeof faultInputSchema>
export type Fault = z.output<typeof faultInputSchema>

/** A fault with nothing but latency slows the request down and then lets it through. */
export function faultReplies(fault: Fault): boolean {
  return (
    fault.drop === true ||
    fault.hang === true ||
    fault.status !== undefined ||
    fault.body !== undefined ||
    fault.error_type !== undefined ||
    fault.message !== undefined ||
    fault.retry_after !== undefined
  )
}

interface QueuedFault {
  fault: Fault
  /** For a `for_ms` fault: when its window closes (set by the first request it hits). */
  until?: number
}

/** FIFO per session: the oldest fault whose route matches fires first. */
export class FaultQueue {
  readonly #queues = new Map<string, QueuedFault[]>()

  add(fault: Fault): void {
    const queue = this.#queues.get(fault.user_identifier_key) ?? []
    queue.push({ fault: { ...fault } })
    this.#queues.set(fault.user_identifier_key, queue)
  }

  /** Takes one use of the first matching fault, if any. */
  take(userIdentifierKey: string | null, path: string, now = Date.now()): Fault | undefined {
    if (userIdentifierKey === null) return undefined
    const queue = this.#queues.get(userIdentifierKey)
    if (!queue) return undefined
    // A window that has closed is over, whether or not a request saw it close.
    for (let i = queue.length - 1; i >= 0; i--) {
      const until = queue[i]?.until
      if (until !== undefined && until <= now) queue.splice(i, 1)
    }
    const index = queue.findIndex(({ fault }) => fault.route === undefined || fault.route === path)
    const queued = queue[index]
    if (queued) {
      const { fault } = queued
      if (fault.for_ms !== undefined) queued.until ??= now + fault.for_ms
      else if (--fault.times <= 0) queue.splice(index, 1)
    }
    if (queue.length === 0) this.#queues.delete(userIdentifierKey)
    return queued?.fault
  }

  pending(userIdentifierKey: string, now = Date.now()): Fault[] {
    return (this.#queues.get(userIdentifierKey) ?? [])
      .filter(({ until }) => until === undefined || until > now)
      .map(({ fault }) => ({ ...fault }))
  }
}
