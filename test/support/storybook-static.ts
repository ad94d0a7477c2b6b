// storybook-static/, built by `npm run build-storybook` when it is missing or older than anything
// it is built from (so `npm test` works on a fresh clone, and after `.ci/run`'s own build it costs
// nothing).
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

export const STORYBOOK_STATIC = 'storybook-static'

/** What the static Storybook is built from. */
const INPUTS = ['.storybook', 'stories', 'src', 'demo', 'fake', 'package.json', 'package-lock.json']

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newestMtime(join(path, entry))))
}

/** Why it must be built, or null when it is up to date. */
export function staleReason(): string | null {
  const built = join(STORYBOOK_STATIC, 'iframe.html')
  if (!existsSync(built)) return `${built} is missing`
  const builtAt = statSync(built).mtimeMs
  const changed = INPUTS.find((input) => newestMtime(input) > builtAt)
  return changed ? `${changed} changed after the last build` : null
}

export function ensureStaticStorybook(): void {
  const reason = staleReason()
  if (!reason) return
  console.log(`Building the static Storybook (${reason}): npm run build-storybook`)
  // Without VITE_SEAM_ENDPOINT, the build carries the fake and its service worker (the point).
  const { VITE_SEAM_ENDPOINT: _endpoint, VITE_SEAM_PUBLISHABLE_KEY: _key, ...env } = process.env
  const run = spawnSync('npm', ['run', 'build-storybook'], {
    encoding: 'utf8',
    env: { ...env, STORYBOOK_DISABLE_TELEMETRY: '1' },
  })
  if (run.status !== 0) {
    throw new Error(`npm run build-storybook failed:\n${run.stdout}\n${run.stderr}`)
  }
}
