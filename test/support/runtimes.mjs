// `npm run test:runtimes` (after `npm run build`): the built `react-seam-connect/server` entry
// (dist/server/index.js) served by Cloudflare's workerd, Deno and Bun, each in front of the fake
// Seam Connect running here in Node. Each runtime serves createSeamConnectHandler on 127.0.0.1;
// this script plays the browser and sends one create with forged metadata through it, which must
// come back carrying the runtime's trusted user_id. One line per runtime; any failure fails the run.
//
// The runtimes are npm packages of prebuilt binaries, installed (pinned) into a temporary
// directory that is removed however the run ends. workerd runs without `nodejs_compat`, so the
// entry must not touch `process` (src/internal/development.ts reads it; the server graph must not
// import it): its bundle is built with esbuild, zod included, and checked for `process` too.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const entry = join(root, 'dist/server/index.js')

const RUNTIMES = {
  workerd: { pkg: '@cloudflare/workerd-linux-64', version: '1.20261117.1', bin: 'bin/workerd' },
  deno: { pkg: '@deno/linux-x64-glibc', version: '2.9.6', bin: 'deno' },
  bun: { pkg: '@oven/bun-linux-x64', version: '1.4.5', bin: 'bin/bun' },
}

/** How long one runtime may take to start and answer. */
const TIMEOUT_MS = 60_000

const temp = mkdtempSync(join(tmpdir(), 'seam-runtimes-'))
const children = new Set()
let fake

/** Removes everything this run made, whatever ended it; safe to call more than once. */
async function cleanUp() {
  for (const child of children) child.kill('SIGKILL')
  children.clear()
  await fake?.stop().catch(() => undefined)
  fake = undefined
  rmSync(temp, { recursive: true, force: true })
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, () => void cleanUp().finally(() => process.exit(130)))
}

/** A free TCP port on 127.0.0.1 (workerd takes its listening address from its config). */
function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolvePort(port))
    })
  })
}

/**
 * Starts `command` and resolves with the URL it serves once it prints `listening <url>` (or, for
 * workerd, once `url` answers). Its output is kept for the error message if it fails.
 */
function start(name, command, args, options = {}) {
  const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], ...options })
  children.add(child)
  let output = ''
  return new Promise((resolveUrl, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${name} did not start within ${TIMEOUT_MS} ms:\n${output}`)),
      TIMEOUT_MS,
    )
    const onData = (chunk) => {
      output += chunk
      const match = /listening (http:\/\/127\.0\.0\.1:\d+)/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolveUrl({ url: match[1], child })
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`${name} exited (${code}) before serving:\n${output}`))
    })
  })
}

/** Polls `url` until something answers (workerd prints nothing when it is ready). */
async function waitForAnswer(url, child, name) {
  const until = Date.now() + TIMEOUT_MS
  let exited = false
  child.once('exit', () => (exited = true))
  while (Date.now() < until && !exited) {
    try {
      await fetch(url, { method: 'OPTIONS' })
      return
    } catch {
      await new Promise((done) => setTimeout(done, 100))
    }
  }
  throw new Error(`${name} did not answer on ${url}`)
}

/**
 * The handler's options, the same in every runtime; `user` is the runtime's trusted user_id.
 * Deno and Bun import the entry by file URL, esbuild by path.
 */
const handlerSource = (fakeUrl, apiKey, user, from = pathToFileURL(entry).href) => `
import { createSeamConnectHandler } from ${JSON.stringify(from)}
export const handler = createSeamConnectHandler({
  apiKey: ${JSON.stringify(apiKey)},
  endpoint: ${JSON.stringify(fakeUrl)},
  basePath: '/api/seam',
  authorize: () => ({ trustedMetadata: { user_id: ${JSON.stringify(user)} } }),
})
`

/** Sends a forged create through the runtime's handler; returns the line to print. */
async function check(name, url, user, version) {
  const response = await fetch(`${url}/api/seam/connect_webviews/create`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ custom_metadata: { user_id: 'forged-by-the-browser', runtime: name } }),
  })
  const text = await response.text()
  const metadata = response.ok ? JSON.parse(text).connect_webview?.custom_metadata : undefined
  if (metadata?.user_id !== user || metadata?.runtime !== name) {
    throw new Error(`${name}: the handler answered ${response.status}: ${text}`)
  }
  return `${name} ${version}: POST /api/seam/connect_webviews/create -> ${response.status}, custom_metadata ${JSON.stringify(metadata)}`
}

/** Installs the runtime binaries from the npm registry into the temporary directory. */
function install() {
  writeFileSync(join(temp, 'package.json'), '{ "private": true }\n')
  const specs = Object.values(RUNTIMES).map(({ pkg, version }) => `${pkg}@${version}`)
  console.log(`$ npm install ${specs.join(' ')} (in ${temp})`)
  const { status } = spawnSync(
    'npm',
    ['install', '--no-save', '--no-audit', '--no-fund', '--ignore-scripts', ...specs],
    { cwd: temp, stdio: 'inherit' },
  )
  if (status !== 0) throw new Error('npm install of the runtimes failed')
  return Object.fromEntries(
    Object.entries(RUNTIMES).map(([name, { pkg, bin }]) => [
      name,
      join(temp, 'node_modules', pkg, bin),
    ]),
  )
}

async function runDeno(deno, fakeUrl, apiKey) {
  const user = 'runtime-deno-user'
  const script = join(temp, 'deno-server.mjs')
  writeFileSync(
    script,
    `${handlerSource(fakeUrl, apiKey, user)}
Deno.serve({ hostname: '127.0.0.1', port: 0, onListen: ({ port }) => console.log('listening http://127.0.0.1:' + port) }, handler)
`,
  )
  // Deno reads zod from this repository's node_modules (package.json beside it); it may reach
  // 127.0.0.1 and read the repository and the script, nothing else.
  const { url } = await start('deno', deno, [
    'run',
    '--quiet',
    '--allow-net=127.0.0.1',
    `--allow-read=${root},${temp}`,
    script,
  ])
  return check('deno', url, user, version(deno))
}

async function runBun(bun, fakeUrl, apiKey) {
  const user = 'runtime-bun-user'
  const script = join(temp, 'bun-server.mjs')
  writeFileSync(
    script,
    `${handlerSource(fakeUrl, apiKey, user)}
const server = Bun.serve({ hostname: '127.0.0.1', port: 0, fetch: handler })
console.log('listening http://127.0.0.1:' + server.port)
`,
  )
  const { url } = await start('bun', bun, ['run', script], {
    env: { ...process.env, BUN_INSTALL_CACHE_DIR: join(temp, 'bun-cache') },
  })
  return check('bun', url, user, version(bun))
}

async function runWorkerd(workerd, fakeUrl, apiKey) {
  const user = 'runtime-workerd-user'
  const source = join(temp, 'worker-source.mjs')
  writeFileSync(
    source,
    `${handlerSource(fakeUrl, apiKey, user, entry)}
export default { fetch: (request) => handler(request) }
`,
  )
  // Bundled as a Worker would be deployed: one module, zod included, nothing from Node.
  const { build } = await import('esbuild')
  const bundle = join(temp, 'worker.js')
  await build({
    entryPoints: [source],
    outfile: bundle,
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    conditions: ['workerd', 'worker', 'browser', 'import'],
    nodePaths: [join(root, 'node_modules')],
    logLevel: 'warning',
  })
  if (/\bprocess\b/.test(readFileSync(bundle, 'utf8'))) {
    throw new Error('workerd: the bundle of dist/server/index.js mentions `process`')
  }
  const port = await freePort()
  // No nodejs_compat: no `process`, no Node built-ins. The "internet" service is the Worker's
  // global outbound (fetch); by default it may not reach private or local addresses, so this one
  // may, for the fake on 127.0.0.1.
  writeFileSync(
    join(temp, 'config.capnp'),
    `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .worker),
    (name = "internet", network = (allow = ["public", "private", "local"])),
  ],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")],
);
const worker :Workerd.Worker = (
  modules = [(name = "worker.js", esModule = embed "worker.js")],
  compatibilityDate = "2025-01-01",
  globalOutbound = "internet",
);
`,
  )
  const child = spawn(workerd, ['serve', join(temp, 'config.capnp')], {
    cwd: temp,
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  children.add(child)
  const url = `http://127.0.0.1:${port}`
  await waitForAnswer(url, child, 'workerd')
  return check('workerd', url, user, version(workerd))
}

function version(bin) {
  const { stdout } = spawnSync(bin, ['--version'], { encoding: 'utf8' })
  return stdout
    .split('\n')[0]
    .replace(/^(deno|workerd) /, '')
    .trim()
}

let failed = 0
try {
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` first`)
  const bins = install()
  const { startFakeSeamConnect } = await import(pathToFileURL(join(root, 'dist/testing/index.js')))
  fake = await startFakeSeamConnect({ port: 0 })
  console.log(`fake Seam Connect on ${fake.url}`)
  const runs = {
    workerd: () => runWorkerd(bins.workerd, fake.url, fake.apiKey),
    deno: () => runDeno(bins.deno, fake.url, fake.apiKey),
    bun: () => runBun(bins.bun, fake.url, fake.apiKey),
  }
  const lines = []
  for (const [runtime, run] of Object.entries(runs)) {
    try {
      lines.push(`ok   ${await run()}`)
    } catch (error) {
      failed++
      lines.push(`FAIL ${runtime}: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
  console.log(`\n${lines.join('\n')}`)
} catch (error) {
  failed++
  console.error(error)
} finally {
  await cleanUp()
}
console.log(`runtimes: ${3 - Math.min(failed, 3)} passed, ${failed} failed`)
process.exit(failed ? 1 : 0)
