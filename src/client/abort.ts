/** Waits `ms`, or rejects with `signal.reason` as soon as the signal aborts. */
export const abortableDelay = (ms: number, signal?: AbortSignal) =>
  raceAbort(new Promise<void>((resolve) => setTimeout(resolve, ms)), signal)

/**
 * Settles like `promise`, but rejects with `signal.reason` (the caller's own AbortError, as
 * `fetch` does) if the signal aborts first.
 */
export function raceAbort<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason)
    if (signal.aborted) onAbort()
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
  })
}
