// The "renders" section of `npm run bench`: what the frame costs the app's rendering. Chromium,
// the bench page built with React's profiling build, where <Profiler> reports in production.
// - A parent re-renders 1,000 times (flushSync, one commit each), passing new inline callbacks
//   and a new style object: is the iframe element kept, how often does it load, and what does
//   each re-render cost (the <Profiler>'s actualDuration of the frame, and the wall time of the
//   whole render and commit)?
// - For each way a flow completes, the commits of the <Profiler> around the frame from mount to
//   `data-state="completed"`: the renders the frame makes per completed flow.
import type { BenchSection } from '../section'
import { countSpread, medianP95 } from './figures'
import { inParallel, openFlow, startHarness, type FlowOptions, type Harness } from './harness'
import type { RerenderResult } from './page/config'

const RERENDERS = 1000
const FLOWS = Number(process.env.BENCH_FLOWS) || 10

const PATHS: { label: string; options: FlowOptions; width: number }[] = [
  { label: 'message names the account', options: { view: 'frame' }, width: 1 },
  {
    label: 'message without the account id',
    options: { view: 'frame', behaviour: { include_connected_account_id: false } },
    width: 1,
  },
  {
    label: 'no message (default polling, 5 s)',
    options: { view: 'frame', behaviour: { post_message: false } },
    width: 10,
  },
]

export async function benchRenders(): Promise<BenchSection> {
  const harness = await startHarness('profiling')
  try {
    const rerender = await rerenderFrame(harness)
    const rows: (string | number)[][] = [
      [
        `${RERENDERS.toLocaleString()} parent re-renders: iframe element kept`,
        rerender.sameIframe ? 'yes' : 'NO',
      ],
      ['… iframe loads', rerender.loads],
      [
        "… the frame's commit (Profiler actualDuration), median / p95",
        medianP95(rerender.actualMs).join(' / '),
      ],
      [
        '… whole re-render, render + commit (wall), median / p95',
        medianP95(rerender.wallMs).join(' / '),
      ],
    ]
    const perFlow: { path: string; commits: number[] }[] = []
    for (const path of PATHS) {
      const commits = await inParallel(
        Array.from({ length: FLOWS }, (_, i) => i),
        path.width,
        async () => {
          const flow = await openFlow(harness, path.options)
          try {
            await flow.signIn()
            await flow.completed()
            await flow.settled()
            return (await flow.record()).frameCommits
          } finally {
            await flow.close()
          }
        },
      )
      perFlow.push({ path: path.label, commits })
      rows.push([`renders of the frame per completed flow: ${path.label}`, countSpread(commits)])
      process.stderr.write(`renders: ${path.label}: done\n`)
    }
    return {
      title: 'renders',
      method:
        "Chromium, React's profiling build; a parent re-rendering the frame with new inline " +
        `callbacks ${RERENDERS.toLocaleString()} times (flushSync each); renders per flow: ` +
        `commits of a <Profiler> around the frame from mount to data-state="completed", ` +
        `${FLOWS} flows per path (median, range).`,
      columns: ['measure', 'value'],
      rows,
      results: {
        rerenders: RERENDERS,
        sameIframe: rerender.sameIframe,
        loads: rerender.loads,
        actualMs: rerender.actualMs,
        wallMs: rerender.wallMs,
        perFlow,
      },
    }
  } finally {
    await harness.stop()
  }
}

async function rerenderFrame(harness: Harness): Promise<RerenderResult & { loads: number }> {
  const flow = await openFlow(harness, { view: 'rerender' })
  try {
    await flow.page.waitForFunction(() => window.bench.loads > 0)
    const result = await flow.page.evaluate(async (count) => {
      const rerender = window.bench.rerender
      if (!rerender) throw new Error('the page has no rerender()')
      return rerender(count)
    }, RERENDERS)
    // An iframe that reloaded would have fired load again by the time its login form shows.
    await flow.page.frameLocator('iframe').getByLabel('Username').waitFor()
    return { ...result, loads: (await flow.record()).loads }
  } finally {
    await flow.close()
  }
}
