// The demo backend's store of what signed webhooks told it: idempotent on event_id by itself,
// since the webhook handler only remembers what this process answered (a restart, or another
// instance, forgets), and filed per user by the trusted metadata.
import { describe, expect, it } from 'vitest'
import { WebhookRecords, type ConnectionEvent } from '../../demo/server/webhook-records'

const connected: ConnectionEvent = {
  event_id: 'e1',
  event_type: 'connected_account.connected',
  connected_account_id: 'a1',
  connect_webview_id: 'w1',
  metadata: { your_app_user_id: 'user_ada', tenant_id: 'acme' },
  redelivery: false,
}

describe('WebhookRecords', () => {
  it('handles an event once even when the handler does not flag it as a redelivery', () => {
    const records = new WebhookRecords()
    const at = new Date('2026-01-01T00:00:00Z')
    expect(records.add(connected, at)).toBe(true)
    expect(records.add(connected, new Date('2026-01-01T00:01:00Z'))).toBe(false)
    expect(records.of('user_ada')).toEqual([
      {
        connected_account_id: 'a1',
        connect_webview_id: 'w1',
        event_types: ['connected_account.connected'],
        metadata: { your_app_user_id: 'user_ada', tenant_id: 'acme' },
        received_at: at.toISOString(),
        redelivery: true,
      },
    ])
  })

  it('files both events of one connection together, under the user the metadata names', () => {
    const records = new WebhookRecords()
    records.add(connected)
    records.add({ ...connected, event_id: 'e2', event_type: 'connect_webview.login_succeeded' })
    records.add({
      ...connected,
      event_id: 'e3',
      connected_account_id: 'a2',
      connect_webview_id: 'w2',
      metadata: { your_app_user_id: 'user_grace' },
    })
    expect(records.of('user_ada').map((record) => record.event_types)).toEqual([
      ['connected_account.connected', 'connect_webview.login_succeeded'],
    ])
    expect(records.of('user_grace').map((record) => record.connected_account_id)).toEqual(['a2'])
    expect(records.of('user_nobody')).toEqual([])
  })

  it('answers copies: a caller cannot change what the server learned', () => {
    const records = new WebhookRecords()
    records.add(connected)
    const [copy] = records.of('user_ada')
    if (copy) copy.metadata.your_app_user_id = 'user_grace'
    expect(records.of('user_ada')[0]?.metadata.your_app_user_id).toBe('user_ada')
  })
})
