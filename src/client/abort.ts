/** Waits `ms`, or rejects with `signal.reason` as soon as the signal aborts (clearing its timer). */
export function abortableDelay(ms: number, signal?: AbortSignal): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined
  return raceAbort(
    new Promise<void>((resolve) => (timer = setTimeout(resolve, ms))),
    signal,
  ).finally(() => clearTimeout(timer))
}

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
