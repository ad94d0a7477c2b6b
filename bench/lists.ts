// The "lists" section of `npm run bench`: walking a filtered connected-account list to its end,
// the way useConnectedAccounts does, against the fake holding a large workspace.
//
// The fake runs in this process (startFakeSeamConnect, over real HTTP on 127.0.0.1) with 10,000
// connected accounts, 100 of them carrying `tenant_id: 'bench'`: a multi-tenant workspace where
// one tenant's accounts are found by `custom_metadata_has`. They are listed with the API key, as
// the app's server does for a browser's useConnectedAccounts (createSeamConnectHandler adds the
// user's trusted pairs to the same filter): a client session sees only its own accounts, and no
// single user has 10,000. The library's own client and query options run under React Query's
// InfiniteQueryObserver, the observer useInfiniteQuery is built on: subscribing fetches the first
// page (the hook mounting), then fetchNextPage runs until hasNextPage is false (the user pressing
// "Load more"). Each run sends its requests in a scope of its own (x-fake-scope), so the fake's
// request log counts exactly that run's list requests, which must equal the pages fetched.
import { InfiniteQueryObserver, QueryClient } from '@tanstack/react-query'
import { performance } from 'node:perf_hooks'
import { fakeControl, scopeHeaders } from '../fake/control-client'
import { startFakeSeamConnect, type FakeSeamConnect } from '../fake/node-server'
import { connectedAccountsQueryOptions, createSeamConnectClient } from '../src/index'
import type { BenchSection } from './section'

const TOTAL = 10_000
const MATCHING = 100
const LIMIT = 10
const RUNS = 5
const TENANT = 'bench'

interface Run {
  firstPageMs: number
  lastPageMs: number
  pages: number
  items: number
  requests: number
}

/** Seeds the workspace, then walks the tenant's list to its end {@link RUNS} times. */
export async function benchLists(): Promise<BenchSection> {
  const fake = await startFakeSeamConnect()
  try {
    const control = fakeControl(fake.url, fake)
    const seedStart = performance.now()
    const ids = await control.seedConnectedAccounts(
      Array.from({ length: TOTAL }, (_, i) => ({
        custom_metadata: { tenant_id: i % (TOTAL / MATCHING) === 0 ? TENANT : `tenant_${i}` },
      })),
    )
    const seedMs = performance.now() - seedStart
    if (ids.length !== TOTAL) throw new Error(`seeded ${ids.length} accounts, not ${TOTAL}`)

    const runs: Run[] = []
    for (let run = 0; run < RUNS; run++) runs.push(await listToTheEnd(fake, control))

    const pages = distinct(runs.map((run) => run.pages))
    const requests = distinct(runs.map((run) => run.requests))
    const items = distinct(runs.map((run) => run.items))
    const matched = runs.every((run) => run.requests === run.pages)
    return {
      title: 'lists',
      method:
        `${TOTAL.toLocaleString()} connected accounts on the fake, ${MATCHING} with tenant_id ` +
        `"${TENANT}", limit ${LIMIT}, API key; median of ${RUNS} runs (min–max)`,
      columns: ['measure', 'value'],
      rows: [
        [`seed ${TOTAL.toLocaleString()} accounts (one bulk request)`, `${ms(seedMs)}`],
        ['time to first page', spread(runs.map((run) => run.firstPageMs))],
        ['time to last page', spread(runs.map((run) => run.lastPageMs))],
        ['pages fetched', pages],
        ['items listed', `${items} (expected ${MATCHING})`],
        [
          'list requests in the fake’s log',
          `${requests} ${matched ? '✓ = pages fetched' : '✗ MISMATCH with pages fetched'}`,
        ],
      ],
      results: { total: TOTAL, matching: MATCHING, limit: LIMIT, seedMs, runs },
    }
  } finally {
    await fake.stop()
  }
}

/** One mount-and-load-more walk over the tenant's accounts, with a fresh cache. */
async function listToTheEnd(
  fake: FakeSeamConnect,
  control: ReturnType<typeof fakeControl>,
): Promise<Run> {
  const scope = `bench-lists-${crypto.randomUUID()}`
  const client = createSeamConnectClient({
    endpoint: fake.url,
    apiKey: fake.apiKey,
    headers: scopeHeaders(scope),
  })
  const queryClient = new QueryClient()
  const observer = new InfiniteQueryObserver(
    queryClient,
    connectedAccountsQueryOptions(client, {
      customMetadataHas: { tenant_id: TENANT },
      limit: LIMIT,
    }),
  )
  const start = performance.now()
  const { result: first, unsubscribe } = await mount(observer)
  const firstPageMs = performance.now() - start
  let result = first
  while (result.hasNextPage && !result.isError) result = await observer.fetchNextPage()
  const lastPageMs = performance.now() - start
  unsubscribe()
  queryClient.clear()
  if (result.isError) throw result.error
  const pages = result.data?.pages ?? []
  return {
    firstPageMs,
    lastPageMs,
    pages: pages.length,
    items: pages.reduce((sum, page) => sum + page.items.length, 0),
    requests: (await control.scopedRequests(scope, '/connected_accounts/list')).length,
  }
}

/**
 * Subscribes, as a mounted useInfiniteQuery does (which fetches the first page), and resolves with
 * the first settled result.
 */
function mount<R extends { isFetching: boolean }>(observer: {
  subscribe(listener: (result: R) => void): () => void
}): Promise<{ result: R; unsubscribe: () => void }> {
  return new Promise((resolve) => {
    let settled = false
    const unsubscribe = observer.subscribe((result) => {
      if (settled || result.isFetching) return
      settled = true
      // Notifications are batched onto a later tick, so subscribe has returned by now.
      resolve({ result, unsubscribe })
    })
  })
}

const ms = (value: number) => `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`

function spread(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b)
  const median = sorted[Math.floor(sorted.length / 2)] ?? NaN
  return `${ms(median)} (${ms(sorted[0] ?? NaN)}–${ms(sorted.at(-1) ?? NaN)})`
}

/** The value every run agreed on, or all of them when they differ. */
const distinct = (values: number[]) => [...new Set(values)].join(' / ')
