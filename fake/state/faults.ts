// The scripted faults of every client session and scope, waiting for the Seam API requests they
// apply to.
import type { Fault } from '../control/schemas.js'

/** Who sent a request: its client session (if any) and its `x-fake-scope` header (if any). */
export interface RequestOwner {
  userIdentifierKey: string | null
  scope: string | null
}

/** A fault's owner: exactly one of the two (faultSchema and faultOwnerSchema check it). */
type Owner = { user_identifier_key?: string | undefined; scope?: string | undefined }

// One queue per owner; the prefixes keep a scope from ever meeting a session of the same name.
const queueKey = (owner: Owner): string =>
  owner.scope !== undefined ? `scope:${owner.scope}` : `session:${owner.user_identifier_key ?? ''}`

interface QueuedFault {
  fault: Fault
  /** Requests it still applies to (a `for_ms` fault counts time instead). */
  times: number
  /** For a `for_ms` fault: when its window closes (set by the first request it hits). */
  until?: number
}

/**
 * FIFO per session or scope: the oldest fault whose route matches fires first. A request with a
 * scope meets its scope's faults first, then its session's.
 */
export class FaultQueue {
  readonly #queues = new Map<string, QueuedFault[]>()

  add(fault: Fault): void {
    const key = queueKey(fault)
    const queue = this.#queues.get(key) ?? []
    queue.push({ fault: { ...fault }, times: fault.times ?? 1 })
    this.#queues.set(key, queue)
  }

  /** Takes one use of the first matching fault of the request's scope or session, if any. */
  take(owner: RequestOwner, path: string, now = Date.now()): Fault | undefined {
    const keys = [
      owner.scope === null ? null : queueKey({ scope: owner.scope }),
      owner.userIdentifierKey === null
        ? null
        : queueKey({ user_identifier_key: owner.userIdentifierKey }),
    ]
    for (const key of keys) {
      const fault = key === null ? undefined : this.#takeFrom(key, path, now)
      if (fault) return fault
    }
    return undefined
  }

  #takeFrom(key: string, path: string, now: number): Fault | undefined {
    const queue = this.#queues.get(key)
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
    if (queue.length === 0) this.#queues.delete(key)
    return queued?.fault
  }

  /** The session's or scope's faults still to fire, oldest first, each with the uses it has left. */
  pending(owner: Owner, now = Date.now()): Fault[] {
    return (this.#queues.get(queueKey(owner)) ?? [])
      .filter(({ until }) => until === undefined || until > now)
      .map(({ fault, times }) => ({ ...fault, times }))
  }
}
