// Formatting shared by the browser bench sections.
import { percentiles } from '../section'

/** `12.3 ms` below 10 ms, `123 ms` above. */
export const ms = (value: number) => `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`

/** Median and p95 of a list of ms, as two cells. */
export function medianP95(values: readonly number[]): [string, string] {
  const { median, p95 } = percentiles(values)
  return [ms(median), ms(p95)]
}

/** `4` when every flow agreed, else `4 (3–6)`: the median, then the range. */
export function countSpread(values: readonly number[]): string {
  const sorted = [...values].sort((a, b) => a - b)
  const { median } = percentiles(sorted)
  const low = sorted[0] ?? NaN
  const high = sorted.at(-1) ?? NaN
  const shown = Number.isInteger(median) ? String(median) : median.toFixed(1)
  return low === high ? shown : `${shown} (${low}–${high})`
}
