import { describe, expect, it } from 'vitest'
import {
  connectedAccountSchema,
  connectWebviewSchema,
  createSeamConnectClient,
  customMetadataInputSchema,
  customMetadataSchema,
  findCustomMetadataIssues,
  seamConnectKeys,
} from '../../src/index'
import seedConnectWebview from '../fixtures/seed-connect-webview.json'

describe('customMetadataInputSchema (Seam’s rules, docs/seam-api.md §4)', () => {
  it('accepts strings, booleans and null within the limits', () => {
    const input = { your_app_user_id: 'xxxx', admin: false, removed: null, ['k'.repeat(40)]: '' }
    expect(customMetadataInputSchema.parse(input)).toEqual(input)
  })

  it.each([
    [null, 'custom_metadata must be an object, not null'],
    [[], 'custom_metadata must be an object, not an array'],
    ['text', 'custom_metadata must be an object, not a string'],
    [new Map(), 'custom_metadata must be an object, not a Map'],
    [new Error('x'), 'custom_metadata must be an object, not an Error'],
    [
      new (class {
        field = 1
      })(),
      'custom_metadata must be an object, not an instance of a class',
    ],
  ])('refuses %o as the whole object', (input, message) => {
    expect(findCustomMetadataIssues(input)).toEqual([{ path: [], message }])
  })

  it('names the key, never the value, and cuts very long keys', () => {
    const secretValue = 'x'.repeat(600)
    const longKey = 'a'.repeat(100)
    const issues = findCustomMetadataIssues({ [longKey]: secretValue, '': true, n: 1.5 })
    // Key by key, in the object's order: the key's own issues, then its value's.
    expect(issues.map((i) => i.message)).toEqual([
      `custom_metadata key "${'a'.repeat(48)}…" has 100 characters; at most 40 are allowed`,
      `custom_metadata key "${'a'.repeat(48)}…": the value has 600 characters; at most 500 are allowed`,
      'custom_metadata keys must not be empty',
      'custom_metadata key "n": the value must be a string, a boolean or null, not a number',
    ])
    expect(JSON.stringify(issues)).not.toContain(secretValue)
  })

  it('counts lengths in UTF-16 code units, as Seam does (docs/seam-api.md §4)', () => {
    // 21 and 251 emoji: within 40 and 500 code points, over 40 and 500 code units.
    const key = '😀'.repeat(21)
    const issues = findCustomMetadataIssues({ [key]: '😀'.repeat(251), ok: '😀'.repeat(250) })
    expect(issues.map((i) => i.message)).toEqual([
      `custom_metadata key "${key}" has 42 characters; at most 40 are allowed`,
      `custom_metadata key "${key}": the value has 502 characters; at most 500 are allowed`,
    ])
  })

  it('refuses a symbol key as a key, not as the whole object', () => {
    expect(findCustomMetadataIssues({ [Symbol('s')]: 'v' })).toEqual([
      { path: ['Symbol(s)'], message: 'custom_metadata keys must be strings' },
    ])
  })

  it('parses through zod with the same messages and paths', () => {
    const result = customMetadataInputSchema.safeParse({ 'a.b': 'c' })
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((i) => [i.path, i.message])).toEqual([
      [['a.b'], 'custom_metadata key "a.b" must not contain "."'],
    ])
  })
})

describe('response schemas', () => {
  it('parse the seed page’s example webview (completed into the official model)', () => {
    const webview = connectWebviewSchema.parse(seedConnectWebview)
    expect(webview.custom_metadata).toEqual({ id: 'internal_id_1' })
    expect(webview.status).toBe('pending')
    expect(webview.workspace_id).toBe('398d80b7-3f96-47c2-b85a-6f8ba21d07be')
  })

  it('tolerate new statuses and fields, and keep the unknown fields', () => {
    const webview = connectWebviewSchema.parse({
      ...seedConnectWebview,
      status: 'expired',
      some_future_field: { nested: true },
    })
    expect(webview.status).toBe('expired')
    expect(webview.some_future_field).toEqual({ nested: true })
  })

  it('require only what the library reads', () => {
    expect(
      connectWebviewSchema.safeParse({
        connect_webview_id: 'opaque-id',
        status: 'pending',
        url: 'https://connect.getseam.com/connect_webviews/view',
        connected_account_id: null,
        custom_metadata: {},
      }).success,
    ).toBe(true)
    expect(
      connectedAccountSchema.safeParse({ connected_account_id: 'ca', custom_metadata: { a: true } })
        .success,
    ).toBe(true)
    expect(connectedAccountSchema.safeParse({ connected_account_id: 'ca' }).success).toBe(false)
  })

  it('custom_metadata as returned holds only strings and booleans', () => {
    expect(customMetadataSchema.safeParse({ a: 'b', c: true }).success).toBe(true)
    expect(customMetadataSchema.safeParse({ a: 1 }).success).toBe(false)
    expect(customMetadataSchema.safeParse([]).success).toBe(false)
  })

  it('metadata read back refuses what is not a plain object, never reading it as {}', () => {
    for (const value of [
      new Map([['a', 'b']]),
      new Date(),
      new (class Meta {
        tenant = 'acme'
      })(),
    ]) {
      expect(customMetadataSchema.safeParse(value).success).toBe(false)
    }
    // JSON.parse makes `__proto__` an own key: it is data, and kept.
    const parsed = customMetadataSchema.parse(JSON.parse('{"__proto__":"x","b":"c"}'))
    expect(Object.keys(parsed)).toEqual(['__proto__', 'b'])
  })
})

describe('seamConnectKeys', () => {
  const endpoint = 'https://connect.getseam.com'

  it('scope keys by endpoint and credential without containing either secret', () => {
    const alice = createSeamConnectClient({ clientSessionToken: 'seam_cst1_alice_secret' })
    const bob = createSeamConnectClient({ clientSessionToken: 'seam_cst1_bob_secret' })
    const proxy = createSeamConnectClient({ endpoint: 'https://app.example/seam' })
    const pk = (userIdentifierKey: string) =>
      createSeamConnectClient({ endpoint, publishableKey: 'seam_pk1_x', userIdentifierKey })
    const scopes = [alice, bob, proxy, pk('user-1'), pk('user-2')].map((c) => c.scope)
    expect(new Set(scopes).size).toBe(5)
    expect(createSeamConnectClient({ clientSessionToken: 'seam_cst1_alice_secret' }).scope).toBe(
      alice.scope,
    )
    const key = JSON.stringify(seamConnectKeys.connectWebview(alice, 'cw_1'))
    expect(key).not.toContain('alice')
    expect(key).not.toContain('seam_cst')
    expect(JSON.stringify(seamConnectKeys.all(pk('user-1')))).not.toContain('user-1')
  })

  it('nest so that a prefix invalidates everything under it', () => {
    const client = createSeamConnectClient({ clientSessionToken: 'seam_cst1_x' })
    const all = seamConnectKeys.all(client)
    const accounts = seamConnectKeys.connectedAccounts(client)
    expect(seamConnectKeys.connectWebview(client, 'a').slice(0, all.length)).toEqual(all)
    expect(seamConnectKeys.connectedAccount(client, 'a').slice(0, accounts.length)).toEqual(
      accounts,
    )
    expect(
      seamConnectKeys.connectedAccountByConnectWebview(client, 'a', 'b').slice(0, accounts.length),
    ).toEqual(accounts)
  })
})
