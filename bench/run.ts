// `npm run bench`: numbers, not pass/fail (the size budget's check lives in .ci/run).
// Prints the bundle sizes (bench/size.mjs), how fast the validation on every call is, and how
// long a filtered list of a large workspace takes to walk to its end (bench/lists.ts).
import { performance } from 'node:perf_hooks'
import { benchLists } from './lists'
import { kb, measureAll } from './size.mjs'
import {
  connectWebviewSchema,
  customMetadataInputSchema,
  findCustomMetadataIssues,
} from '../src/index'
import seedConnectWebview from '../test/fixtures/seed-connect-webview.json'

function opsPerSecond(run: () => unknown, minMs = 300): number {
  let count = 0
  const start = performance.now()
  while (performance.now() - start < minMs) {
    for (let i = 0; i < 100; i++) run()
    count += 100
  }
  return Math.round((count * 1000) / (performance.now() - start))
}

const sizes = await measureAll()
const fullMetadata = Object.fromEntries(
  Array.from({ length: 50 }, (_, i) => [`key_${i}`, 'v'.repeat(100)]),
)

const rows: [string, string][] = [
  ...sizes.map(({ name, budget, withZod, ownCode }): [string, string] => [
    `${name}, min+gzip -9`,
    `${kb(withZod.gzipped)} with zod (budget ${budget === undefined ? 'none' : kb(budget)}), ${kb(ownCode.gzipped)} own code`,
  ]),
  [
    'custom_metadata check, 1 key',
    `${opsPerSecond(() => findCustomMetadataIssues({ your_app_user_id: 'u_1' })).toLocaleString()} ops/s`,
  ],
  [
    'custom_metadata check, 50 keys',
    `${opsPerSecond(() => customMetadataInputSchema.safeParse(fullMetadata)).toLocaleString()} ops/s`,
  ],
  [
    'connect_webview response parse',
    `${opsPerSecond(() => connectWebviewSchema.safeParse(seedConnectWebview)).toLocaleString()} ops/s`,
  ],
]
printTable(rows)

const lists = await benchLists()
console.log(`\n${lists.title}`)
printTable(lists.rows)

function printTable(table: [string, string][]) {
  const width = Math.max(...table.map(([name]) => name.length))
  for (const [name, value] of table) console.log(`${name.padEnd(width)}  ${value}`)
}
