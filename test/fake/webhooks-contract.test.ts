// The fake's events against Seam's official event model: each one it records (and so sends) for a
// first connection, a reconnect and a failure, parsed by the zod schema @seamapi/types/connect ships for its type, made strict so a field the model lacks
// fails too. Then the same events through the library's own webhook parser.
import { schemas } from '@seamapi/types/connect'
import { describe, expect, it, onTestFinished } from 'vitest'
import { fakeControl, uniqueUser } from '../../fake/control-client'
import { startFakeSeamConnect } from '../../fake/node-server'
import { parseSeamEvent } from '../../src/server/webhook-events'

interface OfficialEventSchema {
  shape: { event_type: { value: string } }
  strict(): { parse(value: unknown): unknown }
}

/** The official schema of one event type, from the `seam_event` union (zod 3, typed loosely). */
function officialEventSchema(type: string) {
  const union = schemas.seam_event as unknown as { options: OfficialEventSchema[] }
  const schema = union.options.find((option) => option.shape.event_type.value === type)
  if (!schema) throw new Error(`@seamapi/types has no event ${type}`)
  return schema.strict()
}

describe('the fake’s webhook events match @seamapi/types', () => {
  it('connected_account.connected, connect_webview.login_succeeded and connect_webview.login_failed, field for field', async () => {
    const fake = await startFakeSeamConnect()
    onTestFinished(() => fake.stop())
    const harness = fakeControl(fake.url)
    const session = await harness.newSession(uniqueUser('contract'))
    const create = async (custom_metadata: Record<string, string | boolean>, extra = {}) =>
      (await harness.createWebview(session.headers, { custom_metadata, ...extra }))
        .connect_webview_id as string

    const first = await fake.control.complete(
      await create({ user_id: 'u_1', admin: true }, { customer_key: 'customer_1' }),
    )
    await fake.control.complete(await create({ user_id: 'u_1' }), {
      connected_account_id: first.connected_account.connected_account_id,
    })
    await fake.control.fail(await create({}))

    const events = await fake.control.webhooks.events()
    expect(events.map((event) => event.event_type)).toEqual([
      'connected_account.connected',
      'connect_webview.login_succeeded',
      'connected_account.connected',
      'connect_webview.login_succeeded',
      'connect_webview.login_failed',
    ])
    expect(events[0]).toMatchObject({ customer_key: 'customer_1' })
    for (const event of events) {
      expect(officialEventSchema(event.event_type).parse(event)).toEqual(event)
      expect(parseSeamEvent(JSON.stringify(event))).toEqual({ kind: event.event_type, event })
    }
  })
})
