// The parser of the Connect Webview's `message` data, fuzzed: it never throws, and it accepts
// exactly the well-formed login events (docs/seam-api.md §5.1), as a reference written here reads
// them. Inputs go through structuredClone too, since that is how postMessage delivers them.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseWebviewMessage } from '../../src/schemas/webview-message'

const RUNS = 10_000

const LOGIN_EVENTS = [
  'connect_webview.login_succeeded',
  'connect_webview.login_failed',
  'webview.login_successful',
  'webview.login_failed',
]

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** A login event: a known type, the webview's id, and text (or nothing) in the optional fields. */
function reference(data: unknown): boolean {
  if (!isRecord(data) || !isRecord(data.event)) return false
  const event = data.event
  const textOrAbsent = (field: string) =>
    event[field] === undefined || typeof event[field] === 'string'
  return (
    typeof event.event_type === 'string' &&
    LOGIN_EVENTS.includes(event.event_type) &&
    typeof event.connect_webview_id === 'string' &&
    ['connected_account_id', 'error_code', 'error_message'].every(textOrAbsent)
  )
}

const text = fc.oneof(fc.string(), fc.uuid(), fc.string({ unit: 'grapheme' }))
const anyValue = fc.oneof(
  text,
  fc.integer(),
  fc.constant(null),
  fc.constant(undefined),
  fc.boolean(),
  fc.array(text, { maxLength: 2 }),
  fc.object({ maxDepth: 1 }),
)
/** Mostly text, sometimes anything else: both sides of each field's rule. */
const field = fc.oneof({ weight: 3, arbitrary: text }, { weight: 1, arbitrary: anyValue })

const eventType = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...LOGIN_EVENTS) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'connect_webview.login_succeeded ',
      'CONNECT_WEBVIEW.LOGIN_SUCCEEDED',
      'connected_account.connected',
      'webview.login_succeeded',
      'login_succeeded',
      '',
      '__proto__',
      'constructor',
    ),
  },
  { weight: 1, arbitrary: anyValue },
)

/** Shaped like Seam's messages, with any field missing, mistyped, or extra. */
const eventLike = fc.record(
  {
    event_type: eventType,
    connect_webview_id: field,
    connected_account_id: field,
    error_code: field,
    error_message: field,
    extra: fc.anything(),
  },
  { requiredKeys: ['event_type', 'connect_webview_id'] },
)
const messageLike = fc.oneof(
  { weight: 4, arbitrary: fc.record({ event: eventLike }) },
  { weight: 1, arbitrary: fc.record({ event: eventLike, type: text, source: anyValue }) },
  { weight: 1, arbitrary: fc.record({ event: anyValue }) },
  { weight: 1, arbitrary: eventLike },
  { weight: 1, arbitrary: fc.array(fc.record({ event: eventLike }), { maxLength: 2 }) },
  { weight: 1, arbitrary: fc.string().map((json) => `{"event":${json}}`) },
  {
    weight: 2,
    arbitrary: fc.anything({
      withBigInt: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withTypedArray: true,
      withSparseArray: true,
    }),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(
        '{"__proto__":{"event":{"event_type":"webview.login_successful","connect_webview_id":"cw"}}}',
        '{"event":{"__proto__":{"event_type":"webview.login_successful","connect_webview_id":"cw"}}}',
        '{"event":{"event_type":"webview.login_successful","connect_webview_id":"cw","constructor":{}}}',
      )
      .map((json) => JSON.parse(json) as unknown),
  },
)

describe('the webview message parser, fuzzed (fast-check)', () => {
  it(`never throws, and accepts exactly the well-formed login events, on ${RUNS} messages`, () => {
    let accepted = 0
    fc.assert(
      fc.property(messageLike, (data) => {
        for (const delivered of [data, structuredClone(data)]) {
          const event = parseWebviewMessage(delivered)
          const expected = reference(delivered)
          expect(event !== undefined).toBe(expected)
          if (!event || !isRecord(delivered) || !isRecord(delivered.event)) continue
          accepted++
          // What it returns is what was sent: the same type and ids, not a default or a coercion.
          expect(event.event_type).toBe(delivered.event.event_type)
          expect(event.connect_webview_id).toBe(delivered.event.connect_webview_id)
          expect(event.connected_account_id).toBe(delivered.event.connected_account_id)
        }
      }),
      { numRuns: RUNS },
    )
    // Both sides of the line are reached, not only refusals.
    expect(accepted).toBeGreaterThan(RUNS / 10)
  })

  it('a login event read from a polluted-looking key is refused, and nothing is polluted', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort().join()
    const inherited = JSON.parse(
      '{"__proto__":{"event":{"event_type":"webview.login_successful","connect_webview_id":"cw"}}}',
    ) as unknown
    expect(parseWebviewMessage(inherited)).toBeUndefined()
    expect(parseWebviewMessage(structuredClone(inherited))).toBeUndefined()
    expect(Object.getOwnPropertyNames(Object.prototype).sort().join()).toBe(before)
    expect(({} as { event?: unknown }).event).toBeUndefined()
  })
})
