// Setup file of the dom and browser projects: every test runs under a SentinelGuard, which
// records console calls (still printed), the errors React Query surfaces to the hooks and the
// page reports, every query and mutation key, and, after the test, every DOM attribute but an
// iframe's src; a sentinel credential in any of them fails the test. What it scanned goes in
// the test's meta, which sentinel-reporter.ts sums for the run.
import { MutationCache, QueryCache } from '@tanstack/react-query'
import { afterEach, beforeEach } from 'vitest'
import { SentinelGuard, setActiveGuard, type SentinelScanCounts } from './sentinel-guard'

let guard = new SentinelGuard()

const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir'] as const
for (const method of CONSOLE_METHODS) {
  // Wrapped to be read, and still printed.
  const original = console[method].bind(console)
  console[method] = (...args: unknown[]) => {
    guard.console(method, args)
    original(...args)
  }
}

// React Query's caches tell their listeners of every query and mutation they add and of every
// error they store: instrumented on the prototype, so every QueryClient a test or a provider
// makes is seen, including errors that a retry or a refetch later replaces.
type QueryEvent = Parameters<QueryCache['notify']>[0]
type MutationEvent = Parameters<MutationCache['notify']>[0]
const notifyQuery = QueryCache.prototype.notify
QueryCache.prototype.notify = function (this: QueryCache, event: QueryEvent) {
  if (event.type === 'added') guard.queryKey(event.query.queryHash)
  if (event.type === 'updated' && event.action.type === 'error') {
    guard.error(event.action.error, `the query ${event.query.queryKey[0] as string}'s error`)
  }
  notifyQuery.call(this, event)
}
const notifyMutation = MutationCache.prototype.notify
MutationCache.prototype.notify = function (this: MutationCache, event: MutationEvent) {
  if (event?.type === 'added' && event.mutation.options.mutationKey) {
    guard.queryKey(event.mutation.options.mutationKey)
  }
  if (event?.type === 'updated' && event.action.type === 'error') {
    guard.error(event.action.error, 'a mutation’s error')
  }
  notifyMutation.call(this, event)
}

addEventListener('error', (event) => guard.error(event.error ?? event.message, 'a page error'))
addEventListener('unhandledrejection', (event) => guard.error(event.reason, 'a rejection'))

// Attributes are read as they appear, not only at the end: test files unmount in their own
// afterEach hooks, which run before this file's, and an attribute may be set and later removed.
const observer = new MutationObserver((records) => scanMutations(records))
function scanMutations(records: MutationRecord[]) {
  for (const record of records) {
    if (record.type === 'attributes' && record.target instanceof Element && record.attributeName) {
      guard.attribute(record.target, record.attributeName)
    }
    for (const node of record.addedNodes) if (node instanceof Element) guard.dom(node)
  }
}
observer.observe(document, { subtree: true, childList: true, attributes: true })

beforeEach(() => {
  guard = new SentinelGuard()
  setActiveGuard(guard)
})

afterEach((context) => {
  scanMutations(observer.takeRecords())
  guard.dom(document)
  context.task.meta.sentinelScans = { ...guard.counts }
  const report = guard.report()
  if (report) throw new Error(`A secret sentinel leaked: ${report}`)
})

declare module '@vitest/runner' {
  interface TaskMeta {
    /** What the sentinel guard scanned in this test (test/support/sentinel-setup.ts). */
    sentinelScans?: SentinelScanCounts
  }
}
