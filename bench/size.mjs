// Size budget of the whole public entry, as an app's bundler would ship it: esbuild, minified,
// gzip -9, with only the peers external. `--check` fails above the budget (used by .ci/run).
import { build } from 'esbuild'
import { gzipSync } from 'node:zlib'

// Raised from 12 KB when the completion engine, timeouts and secret scrubbing landed: clear code
// comes before bytes (zod/mini alone is about half of it).
export const SIZE_BUDGET_BYTES = 16 * 1024
const external = ['react', 'react-dom', 'react/jsx-runtime', '@tanstack/react-query']

/** @returns {Promise<{ minified: number, gzipped: number }>} */
export async function measureBundle(entry = 'src/index.ts') {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    external,
    write: false,
    logLevel: 'silent',
  })
  const code = result.outputFiles[0].contents
  return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length }
}

const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`

if (import.meta.url === `file://${process.argv[1]}`) {
  const { minified, gzipped } = await measureBundle()
  console.log(
    `size: public entry ${kb(minified)} min, ${kb(gzipped)} min+gzip -9 ` +
      `(budget ${kb(SIZE_BUDGET_BYTES)}; external: ${external.join(', ')})`,
  )
  if (process.argv.includes('--check') && gzipped > SIZE_BUDGET_BYTES) {
    console.error(`size: over budget by ${kb(gzipped - SIZE_BUDGET_BYTES)}`)
    process.exit(1)
  }
}
