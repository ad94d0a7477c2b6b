// Issue 13, item 3: the demo's backend learns of each connection from Seam's signed webhooks
// (createSeamWebhookHandler at /api/demo/webhooks/seam), not from the page. The demo runs exactly
// as `npm start` runs it: its backend generated the signing secret and registered its own URL
// with the fake it started, which signs and posts its events there. The page is closed the
// moment the fake has taken the sign-in, before onComplete can run, and the record is still
// there, filed under the signed-in user's server-set id.
import { mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { BrowserContext, Page } from 'playwright'
import { describe, expect, it } from 'vitest'
import type { WebhookRecordsReply } from '../../demo/server/webhook-routes'
import { fakeControl } from '../../fake/control-client'
import { demoInChromium } from '../support/demo-server'

const require = createRequire(import.meta.url)
const FRAME_TITLE = 'Connect your device account with Seam'

const demo = demoInChromium()

/** A fresh browser profile (its own cookies: its own demo session), signed in as `name`. */
async function signedIn(name: 'Ada' | 'Grace'): Promise<{ context: BrowserContext; page: Page }> {
  if (!demo.browser) throw new Error('Chromium did not start')
  const context = await demo.browser.newContext({ viewport: { width: 1100, height: 1500 } })
  const page = await context.newPage()
  await page.goto(demo.url)
  await page.getByRole('button', { name: `Sign in as ${name}` }).click()
  await page.getByText('Signed in as', { exact: false }).waitFor()
  return { context, page }
}

/** GET /api/demo/webhooks with the context's own session cookie, as the page's fetch sends it. */
async function recordsOf(context: BrowserContext): Promise<WebhookRecordsReply> {
  const reply = await context.request.get(new URL('api/demo/webhooks', demo.url).toString())
  expect(reply.status()).toBe(200)
  expect(reply.headers()['cache-control']).toBe('no-store')
  return (await reply.json()) as WebhookRecordsReply
}

describe('the demo’s backend and Seam’s signed webhooks', () => {
  it('the backend learns of the connection from the signed webhook even when the tab closes right after sign-in', async () => {
    const { context, page } = await signedIn('Grace')
    // Nothing yet, and the panel says so.
    expect(await recordsOf(context)).toEqual({ receiving: true, records: [] })
    const panel = page.getByRole('region', { name: 'Seen by your server' })
    await panel.getByText('Nothing yet', { exact: false }).waitFor()

    // Rows 1 and 2 start as tenant_id "acme" and plan "free"; add one, and forge the user id:
    // the record must hold the server's, which is the only one Seam ever sees.
    await page.getByRole('button', { name: 'Add key' }).click()
    await page.getByLabel('Key 3', { exact: true }).fill('team')
    await page.getByLabel('Value 3', { exact: true }).fill('webhooks')
    await page.getByRole('button', { name: 'Add key' }).click()
    await page.getByLabel('Key 4', { exact: true }).fill('your_app_user_id')
    await page.getByLabel('Value 4', { exact: true }).fill('user_ada')
    await page.getByText('4 keys, valid', { exact: true }).waitFor()
    await page.getByRole('button', { name: 'Create Connect Webview' }).click()

    const webview = page.frameLocator(`iframe[title="${FRAME_TITLE}"]`)
    await webview.getByLabel('Username').fill('webhook.person')
    await webview.getByLabel('Password').fill('correct horse battery staple')
    // The fake has completed the webview once its login route answers; the page has not yet
    // heard of it (the hosted page posts to it after that, and the page then verifies).
    const login = page.waitForResponse(
      (response) =>
        response.url() === `${demo.fakeUrl}/connect_webviews/view/login` &&
        response.request().method() === 'POST',
    )
    await webview.getByRole('button', { name: 'Sign in' }).click()
    expect((await login).status()).toBe(200)
    await page.close()

    const expected = {
      plan: 'free',
      team: 'webhooks',
      tenant_id: 'acme',
      your_app_user_id: 'user_grace',
    }
    await expect
      .poll(async () => (await recordsOf(context)).records[0]?.event_types.toSorted(), {
        timeout: 30_000,
      })
      .toEqual(['connect_webview.login_succeeded', 'connected_account.connected'])
    const { records } = await recordsOf(context)
    expect(records).toHaveLength(1)
    const [record] = records
    expect(record?.metadata).toEqual(expected)
    expect(record?.redelivery).toBe(false)
    expect(Date.parse(record?.received_at ?? '')).not.toBeNaN()

    // The ids are the ones Seam's (the fake's) events named: the backend's own fake, asked
    // directly, sent exactly these two events for this connection.
    const events = await fakeControl(demo.fakeUrl).webhooks.events()
    const sent = events.flatMap((event) =>
      event.event_type !== 'connect_webview.login_failed' &&
      event.connected_account_custom_metadata.team === 'webhooks'
        ? [event]
        : [],
    )
    expect(sent.map((event) => event.event_type).toSorted()).toEqual(record?.event_types.toSorted())
    for (const event of sent) {
      expect(record?.connected_account_id).toBe(event.connected_account_id)
      expect(record?.connect_webview_id).toBe(event.connect_webview_id)
    }
    // Every delivery was accepted at the first attempt: verified with the secret the backend made.
    const deliveries = await fakeControl(demo.fakeUrl).webhooks.deliveries()
    const ours = deliveries.filter((delivery) =>
      sent.some((event) => event.event_id === delivery.event_id),
    )
    expect(ours.map((delivery) => delivery.attempts.map((attempt) => attempt.status))).toEqual([
      [204],
      [204],
    ])

    // Another user's session sees none of it.
    const ada = await signedIn('Ada')
    expect((await recordsOf(ada.context)).records).toEqual([])
    await ada.context.close()

    // A new tab of the same session: the panel shows what the server learned.
    const again = await context.newPage()
    await again.goto(demo.url)
    const seen = again.getByRole('region', { name: 'Seen by your server' })
    const accountId = record?.connected_account_id ?? ''
    const item = seen.getByRole('article', { name: `Account ${accountId}` })
    await item.waitFor()
    expect(await item.textContent()).toContain(record?.connect_webview_id ?? 'no webview id')
    const rows = await item
      .getByRole('table', { name: `custom_metadata of ${accountId} from the signed webhook` })
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent ?? '')))
    expect(
      Object.fromEntries(rows.map(([key = '', value = '']) => [key, JSON.parse(value)])),
    ).toEqual(expected)
    expect(await seen.textContent()).toContain('independent of the page’s onComplete')
    expect(await seen.getByRole('status').textContent()).toBe('1 connection reported by Seam')

    await again.addScriptTag({ path: require.resolve('axe-core/axe.min.js') })
    const violations = await again.evaluate(
      `axe.run('main', { iframes: false }).then((r) => r.violations.map((v) => v.id))`,
    )
    expect(violations).toEqual([])
    mkdirSync('test-results/e2e', { recursive: true })
    await again.screenshot({ path: 'test-results/e2e/demo-webhooks.png', fullPage: true })
    await context.close()
  })

  it('refuses an unsigned delivery (401), and answers 401 for the records when signed out', async () => {
    const forged = await fetch(new URL('api/demo/webhooks/seam', demo.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ event_type: 'connected_account.connected' }),
    })
    expect(forged.status).toBe(401)
    const records = await fetch(new URL('api/demo/webhooks', demo.url))
    expect(records.status).toBe(401)
    expect(records.headers.get('cache-control')).toBe('no-store')
  })
})
