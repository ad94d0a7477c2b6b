// Scripted failures for the next N Seam API requests of one client session.
import { z } from 'zod'

export const faultInputSchema = z.strictObject({
  user_identifier_key: z.string().min(1),
  /** A Seam route such as `/connect_webviews/get`; omitted = any Seam route. */
  route: z.string().startsWith('/').optional(),
  times: z.number().int().min(1).default(1),
  status: z.number().int().min(200).max(599).optional(),
  error_type: z.string().min(1).optional(),
  message: z.string().optional(),
  /** Sent as the `Retry-After` header. */
  retry_after: z.string().min(1).optional(),
  latency_ms: z.number().int().min(0).max(60_000).optional(),
  /** Destroy the socket without replying. */
  drop: z.boolean().optional(),
  /** Raw response body (e.g. invalid JSON, or a 200 with the wrong shape). */
  body: z.string().optional(),
})

export type FaultInput = z.input<typeof faultInputSchema>
export type Fault = z.output<typeof faultInputSchema>

/** A fault with nothing but latency slows the request down and then lets it through. */
export function faultReplies(fault: Fault): boolean {
  return (
    fault.drop === true ||
    fault.status !== undefined ||
    fault.body !== undefined ||
    fault.error_type !== undefined ||
    fault.message !== undefined ||
    fault.retry_after !== undefined
  )
}

/** FIFO per session: the oldest fault whose route matches fires first. */
export class FaultQueue {
  readonly #queues = new Map<string, Fault[]>()

  add(fault: Fault): void {
    const queue = this.#queues.get(fault.user_identifier_key) ?? []
    queue.push({ ...fault })
    this.#queues.set(fault.user_identifier_key, queue)
  }

  /** Takes one use of the first matching fault, if any. */
  take(userIdentifierKey: string | null, path: string): Fault | undefined {
    if (userIdentifierKey === null) return undefined
    const queue = this.#queues.get(userIdentifierKey)
    if (!queue) return undefined
    const index = queue.findIndex((fault) => fault.route === undefined || fault.route === path)
    const fault = queue[index]
    if (!fault) return undefined
    fault.times -= 1
    if (fault.times <= 0) queue.splice(index, 1)
    if (queue.length === 0) this.#queues.delete(userIdentifierKey)
    return fault
  }

  pending(userIdentifierKey: string): Fault[] {
    return (this.#queues.get(userIdentifierKey) ?? []).map((fault) => ({
      ...fault,
    }))
  }
}
