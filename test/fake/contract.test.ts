// The fake against Seam's official models: every route over real HTTP, each reply parsed by
// the zod models and checked against the openapi document shipped in @seamapi/types/connect.
import { openapi, schemas } from '@seamapi/types/connect'
import { describe, expect, inject, it } from 'vitest'
import { z } from 'zod'
import { ACCEPTED_PROVIDERS, PROVIDER_CATEGORIES } from '../../fake/seam/providers'
import {
  createConnectWebviewSchema,
  getConnectWebviewSchema,
  getOrCreateClientSessionSchema,
  listConnectWebviewsSchema,
  listConnectedAccountsSchema,
  providerCapabilitySchema,
  updateConnectedAccountSchema,
} from '../../fake/seam/schemas'
import seedConnectWebview from '../fixtures/seed-connect-webview.json'
import { fakeControl, uniqueUser, type FakeSession, type Json } from '../../fake/control-client'

const fake = fakeControl(inject('fakeUrl'))
const fakePublishableKey = inject('fakePublishableKey')

// --- the openapi document, typed loosely for traversal ---

interface SchemaObject {
  $ref?: string
  type?: string
  properties?: Record<string, SchemaObject>
  required?: string[]
  items?: SchemaObject
  enum?: string[]
  oneOf?: SchemaObject[]
}
interface Operation {
  requestBody?: { content: { 'application/json': { schema: SchemaObject } } }
  responses: Record<
    string,
    {
      description: string
      content?: { 'application/json': { schema: SchemaObject } }
    }
  >
}
const doc = openapi as unknown as {
  paths: Record<string, Record<string, Operation>>
}

function operation(path: string, method = 'post'): Operation {
  const op = doc.paths[path]?.[method]
  if (!op) throw new Error(`openapi has no ${method.toUpperCase()} ${path}`)
  return op
}

function requestProperties(path: string): Record<string, SchemaObject> {
  const schema = operation(path).requestBody?.content['application/json'].schema
  return schema?.properties ?? {}
}

const officialModels = schemas as unknown as Record<string, z.ZodObject>

/** The official zod model behind a `#/components/schemas/<name>` reference, made strict. */
function modelFor(ref: string): z.ZodType {
  const name = ref.replace('#/components/schemas/', '')
  const model = officialModels[name]
  if (!model) throw new Error(`no official zod model named ${name}`)
  // strict(): the fake must not send fields the official model does not know.
  return model.strict()
}

/**
 * Checks a 200 body against the openapi response of `path`: exactly its keys (required ones
 * present, nothing undeclared), each $ref'd object parsed by the official zod model.
 */
function expectOpenapiReply(path: string, body: Json, method = 'post'): void {
  const schema = operation(path, method).responses['200']?.content?.['application/json'].schema
  if (!schema?.properties) throw new Error(`no 200 schema for ${path}`)
  const properties = schema.properties
  expect(Object.keys(body).sort()).toEqual(
    expect.arrayContaining([...(schema.required ?? [])].sort()),
  )
  for (const key of Object.keys(body)) {
    expect(properties, `${path}: undeclared key ${key}`).toHaveProperty(key)
    const property = properties[key] ?? {}
    if (property.$ref) {
      modelFor(property.$ref).parse(body[key])
    } else if (property.type === 'array' && property.items?.$ref) {
      z.array(modelFor(property.items.$ref)).parse(body[key])
    } else if (property.type === 'boolean') {
      expect(body[key]).toBe(true)
    }
  }
}

/**
 * Seam's error envelope. The openapi document declares the 4xx replies without a schema
 * (`paths['/connect_webviews/get'].post.responses['400']` is `{ description: 'Bad Request' }`,
 * `['401']` is `{ description: 'Unauthorized' }`; asserted below), so the shape is written
 * here by hand from docs/seam-api.md §1: `{ error: { type, message, data?,
 * validation_errors? }, ok: false }`, validation_errors being zod's format tree.
 */
type FormatTree = { _errors: string[]; [key: string]: unknown }
const formatTree: z.ZodType<FormatTree> = z.lazy(() =>
  z.object({ _errors: z.array(z.string()) }).catchall(z.union([formatTree, z.array(z.string())])),
) as z.ZodType<FormatTree>
const seamErrorEnvelope = z.strictObject({
  error: z.strictObject({
    type: z.string().regex(/^[a-z_]+$/),
    message: z.string().min(1),
    data: z.unknown().optional(),
    validation_errors: formatTree.optional(),
  }),
  ok: z.literal(false),
})

function expectSeamError(
  reply: { status: number; body: Json; headers: Headers },
  status: number,
  type: string,
): void {
  expect(reply.status).toBe(status)
  expect(reply.headers.get('content-type')).toMatch(/^application\/json/)
  seamErrorEnvelope.parse(reply.body)
  expect(reply.body.error.type).toBe(type)
}

const SEAM_ROUTES = [
  '/client_sessions/get_or_create',
  '/connect_webviews/create',
  '/connect_webviews/get',
  '/connect_webviews/list',
  '/connected_accounts/get',
  '/connected_accounts/list',
  '/connected_accounts/update',
] as const

describe('the openapi document this contract relies on', () => {
  it('declares 400 and 401 for every route the fake serves, without a body schema', () => {
    // If this fails, @seamapi/types now documents the error body: validate against it instead
    // of the hand-written seamErrorEnvelope.
    for (const path of SEAM_ROUTES) {
      const { responses } = operation(path)
      expect(responses['400']).toEqual({ description: 'Bad Request' })
      expect(responses['401']).toEqual({ description: 'Unauthorized' })
    }
  })

  it('lists the same providers, capabilities and categories as the fake accepts', () => {
    const create = requestProperties('/connect_webviews/create')
    expect([...ACCEPTED_PROVIDERS].sort()).toEqual(
      [...(create.accepted_providers?.items?.enum ?? [])].sort(),
    )
    expect([...providerCapabilitySchema.options].sort()).toEqual(
      [...(create.accepted_capabilities?.items?.enum ?? [])].sort(),
    )
    expect(PROVIDER_CATEGORIES).toEqual(
      expect.arrayContaining(create.provider_category?.enum ?? []),
    )
  })

  it.each([
    ['/connect_webviews/create', createConnectWebviewSchema],
    ['/connect_webviews/get', getConnectWebviewSchema],
    ['/connect_webviews/list', listConnectWebviewsSchema],
    ['/connected_accounts/list', listConnectedAccountsSchema],
    ['/connected_accounts/update', updateConnectedAccountSchema],
    ['/client_sessions/get_or_create', getOrCreateClientSessionSchema],
  ] as const)('the fake accepts every request field of %s', (path, schema) => {
    expect(Object.keys(schema.shape)).toEqual(
      expect.arrayContaining(Object.keys(requestProperties(path))),
    )
  })

  it('the fake accepts both request shapes of /connected_accounts/get', () => {
    const oneOf =
      operation('/connected_accounts/get').requestBody?.content['application/json'].schema.oneOf
    expect(oneOf?.map((option) => option.required)).toEqual([['connected_account_id'], ['email']])
  })
})

describe('the seed fixture', () => {
  it('is accepted by the official connect_webview model, strictly', () => {
    expect(() => schemas.connect_webview.strict().parse(seedConnectWebview)).not.toThrow()
    expect(seedConnectWebview.connect_webview_id).toBe('3c3f4c15-e7db-47c6-bc5a-1bf206ff269c')
    expect(seedConnectWebview.custom_metadata).toEqual({ id: 'internal_id_1' })
  })
})

describe('Seam routes reply in the official shapes', () => {
  it('/client_sessions/get_or_create with a publishable key and with an API key', async () => {
    const key = uniqueUser('contract')
    const withPublishableKey = await fake.request('/client_sessions/get_or_create', {
      headers: { 'seam-publishable-key': fakePublishableKey },
      body: { user_identifier_key: key },
    })
    expect(withPublishableKey.status).toBe(200)
    expectOpenapiReply('/client_sessions/get_or_create', withPublishableKey.body)

    const withApiKey = await fake.request('/client_sessions/get_or_create', {
      headers: fake.apiKeyHeaders(),
      body: { user_identifier_key: key },
    })
    expect(withApiKey.status).toBe(200)
    expectOpenapiReply('/client_sessions/get_or_create', withApiKey.body)
  })

  it('the connect webview routes, before and after completion', async () => {
    const session = await fake.newSession()
    const created = await fake.request('/connect_webviews/create', {
      headers: session.headers,
      body: {
        custom_metadata: { tenant: 'contract', flag: true, gone: null },
        custom_redirect_url: 'https://app.example/done',
        custom_redirect_failure_url: 'https://app.example/failed',
        provider_category: 'stable',
        accepted_providers: ['august', 'schlage'],
        excluded_providers: ['schlage'],
        accepted_capabilities: ['lock'],
        automatically_manage_new_devices: false,
        wait_for_device_creation: true,
        device_selection_mode: 'single',
        customer_key: 'customer-1',
      },
    })
    expect(created.status).toBe(200)
    expectOpenapiReply('/connect_webviews/create', created.body)
    const id: string = created.body.connect_webview.connect_webview_id

    const minimal = await fake.request('/connect_webviews/create', {
      headers: session.headers,
      body: {},
    })
    expectOpenapiReply('/connect_webviews/create', minimal.body)

    for (const method of ['post', 'get'] as const) {
      const got = await fake.request('/connect_webviews/get', {
        method: method.toUpperCase(),
        headers: session.headers,
        ...(method === 'get'
          ? { query: { connect_webview_id: id } }
          : { body: { connect_webview_id: id } }),
      })
      expect(got.status).toBe(200)
      expectOpenapiReply('/connect_webviews/get', got.body, method)
    }

    const listed = await fake.request('/connect_webviews/list', {
      headers: session.headers,
      body: { limit: 1 },
    })
    expect(listed.status).toBe(200)
    expectOpenapiReply('/connect_webviews/list', listed.body)
    expect(listed.body.pagination.has_next_page).toBe(true)

    await fake.complete(id, {
      provider: 'august',
      username: `${uniqueUser()}@example.com`,
    })
    const completed = await fake.request('/connect_webviews/get', {
      headers: session.headers,
      body: { connect_webview_id: id },
    })
    expectOpenapiReply('/connect_webviews/get', completed.body)
    expect(completed.body.connect_webview.status).toBe('authorized')
  })

  it('the connected account routes', async () => {
    const session = await fake.newSession()
    const webview = await fake.createWebview(session.headers, {
      custom_metadata: { tenant: 'contract' },
    })
    const email = `${uniqueUser()}@example.com`
    const { connected_account: account } = await fake.complete(webview.connect_webview_id, {
      username: email,
    })
    const id: string = account.connected_account_id

    const byId = await fake.request('/connected_accounts/get', {
      headers: session.headers,
      body: { connected_account_id: id },
    })
    expect(byId.status).toBe(200)
    expectOpenapiReply('/connected_accounts/get', byId.body)

    const byEmail = await fake.request('/connected_accounts/get', {
      method: 'GET',
      headers: session.headers,
      query: { email },
    })
    expect(byEmail.status).toBe(200)
    expectOpenapiReply('/connected_accounts/get', byEmail.body, 'get')
    expect(byEmail.body.connected_account.connected_account_id).toBe(id)

    const listed = await fake.request('/connected_accounts/list', {
      headers: session.headers,
      body: { custom_metadata_has: { tenant: 'contract' } },
    })
    expect(listed.status).toBe(200)
    expectOpenapiReply('/connected_accounts/list', listed.body)

    const updated = await fake.request('/connected_accounts/update', {
      headers: fake.apiKeyHeaders(),
      body: {
        connected_account_id: id,
        custom_metadata: { tenant: 'updated' },
        automatically_manage_new_devices: false,
        accepted_capabilities: ['lock', 'thermostat'],
        customer_key: 'customer-2',
      },
    })
    expect(updated.status).toBe(200)
    expectOpenapiReply('/connected_accounts/update', updated.body)
  })

  it.each([
    {
      request: 'a metadata key with "."',
      status: 400,
      type: 'invalid_input',
      send: (session: FakeSession) =>
        fake.request('/connect_webviews/create', {
          headers: session.headers,
          body: { custom_metadata: { 'a.b': 1 } },
        }),
    },
    {
      request: 'no credentials',
      status: 401,
      type: 'unauthorized',
      send: () =>
        fake.request('/connect_webviews/get', {
          body: { connect_webview_id: crypto.randomUUID() },
        }),
    },
    {
      request: 'an unknown webview',
      status: 404,
      type: 'connect_webview_not_found',
      send: (session: FakeSession) =>
        fake.request('/connect_webviews/get', {
          headers: session.headers,
          body: { connect_webview_id: crypto.randomUUID() },
        }),
    },
    {
      request: 'an unknown account',
      status: 404,
      type: 'connected_account_not_found',
      send: (session: FakeSession) =>
        fake.request('/connected_accounts/get', {
          headers: session.headers,
          body: { connected_account_id: crypto.randomUUID() },
        }),
    },
    {
      request: 'a publishable key granting webviews',
      status: 403,
      type: 'forbidden',
      send: () =>
        fake.request('/client_sessions/get_or_create', {
          headers: { 'seam-publishable-key': fakePublishableKey },
          body: {
            user_identifier_key: uniqueUser(),
            connect_webview_ids: [crypto.randomUUID()],
          },
        }),
    },
    {
      request: 'a route the fake does not serve',
      status: 404,
      type: 'not_found',
      send: (session: FakeSession) =>
        fake.request('/devices/list', { headers: session.headers, body: {} }),
    },
  ])('error envelope for $request: $status $type', async ({ send, status, type }) => {
    expectSeamError(await send(await fake.newSession()), status, type)
  })
})

describe('control routes reply in their documented shapes', () => {
  const behaviourShape = z.strictObject({
    behaviour: z.strictObject({
      event_naming: z.enum(['current', 'legacy']),
      post_message: z.boolean(),
      target_origin: z.string(),
      include_connected_account_id: z.boolean(),
      latency_ms: z.number(),
      message_delay_ms: z.number(),
      redirect_delay_ms: z.number(),
      page_poll_ms: z.number(),
      view_delay_ms: z.number(),
      opener_policy: z.enum(['unsafe-none', 'same-origin']),
    }),
    ok: z.literal(true),
  })

  it('complete and fail', async () => {
    const session = await fake.newSession()
    const first = await fake.createWebview(session.headers)
    const completed = await fake.complete(first.connect_webview_id)
    z.strictObject({
      connect_webview: schemas.connect_webview.strict(),
      connected_account: schemas.connected_account.strict(),
      ok: z.literal(true),
    }).parse(completed)

    const second = await fake.createWebview(session.headers)
    const failed = await fake.fail(second.connect_webview_id, {
      error_code: 'bad_credentials',
    })
    z.strictObject({
      connect_webview: schemas.connect_webview.strict(),
      ok: z.literal(true),
    }).parse(failed)

    expectSeamError(
      await fake.request('/_fake/connect_webviews/complete', {
        body: { connect_webview_id: second.connect_webview_id },
      }),
      409,
      'connect_webview_not_pending',
    )
    expectSeamError(
      await fake.request('/_fake/connect_webviews/complete', {
        body: { connect_webview_id: crypto.randomUUID() },
      }),
      404,
      'connect_webview_not_found',
    )
    expectSeamError(
      await fake.request('/_fake/connect_webviews/fail', {
        body: { connect_webview_id: 'nope' },
      }),
      400,
      'invalid_input',
    )
  })

  it('seed and the webview list: official models, seen through the session they name', async () => {
    const key = uniqueUser('contract-seed')
    const seeded = await fake.request('/_fake/connected_accounts/seed', {
      body: { user_identifier_key: key, custom_metadata: { tenant_id: 't1', admin: true } },
    })
    expect(seeded.status).toBe(200)
    z.strictObject({
      connected_account: schemas.connected_account.strict(),
      ok: z.literal(true),
    }).parse(seeded.body)
    const session = await fake.newSession(key)
    await fake.createWebview(session.headers)
    const listed = await fake.request('/_fake/connect_webviews', {
      method: 'GET',
      query: { user_identifier_key: key },
    })
    z.strictObject({
      connect_webviews: z.array(schemas.connect_webview.strict()).length(1),
      ok: z.literal(true),
    }).parse(listed.body)
    const read = await fake.request('/connected_accounts/get', {
      headers: session.headers,
      body: { connected_account_id: seeded.body.connected_account.connected_account_id },
    })
    expectOpenapiReply('/connected_accounts/get', read.body)
    expectSeamError(
      await fake.request('/_fake/connected_accounts/seed', { body: { custom_metadata: { n: 1 } } }),
      400,
      'invalid_input',
    )
  })

  it('behaviour (session and webview, GET and POST)', async () => {
    const session = await fake.newSession()
    const webview = await fake.createWebview(session.headers)
    behaviourShape.parse(
      await fake.sessionBehaviour(session.key, {
        post_message: false,
      }),
    )
    behaviourShape.parse(
      (
        await fake.request('/_fake/sessions/behaviour', {
          method: 'GET',
          query: { user_identifier_key: session.key },
        })
      ).body,
    )
    behaviourShape.parse(
      await fake.webviewBehaviour(webview.connect_webview_id, {
        event_naming: 'legacy',
      }),
    )
    behaviourShape.parse(
      (
        await fake.request('/_fake/connect_webviews/behaviour', {
          method: 'GET',
          query: { connect_webview_id: webview.connect_webview_id },
        })
      ).body,
    )
  })

  it('faults, requests and health', async () => {
    const key = uniqueUser()
    const faults = await fake.fault({
      user_identifier_key: key,
      status: 503,
    })
    expect(faults).toEqual({
      faults: [{ user_identifier_key: key, times: 1, status: 503 }],
      ok: true,
    })
    const pending = await fake.request('/_fake/faults', {
      method: 'GET',
      query: { user_identifier_key: key },
    })
    expect(pending.body).toEqual(faults)

    await fake.request('/client_sessions/get_or_create', {
      headers: { 'seam-publishable-key': fakePublishableKey },
      body: { user_identifier_key: key },
    })
    const log = await fake.request('/_fake/requests', {
      method: 'GET',
      query: { user_identifier_key: key },
    })
    z.strictObject({
      requests: z
        .array(
          z.strictObject({
            request_id: z.uuid(),
            method: z.string(),
            path: z.string(),
            user_identifier_key: z.string().nullable(),
            scope: z.string().nullable(),
            auth: z.enum(['client_session', 'publishable_key', 'api_key', 'none']),
            status: z.number().int(),
            at: z.iso.datetime(),
            body_keys: z.array(z.string()).optional(),
            header_names: z.array(z.string()),
          }),
        )
        .length(1),
      ok: z.literal(true),
    }).parse(log.body)

    expect((await fake.request('/_fake/health', { method: 'GET' })).body).toEqual({
      ok: true,
    })
    expectSeamError(await fake.request('/_fake/nope', { method: 'GET' }), 404, 'not_found')
  })

  it('the hosted view page', async () => {
    const session = await fake.newSession()
    const webview = await fake.createWebview(session.headers)
    const page = await fetch(webview.url)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toMatch(/^text\/html/)
    const forged = new URL(webview.url)
    forged.searchParams.set('auth_token', 'forged')
    expect((await fetch(forged)).status).toBe(401)
  })
})
