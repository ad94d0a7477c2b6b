// `npm run size`: what this library adds to an app's bundle, measured the way an app's bundler
// ships it: esbuild, minified, gzip -9, with the peers (React, React Query) external. Four imports:
// - typical: the provider, the create hook, the frame and the metadata hook (browser);
// - whole browser entry: everything `react-seam-connect` exports (browser);
// - `/server`: everything `react-seam-connect/server` exports (Node; node: built-ins external);
// - `/testing`: the fake, for apps' tests (Node, every package external: what it is, not a cost
//   to an app's bundle).
// Each is measured with zod counted (what the app pays if it does not use zod itself) and for the
// library's own code alone (zod external). From esbuild's metafile it also lists what the main
// entry and /server draw in that only /testing may: hono, @hono/node-server, msw, and for the
// browser entry node: built-ins. `--check` fails when a budget (zod counted) is passed or when one
// of those is in a bundle; .ci/run uses it.
import { build } from 'esbuild'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { gzipSync } from 'node:zlib'

const KB = 1024
const peers = ['react', 'react-dom', 'react/jsx-runtime', '@tanstack/react-query']
const source = (path) => JSON.stringify(fileURLToPath(new URL(`../${path}`, import.meta.url)))
const entry = source('src/index.ts')

/** Packages that belong to /testing alone; an app importing the rest must never bundle them. */
const TESTING_ONLY = ['hono', '@hono/node-server', 'msw']
const NODE_BUILTINS = 'node: built-ins'

// Budgets, zod counted. The typical import is about 90% of the whole entry: the provider builds
// the client (options check, auth, timeouts, retries, secret scrubbing), the frame needs the
// completion engine, and every reply is validated. It was measured at 12.8 KB even with list and
// update routes, strict params and every English message removed, so its budget was 16 KB: what
// catches a regression here is the budget and the table, not a smaller number that only deleting
// safety could reach. The engine every mode shares grew by 0.13 KB with the popup and redirect
// modes (a webview known by id alone, refusing a `source` for it, a webview served from the app's
// own origin never read as a redirect landing), which left it at 16.00 KB, where gzip's noise
// decides: the budget is 16.5 KB, a decision for the project's owner (that closing note). The whole entry's budget was 16 KB until the lists, the optimistic update and
// the schema-typed hooks (1.3 KB) joined it, then 18 KB until the popup and redirect modes
// (2.3 KB) did; it is 20 KB now, a decision for the project's owner (the closing notes of the
// issues that added them say so). An app that imports neither mode does not pay for them (the
// typical import). /server and /testing have no budget: they never reach a browser.
export const IMPORTS = [
  {
    name: 'typical import',
    code:
      'export { SeamConnectProvider, useCreateConnectWebview, ConnectWebviewFrame, ' +
      `useConnectedAccountMetadata } from ${entry}`,
    platform: 'browser',
    budget: 16.5 * KB,
    forbidden: [...TESTING_ONLY, NODE_BUILTINS],
  },
  {
    name: 'whole browser entry',
    code: `export * from ${entry}`,
    platform: 'browser',
    budget: 20 * KB,
    forbidden: [...TESTING_ONLY, NODE_BUILTINS],
  },
  {
    name: '/server',
    code: `export * from ${source('src/server/index.ts')}`,
    platform: 'node',
    forbidden: TESTING_ONLY,
  },
  {
    name: '/testing (packages external)',
    code: `export * from ${source('fake/index.ts')}`,
    platform: 'node',
    packagesExternal: true,
    forbidden: [],
  },
]

/** The package a bundled file belongs to, or null for this repository's own files. */
function packageOfInput(path) {
  const at = path.lastIndexOf('node_modules/')
  return at === -1 ? null : bareName(path.slice(at + 'node_modules/'.length))
}

/** The package an import left external names (node: built-ins as one name). */
const packageOfImport = (specifier) =>
  specifier.startsWith('node:') ? NODE_BUILTINS : bareName(specifier)

const bareName = (path) =>
  path
    .split('/')
    .slice(0, path.startsWith('@') ? 2 : 1)
    .join('/')

/**
 * @param {string} code the module to bundle
 * @param {{ zod?: boolean, platform?: 'browser' | 'node', packagesExternal?: boolean,
 *   external?: string[] }} [options] `external`: packages left out besides the peers
 * @returns {Promise<{ minified: number, gzipped: number, packages: string[] }>} the sizes, and
 * every package the bundle draws in or imports (node: built-ins as one name).
 */
export async function measure(
  code,
  { zod = true, platform = 'browser', packagesExternal = false, external = [] } = {},
) {
  const result = await build({
    stdin: { contents: code, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform,
    target: 'es2022',
    jsx: 'automatic',
    // node: built-ins stay imports on every platform, so that a browser bundle that reaches one
    // is reported by name instead of failing to build.
    external: [...peers, 'node:*', ...(zod ? [] : ['zod', 'zod/*']), ...external],
    packages: packagesExternal ? 'external' : undefined,
    write: false,
    metafile: true,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
  })
  const bytes = result.outputFiles[0].contents
  const packages = [
    ...Object.keys(result.metafile.inputs).map(packageOfInput),
    ...Object.values(result.metafile.outputs).flatMap(({ imports }) =>
      imports.filter(({ external }) => external).map(({ path }) => packageOfImport(path)),
    ),
  ]
  return {
    minified: bytes.length,
    gzipped: gzipSync(bytes, { level: 9 }).length,
    packages: [...new Set(packages.filter((name) => name !== null))].sort(),
  }
}

/** Every import, with and without zod, and what it draws in that it must not. */
export async function measureAll() {
  return Promise.all(
    IMPORTS.map(async ({ name, code, budget, forbidden, ...options }) => {
      const withZod = await measure(code, options)
      const ownCode = await measure(code, { ...options, zod: false })
      return {
        name,
        budget,
        withZod,
        ownCode,
        forbidden,
        found: forbidden.filter((name) => withZod.packages.includes(name)),
      }
    }),
  )
}

export const kb = (bytes) => `${(bytes / KB).toFixed(2)} KB`

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rows = await measureAll()
  console.table(
    Object.fromEntries(
      rows.map(({ name, budget, withZod, ownCode }) => [
        name,
        {
          'min (zod counted)': kb(withZod.minified),
          'min+gzip (zod counted)': kb(withZod.gzipped),
          budget: budget === undefined ? 'none' : kb(budget),
          'min (own code)': kb(ownCode.minified),
          'min+gzip (own code)': kb(ownCode.gzipped),
        },
      ]),
    ),
  )
  console.log(`esbuild --minify, gzip -9; external: ${peers.join(', ')}, node:*`)
  const problems = []
  for (const { name, budget, withZod, forbidden, found } of rows) {
    if (budget !== undefined && withZod.gzipped > budget) {
      problems.push(`size: ${name} is over budget by ${kb(withZod.gzipped - budget)}`)
    }
    if (found.length) {
      problems.push(`size: ${name} draws in ${found.join(', ')}, which only /testing may use`)
    } else if (forbidden.length) {
      console.log(`${name}: none of ${forbidden.join(', ')} in the bundle`)
    } else {
      console.log(`${name}: draws in ${withZod.packages.join(', ')}`)
    }
  }
  for (const problem of problems) console.error(problem)
  if (process.argv.includes('--check') && problems.length) process.exit(1)
}
