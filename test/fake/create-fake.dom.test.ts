// The in-process fake in a jsdom test, where an app's component tests run: jsdom brings its own
// URL, Blob and AbortSignal, and the fake must still read every request as sent.
import { expect, it } from 'vitest'
import { createFakeSeamConnect } from '../../fake/index'

it('answers its control client and Seam routes in jsdom', async () => {
  const fake = createFakeSeamConnect()
  const account = await fake.control.seedConnectedAccount({
    user_identifier_key: 'jsdom-user',
    custom_metadata: { tenant_id: 't1' },
  })
  const session = await fake.control.newSession('jsdom-user')
  const reply = await fake.fetch(
    new Request(`${fake.url}/connected_accounts/get`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...session.headers },
      body: JSON.stringify({ connected_account_id: account.connected_account_id }),
    }),
  )
  expect(reply.status).toBe(200)
  expect((await reply.json()).connected_account.custom_metadata).toEqual({ tenant_id: 't1' })
  fake.stop()
})
