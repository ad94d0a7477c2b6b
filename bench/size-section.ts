// The "size" section of `npm run bench`: this library's four entries (bench/size.mjs, which also
// holds the budgets .ci/run checks) beside what an app would install instead, bundled the same way
// in the same run: esbuild, minified, gzip -9, React and React Query external (an app has them).
//
// "with dependencies" counts everything the import draws in (zod, for this library); "own code"
// leaves every dependency external, so it is what the package itself adds. The alternatives are
// pinned devDependencies (package.json), so the table changes only when someone bumps them.
import { readFileSync } from 'node:fs'
import { IMPORTS, kb, measure, measureAll } from './size.mjs'
import type { BenchSection } from './section'

/** A package's manifest, read from node_modules (not every package exports its package.json). */
const manifest = (name: string) =>
  JSON.parse(
    readFileSync(new URL(`../node_modules/${name}/package.json`, import.meta.url), 'utf8'),
  ) as { version: string; dependencies?: Record<string, string> }

interface Alternative {
  name: string
  /** What an app would import for the job this library's typical import does. */
  code: string
  /** The packages whose code counts as the alternative's own. */
  packages: string[]
}

const ALTERNATIVES: Alternative[] = [
  {
    // Seam's React components, hooks only: the provider, creating a webview and reading the
    // account, the nearest match to our typical import (it has no iframe component or completion).
    name: '@seamapi/react/hooks.js: provider, create, account',
    code: "export { SeamProvider, useCreateConnectWebview, useConnectedAccount } from '@seamapi/react/hooks.js'",
    packages: ['@seamapi/react'],
  },
  {
    name: '@seamapi/react/hooks.js: everything',
    code: "export * from '@seamapi/react/hooks.js'",
    packages: ['@seamapi/react'],
  },
  {
    // What an app writes by hand on Seam's React Query bindings and HTTP client.
    name: '@seamapi/react-query: provider, query, mutation',
    code: "export { SeamQueryProvider, useSeamQuery, useSeamMutation } from '@seamapi/react-query'",
    packages: ['@seamapi/react-query', '@seamapi/http'],
  },
  {
    // Not Seam: the best-known React wrapper for a hosted third-party sign-in (Plaid Link), for
    // scale; it loads Plaid's own script at run time, which this size does not count.
    name: 'react-plaid-link: usePlaidLink, PlaidLink',
    code: "export { usePlaidLink, PlaidLink } from 'react-plaid-link'",
    packages: ['react-plaid-link'],
  },
]

const version = (name: string): string => manifest(name).version

/** Every dependency the alternative's packages declare, left external for its "own code". */
function dependenciesOf(packages: string[]): string[] {
  const names = packages.flatMap((name) => Object.keys(manifest(name).dependencies ?? {}))
  return [...new Set(names)].filter((name) => !packages.includes(name))
}

interface Measured {
  name: string
  packages: string
  withDependencies: { minified: number; gzipped: number }
  ownCode: { minified: number; gzipped: number }
  budget?: number
}

export async function benchSize(): Promise<BenchSection> {
  const ours: Measured[] = (await measureAll()).map(({ name, budget, withZod, ownCode }) => ({
    name,
    packages: 'react-seam-connect (this repository)',
    withDependencies: withZod,
    ownCode,
    budget,
  }))
  const theirs: Measured[] = await Promise.all(
    ALTERNATIVES.map(async ({ name, code, packages }) => {
      const withDependencies = await measure(code)
      const ownCode = await measure(code, { external: dependenciesOf(packages) })
      return {
        name,
        packages: packages.map((p) => `${p}@${version(p)}`).join(' + '),
        withDependencies,
        ownCode,
      }
    }),
  )
  const rows = [...ours, ...theirs]
  return {
    title: 'size',
    method:
      'esbuild --minify, gzip -9, ES2022, browser (our /server and /testing: Node); external: ' +
      `react, react-dom, @tanstack/react-query, node:*. ${IMPORTS.length} entries of ours, ` +
      `then ${ALTERNATIVES.length} alternatives. "own code": every dependency (zod for us) external`,
    columns: [
      'import',
      'packages',
      'min',
      'min+gzip',
      'own code min',
      'own code min+gzip',
      'budget (min+gzip)',
    ],
    rows: rows.map(({ name, packages, withDependencies, ownCode, budget }) => [
      name,
      packages,
      kb(withDependencies.minified),
      kb(withDependencies.gzipped),
      kb(ownCode.minified),
      kb(ownCode.gzipped),
      budget === undefined ? '' : kb(budget),
    ]),
    results: rows.map(({ name, packages, withDependencies, ownCode, budget }) => ({
      name,
      packages,
      withDependencies: { minified: withDependencies.minified, gzipped: withDependencies.gzipped },
      ownCode: { minified: ownCode.minified, gzipped: ownCode.gzipped },
      budget,
    })),
  }
}
