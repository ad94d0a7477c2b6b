// The custom_metadata validator against a reference predicate written here from Seam's rules
// (docs/seam-api.md §4), over generated inputs: both must agree on every one. The reference is
// written independently (Reflect and property descriptors, code points summed to UTF-16 units), so
// that a shared mistake is unlikely.
import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { customMetadataInputSchema, findCustomMetadataIssues } from '../../src/index'

const RUNS = 10_000

/** Seam's rules, as the reference reads them: what JSON would send, whole, and within limits. */
function reference(input: unknown): boolean {
  if (typeof input !== 'object' || input === null) return false
  if (Object.prototype.toString.call(input) !== '[object Object]') return false
  const proto = Reflect.getPrototypeOf(input)
  if (proto !== Object.prototype && proto !== null) return false
  const names = Reflect.ownKeys(input)
  if (names.length > 50) return false
  return names.every((name) => {
    if (typeof name !== 'string') return false
    // JSON.stringify skips a non-enumerable key: it would be dropped without a word.
    if (!Reflect.getOwnPropertyDescriptor(input, name)?.enumerable) return false
    const units = Array.from(name, (codePoint) => codePoint.length).reduce((a, b) => a + b, 0)
    if (units < 1 || units > 40 || name.split('.').length > 1) return false
    const value: unknown = Reflect.get(input, name)
    if (value === null || value === true || value === false) return true
    return typeof value === 'string' && Array.from(value).join('').length <= 500
  })
}

/** Exactly `units` UTF-16 code units, mixing one- and two-unit characters. */
const ofUnits = (units: number) =>
  fc
    .array(fc.constantFrom('a', 'é', '漢', '😀', '👩‍💻', '\u0301'), { maxLength: units })
    .map((parts) => {
      let text = ''
      for (const part of parts) if (text.length + part.length <= units) text += part
      return text.padEnd(units, 'k')
    })

const key = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '__proto__',
      'constructor',
      'prototype',
      'toString',
      'hasOwnProperty',
      '',
      '.',
      'user.id',
      'user_id',
    ),
  },
  { weight: 2, arbitrary: fc.constantFrom(1, 39, 40, 41, 42).chain(ofUnits) },
)

const value = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 2, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: fc.constantFrom(0, 499, 500, 501).chain(ofUnits) },
  {
    weight: 2,
    arbitrary: fc.oneof(
      fc.integer(),
      fc.double(),
      fc.constant(undefined),
      fc.bigInt(),
      fc.date(),
      fc.array(fc.string(), { maxLength: 2 }),
      fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }),
    ),
  },
)

type Entries = [string, unknown][]

/** Own, enumerable, writable properties: `__proto__` and `constructor` become plain keys. */
function define(target: object, entries: Entries, enumerable = true): object {
  for (const [name, v] of entries) {
    Object.defineProperty(target, name, {
      value: v,
      enumerable,
      writable: true,
      configurable: true,
    })
  }
  return target
}

class Metadata {
  readonly kind = 'metadata'
}

/** The same entries in every kind of container an app might hand over. */
const container = (entries: Entries) =>
  fc.constantFrom<() => unknown>(
    () => define({}, entries),
    () => define({}, entries),
    () => define({}, entries),
    () => define(Object.create(null) as object, entries),
    () =>
      JSON.parse(
        JSON.stringify(Object.fromEntries(entries), (_, v: unknown) =>
          typeof v === 'bigint' ? String(v) : v,
        ),
      ) as unknown,
    () => define(define({}, entries.slice(1)), entries.slice(0, 1), false),
    () => Object.assign(define({}, entries), { [Symbol('hidden')]: 'x' }),
    () => define(Object.create({ inherited: 'x' }) as object, entries),
    () => define(new Metadata(), entries),
    () => new Map(entries),
    () => entries.map(([, v]) => v),
    () => new Date(0),
    () => 'tenant_id=acme',
    () => null,
    () => undefined,
  )

const entries = fc.oneof(
  { weight: 3, arbitrary: fc.array(fc.tuple(key, value), { maxLength: 8 }) },
  {
    // Around the 50-key limit, with valid keys and values so that the count decides.
    weight: 1,
    arbitrary: fc
      .constantFrom(49, 50, 51)
      .chain((n) =>
        fc
          .uniqueArray(fc.nat(9999), { minLength: n, maxLength: n })
          .map((ids): Entries => ids.map((id) => [`key_${String(id)}`, 'v'])),
      ),
  },
)

const input = entries.chain((list) => container(list).map((make) => make()))

const prototypeNames = () => Object.getOwnPropertyNames(Object.prototype).sort()

describe('custom_metadata validation, fuzzed against a reference (fast-check)', () => {
  let before: string[]
  beforeEach(() => {
    before = prototypeNames()
  })
  afterEach(() => {
    // Nothing was polluted: no new property on Object.prototype, none readable from {}.
    expect(prototypeNames()).toEqual(before)
    expect(({} as Record<string, unknown>).inherited).toBeUndefined()
  })

  it(`findCustomMetadataIssues and the zod schema agree with the reference on ${RUNS} inputs`, () => {
    let accepted = 0
    fc.assert(
      fc.property(input, (metadata) => {
        const expected = reference(metadata)
        if (expected) accepted++
        expect(findCustomMetadataIssues(metadata).length === 0).toBe(expected)
        expect(customMetadataInputSchema.safeParse(metadata).success).toBe(expected)
      }),
      { numRuns: RUNS },
    )
    // The generator reaches both sides of the line, not only refusals.
    expect(accepted).toBeGreaterThan(RUNS / 10)
  })

  it(`validating leaves the input as it was and nothing polluted, on ${RUNS} inputs`, () => {
    const read = (metadata: object) =>
      Reflect.ownKeys(metadata).map((name) => [name, Reflect.get(metadata, name)] as const)
    fc.assert(
      fc.property(entries, (list) => {
        const metadata = define({}, list)
        const snapshot = read(metadata)
        findCustomMetadataIssues(metadata)
        customMetadataInputSchema.safeParse(metadata)
        const after = read(metadata)
        return (
          after.length === snapshot.length &&
          after.every(
            ([name, v], i) => name === snapshot[i]?.[0] && Object.is(v, snapshot[i][1]),
          ) &&
          Object.getPrototypeOf(metadata) === Object.prototype &&
          prototypeNames().join() === before.join()
        )
      }),
      { numRuns: RUNS },
    )
  })

  it('each boundary falls on the right side (40/41 units per key, 500/501 per value, 50/51 keys)', () => {
    const ok = (metadata: object) => findCustomMetadataIssues(metadata).length === 0
    expect(ok({ ['😀'.repeat(20)]: 'v' })).toBe(true)
    expect(ok({ ['😀'.repeat(20) + 'k']: 'v' })).toBe(false)
    expect(ok({ k: 'é'.repeat(500) })).toBe(true)
    expect(ok({ k: `${'😀'.repeat(250)}k` })).toBe(false)
    const many = (n: number) =>
      Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, true]))
    expect(ok(many(50))).toBe(true)
    expect(ok(many(51))).toBe(false)
    expect(ok(JSON.parse('{"__proto__": "a", "constructor": true}') as object)).toBe(true)
    expect(ok(define({ shown: 'a' }, [['hidden', 'b']], false))).toBe(false)
  })
})
