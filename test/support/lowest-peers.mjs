// `npm run test:lowest-peers`: runs the React suites (test/hooks, test/completion, test/frame,
// test/popup and test/redirect: their Node, jsdom and Chromium files) against the lowest versions of React, react-dom and
// @tanstack/react-query that package.json's peerDependencies accept, so the declared range is a
// tested one. It works in a throwaway copy of the repository (the files git tracks, plus new ones
// it does not ignore), leaving this checkout's node_modules alone, and ends with the line CI
// reads: `lowest peers (react X, react-dom Y, @tanstack/react-query Z): N passed, N failed`.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { findChromium } from './chromium.mjs'

const started = Date.now()
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const PEERS = ['react', 'react-dom', '@tanstack/react-query']

/** @param {string} version `X.Y.Z` @returns {number[]} */
const parts = (version) => version.split('.').map(Number)
/** @param {string} a @param {string} b */
const compare = (a, b) => {
  const [x, y] = [parts(a), parts(b)]
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return (x[i] ?? 0) - (y[i] ?? 0)
  return 0
}

/**
 * The lowest version a peer range accepts: the smallest lower bound among its `||` alternatives,
 * each written `^X.Y.Z`, `>=X.Y.Z` or `X.Y.Z` (the floor is then exactly what the range states).
 * @param {string} name @param {string} range
 */
function floorOf(name, range) {
  const bounds = range.split('||').map((alternative) => {
    const match = /^(?:\^|>=)?\s*(\d+\.\d+\.\d+)(?:\s+<\S+)?$/.exec(alternative.trim())
    if (!match?.[1]) {
      throw new Error(
        `peerDependencies["${name}"] is "${range}": write each alternative as ^X.Y.Z or >=X.Y.Z, ` +
          'so that its lowest version is stated and can be installed.',
      )
    }
    return match[1]
  })
  return bounds.sort(compare)[0]
}

/**
 * @param {string} command
 * @param {string[]} args
 * @param {import('node:child_process').SpawnSyncOptions} options
 */
function run(command, args, options = {}) {
  console.log(`$ ${[command, ...args].join(' ')}`)
  const { status } = spawnSync(command, args, { stdio: 'inherit', ...options })
  return status ?? 1
}

function finish(label, passed, failed, status) {
  const seconds = Math.round((Date.now() - started) / 1000)
  console.log(`(${seconds} s)`)
  console.log(`lowest peers (${label}): ${passed} passed, ${failed} failed`)
  process.exit(status)
}

const { peerDependencies = {} } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
const floors = Object.fromEntries(
  PEERS.map((name) => {
    if (!peerDependencies[name]) throw new Error(`package.json declares no peer "${name}"`)
    return [name, floorOf(name, peerDependencies[name])]
  }),
)
const wanted = PEERS.map((name) => `${name} ${floors[name]}`).join(', ')
console.log(`Lowest declared peers: ${wanted}`)

const chromium = await findChromium()
if (!chromium) {
  console.error(
    'No Chromium found for the browser tests: run `node test/support/chromium.mjs` to find or ' +
      'install one, or set CHROMIUM_PATH.',
  )
  finish(wanted, 0, 1, 1)
}

// The copy: what git tracks (as it is on disk, uncommitted edits included) and new files it does
// not ignore. CI runs on a clean clone, where that is exactly the commit under test.
const copy = mkdtempSync(join(tmpdir(), 'react-seam-connect-lowest-peers-'))
// Removed however the run ends: a failure, an exception, or Ctrl-C.
process.on('exit', () => rmSync(copy, { recursive: true, force: true }))
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130))
const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
  cwd: root,
  encoding: 'utf8',
})
if (listed.status !== 0) {
  console.error(`git ls-files failed in ${root}: ${listed.stderr}`)
  finish(wanted, 0, 1, 1)
}
for (const file of listed.stdout.split('\0').filter(Boolean)) {
  const from = join(root, file)
  if (!existsSync(from)) continue // deleted in the working tree
  mkdirSync(dirname(join(copy, file)), { recursive: true })
  cpSync(from, join(copy, file))
}
console.log(`Copied the repository to ${copy}`)

const env = {
  ...process.env,
  CHROMIUM_PATH: chromium?.path,
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
  STORYBOOK_DISABLE_TELEMETRY: '1',
}
/** @param {string} name */
const spec = (name) => `${name}@${floors[name]}`
const npm = (args) => run('npm', [...args, '--no-audit', '--no-fund'], { cwd: copy, env })
let status = npm(['ci'])
// Saved into the copy's package.json (never this checkout's), in two steps. `--no-save` cannot
// work: npm then holds on to the devDependencies' React 19 and refuses a React Query whose peer is
// React 18 only (5.44.0's is). React goes first because npm checks each package's peers against
// what is installed: next to react-dom 19, react 18 is a conflict.
if (status === 0) {
  status = npm(['install', '--save-dev', '--save-exact', ...['react', 'react-dom'].map(spec)])
}
if (status === 0) {
  status = npm(['install', '--save-dev', '--save-exact', spec('@tanstack/react-query')])
}
if (status !== 0) {
  console.error('Installing the lowest peers failed.')
  finish(wanted, 0, 1, status)
}

const installed = Object.fromEntries(
  [...PEERS, '@tanstack/query-core'].map((name) => [
    name,
    JSON.parse(readFileSync(join(copy, 'node_modules', name, 'package.json'), 'utf8')).version,
  ]),
)
const label = PEERS.map((name) => `${name} ${installed[name]}`).join(', ')
console.log(`Installed: ${label} (@tanstack/query-core ${installed['@tanstack/query-core']})`)
const mismatch = PEERS.filter((name) => installed[name] !== floors[name])
if (mismatch.length) {
  console.error(`Installed versions differ from the declared floors: ${mismatch.join(', ')}`)
  finish(label, 0, 1, 1)
}
console.log(`Browser tests use Chromium at ${chromium?.path} (${chromium?.source}).`)

const report = join(copy, 'test-results', 'lowest-peers.json')
status = run(
  'npx',
  [
    'vitest',
    'run',
    ...['--project', 'node', '--project', 'dom', '--project', 'browser'],
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    'test/hooks',
    'test/completion',
    'test/frame',
    'test/popup',
    'test/redirect',
  ],
  { cwd: copy, env },
)

let passed = 0
let failed = 0
if (existsSync(report)) {
  const results = JSON.parse(readFileSync(report, 'utf8'))
  passed = results.numPassedTests
  failed = results.numFailedTests
}
// A run that failed without failing a test (a type error, a crash, an error outside a test) still
// has to show up as a failure in the closing line.
if (status !== 0 && failed === 0) failed = 1
finish(label, passed, failed, status)
