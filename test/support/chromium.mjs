// Finds a Chromium for the browser tests, or installs one: the one place that knows how, used by
// `npm test` (test/support/run-tests.mjs), `.ci/run` and vitest.config.ts. Run it directly
// (`node test/support/chromium.mjs`) to find or install one and print which.
//
// Nothing is downloaded from outside the npm registry and Debian's mirrors where apt-get exists:
// Playwright's own browser download is only the fallback on machines without apt-get.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { pathToFileURL } from 'node:url'

/** Flags that keep headless Chromium quiet on a closed network (without the background-networking flags it retries Google hosts at every start). */
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
    // playwright not installed (before `npm ci`) or no cached browser: fall through
  }
  return undefined
}

const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0

function run(command, args, env = process.env) {
  console.log(`$ ${[command, ...args].join(' ')}`)
  return spawnSync(command, args, { stdio: 'inherit', env }).status ?? 1
}

/**
 * Finds a Chromium, else installs Debian's `chromium` where apt-get exists, else Playwright's own
 * Chromium, and says which it did.
 * @returns {Promise<{ path: string, source: string } | undefined>}
 */
export async function ensureChromium() {
  const found = await findChromium()
  if (found) return found
  if (has('apt-get')) {
    console.log("No Chromium found: installing Debian's chromium package.")
    // `sudo -n` fails at once instead of waiting for a password nobody will type.
    const sudo = process.getuid?.() === 0 || !has('sudo') ? [] : ['sudo', '-n']
    const [cmd, ...pre] = [...sudo, 'apt-get']
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
    const installed =
      run(cmd, [...pre, 'update', '-qq'], env) === 0 &&
      run(cmd, [...pre, 'install', '-y', '-qq', 'chromium'], env) === 0
    const found = installed && (await findChromium())
    if (found) return found
    console.log("Installing Debian's chromium failed: trying Playwright's own Chromium instead.")
  } else {
    console.log("No Chromium found and no apt-get: installing Playwright's own Chromium.")
  }
  run('npx', ['playwright', 'install', 'chromium'], {
    ...process.env,
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '',
  })
  return findChromium()
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const chromium = await ensureChromium()
  if (!chromium) {
    console.error(
      'No Chromium could be found or installed. Set CHROMIUM_PATH to a Chromium or Chrome ' +
        "binary, or install Debian's chromium package (apt-get install chromium).",
    )
    process.exit(1)
  }
  console.log(`Browser tests use Chromium at ${chromium.path} (${chromium.source}).`)
}
