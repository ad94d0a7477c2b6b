import {
  findCustomMetadataIssues,
  type CustomMetadata,
  type CustomMetadataInput,
} from '../../src/index'

/** How a row's text becomes a metadata value; "number" exists to show Seam refusing numbers. */
export type RowType = 'text' | 'true' | 'false' | 'null' | 'number'

export interface MetadataRow {
  id: string
  key: string
  type: RowType
  value: string
}

/** A problem with one row (`rowId`), or with the whole object (`rowId: null`). */
export interface RowProblem {
  rowId: string | null
  message: string
}

let nextId = 0
export const newRow = (key = '', value = '', type: RowType = 'text'): MetadataRow => ({
  id: `row-${++nextId}`,
  key,
  type,
  value,
})

function rowValue(row: MetadataRow): unknown {
  switch (row.type) {
    case 'text':
      return row.value
    case 'true':
      return true
    case 'false':
      return false
    case 'null':
      return null
    case 'number':
      return Number(row.value)
  }
}

/** Rows for metadata as Seam stores it (text and booleans), one per key. */
export const rowsFromMetadata = (metadata: CustomMetadata): MetadataRow[] =>
  Object.entries(metadata).map(([key, value]) =>
    typeof value === 'string' ? newRow(key, value) : newRow(key, '', value ? 'true' : 'false'),
  )

/** The metadata the rows describe, and every problem: the library's rules plus repeated keys. */
export function rowsToMetadata(rows: MetadataRow[]): {
  metadata: CustomMetadataInput
  problems: RowProblem[]
} {
  const metadata: Record<string, unknown> = {}
  const problems: RowProblem[] = []
  const seen = new Set<string>()
  for (const row of rows) {
    // Two rows with one key would silently keep only the last: say so instead.
    if (seen.has(row.key)) {
      problems.push({ rowId: row.id, message: `custom_metadata key "${row.key}" is used twice` })
    }
    seen.add(row.key)
    metadata[row.key] = rowValue(row)
  }
  for (const issue of findCustomMetadataIssues(metadata)) {
    const [key] = issue.path
    const row = key === undefined ? undefined : rows.findLast((r) => r.key === key)
    problems.push({ rowId: row?.id ?? null, message: issue.message })
  }
  return { metadata: metadata as CustomMetadataInput, problems }
}
