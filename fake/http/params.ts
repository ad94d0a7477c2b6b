// Reads a request's parameters: the JSON body of a POST/PATCH, or the query of a GET (Seam's
// newer SDKs read with GET; docs/seam-api.md §1).
import type { HonoRequest } from 'hono'
import { FakeSeamError } from './errors.js'

export type Params = Record<string, unknown>

export async function readParams(req: HonoRequest): Promise<Params> {
  if (req.method === 'GET' || req.method === 'HEAD') {
    return paramsFromQuery(new URL(req.url).searchParams)
  }
  const text = await req.text()
  if (text.trim() === '') return {}
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    throw new FakeSeamError(400, 'invalid_input', 'The body is not valid JSON')
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new FakeSeamError(400, 'invalid_input', 'The body must be a JSON object')
  }
  return body as Params
}

// Query strings only carry strings: numbers and booleans are recovered where Seam's params
// expect them.
const NUMERIC_PARAMS = new Set(['limit'])

/**
 * `a=1` -> `{ a: 1 }`, repeated `a=1&a=2` or `a[]=1` -> arrays, and
 * `custom_metadata_has[key]=value` -> a nested object (`true`/`false` read as booleans).
 */
function paramsFromQuery(query: URLSearchParams): Params {
  const params: Params = {}
  for (const [rawKey, value] of query) {
    const nested = /^([^[\]]+)\[([^[\]]*)\]$/.exec(rawKey)
    if (nested?.[1] !== undefined && nested[2] !== undefined && nested[2] !== '') {
      const parent = (params[nested[1]] ??= {}) as Record<string, unknown>
      parent[nested[2]] = readBoolean(value)
      continue
    }
    const key = nested?.[1] ?? rawKey
    const converted = NUMERIC_PARAMS.has(key) ? readNumber(value) : value
    const existing = params[key]
    if (nested) {
      params[key] = [...(Array.isArray(existing) ? existing : []), converted]
    } else if (existing === undefined) {
      params[key] = converted
    } else {
      params[key] = [...(Array.isArray(existing) ? existing : [existing]), converted]
    }
  }
  return params
}

function readNumber(value: string): number | string {
  const number = Number(value)
  return value.trim() !== '' && Number.isFinite(number) ? number : value
}

function readBoolean(value: string): string | boolean {
  if (value === 'true') return true
  if (value === 'false') return false
  return value
}
