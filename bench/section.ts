// What every part of `npm run bench` returns: a table to print and the same figures as data for
// bench/results.json. A section measures; it never passes or fails (the tests assert behaviour).

export interface BenchSection {
  /** The heading printed above the table, and the section's key in bench/results.json. */
  title: string
  /** One line under the title: how it was measured (setup, runs, what is external...). */
  method: string
  columns: string[]
  rows: (string | number)[][]
  /** Machine-readable figures, written to bench/results.json under the title. */
  results: unknown
}

/** A plain-text table, columns padded; numbers right-aligned. */
export function formatSection({ title, method, columns, rows }: BenchSection): string {
  const cells = [columns, ...rows].map((row) => row.map(String))
  const widths = columns.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)))
  const line = (row: string[], source: (string | number)[]) =>
    row
      .map((cell, i) =>
        typeof source[i] === 'number' ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0),
      )
      .join('  ')
      .trimEnd()
  return [
    `## ${title}`,
    method,
    '',
    line(cells[0] ?? [], columns),
    widths.map((width) => '-'.repeat(width)).join('  '),
    ...rows.map((row, i) => line(cells[i + 1] ?? [], row)),
  ].join('\n')
}

/** Median and 95th percentile (nearest rank) of a non-empty list. */
export function percentiles(values: readonly number[]): { median: number; p95: number } {
  if (values.length === 0) throw new Error('percentiles of no values')
  const sorted = [...values].sort((a, b) => a - b)
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]
  const middle = sorted.length / 2
  const median = Number.isInteger(middle)
    ? ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
    : (sorted[Math.floor(middle)] ?? 0)
  return { median, p95: rank(0.95) ?? 0 }
}
