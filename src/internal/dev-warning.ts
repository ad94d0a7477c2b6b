// Bundlers replace `process.env.NODE_ENV` in apps' builds, which removes these warnings from
// production bundles (the same convention React and TanStack Query follow).
declare const process: { env: { NODE_ENV?: string } }

const warned = new Set<string>()

/** Warns once per page and message, in development builds only. Never pass URLs or tokens. */
export function devWarnOnce(message: string): void {
  if (process.env.NODE_ENV === 'production' || warned.has(message)) return
  warned.add(message)
  // eslint-disable-next-line no-console -- a development-only explanation, never data
  console.warn(`[react-seam-connect] ${message}`)
}
