// The public API of react-seam-connect/testing: what an app's test may write, and what it may not.
import type { HttpHandler } from 'msw'
import { describe, expectTypeOf, it } from 'vitest'
import {
  createFakeSeamConnect,
  FAKE_SEAM_API_KEY,
  FAKE_SEAM_CONNECT_URL,
  FAKE_SEAM_PUBLISHABLE_KEY,
  fakeControl,
  startFakeSeamConnect,
  type CompleteConnectWebviewReply,
  type FakeConnectedAccount,
  type FakeSeamConnect,
  type FakeSeamConnectControl,
  type FakeSeamConnectFetch,
  type FakeSession,
  type RequestLogEntry,
  type FakeSeamEvent,
  type FakeWebhookDelivery,
  type FakeWebhookEndpoint,
  type StartFakeSeamConnectOptions,
} from '../../fake/index'
import { fakeSeamConnectHandlers } from '../../fake/msw'

const fake = createFakeSeamConnect()
const id = 'a8c4cdd2-5bd5-4e1c-8c2e-6b8d3c3fb7a1'

describe('starting and creating a fake', () => {
  it('startFakeSeamConnect takes its documented options only', () => {
    expectTypeOf(startFakeSeamConnect)
      .parameter(0)
      .toEqualTypeOf<StartFakeSeamConnectOptions | undefined>()
    expectTypeOf(startFakeSeamConnect).returns.resolves.toEqualTypeOf<FakeSeamConnect>()
    expectTypeOf(startFakeSeamConnect)
      .parameter(0)
      .exclude<undefined>()
      .toHaveProperty('port')
      .toEqualTypeOf<number | undefined>()
    // @ts-expect-error -- it binds 127.0.0.1 only: there is no host to choose
    void startFakeSeamConnect({ host: '0.0.0.0' })
    // @ts-expect-error -- a port is a number
    void startFakeSeamConnect({ port: '4000' })
  })

  it('createFakeSeamConnect answers through fetch and offers its control client', () => {
    expectTypeOf(fake).toEqualTypeOf<FakeSeamConnectFetch>()
    expectTypeOf(fake.fetch).toEqualTypeOf<(request: Request) => Promise<Response>>()
    expectTypeOf(fake.control).toEqualTypeOf<FakeSeamConnectControl>()
    expectTypeOf(fake.stop).returns.toBeVoid()
    // @ts-expect-error -- an in-process fake has no port
    createFakeSeamConnect({ port: 0 })
  })

  it('the seeded keys and the default url are strings', () => {
    expectTypeOf(FAKE_SEAM_API_KEY).toEqualTypeOf<string>()
    expectTypeOf(FAKE_SEAM_PUBLISHABLE_KEY).toEqualTypeOf<string>()
    expectTypeOf(FAKE_SEAM_CONNECT_URL).toEqualTypeOf<string>()
  })

  it('fakeSeamConnectHandlers takes a fake and returns MSW handlers', () => {
    expectTypeOf(fakeSeamConnectHandlers(fake)).toEqualTypeOf<HttpHandler[]>()
    // @ts-expect-error -- a URL alone is not a fake
    fakeSeamConnectHandlers(fake.url)
  })
})

describe('the control client', () => {
  const control = fakeControl(fake.url, { fetch: fake.fetch })

  it('types every reply', () => {
    expectTypeOf(control.complete(id)).resolves.toEqualTypeOf<CompleteConnectWebviewReply>()
    expectTypeOf(control.seedConnectedAccount()).resolves.toEqualTypeOf<FakeConnectedAccount>()
    expectTypeOf(control.requests()).resolves.toEqualTypeOf<RequestLogEntry[]>()
    expectTypeOf(control.pendingFaults('user')).resolves.toEqualTypeOf<number>()
    expectTypeOf(control.mintClientSessionToken('user')).resolves.toEqualTypeOf<string>()
    expectTypeOf(control.newSession()).resolves.toEqualTypeOf<FakeSession>()
    expectTypeOf(control.fail(id)).resolves.toHaveProperty('connect_webview')
    expectTypeOf(
      control.webhooks.add({ url: 'http://127.0.0.1:1/hook' }),
    ).resolves.toEqualTypeOf<FakeWebhookEndpoint>()
    expectTypeOf(control.webhooks.events()).resolves.toEqualTypeOf<FakeSeamEvent[]>()
    expectTypeOf(control.webhooks.send(id)).resolves.toEqualTypeOf<FakeWebhookDelivery[]>()
  })

  it('types webhook events by event_type', () => {
    const event = {} as FakeSeamEvent
    if (event.event_type === 'connect_webview.login_succeeded') {
      expectTypeOf(event.connected_account_custom_metadata).toEqualTypeOf<
        Record<string, string | boolean>
      >()
    } else if (event.event_type === 'connect_webview.login_failed') {
      // @ts-expect-error -- a failed login names no account
      void event.connected_account_id
    }
  })

  it('refuses inputs the fake would refuse', () => {
    // @ts-expect-error -- which webview?
    void control.complete()
    // @ts-expect-error -- provider is a string
    void control.complete(id, { provider: 1 })
    // @ts-expect-error -- metadata values are strings, booleans or null
    void control.seedConnectedAccount({ custom_metadata: { count: 1 } })
    // @ts-expect-error -- not a provider the fake accepts
    void control.seedConnectedAccount({ provider: 'acme' })
    // @ts-expect-error -- a fault belongs to a client session or a scope
    void control.fault({ status: 503 })
    // @ts-expect-error -- a fault belongs to one of them, not both
    void control.fault({ user_identifier_key: 'u', scope: 's', status: 503 })
    // @ts-expect-error -- only the two event namings exist
    void control.webviewBehaviour(id, { event_naming: 'future' })
    // @ts-expect-error -- an endpoint needs its url
    void control.webhooks.add({ secret: 'whsec_c2VjcmV0' })
    // @ts-expect-error -- only svix-* or webhook-* headers
    void control.webhooks.add({ url: 'http://127.0.0.1:1/hook', headers: 'x-hook' })
    // @ts-expect-error -- not a way to resend
    void control.webhooks.send(id, { kind: 'unsigned' })
    // @ts-expect-error -- fetch is a function
    fakeControl(fake.url, { fetch: 'https://example.test' })
  })
})
