// The "leaks" section of `npm run bench`: the figures of the mount-cycles test
// (test/leaks/mount-cycles.browser.test.tsx), which is part of `npm test` and asserts that nothing
// is left behind. Here it runs on its own, through Vitest's node API in the browser project
// (Chromium), and each subject's figures come back as the test annotations it records: what the
// page probe counted before the cycles, while they ran, and after them once gcTime had passed.
import { startVitest } from 'vitest/node'
import { LEAK_ANNOTATION, type BeforeAfter, type LeakFigures } from '../test/leaks/leak-figures'
import type { BenchSection } from './section'

const FILE = 'test/leaks/mount-cycles.browser.test.tsx'

export async function benchLeaks(): Promise<BenchSection> {
  const exitCode = process.exitCode
  // Vite's builds for the sections before this one set NODE_ENV to production in this process,
  // and Vitest keeps a value it finds: React's production build has no act().
  const nodeEnv = process.env.NODE_ENV
  process.env.NODE_ENV = 'test'
  const vitest = await startVitest('test', [FILE], {
    project: ['browser'],
    run: true,
    watch: false,
    coverage: { enabled: false },
    reporters: ['dot'],
    silent: 'passed-only',
  })
  const figures: LeakFigures[] = []
  const failed: string[] = []
  try {
    for (const module of vitest.state.getTestModules()) {
      for (const test of module.children.allTests()) {
        for (const { type, message } of test.annotations()) {
          if (type === LEAK_ANNOTATION) figures.push(JSON.parse(message) as LeakFigures)
        }
        if (test.result().state !== 'passed') failed.push(test.name)
      }
    }
  } finally {
    await vitest.close()
    if (nodeEnv === undefined) delete process.env.NODE_ENV
    else process.env.NODE_ENV = nodeEnv
    // The test's verdict belongs to `npm test`; the bench reports it in its table instead.
    process.exitCode = exitCode
  }
  if (figures.length === 0)
    throw new Error(`${FILE} recorded no figures (failed: ${failed.join(', ')})`)

  const arrow = ({ before, after }: BeforeAfter) => `${before} → ${after}`
  const cycles = [...new Set(figures.map((f) => f.cycles))].join(' / ')
  return {
    title: 'leaks',
    method:
      `${cycles} mount/unmount cycles per subject under StrictMode in Chromium, against the fake ` +
      `(reads held unanswered, so only an abort releases them); counted by instrumenting the page ` +
      `(window listeners, timers, fetch, window.open); "after" is once gcTime (750 ms) has ` +
      `passed. Columns read before → after; Σ: summed over the cycles.` +
      (failed.length ? ` FAILED: ${failed.join(', ')}` : ''),
    columns: [
      'subject',
      'cycles',
      'message listeners',
      'other listeners',
      'timers',
      'in flight (Σ at unmount)',
      'windows (Σ opened)',
      'query cache (peak)',
      'requests (after unmount)',
    ],
    rows: figures.map((f) => [
      f.subject,
      f.cycles,
      `${arrow(f.messageListeners)} (${f.messageListeners.mounted} mounted)`,
      arrow(f.otherListeners),
      arrow(f.timers),
      `${arrow(f.inFlight)} (${f.inFlight.atUnmount})`,
      `${arrow(f.windows)} (${f.windows.opened})`,
      `${arrow(f.cache)} (${f.cache.peak})`,
      `${f.requests} (${f.requestsAfterUnmount})`,
    ]),
    results: { file: FILE, failed, figures },
  }
}
