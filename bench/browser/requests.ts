// The "requests" section of `npm run bench`: how many Seam API requests one completed flow costs
// (the create, the reads, the polls), counted in the fake's request log for the flow's own user.
//
// Chromium, the development build of the bench page under <StrictMode> (whose effects, and so
// any effect-started request, run twice there); each flow a new user, webview and browser context.
// Racing: a 1 s poll interval and 200 ms added to every reply; the login is submitted the moment a
// poll leaves the page, so the poll, the message and the landing on custom_redirect_url all land
// within one reply. Hidden: the page is hidden (harness.ts, VISIBILITY_SWITCH) before the webview
// is completed through the fake's control route, for two poll intervals and a second, then shown.
import { setTimeout as wait } from 'node:timers/promises'
import type { BenchSection } from '../section'
import { countSpread } from './figures'
import {
  inParallel,
  openFlow,
  startHarness,
  type Flow,
  type FlowOptions,
  type Harness,
  type RequestCounts,
} from './harness'

const FLOWS = Number(process.env.BENCH_FLOWS) || 10
const DEFAULT_POLL_MS = 5000
const HIDDEN_MS = 2 * DEFAULT_POLL_MS + 1000

interface FlowResult extends RequestCounts {
  /** Requests allowed: 3, plus one per poll interval the flow was pending and visible. */
  budget: number
  hiddenReads?: number
}

interface Path {
  label: string
  options: FlowOptions
  width: number
  drive: (flow: Flow, harness: Harness) => Promise<{ hiddenMs: number; hiddenReads?: number }>
}

const signIn = async (flow: Flow) => {
  await flow.signIn()
  return { hiddenMs: 0 }
}

const PATHS: Path[] = [
  {
    label: 'message names the account',
    options: { view: 'frame', strict: true },
    width: 1,
    drive: signIn,
  },
  {
    label: 'message without the account id',
    options: { view: 'frame', strict: true, behaviour: { include_connected_account_id: false } },
    width: 1,
    drive: signIn,
  },
  {
    label: 'no message (default polling, 5 s)',
    options: { view: 'frame', strict: true, behaviour: { post_message: false } },
    width: 10,
    drive: signIn,
  },
  {
    label: 'message + poll + redirect racing (1 s, L = 200 ms)',
    options: { view: 'frame', strict: true, pollInterval: 1000, latencyMs: 200, redirect: true },
    width: 1,
    async drive(flow) {
      await flow.fillLogin()
      await flow.page.waitForRequest((request) => request.url().endsWith('/connect_webviews/get'))
      await flow.submitLogin()
      return { hiddenMs: 0 }
    },
  },
  {
    label: `hidden ${HIDDEN_MS / 1000} s, then shown (no message)`,
    options: { view: 'frame', strict: true, behaviour: { post_message: false } },
    width: 10,
    async drive(flow, harness) {
      await flow.setHidden(true)
      const hiddenAt = Date.now()
      const before = (await flow.requests()).webviewReads
      await harness.control.complete(flow.webviewId)
      // The measurement is what happens during this wait.
      await wait(HIDDEN_MS)
      const hiddenReads = (await flow.requests()).webviewReads - before
      await flow.setHidden(false)
      return { hiddenMs: Date.now() - hiddenAt, hiddenReads }
    },
  },
]

export async function benchRequests(): Promise<BenchSection> {
  const harness = await startHarness('development')
  try {
    const rows: (string | number)[][] = []
    const results: { path: string; flows: FlowResult[] }[] = []
    for (const path of PATHS) {
      const flows = await inParallel(
        Array.from({ length: FLOWS }, (_, i) => i),
        path.width,
        () => countFlow(harness, path),
      )
      results.push({ path: path.label, flows })
      const hidden = flows.flatMap((flow) =>
        flow.hiddenReads === undefined ? [] : [flow.hiddenReads],
      )
      rows.push([
        path.label,
        flows.length,
        countSpread(flows.map((flow) => flow.create)),
        countSpread(flows.map((flow) => flow.webviewReads)),
        countSpread(flows.map((flow) => flow.accountReads)),
        countSpread(flows.map((flow) => flow.total)),
        `${flows.filter((flow) => flow.total <= flow.budget).length}/${flows.length}`,
        hidden.length ? countSpread(hidden) : '',
      ])
      process.stderr.write(`requests: ${path.label}: done\n`)
    }
    return {
      title: 'requests',
      method:
        'Chromium, development build under <StrictMode>; Seam API requests per completed flow in ' +
        "the fake's log (median, range); goal: 3 (create, webview read, account read) plus at " +
        'most one poll per poll interval while pending and visible, none while hidden. The ' +
        'webview is created as useCreateConnectWebview does (its answer cached), so the frame ' +
        'skips its mount check; a poll out when the message comes is replaced (it may predate ' +
        `the login) and counts too. ${FLOWS} flows per row.`,
      columns: [
        'path',
        'flows',
        'create',
        'webview reads',
        'account reads',
        'total',
        'within goal',
        'reads while hidden',
      ],
      rows,
      results,
    }
  } finally {
    await harness.stop()
  }
}

async function countFlow(harness: Harness, path: Path): Promise<FlowResult> {
  const flow = await openFlow(harness, path.options)
  try {
    const { hiddenMs, hiddenReads } = await path.drive(flow, harness)
    const record = await flow.completed()
    const counts = await flow.requests()
    const pendingMs = (record.completedAt ?? 0) - (record.createdAt ?? 0) - hiddenMs
    const interval = path.options.pollInterval ?? DEFAULT_POLL_MS
    return {
      ...counts,
      budget: 3 + Math.floor(Math.max(0, pendingMs) / interval),
      ...(hiddenReads === undefined ? {} : { hiddenReads }),
    }
  } finally {
    await flow.close()
  }
}
