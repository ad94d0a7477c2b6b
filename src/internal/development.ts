// The one place that reads `process.env.NODE_ENV`. Apps' bundlers replace it with a constant,
// which removes development-only text and warnings from production bundles (the convention React
// and TanStack Query follow). Declared here, not through @types/node: the library's own code runs
// in browsers too.
declare const process: { env: { NODE_ENV?: string } }

/**
 * False in an app's production build. A constant, not a function, so that minifiers fold
 * `DEV ? text : ''` and drop the text: longer explanations in errors cost production bundles
 * nothing.
 */
export const DEV = process.env.NODE_ENV !== 'production'

const warned = new Set<string>()

/** Warns once per page and message, in development builds only. Never pass URLs or tokens. */
export function devWarnOnce(message: string): void {
  if (!DEV || warned.has(message)) return
  warned.add(message)
  // eslint-disable-next-line no-console -- a development-only explanation, never data
  console.warn(`[react-seam-connect] ${message}`)
}
