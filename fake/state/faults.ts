// The scripted faults of every client session, waiting for the Seam API requests they apply to.
import type { Fault } from '../control/schemas.js'

interface QueuedFault {
  fault: Fault
  /** Requests it still applies to (a `for_ms` fault counts time instead). */
  times: number
  /** For a `for_ms` fault: when its window closes (set by the first request it hits). */
  until?: number
}

/** FIFO per session: the oldest fault whose route matches fires first. */
export class FaultQueue {
  readonly #queues = new Map<string, QueuedFault[]>()

  add(fault: Fault): void {
    const queue = this.#queues.get(fault.user_identifier_key) ?? []
    queue.push({ fault: { ...fault }, times: fault.times ?? 1 })
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
      else if (--queued.times <= 0) queue.splice(index, 1)
    }
    if (queue.length === 0) this.#queues.delete(userIdentifierKey)
    return queued?.fault
  }

  /** The session's faults still to fire, oldest first, each with the uses it has left. */
  pending(userIdentifierKey: string, now = Date.now()): Fault[] {
    return (this.#queues.get(userIdentifierKey) ?? [])
      .filter(({ until }) => until === undefined || until > now)
      .map(({ fault, times }) => ({ ...fault, times }))
  }
}
