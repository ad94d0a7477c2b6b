// The "latency" section of `npm run bench`: how long after the webview's page posts its message
// (or, with no message, learns the outcome) the app's onComplete runs, with the fake adding L ms
// to every Seam API reply, beside the polling Seam's docs suggest (page/baseline-flow.tsx).
//
// Each flow is a new user in a fresh browser context of Chromium, on the production build of the
// bench page: it creates a webview, signs in through the fake's login form inside the iframe, and
// waits for onComplete (the baseline: the account read answering). The fake's page stamps when it
// posted (`data-posted-at`) and when it learnt the outcome (`data-outcome-at`), in the same clock
// as the bench page's (`performance.timeOrigin + performance.now()`). Paths driven by a message
// run one flow at a time; paths that wait for a poll run several at once (they mostly wait), which
// leaves the times they measure alone.
import type { BenchSection } from '../section'
import { medianP95 } from './figures'
import { inParallel, openFlow, startHarness, type FlowOptions, type Harness } from './harness'

const LATENCIES = [0, 50, 200] as const
/** Flows per path and latency; BENCH_FLOWS overrides it for a quick look (the table says how many). */
const FLOWS = Number(process.env.BENCH_FLOWS) || 20

interface Path {
  label: string
  goal: string
  options: Omit<FlowOptions, 'latencyMs'>
  /** Flows at once. */
  width: number
}

const PATHS: Path[] = [
  {
    label: 'frame: message names the account',
    goal: '≈ 1 × L',
    options: { view: 'frame' },
    width: 1,
  },
  {
    label: 'frame: message without the account id',
    goal: '≈ 2 × L',
    options: { view: 'frame', behaviour: { include_connected_account_id: false } },
    width: 1,
  },
  {
    label: 'frame: no message (default polling, 5 s)',
    goal: '≤ 5 s + 2 × L',
    options: { view: 'frame', behaviour: { post_message: false } },
    width: 10,
  },
  {
    label: 'baseline: refetchInterval 1 s',
    goal: '',
    options: { view: 'baseline', pollInterval: 1000 },
    width: 10,
  },
  {
    label: 'baseline: refetchInterval 5 s',
    goal: '',
    options: { view: 'baseline', pollInterval: 5000 },
    width: 10,
  },
]

export async function benchLatency(): Promise<BenchSection> {
  const harness = await startHarness('production')
  try {
    const rows: (string | number)[][] = []
    const results: { path: string; latencyMs: number; samplesMs: number[] }[] = []
    for (const path of PATHS) {
      for (const latencyMs of LATENCIES) {
        const samplesMs = await inParallel(
          Array.from({ length: FLOWS }, (_, i) => i),
          path.width,
          () => timeFlow(harness, { ...path.options, latencyMs }),
        )
        results.push({ path: path.label, latencyMs, samplesMs })
        rows.push([path.label, latencyMs, ...medianP95(samplesMs), FLOWS, path.goal])
        process.stderr.write(`latency: ${path.label}, L = ${latencyMs} ms: done\n`)
      }
    }
    return {
      title: 'latency',
      method:
        `Chromium, production build; the fake adds L ms to every Seam API reply; time from the ` +
        `webview page posting its message (no message: learning the outcome) to onComplete ` +
        `(baseline: the account read answering); ${FLOWS} flows per row, each a new user, webview ` +
        `and browser context, signing in through the fake's login form; the fake's defaults.`,
      columns: ['path', 'L (ms)', 'median', 'p95', 'flows', 'goal'],
      rows,
      results,
    }
  } finally {
    await harness.stop()
  }
}

/** One flow: ms from the page's post (or outcome) to completion. */
async function timeFlow(harness: Harness, options: FlowOptions): Promise<number> {
  const flow = await openFlow(harness, options)
  try {
    await flow.signIn()
    const record = await flow.completed()
    const { postedAt, outcomeAt } = await flow.pageTimes()
    const start = postedAt ?? outcomeAt
    if (start === undefined || record.completedAt === undefined) {
      throw new Error('the webview page did not stamp its outcome')
    }
    return record.completedAt - start
  } finally {
    await flow.close()
  }
}
