// `npm run test:consumer`: the package as an app gets it. Packs the built package (`npm run build`
// first), installs the tarball into a throwaway project outside the repository (with React, React
// Query, Vitest, jsdom, Testing Library and MSW at the versions of this repository's lockfile),
// and there:
// 1. runs an app's own Vitest + Testing Library test: a small app (provider with a publishable
//    key, useCreateConnectWebview with custom_metadata, useConnectedAccountMetadata) against
//    createFakeSeamConnect from `react-seam-connect/testing` behind MSW's setupServer, finished
//    with the fake's control client;
// 2. typechecks the app and its tests with `skipLibCheck: false`, so the published .d.ts files
//    must stand on their own (no @seamapi/types, no path into the repository);
// 3. bundles `react-seam-connect/testing` for a browser (esbuild, platform browser, as a
//    Storybook or Vite build would), which must resolve the `browser` build and draw in nothing
//    from Node.
// It ends with the line CI reads: `consumer project: N passed, N failed` (the app's tests, plus
// one for the typecheck and one for the browser bundle).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const started = Date.now()
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const TOOLS = [
  'react',
  'react-dom',
  '@tanstack/react-query',
  'vitest',
  'jsdom',
  '@testing-library/react',
  '@testing-library/dom',
  'msw',
  'typescript',
  '@types/react',
  '@types/react-dom',
]

let passed = 0
let failed = 0
function finish(status) {
  console.log(`(${Math.round((Date.now() - started) / 1000)} s)`)
  console.log(`consumer project: ${passed} passed, ${failed} failed`)
  process.exit(status)
}

/** @param {string} command @param {string[]} args @param {string} cwd */
function run(command, args, cwd) {
  console.log(`$ ${[command, ...args].join(' ')}`)
  return spawnSync(command, args, { cwd, stdio: 'inherit' }).status ?? 1
}

for (const built of ['dist/index.js', 'dist/testing/index.js', 'dist/testing/browser.js']) {
  if (!existsSync(join(root, built))) {
    console.error(`${built} is missing: run \`npm run build\` first.`)
    failed = 1
    finish(1)
  }
}

// Removed however the run ends: a failure, an exception, or Ctrl-C.
const project = mkdtempSync(join(tmpdir(), 'react-seam-connect-consumer-'))
process.on('exit', () => rmSync(project, { recursive: true, force: true }))
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130))
console.log(`Consumer project: ${project}`)

const packed = spawnSync('npm', ['pack', '--json', '--pack-destination', project], {
  cwd: root,
  encoding: 'utf8',
})
if (packed.status !== 0) {
  console.error(`npm pack failed: ${packed.stderr}`)
  failed = 1
  finish(1)
}
const tarball = join(project, JSON.parse(packed.stdout)[0].filename)

const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'))
const specs = TOOLS.map((name) => {
  const version = lock.packages[`node_modules/${name}`]?.version
  if (!version) throw new Error(`package-lock.json has no ${name}`)
  return `${name}@${version}`
})

/** Writes the consumer's files (paths relative to the project). */
function write(files) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(project, path)), { recursive: true })
    writeFileSync(join(project, path), text)
  }
}

write({
  'package.json': JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2),
  'vitest.config.mjs': `export default { test: { environment: 'jsdom' } }\n`,
  'tsconfig.json': JSON.stringify(
    {
      compilerOptions: {
        target: 'ES2022',
        module: 'ESNext',
        moduleResolution: 'Bundler',
        lib: ['ES2023', 'DOM', 'DOM.Iterable'],
        jsx: 'react-jsx',
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        types: [],
      },
      include: ['src', 'test'],
    },
    null,
    2,
  ),
  'src/App.tsx': `import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import {
  SeamConnectProvider,
  useConnectedAccountMetadata,
  useCreateConnectWebview,
} from 'react-seam-connect'

export interface AppProps {
  endpoint: string
  publishableKey: string
  userIdentifierKey: string
  queryClient: QueryClient
  /** Show this connected account's metadata instead of connecting one. */
  connectedAccountId?: string
}

export function App({ queryClient, connectedAccountId, ...seam }: AppProps) {
  return (
    <QueryClientProvider client={queryClient}>
      <SeamConnectProvider {...seam}>
        {connectedAccountId ? (
          <Metadata target={{ connectedAccountId }} />
        ) : (
          <ConnectLock tenantId="t_42" />
        )}
      </SeamConnectProvider>
    </QueryClientProvider>
  )
}

function ConnectLock({ tenantId }: { tenantId: string }) {
  const create = useCreateConnectWebview()
  if (!create.data) {
    return (
      <button onClick={() => create.mutate({ custom_metadata: { tenant_id: tenantId } })}>
        Connect a lock
      </button>
    )
  }
  return <Metadata target={{ connectWebviewId: create.data.connect_webview_id }} />
}

function Metadata({
  target,
}: {
  target: { connectWebviewId: string } | { connectedAccountId: string }
}) {
  const metadata = useConnectedAccountMetadata(target, { pollInterval: 100 })
  if (metadata.error) return <p role="alert">{metadata.error.message}</p>
  if (metadata.isPending) return <p role="status">Waiting for the sign-in</p>
  return <p>Connected for tenant {String(metadata.data.tenant_id)}</p>
}
`,
  'test/App.test.tsx': `import { QueryClient } from '@tanstack/react-query'
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { http } from 'msw'
import { setupServer } from 'msw/node'
import {
  createFakeSeamConnect,
  FAKE_SEAM_PUBLISHABLE_KEY,
  type FakeSeamConnectFetch,
} from 'react-seam-connect/testing'
import { fakeSeamConnectHandlers } from 'react-seam-connect/testing/msw'
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest'
import { App } from '../src/App'

const fake: FakeSeamConnectFetch = createFakeSeamConnect()
const server = setupServer(http.all(\`\${fake.url}/*\`, ({ request }) => fake.fetch(request)))
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  cleanup()
  server.resetHandlers()
})
afterAll(() => {
  server.close()
  fake.stop()
})

const props = (userIdentifierKey: string) => ({
  endpoint: fake.url,
  publishableKey: FAKE_SEAM_PUBLISHABLE_KEY,
  userIdentifierKey,
  queryClient: new QueryClient(),
})

it('shows the metadata the webview carried once the user has signed in', async () => {
  render(<App {...props('user-connect')} />)
  fireEvent.click(screen.getByRole('button', { name: 'Connect a lock' }))
  expect(await screen.findByRole('status')).toHaveProperty('textContent', 'Waiting for the sign-in')

  const [webview] = await fake.control.connectWebviews('user-connect')
  expect(webview?.custom_metadata).toEqual({ tenant_id: 't_42' })
  await fake.control.complete(webview!.connect_webview_id)

  expect(await screen.findByText('Connected for tenant t_42')).toBeTruthy()
  const creates = await fake.control.requests('user-connect', '/connect_webviews/create')
  expect(creates).toHaveLength(1)
})

it('shows a seeded account through the MSW helper, and a failure as an alert', async () => {
  const other = createFakeSeamConnect({ url: 'https://other-fake.test/seam' })
  server.use(...fakeSeamConnectHandlers(other))
  const account = await other.control.seedConnectedAccount({
    user_identifier_key: 'user-seeded',
    custom_metadata: { tenant_id: 't_7' },
  })
  render(
    <App
      {...props('user-seeded')}
      endpoint={other.url}
      connectedAccountId={account.connected_account_id}
    />,
  )
  expect(await screen.findByText('Connected for tenant t_7')).toBeTruthy()
  cleanup()

  render(<App {...props('user-failed')} endpoint={other.url} />)
  fireEvent.click(screen.getByRole('button', { name: 'Connect a lock' }))
  await screen.findByRole('status')
  const [webview] = await other.control.connectWebviews('user-failed')
  await other.control.fail(webview!.connect_webview_id, { error_message: 'Wrong password' })
  expect((await screen.findByRole('alert')).textContent).toMatch(/failed/i)
  other.stop()
})
`,
})

let status = run(
  'npm',
  ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball, ...specs],
  project,
)
if (status !== 0) {
  console.error('Installing the consumer project failed.')
  failed = 1
  finish(status)
}

// 1. The app's tests.
const report = join(project, 'vitest-report.json')
const tests = run(
  'npx',
  ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
  project,
)
if (existsSync(report)) {
  const results = JSON.parse(readFileSync(report, 'utf8'))
  passed += results.numPassedTests
  failed += results.numFailedTests
}
// A run that failed without failing a test (an import error, a crash) still counts as a failure.
if (tests !== 0 && failed === 0) failed += 1
status ||= tests

// 2. The typecheck, with every library's .d.ts checked.
const typecheck = run('npx', ['tsc', '-p', 'tsconfig.json'], project)
if (typecheck === 0) passed += 1
else failed += 1
status ||= typecheck

// 3. The browser bundle of /testing, as the app's bundler resolves it.
try {
  const result = await build({
    stdin: {
      contents: `export * from 'react-seam-connect/testing'`,
      resolveDir: project,
      loader: 'js',
    },
    absWorkingDir: project,
    bundle: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'silent',
  })
  const inputs = Object.keys(result.metafile.inputs)
  const fromNode = inputs.filter(
    (input) => input.startsWith('node:') || input.includes('@hono/node-server'),
  )
  const browserBuild = inputs.some((input) =>
    input.endsWith('react-seam-connect/dist/testing/browser.js'),
  )
  if (fromNode.length || !browserBuild) {
    throw new Error(
      `the bundle ${browserBuild ? 'draws in' : 'did not resolve dist/testing/browser.js; it draws in'}` +
        ` ${fromNode.join(', ') || 'nothing from Node'}`,
    )
  }
  console.log(
    `browser bundle of react-seam-connect/testing: ${inputs.length} inputs, none from Node`,
  )
  passed += 1
} catch (error) {
  console.error(`browser bundle of react-seam-connect/testing failed: ${error.message}`)
  failed += 1
  status ||= 1
}

finish(status)
