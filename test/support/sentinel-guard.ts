// Looks for the sentinel credentials (sentinels.ts) in what a test let out: console output,
// errors, React Query keys and DOM attributes. Environment-agnostic (jsdom and Chromium); the
// setup file (sentinel-setup.ts) feeds it after each test, and the self-check tests in
// test/sentinels/ feed it planted values to show that each channel can fail.
import { SENTINELS } from './sentinels'

export type SentinelChannel = 'console' | 'error' | 'query key' | 'attribute'

/** One sentinel found: where, never the text around it (that would print the credential). */
export interface SentinelLeak {
  channel: SentinelChannel
  sentinel: string
  where: string
}

/** How much one test's guard looked at. */
export interface SentinelScanCounts {
  consoleCalls: number
  errors: number
  queryKeys: number
  attributeValues: number
}

/** Enough for any error chain or console argument a test makes; stops cycles and deep graphs. */
const MAX_DEPTH = 6

/**
 * Every string reachable in `value`: an error's name, message, stack, cause and own fields
 * (zod's issues, our `issues`), an object's JSON and its own properties, recursively.
 */
export function textOf(value: unknown, seen = new Set<unknown>(), depth = 0): string {
  if (typeof value === 'string') return value
  if (typeof value !== 'object' && typeof value !== 'function') return String(value)
  if (value === null || seen.has(value) || depth > MAX_DEPTH) return ''
  seen.add(value)
  const parts: string[] = []
  if (value instanceof Error) parts.push(value.name, value.message, value.stack ?? '')
  try {
    parts.push(JSON.stringify(value) ?? '')
  } catch {
    // Cyclic or a BigInt: its properties below still count.
  }
  // Own names, enumerable or not (an error's message and cause are not enumerable).
  const keys = value instanceof Error ? ['cause', ...Object.getOwnPropertyNames(value)] : []
  if (!(value instanceof Error)) {
    try {
      keys.push(...Object.getOwnPropertyNames(value))
    } catch {
      // A revoked proxy or a cross-origin window: nothing readable.
    }
  }
  for (const key of new Set(keys)) {
    parts.push(key)
    try {
      parts.push(textOf(Reflect.get(value, key), seen, depth + 1))
    } catch {
      // A getter that throws (a cross-origin frame's properties): skip it.
    }
  }
  return parts.join('\n')
}

/** Collects what a test let out and finds the sentinels in it. */
export class SentinelGuard {
  readonly counts: SentinelScanCounts = {
    consoleCalls: 0,
    errors: 0,
    queryKeys: 0,
    attributeValues: 0,
  }
  readonly leaks: SentinelLeak[] = []
  readonly #sentinels: Readonly<Record<string, string>>

  constructor(sentinels: Readonly<Record<string, string>> = SENTINELS) {
    this.#sentinels = sentinels
  }

  #check(channel: SentinelChannel, where: string, text: string): void {
    for (const [name, needle] of Object.entries(this.#sentinels)) {
      if (text.includes(needle)) this.leaks.push({ channel, sentinel: name, where })
    }
  }

  /** One console call (`method` is `log`, `error`…) with its arguments. */
  console(method: string, args: readonly unknown[]): void {
    this.counts.consoleCalls++
    this.#check('console', `console.${method}`, args.map((arg) => textOf(arg)).join(' '))
  }

  /** An error a hook surfaced or the page reported. */
  error(error: unknown, where = 'an error'): void {
    this.counts.errors++
    this.#check('error', where, textOf(error))
  }

  /** A React Query (or mutation) key, hashed as React Query hashes it or as JSON. */
  queryKey(key: unknown): void {
    this.counts.queryKeys++
    this.#check('query key', 'a query key', typeof key === 'string' ? key : textOf(key))
  }

  /** One attribute's current value; an iframe's `src` is the one place a webview url belongs. */
  attribute(element: Element, name: string): void {
    if (element.localName === 'iframe' && name === 'src') return
    const value = element.getAttribute(name)
    if (value === null) return
    this.counts.attributeValues++
    this.#check('attribute', `<${element.localName} ${name}>`, value)
  }

  /** Every attribute of `root` (when it is an element) and of every element under it. */
  dom(root: ParentNode): void {
    const elements = [...(root instanceof Element ? [root] : []), ...root.querySelectorAll('*')]
    for (const element of elements) {
      for (const { name } of element.attributes) this.attribute(element, name)
    }
  }

  /** A description of the leaks for a failure message; empty when there are none. */
  report(): string {
    return this.leaks
      .map((leak) => `the ${leak.sentinel} sentinel in ${leak.channel} (${leak.where})`)
      .join('; ')
  }
}

const ACTIVE = Symbol.for('react-seam-connect/test/sentinel-guard')

/** The guard of the running test (set by sentinel-setup.ts), for the self-check tests. */
export const activeGuard = (): SentinelGuard | undefined =>
  (globalThis as Record<symbol, SentinelGuard | undefined>)[ACTIVE]

export function setActiveGuard(guard: SentinelGuard): void {
  ;(globalThis as Record<symbol, SentinelGuard | undefined>)[ACTIVE] = guard
}
