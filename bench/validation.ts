// The "validation" section of `npm run bench`: how fast the checks that run on every call and every
// reply are, in Node (they run the same way in a browser).
import { performance } from 'node:perf_hooks'
import {
  connectWebviewSchema,
  customMetadataInputSchema,
  findCustomMetadataIssues,
} from '../src/index'
import seedConnectWebview from '../test/fixtures/seed-connect-webview.json'
import type { BenchSection } from './section'

function opsPerSecond(run: () => unknown, minMs = 300): number {
  let count = 0
  const start = performance.now()
  while (performance.now() - start < minMs) {
    for (let i = 0; i < 100; i++) run()
    count += 100
  }
  return Math.round((count * 1000) / (performance.now() - start))
}

export function benchValidation(): Promise<BenchSection> {
  const fullMetadata = Object.fromEntries(
    Array.from({ length: 50 }, (_, i) => [`key_${i}`, 'v'.repeat(100)]),
  )
  const results = {
    metadataOneKey: opsPerSecond(() => findCustomMetadataIssues({ your_app_user_id: 'u_1' })),
    metadataFiftyKeys: opsPerSecond(() => customMetadataInputSchema.safeParse(fullMetadata)),
    connectWebviewParse: opsPerSecond(() => connectWebviewSchema.safeParse(seedConnectWebview)),
  }
  return Promise.resolve({
    title: 'validation',
    method: `operations per second in Node ${process.version}, each run for at least 300 ms`,
    columns: ['check', 'ops/s'],
    rows: [
      ['custom_metadata check, 1 key', results.metadataOneKey],
      ['custom_metadata check, 50 keys of 100 characters', results.metadataFiftyKeys],
      ['connect_webview reply parse', results.connectWebviewParse],
    ],
    results,
  })
}
