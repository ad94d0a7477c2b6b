// Finds a Chromium for the browser tests without downloading anything (this machine's network
// reaches only the npm registry and Debian's mirrors, so Playwright's own download fails here).
import { existsSync } from 'node:fs'

/** Flags that keep headless Chromium quiet on a closed network (Chromium on a closed network: without the background-networking flags it retries Google hosts at every start). */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

/**
 * @returns {Promise<{ path: string, source: string } | undefined>} the first Chromium found:
 *   `$CHROMIUM_PATH`, Debian's `/usr/bin/chromium`, then a browser already in Playwright's cache.
 */
export async function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH
  if (fromEnv && existsSync(fromEnv)) return { path: fromEnv, source: '$CHROMIUM_PATH' }
  for (const path of ['/usr/bin/chromium', '/usr/lib/chromium/chromium']) {
    if (existsSync(path)) return { path, source: "Debian's chromium package" }
  }
  try {
    const { chromium } = await import('playwright')
    const path = chromium.executablePath()
    if (path && existsSync(path)) return { path, source: "Playwright's cached browser" }
  } catch {
    // playwright not installed or no cached browser: fall through
  }
  return undefined
}
