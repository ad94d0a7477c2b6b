// The messages callers see: zod/mini has none of its own, so every issue code the schemas can
// produce is written by src/schemas/messages.ts, naming the place and the rule, never the value.
import { describe, expect, it } from 'vitest'
import * as z from 'zod/mini'
import { formatPath, issueAt, toIssues } from '../../src/errors/issues'
import { errorMap } from '../../src/schemas/messages'
import {
  connectedAccountSchema,
  createConnectWebviewParamsSchema,
  customMetadataInputSchema,
  findCustomMetadataIssues,
} from '../../src/index'
import { getConnectedAccountParamsSchema } from '../../src/schemas/connected-account'
import { listParamsSchema } from '../../src/schemas/list'

/** The messages of parsing `value`, as the client writes them. */
const messages = (schema: z.ZodMiniType, value: unknown, root: 'params' | 'response' = 'params') =>
  schema.safeParse(value, { error: errorMap(root) }).error?.issues.map((i) => i.message)

const SECRET = 'seam_cst1_SECRET_never_shown'

describe('formatPath', () => {
  it.each([
    [[], ''],
    [['connect_webview', 'status'], 'connect_webview.status'],
    [['accepted_capabilities', 1], 'accepted_capabilities[1]'],
    [['headers', 'x-app-auth'], 'headers.x-app-auth'],
    [['custom_metadata', 'user.id'], 'custom_metadata["user.id"]'],
    [['custom_metadata', ''], 'custom_metadata[""]'],
    [['custom_metadata', 'a b"c'], 'custom_metadata["a b\\"c"]'],
    [['custom_metadata', 'k'.repeat(60)], `custom_metadata["${'k'.repeat(48)}…"]`],
    [[Symbol('s')], '["Symbol(s)"]'],
  ])('%j reads %s', (path, text) => {
    expect(formatPath(path)).toBe(text)
  })

  it('is the one formatter: issueAt and toIssues use it', () => {
    expect(issueAt(['retry', 'retries'], 'must be a whole number')).toEqual({
      path: ['retry', 'retries'],
      message: 'retry.retries must be a whole number',
    })
    expect(
      toIssues([{ message: 'Expected string', path: [{ key: 'a.b' }, 0, Symbol('s')] }], true),
    ).toEqual([
      { path: ['a.b', 0, 'Symbol(s)'], message: '["a.b"][0]["Symbol(s)"]: Expected string' },
    ])
  })
})

describe('errorMap: one message per issue code the schemas produce', () => {
  it.each<[string, z.ZodMiniType, unknown, string]>([
    ['invalid_type', z.strictObject({ a: z.string() }), { a: 1 }, 'a must be a string'],
    ['invalid_type (missing)', z.strictObject({ a: z.string() }), {}, 'a is required'],
    [
      'invalid_type (never)',
      z.strictObject({ a: z.optional(z.never()) }),
      { a: 1 },
      'a must not be set',
    ],
    [
      'unrecognized_keys',
      z.strictObject({}),
      { customMetadata: {} },
      'unknown parameter "customMetadata"',
    ],
    [
      'unrecognized_keys (nested)',
      z.strictObject({ o: z.strictObject({}) }),
      { o: { x: 1, y: 2 } },
      'o has unknown keys "x", "y"',
    ],
    ['invalid_value', z.literal(['lock', 'camera']), 'door', 'params must be one of lock, camera'],
    [
      'invalid_union',
      z.union([z.string(), z.boolean(), z.null()]),
      1,
      'params must be a string, a boolean or null',
    ],
    [
      'invalid_union (objects)',
      z.union([z.strictObject({ a: z.string() }), z.strictObject({ b: z.string() })]),
      {},
      'params does not match any of the shapes allowed here',
    ],
    ['custom', z.string().check(z.refine(() => false)), 'x', 'params is invalid'],
  ])('%s', (_, schema, value, message) => {
    expect(messages(schema, value)).toEqual([message])
  })

  it('names the whole response when the reply itself is wrong', () => {
    expect(messages(connectedAccountSchema, [], 'response')).toEqual(['response must be an object'])
    expect(messages(connectedAccountSchema, { connected_account_id: 'ca' }, 'response')).toEqual([
      'custom_metadata is required',
    ])
    expect(
      messages(connectedAccountSchema, {
        connected_account_id: 'ca',
        custom_metadata: { 'a.b': 1 },
      }),
    ).toEqual(['custom_metadata must be an object of string and boolean values'])
  })

  it('never repeats the value, whatever the code', () => {
    const found = [
      messages(z.strictObject({ a: z.number() }), { a: SECRET }),
      messages(z.enum(['a']), SECRET),
      messages(z.email(), SECRET),
      messages(z.string().check(z.maxLength(3)), SECRET),
      messages(z.union([z.number(), z.boolean()]), SECRET),
      messages(z.string().check(z.refine(() => false)), SECRET),
      messages(createConnectWebviewParamsSchema, {
        custom_redirect_url: SECRET,
        customer_key: 7,
        custom_metadata: { k: `${SECRET}${'x'.repeat(500)}` },
      }),
      findCustomMetadataIssues({ k: [SECRET] }).map((i) => i.message),
    ]
    expect(found.flat().length).toBeGreaterThan(7)
    expect(JSON.stringify(found)).not.toContain('SECRET')
  })
})

describe('the schemas’ own rules read as one sentence', () => {
  it.each<[unknown, string[]]>([
    [{}, ['pass exactly one of connected_account_id and email']],
    [
      { connected_account_id: 'ca', email: 'j@example.com' },
      ['pass exactly one of connected_account_id and email'],
    ],
    [{ email: '' }, ['email must be a non-empty string']],
    [{ connected_account_id: 42 }, ['connected_account_id must be a non-empty string']],
    [{ email: null }, ['email must be a non-empty string']],
    [{ connectedAccountId: 'ca' }, ['pass exactly one of connected_account_id and email']],
  ])('get connected account %j', (params, expected) => {
    expect(messages(getConnectedAccountParamsSchema, params)).toEqual(expected)
  })

  it.each<[unknown, string]>([
    [0, 'limit must be a positive integer'],
    [1.5, 'limit must be a positive integer'],
    ['10', 'limit must be a positive integer'],
  ])('list limit %j', (limit, message) => {
    expect(messages(listParamsSchema, { limit })).toEqual([message])
  })

  it('create params state the field and its rule', () => {
    expect(
      messages(createConnectWebviewParamsSchema, {
        custom_redirect_url: 'javascript:alert(1)',
        customer_key: '',
        wait_for_device_creation: 'yes',
        accepted_providers: ['august', 3],
      }),
    ).toEqual([
      'custom_redirect_url must be an http(s) URL',
      'accepted_providers[1] must be a string',
      'wait_for_device_creation must be a boolean',
      'customer_key must be a non-empty string',
    ])
  })

  it('custom_metadata reads the same through the client’s error map and without it', () => {
    const input = { 'a.b': 1, ['x'.repeat(41)]: 'ok' }
    const direct = customMetadataInputSchema.safeParse(input).error?.issues.map((i) => i.message)
    expect(messages(customMetadataInputSchema, input)).toEqual(direct)
    expect(direct).toEqual([
      'custom_metadata key "a.b" must not contain "."',
      'custom_metadata key "a.b": the value must be a string, a boolean or null, not a number',
      `custom_metadata key "${'x'.repeat(41)}" has 41 characters; at most 40 are allowed`,
    ])
    expect(messages(customMetadataInputSchema, 'text')).toEqual([
      'custom_metadata must be an object, not a string',
    ])
  })
})
