/**
 * Where the demo sends requests, from Vite env variables only (nothing secret: a publishable key
 * is meant for browsers, and the library refuses API keys in a browser anyway).
 *
 * - `npm start` alone: the fake Seam Connect started beside the demo.
 * - `VITE_SEAM_ENDPOINT=https://connect.getseam.com VITE_SEAM_PUBLISHABLE_KEY=seam_pk1...`: Seam.
 * - `VITE_SEAM_ENDPOINT=/api/seam` (no key): your own proxy, which authenticates the user itself.
 */
export type DemoConfig =
  | { kind: 'fake' | 'seam' | 'proxy'; endpoint: string; publishableKey?: string }
  | { kind: 'missing'; problem: string }

export function demoConfig(env: {
  VITE_SEAM_ENDPOINT?: string
  VITE_SEAM_PUBLISHABLE_KEY?: string
  VITE_SEAM_FAKE?: string
}): DemoConfig {
  const endpoint = env.VITE_SEAM_ENDPOINT
  const publishableKey = env.VITE_SEAM_PUBLISHABLE_KEY || undefined
  if (!endpoint) {
    return {
      kind: 'missing',
      problem:
        'No Seam endpoint: run `npm start` (it starts the fake), or set VITE_SEAM_ENDPOINT ' +
        '(and VITE_SEAM_PUBLISHABLE_KEY for Seam itself).',
    }
  }
  if (!publishableKey) return { kind: 'proxy', endpoint }
  const kind = env.VITE_SEAM_FAKE === 'true' ? 'fake' : 'seam'
  return { kind, endpoint, publishableKey }
}
