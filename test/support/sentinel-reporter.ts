// Sums what the sentinel guard (sentinel-setup.ts) scanned in each test of the run and prints it
// after the run: the "sentinel scans" figures of issue 12, item 9.
import type { Reporter, TestModule } from 'vitest/node'
import type { SentinelScanCounts } from './sentinel-guard'

const n = (value: number) => value.toLocaleString('en-US')

export default class SentinelReporter implements Reporter {
  onTestRunEnd(testModules: readonly TestModule[]): void {
    const total: SentinelScanCounts = {
      consoleCalls: 0,
      errors: 0,
      queryKeys: 0,
      attributeValues: 0,
    }
    const tests = new Map<string, number>()
    for (const testModule of testModules) {
      for (const test of testModule.children.allTests()) {
        const scans = test.meta().sentinelScans
        if (!scans) continue
        const project = testModule.project.name
        tests.set(project, (tests.get(project) ?? 0) + 1)
        for (const key of Object.keys(total) as (keyof SentinelScanCounts)[]) {
          total[key] += scans[key]
        }
      }
    }
    if (tests.size === 0) return
    const count = [...tests.values()].reduce((a, b) => a + b, 0)
    const byProject = [...tests].map(([project, k]) => `${project} ${n(k)}`).join(', ')
    console.log(
      `\nSentinel scans: ${n(count)} tests (${byProject}); ${n(total.consoleCalls)} console calls, ` +
        `${n(total.errors)} errors, ${n(total.queryKeys)} query and mutation keys, ` +
        `${n(total.attributeValues)} DOM attribute values\n`,
    )
  }
}
