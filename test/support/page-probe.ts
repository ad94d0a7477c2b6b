// Counts what a page holds on to, from the page's own side: window event listeners, timers,
// fetches in flight and windows opened. Installed before the subject mounts, it wraps the
// window's functions, so the counts come from what was actually called, never from the subject's
// cleanup code. Every wrapper calls the real function with the same arguments: fetch still goes
// out over the network, a timer still fires, a listener still hears its events.
//
// Only what is registered after install is counted (compare with a baseline taken after
// install). Uncaught errors and unhandled rejections are recorded too: while the probe is
// installed it listens for them, which makes Vitest's browser runner log them instead of failing
// the run, so a test using the probe must assert that `uncaught` stayed empty.

type Listener = EventListenerOrEventListenerObject
type Wrapper = (this: unknown, event: Event) => unknown

/** What the page holds now, beyond what it held when the probe was installed. */
export interface ProbeCounts {
  /** Live listeners on `window`, by event type (types with none are left out). */
  listeners: Record<string, number>
  /** setTimeout timers neither fired nor cleared. */
  timeouts: number
  /** setInterval timers not cleared. */
  intervals: number
  /** fetch calls whose promise has not settled yet. */
  inFlight: number
  /** The paths of those requests (no query, no origin): for failure messages. */
  inFlightPaths: string[]
  /** Windows from `window.open` whose handle does not read as closed. */
  windows: number
  /** Every fetch call so far. */
  fetches: number
  /** Every window.open call so far, blocked ones included. */
  opens: number
}

export interface PageProbe {
  /** A snapshot of the counts. */
  counts(): ProbeCounts
  /** Live `window` listeners of one type. */
  listeners(type: string): number
  /**
   * Resolves with the counts once `predicate` holds: checked now and on every change the probe
   * sees (a listener added or removed, a timer set, fired or cleared, a fetch sent or settled).
   * Windows closing fire nothing: poll for them. Rejects after `timeoutMs` (a guard, not a
   * measure), naming `what` and the counts.
   */
  until(
    predicate: (counts: ProbeCounts) => boolean,
    what: string,
    timeoutMs?: number,
  ): Promise<ProbeCounts>
  /** Uncaught errors and unhandled rejections seen since install. */
  readonly uncaught: unknown[]
  /** Puts the window's own functions back. */
  uninstall(): void
}

const INSTALLED = Symbol.for('react-seam-connect/test/page-probe')
type Probed = Window & { [INSTALLED]?: boolean }

export function installPageProbe(win: Window = window): PageProbe {
  const probed = win as Probed
  if (probed[INSTALLED]) throw new Error('A page probe is already installed on this window')
  probed[INSTALLED] = true

  // The functions as they were (Vitest's own error-catching wrappers of addEventListener
  // included), called with the window as `this`.
  const real = {
    addEventListener: win.addEventListener,
    removeEventListener: win.removeEventListener,
    setTimeout: win.setTimeout,
    clearTimeout: win.clearTimeout,
    setInterval: win.setInterval,
    clearInterval: win.clearInterval,
    fetch: win.fetch,
    open: win.open,
  }

  const changed = new Set<() => void>()
  const notify = () => {
    for (const check of [...changed]) check()
  }

  // --- listeners: each one registered through a wrapper, so that `once` and `signal` are seen ---
  /** type → capture → the listener given → the wrapper registered in its place. */
  const registered = new Map<string, Map<boolean, Map<Listener, Wrapper>>>()
  const slot = (type: string, capture: boolean) => {
    let byCapture = registered.get(type)
    if (!byCapture) registered.set(type, (byCapture = new Map()))
    let byListener = byCapture.get(capture)
    if (!byListener) byCapture.set(capture, (byListener = new Map()))
    return byListener
  }
  const captureOf = (options?: boolean | EventListenerOptions) =>
    typeof options === 'boolean' ? options : options?.capture === true

  win.addEventListener = function (
    type: string,
    listener: Listener | null,
    options?: boolean | AddEventListenerOptions,
  ) {
    const signal = typeof options === 'object' ? options.signal : undefined
    if (!listener || signal?.aborted) {
      return real.addEventListener.call(win, type, listener as Listener, options)
    }
    const listeners = slot(type, captureOf(options))
    // The same listener, type and capture twice is one registration (DOM's rule).
    if (listeners.has(listener)) return
    const once = typeof options === 'object' && options.once === true
    const forget = () => {
      if (listeners.get(listener) !== wrapper) return
      listeners.delete(listener)
      notify()
    }
    const wrapper: Wrapper = function (this: unknown, event: Event) {
      if (once) forget()
      return typeof listener === 'function'
        ? listener.call(this, event)
        : listener.handleEvent(event)
    }
    listeners.set(listener, wrapper)
    signal?.addEventListener('abort', forget, { once: true })
    real.addEventListener.call(win, type, wrapper, options)
    notify()
  } as Window['addEventListener']

  win.removeEventListener = function (
    type: string,
    listener: Listener | null,
    options?: boolean | EventListenerOptions,
  ) {
    const listeners = registered.get(type)?.get(captureOf(options))
    const wrapper = listener ? listeners?.get(listener) : undefined
    if (!listener || !listeners || !wrapper) {
      // Registered before install (or never): not counted, removed as given.
      return real.removeEventListener.call(win, type, listener as Listener, options)
    }
    listeners.delete(listener)
    real.removeEventListener.call(win, type, wrapper, options)
    notify()
  } as Window['removeEventListener']

  // --- timers: a timeout is live until it fires or is cleared; an interval until cleared ---
  const timeouts = new Set<number>()
  const intervals = new Set<number>()
  win.setTimeout = function (handler: TimerHandler, delay?: number, ...args: unknown[]) {
    // A string handler (eval) cannot be wrapped to see it fire; nothing here uses one.
    if (typeof handler !== 'function') return real.setTimeout.call(win, handler, delay, ...args)
    const id = real.setTimeout.call(
      win,
      function (this: unknown) {
        timeouts.delete(id)
        notify()
        // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
        return (handler as Function).apply(this, args)
      },
      delay,
    )
    timeouts.add(id)
    notify()
    return id
  } as Window['setTimeout']
  win.setInterval = function (handler: TimerHandler, delay?: number, ...args: unknown[]) {
    const id = real.setInterval.call(win, handler, delay, ...args)
    if (typeof handler === 'function') intervals.add(id)
    notify()
    return id
  } as Window['setInterval']
  // Timeouts and intervals share one list of ids (HTML's timer initialization steps): either
  // clear function clears either kind.
  const clear = (clearReal: (id?: number) => void) =>
    function (id?: number) {
      clearReal.call(win, id)
      if (id !== undefined && (timeouts.delete(id) || intervals.delete(id))) notify()
    }
  win.clearTimeout = clear(real.clearTimeout)
  win.clearInterval = clear(real.clearInterval)

  // --- fetch: counted from the call until its promise settles (the real fetch answers) ---
  const inFlight = new Map<number, string>()
  let fetches = 0
  win.fetch = function (input: RequestInfo | URL, init?: RequestInit) {
    const n = ++fetches
    inFlight.set(n, pathOf(input))
    const settle = () => {
      inFlight.delete(n)
      notify()
    }
    let reply: Promise<Response>
    try {
      reply = real.fetch.call(win, input, init)
    } catch (error) {
      settle()
      throw error
    }
    notify()
    // A branch of its own, handled: the caller still gets the real promise, and its rejection.
    reply.then(settle, settle)
    return reply
  }

  // --- windows: every handle window.open returned, live while it does not read as closed ---
  const windows = new Set<Window>()
  let opens = 0
  win.open = function (...args: Parameters<Window['open']>) {
    opens++
    const handle = real.open.apply(win, args)
    if (handle) windows.add(handle)
    notify()
    return handle
  }

  // --- uncaught errors: listened to through the saved function, so never counted above ---
  const uncaught: unknown[] = []
  const onError = (event: Event) => {
    const { error, message } = event as ErrorEvent
    uncaught.push(error ?? message)
  }
  const onRejection = (event: Event) => uncaught.push((event as PromiseRejectionEvent).reason)
  real.addEventListener.call(win, 'error', onError)
  real.addEventListener.call(win, 'unhandledrejection', onRejection)

  function counts(): ProbeCounts {
    const listeners: Record<string, number> = {}
    for (const [type, byCapture] of registered) {
      let n = 0
      for (const byListener of byCapture.values()) n += byListener.size
      if (n) listeners[type] = n
    }
    for (const handle of windows) if (isClosed(handle)) windows.delete(handle)
    return {
      listeners,
      timeouts: timeouts.size,
      intervals: intervals.size,
      inFlight: inFlight.size,
      inFlightPaths: [...inFlight.values()],
      windows: windows.size,
      fetches,
      opens,
    }
  }

  return {
    counts,
    listeners: (type) => counts().listeners[type] ?? 0,
    uncaught,
    until(predicate, what, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const now = counts()
          if (!predicate(now)) return
          stop()
          resolve(now)
        }
        // The guard's timer is the real one: the probe never counts itself.
        const guard = real.setTimeout.call(
          win,
          () => {
            stop()
            reject(
              new Error(
                `Page probe: no ${what} after ${timeoutMs} ms: ${describeCounts(counts())}`,
              ),
            )
          },
          timeoutMs,
        )
        const stop = () => {
          changed.delete(check)
          real.clearTimeout.call(win, guard)
        }
        changed.add(check)
        check()
      })
    },
    uninstall() {
      Object.assign(win, real)
      real.removeEventListener.call(win, 'error', onError)
      real.removeEventListener.call(win, 'unhandledrejection', onRejection)
      changed.clear()
      probed[INSTALLED] = false
    },
  }
}

/** The counts on one line, for failure messages. */
export function describeCounts({ listeners, inFlightPaths, ...rest }: ProbeCounts): string {
  return JSON.stringify({ ...rest, listeners, inFlightPaths })
}

function pathOf(input: RequestInfo | URL): string {
  try {
    return new URL(input instanceof Request ? input.url : String(input), window.location.href)
      .pathname
  } catch {
    return '?'
  }
}

function isClosed(handle: Window): boolean {
  try {
    return handle.closed
  } catch {
    return true
  }
}
