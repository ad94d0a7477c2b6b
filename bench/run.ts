// `npm run bench`: numbers, not pass/fail (the size budget's check lives in .ci/run, behaviour in
// the tests). Prints one table per section and writes every figure to bench/results.json.
// `npm run bench -- size lists` runs only the sections named.
import { readFile, writeFile } from 'node:fs/promises'
import { cpus } from 'node:os'
import { benchLatency } from './browser/latency'
import { benchLeaks } from './leaks'
import { benchLists } from './lists'
import { benchRenders } from './browser/renders'
import { benchRequests } from './browser/requests'
import { formatSection, type BenchSection } from './section'
import { benchSize } from './size-section'
import { benchValidation } from './validation'

/** Every section, in the order printed; the key names it on the command line. */
const SECTIONS: Record<string, () => Promise<BenchSection>> = {
  size: benchSize,
  validation: benchValidation,
  lists: benchLists,
  latency: benchLatency,
  requests: benchRequests,
  renders: benchRenders,
  leaks: benchLeaks,
}

const asked = process.argv.slice(2).filter((arg) => !arg.startsWith('-'))
const unknown = asked.filter((key) => !(key in SECTIONS))
if (unknown.length) {
  console.error(`Unknown section ${unknown.join(', ')}; known: ${Object.keys(SECTIONS).join(', ')}`)
  process.exit(2)
}

const out = new URL('./results.json', import.meta.url)
type Results = Record<string, Omit<BenchSection, 'title'>>
// A partial run replaces its own sections and keeps the others' last figures.
const results: Results = asked.length
  ? (
      JSON.parse(await readFile(out, 'utf8').catch(() => '{"sections":{}}')) as {
        sections: Results
      }
    ).sections
  : {}
/** Written after every section, so that a section that throws keeps the figures before it. */
const save = () =>
  writeFile(
    out,
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        machine: { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model },
        sections: results,
      },
      null,
      2,
    )}\n`,
  )

for (const [key, run] of Object.entries(SECTIONS)) {
  if (asked.length && !asked.includes(key)) continue
  const { title, ...section } = await run()
  console.log(`${formatSection({ title, ...section })}\n`)
  results[key] = section
  await save()
}
console.log(`Written to bench/results.json${asked.length ? ` (only ${asked.join(', ')})` : ''}`)
