// Bundlers replace `process.env.NODE_ENV` in apps' builds, which removes these warnings from
// production bundles (the same convention React and TanStack Query follow).
declare const process: { env: { NODE_ENV?: string } }

/** Warns once per `seen` set and reason, in development builds only. Never pass URLs or tokens. */
export function devWarnOnce(seen: Set<string>, reason: string, message: string): void {
  if (process.env.NODE_ENV === 'production' || seen.has(reason)) return
  seen.add(reason)
  // eslint-disable-next-line no-console -- a development-only explanation, never data
  console.warn(`[react-seam-connect] ${message}`)
}
