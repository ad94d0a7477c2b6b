// The demo's other two ways of showing the webview, driven in Chromium by the Playwright library
// as a person would use them: a popup window the page opens, and a full-page redirect to the
// webview that Seam (here the bundled fake, on its own origin) sends back to the demo. The login
// form is filled on the fake's hosted page each time; nothing goes through /_fake/ routes.
import type { Locator, Page } from 'playwright'
import { describe, expect, it } from 'vitest'
import { demoInChromium } from '../support/demo-server'

const demo = demoInChromium()

const PASSWORD = 'correct horse battery staple'
/** What the fake's hosted page refuses: the login fails. */
const WRONG_PASSWORD = 'wrong'
const REDIRECT_CAPTION = 'custom_metadata from the redirect’s onComplete'
/** The flow's first rows (demo/components/ConnectFlow.tsx), and the server's trusted key. */
const EXPECTED_ROWS = [
  ['plan', '"free"'],
  ['tenant_id', '"acme"'],
  ['your_app_user_id', '"user_ada"'],
]

/** A page in a fresh browser profile (its own cookies: its own demo session). */
async function newPage(): Promise<{ page: Page; errors: string[]; requests: string[] }> {
  if (!demo.browser) throw new Error('Chromium did not start')
  const context = await demo.browser.newContext({ viewport: { width: 1100, height: 1500 } })
  const page = await context.newPage()
  const errors: string[] = []
  const requests: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  page.on('request', (request) => requests.push(request.url()))
  return { page, errors, requests }
}

async function signInAsAda(page: Page): Promise<void> {
  await page.goto(demo.url)
  await page.getByRole('button', { name: 'Sign in as Ada' }).click()
  await page.getByText('Signed in as', { exact: false }).waitFor()
}

/** A metadata table's rows as [key, value] pairs, sorted by key. */
async function rowsOf(table: Locator): Promise<string[][]> {
  const rows = await table
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent ?? '')))
  return rows.sort(([a = ''], [b = '']) => a.localeCompare(b))
}

/** Fills the fake's hosted login form, on whichever page shows it. */
async function signInOnSeamsPage(page: Page, password: string): Promise<void> {
  await page.getByLabel('Username').fill('modes.person')
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

const isOn = (base: string) => (url: URL) => url.origin === new URL(base).origin

/**
 * Chooses the full-page redirect, leaves for Seam's page on the fake's origin, signs in there, and
 * waits to be back on the demo.
 */
async function redirectRoundTrip(page: Page, password: string): Promise<Locator> {
  await page.getByRole('radio', { name: 'Full-page redirect' }).check()
  await page.getByRole('button', { name: 'Go to the Connect Webview' }).click()
  await page.waitForURL(isOn(demo.fakeUrl))
  await signInOnSeamsPage(page, password)
  await page.waitForURL(isOn(demo.url))
  return page.getByRole('region', { name: 'Back from Seam’s page' })
}

/** Whether the URL still carries what Seam appended to custom_redirect_url. */
const redirectParamsIn = (url: string) =>
  ['connect_webview_id', 'error_code', 'error_message'].filter((name) =>
    new URL(url).searchParams.has(name),
  )

describe('the demo’s popup and full-page redirect modes', () => {
  it('popup mode: the person signs in inside the popup, the page shows the account’s metadata, and the popup closes', async () => {
    const { page, errors } = await newPage()
    await signInAsAda(page)
    await page.getByRole('radio', { name: 'In a popup' }).check()

    const [popup] = await Promise.all([
      page.waitForEvent('popup'),
      page.getByRole('button', { name: 'Open the Connect Webview in a popup' }).click(),
    ])
    // The popup shows Seam's page, on Seam's origin (the fake's), not the demo's.
    await popup.waitForURL(isOn(demo.fakeUrl))
    const closed = popup.waitForEvent('close')
    await page.getByText('Sign in to your device account in the popup window.').waitFor()
    await signInOnSeamsPage(popup, PASSWORD)

    await page.getByText('Connected.', { exact: true }).waitFor({ timeout: 30_000 })
    const fromOnComplete = page.getByRole('table', { name: 'custom_metadata from onComplete' })
    expect(await rowsOf(fromOnComplete)).toEqual(EXPECTED_ROWS)
    const readBack = page.getByRole('table', { name: 'custom_metadata of the connected account' })
    await readBack.waitFor()
    expect(await rowsOf(readBack)).toEqual(EXPECTED_ROWS)

    await closed
    expect(popup.isClosed()).toBe(true)
    expect(errors).toEqual([])
    await page.context().close()
  })

  it('redirect mode: a round trip to the webview and back completes once, and the URL is clean', async () => {
    const { page, errors } = await newPage()
    await signInAsAda(page)
    const result = await redirectRoundTrip(page, PASSWORD)

    // The session is a cookie: the page it came back to is still signed in.
    await page.getByText('Signed in as', { exact: false }).waitFor()
    await result.getByText('Connected: Seam confirmed the account.').waitFor({ timeout: 30_000 })
    // One table per onComplete call: exactly one.
    const tables = result.getByRole('table', { name: REDIRECT_CAPTION })
    expect(await tables.count()).toBe(1)
    expect(await rowsOf(tables)).toEqual(EXPECTED_ROWS)
    expect(await result.getByRole('alert').count()).toBe(0)

    await expect.poll(() => redirectParamsIn(page.url())).toEqual([])
    expect(new URL(page.url()).origin).toBe(new URL(demo.url).origin)
    expect(errors).toEqual([])
    await page.context().close()
  })

  it('redirect mode: reloading the page after the round trip does nothing more', async () => {
    const { page, errors, requests } = await newPage()
    await signInAsAda(page)
    const result = await redirectRoundTrip(page, PASSWORD)
    await result.getByText('Connected: Seam confirmed the account.').waitFor({ timeout: 30_000 })
    await expect.poll(() => redirectParamsIn(page.url())).toEqual([])
    const gets = (from: number) =>
      requests
        .slice(from)
        .filter((url) => new URL(url).pathname === '/api/seam/connect_webviews/get')
    expect(gets(0).length).toBeGreaterThanOrEqual(1)

    const reloadedAt = requests.length
    await page.reload()
    await page.getByText('Signed in as', { exact: false }).waitFor()
    // The accounts panel's list is read as the flow mounts: once it is shown, a verification
    // the page started on load would have shown its panel and sent its request too.
    await page
      .getByRole('region', { name: 'Your accounts' })
      .getByRole('status')
      .filter({ hasText: /^\d+ accounts? shown/ })
      .waitFor()
    expect(await page.getByText('Checking your connection…').count()).toBe(0)
    expect(await page.getByRole('region', { name: 'Back from Seam’s page' }).count()).toBe(0)
    expect(await page.getByRole('table', { name: REDIRECT_CAPTION }).count()).toBe(0)
    expect(gets(reloadedAt)).toEqual([])
    expect(errors).toEqual([])
    await page.context().close()
  })

  it('redirect mode: a failed login comes back through the redirect and is shown as an error', async () => {
    const { page, errors } = await newPage()
    await signInAsAda(page)
    const result = await redirectRoundTrip(page, WRONG_PASSWORD)

    await result.getByText('The connection did not complete.').waitFor({ timeout: 30_000 })
    const alert = result.getByRole('alert')
    expect(await alert.count()).toBe(1)
    expect(await alert.textContent()).toContain(
      'invalid_credentials (The username or password is incorrect.)',
    )
    expect(await result.getByRole('table', { name: REDIRECT_CAPTION }).count()).toBe(0)

    await expect.poll(() => redirectParamsIn(page.url())).toEqual([])
    expect(errors).toEqual([])
    await page.context().close()
  })
})
