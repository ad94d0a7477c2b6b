// Where the demo's backend sends Seam requests and how it gets webhooks, from the environment.
import { describe, expect, it } from 'vitest'
import { seamTarget } from '../../demo/server/seam-target'
import { fakeControl } from '../../fake/control-client'

describe('seamTarget', () => {
  it('against Seam: SEAM_WEBHOOK_SECRET is the webhook secret, and there is nothing to register', async () => {
    const target = await seamTarget({
      SEAM_API_KEY: 'seam_test_not_a_key',
      SEAM_WEBHOOK_SECRET: 'whsec_c2VjcmV0',
    })
    expect(target.kind).toBe('seam')
    expect(target.webhookSecret).toBe('whsec_c2VjcmV0')
    expect(target.registerWebhook).toBeUndefined()
    const without = await seamTarget({ SEAM_API_KEY: 'seam_test_not_a_key' })
    expect(without.webhookSecret).toBeUndefined()
  })

  it('the fake: no secret of its own, and registerWebhook gives the fake an endpoint', async () => {
    const target = await seamTarget({})
    try {
      expect(target.kind).toBe('fake')
      expect(target.webhookSecret).toBeUndefined()
      const secret = 'whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQ='
      await target.registerWebhook?.('http://127.0.0.1:9/api/demo/webhooks/seam', secret)
      const endpoints = await fakeControl(target.endpoint).webhooks.endpoints()
      expect(endpoints.map(({ url, secret }) => ({ url, secret }))).toEqual([
        { url: 'http://127.0.0.1:9/api/demo/webhooks/seam', secret },
      ])
    } finally {
      await target.stop()
    }
  })
})
