// `npm test`: makes sure a Chromium exists for the browser tests (finding or installing one with
// test/support/chromium.mjs), runs every Vitest project with coverage, and ends with the line CI
// reads: `N passed, N failed`.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { ensureChromium } from './chromium.mjs'

const chromium = await ensureChromium()
if (!chromium) {
  console.error(
    'No Chromium could be found or installed. Set CHROMIUM_PATH to a Chromium or Chrome binary, ' +
      "or install Debian's chromium package (apt-get install chromium).",
  )
  console.log('0 passed, 1 failed')
  process.exit(1)
}
console.log(`Browser tests use Chromium at ${chromium.path} (${chromium.source}).`)

const report = 'test-results/vitest.json'
mkdirSync('test-results', { recursive: true })
rmSync(report, { force: true })
const args = [
  'vitest',
  'run',
  '--coverage',
  '--reporter=default',
  '--reporter=json',
  '--reporter=./test/support/sentinel-reporter.ts',
  `--outputFile.json=${report}`,
  ...process.argv.slice(2),
]
console.log(`$ npx ${args.join(' ')}`)
const status =
  spawnSync('npx', args, {
    stdio: 'inherit',
    env: {
      ...process.env,
      CHROMIUM_PATH: chromium.path,
      PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
      STORYBOOK_DISABLE_TELEMETRY: '1',
    },
  }).status ?? 1

let passed = 0
let failed = 0
if (existsSync(report)) {
  const results = JSON.parse(readFileSync(report, 'utf8'))
  passed = results.numPassedTests
  failed = results.numFailedTests
}
// A run that failed without failing a test (coverage under 90%, a crash, an error outside a
// test) still has to show up as a failure in the closing line.
if (status !== 0 && failed === 0) failed = 1
console.log(`${passed} passed, ${failed} failed`)
process.exit(status)
