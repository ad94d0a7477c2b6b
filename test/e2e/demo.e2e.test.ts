// The demo, started exactly as `npm start` starts it, driven in Debian's Chromium by the
// Playwright library as a person would use it: no /_fake/ calls, the login form filled inside
// the webview's cross-origin iframe. The page talks to Seam only through the demo's server
// handler: every request it makes is counted.
import { mkdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { demoInChromium } from '../support/demo-server'

const demo = demoInChromium()

/** Where each request the page made went: the demo's own server, or the fake's origin. */
function classify(requests: string[]) {
  const demoOrigin = new URL(demo.url).origin
  const fakeOrigin = new URL(demo.fakeUrl).origin
  const toFake = requests.map((r) => new URL(r)).filter((r) => r.origin === fakeOrigin)
  return {
    toHandler: requests.filter((r) => r.startsWith(`${demoOrigin}/api/seam/`)).length,
    // The hosted page (and its own login and outcome calls) is Seam's, on Seam's origin; every
    // Seam API call must go through the app's handler instead.
    toFakeApi: toFake.filter((r) => !r.pathname.startsWith('/connect_webviews/view')).length,
    toFakePage: toFake.filter((r) => r.pathname.startsWith('/connect_webviews/view')).length,
  }
}

describe('the demo, end to end', () => {
  it('signs in, connects through the server handler, and the account carries the server’s user id', async () => {
    if (!demo.browser) throw new Error('Chromium did not start')
    const page = await demo.browser.newPage({ viewport: { width: 1100, height: 1500 } })
    const requests: string[] = []
    page.on('request', (request) => requests.push(request.url()))
    await page.goto(demo.url)

    await page.getByRole('button', { name: 'Sign in as Ada' }).click()
    await page.getByText('Signed in as', { exact: false }).waitFor()

    // Rows 1 and 2 start as tenant_id "acme" and plan "free".
    await page.getByRole('button', { name: 'Add key' }).click()
    await page.getByLabel('Key 3', { exact: true }).fill('team')
    await page.getByLabel('Value 3', { exact: true }).fill('platform & ops')
    await page.getByRole('button', { name: 'Add key' }).click()
    await page.getByLabel('Key 4', { exact: true }).fill('beta_tester')
    await page.getByLabel('Type 4', { exact: true }).selectOption('true')
    // A forgery: the page claims to be another user. The server's value must win.
    await page.getByRole('button', { name: 'Add key' }).click()
    await page.getByLabel('Key 5', { exact: true }).fill('your_app_user_id')
    await page.getByLabel('Value 5', { exact: true }).fill('user_grace')
    await page.getByText('5 keys, valid', { exact: true }).waitFor()
    await page.getByRole('button', { name: 'Create Connect Webview' }).click()

    const webview = page.frameLocator('iframe[title="Connect your device account with Seam"]')
    await webview.getByLabel('Username').fill('e2e.person')
    await webview.getByLabel('Password').fill('correct horse battery staple')
    await webview.getByRole('button', { name: 'Sign in' }).click()

    const expected = [
      ['beta_tester', 'true'],
      ['plan', JSON.stringify('free')],
      ['team', JSON.stringify('platform & ops')],
      ['tenant_id', JSON.stringify('acme')],
      ['your_app_user_id', JSON.stringify('user_ada')],
    ]
    const rowsOf = async (caption: string) => {
      const rows = await page
        .getByRole('table', { name: caption })
        .locator('tbody tr')
        .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent ?? '')))
      return rows.sort(([a = ''], [b = '']) => a.localeCompare(b))
    }
    await page.getByText('Connected.', { exact: true }).waitFor({ timeout: 30_000 })
    expect(await rowsOf('custom_metadata from onComplete')).toEqual(expected)
    await page.getByRole('table', { name: 'custom_metadata of the connected account' }).waitFor()
    expect(await rowsOf('custom_metadata of the connected account')).toEqual(expected)

    const counts = classify(requests)
    console.info(
      `demo e2e: ${counts.toHandler} page requests to /api/seam, ${counts.toFakeApi} straight to ` +
        `the fake's API, ${counts.toFakePage} to the hosted page on the fake's origin`,
    )
    expect(counts.toFakeApi).toBe(0)
    expect(counts.toHandler).toBeGreaterThanOrEqual(3)
    expect(counts.toFakePage).toBeGreaterThanOrEqual(1)

    mkdirSync('test-results/e2e', { recursive: true })
    await page.screenshot({ path: 'test-results/e2e/demo-completed.png', fullPage: true })
  })

  it('answers 401 to a page that is not signed in', async () => {
    const reply = await fetch(new URL('api/seam/connect_webviews/create', demo.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    })
    expect(reply.status).toBe(401)
  })
})
