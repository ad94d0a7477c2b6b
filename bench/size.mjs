// `npm run size`: what this library adds to an app's bundle, measured the way an app's bundler
// ships it: esbuild, minified, gzip -9, with the peers (React, React Query) external. Two imports:
// - typical: the provider, the create hook, the frame and the metadata hook;
// - whole: everything the browser entry exports.
// Each is measured with zod counted (what the app pays if it does not use zod itself) and for the
// library's own code alone (zod external). `--check` fails when a budget (zod counted) is passed;
// .ci/run uses it.
import { build } from 'esbuild'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { gzipSync } from 'node:zlib'

const KB = 1024
const peers = ['react', 'react-dom', 'react/jsx-runtime', '@tanstack/react-query']
const entry = fileURLToPath(new URL('../src/index.ts', import.meta.url))

// Budgets, zod counted. The typical import is about 97% of the whole entry: the provider builds
// the client (options check, auth, timeouts, retries, secret scrubbing), the frame needs the
// completion engine, and every reply is validated. It was measured at 12.8 KB even with list and
// update routes, strict params and every English message removed, so its budget is the entry's:
// what catches a regression here is the entry's budget and the table, not a smaller number that
// only deleting safety could reach.
export const IMPORTS = [
  {
    name: 'typical import',
    code:
      'export { SeamConnectProvider, useCreateConnectWebview, ConnectWebviewFrame, ' +
      `useConnectedAccountMetadata } from ${JSON.stringify(entry)}`,
    budget: 16 * KB,
  },
  { name: 'whole browser entry', code: `export * from ${JSON.stringify(entry)}`, budget: 16 * KB },
]

/** @returns {Promise<{ minified: number, gzipped: number }>} */
export async function measure(code, { zod = true } = {}) {
  const result = await build({
    stdin: { contents: code, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    external: zod ? peers : [...peers, 'zod', 'zod/*'],
    write: false,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
  })
  const bytes = result.outputFiles[0].contents
  return { minified: bytes.length, gzipped: gzipSync(bytes, { level: 9 }).length }
}

/** Every import, with and without zod. */
export async function measureAll() {
  return Promise.all(
    IMPORTS.map(async ({ name, code, budget }) => ({
      name,
      budget,
      withZod: await measure(code),
      ownCode: await measure(code, { zod: false }),
    })),
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
          budget: kb(budget),
          'min (own code)': kb(ownCode.minified),
          'min+gzip (own code)': kb(ownCode.gzipped),
        },
      ]),
    ),
  )
  console.log(`esbuild --minify, gzip -9; external: ${peers.join(', ')}`)
  const over = rows.filter((row) => row.withZod.gzipped > row.budget)
  for (const row of over) {
    console.error(`size: ${row.name} is over budget by ${kb(row.withZod.gzipped - row.budget)}`)
  }
  if (process.argv.includes('--check') && over.length) process.exit(1)
}
