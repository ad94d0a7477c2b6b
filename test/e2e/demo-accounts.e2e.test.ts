// The demo's "Your accounts" panel, driven in Chromium by the Playwright library as a person would
// use it: accounts connected through the hosted login page inside the webview's iframe, the list
// refreshed by the completions alone, metadata edited in the panel's form and read back after a
// reload. The demo runs exactly as `npm start` runs it, in front of the bundled fake Seam Connect.
import { mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Locator, Page } from 'playwright'
import { describe, expect, it } from 'vitest'
import { ACCOUNTS_PAGE_SIZE } from '../../demo/components/AccountsPanel'
import { fakeControl } from '../../fake/control-client'
import { demoInChromium } from '../support/demo-server'

const require = createRequire(import.meta.url)
const FRAME_TITLE = 'Connect your device account with Seam'

const demo = demoInChromium()

/** A page in a fresh browser profile (its own cookies: its own demo session). */
async function newPage(): Promise<{ page: Page; errors: string[] }> {
  if (!demo.browser) throw new Error('Chromium did not start')
  const context = await demo.browser.newContext({ viewport: { width: 1100, height: 1500 } })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  return { page, errors }
}

async function signIn(page: Page, name: 'Ada' | 'Grace'): Promise<Locator> {
  await page.goto(demo.url)
  await page.getByRole('button', { name: `Sign in as ${name}` }).click()
  await page.getByText('Signed in as', { exact: false }).waitFor()
  return page.getByRole('region', { name: 'Your accounts' })
}

/** The panel's own status line (the accounts' rows have theirs too). */
const panelStatus = (panel: Locator, text: string) =>
  panel.getByRole('status').filter({ hasText: new RegExp(`^${text}$`) })

/** Signs in on the fake's hosted page, inside the webview's iframe, and waits for the result. */
async function completeLogin(page: Page, username: string): Promise<void> {
  const webview = page.frameLocator(`iframe[title="${FRAME_TITLE}"]`)
  await webview.getByLabel('Username').fill(username)
  await webview.getByLabel('Password').fill('correct horse battery staple')
  await webview.getByRole('button', { name: 'Sign in' }).click()
  await page.getByText('Connected.', { exact: true }).waitFor({ timeout: 30_000 })
}

/** A metadata table's rows as [key, value] pairs, sorted by key. */
async function rowsOf(table: Locator): Promise<string[][]> {
  const rows = await table
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent ?? '')))
  return rows.sort(([a = ''], [b = '']) => a.localeCompare(b))
}

const account = (panel: Locator, name: string) => panel.getByRole('article', { name, exact: true })
const tableOf = (panel: Locator, name: string) =>
  account(panel, name).getByRole('table', { name: `custom_metadata of ${name}`, exact: true })
/** The row of `key` showing `value` (as the table shows it: JSON), once it does. */
const cell = (panel: Locator, name: string, key: string, value: string) =>
  tableOf(panel, name)
    .getByRole('row')
    .filter({ has: panel.page().getByRole('rowheader', { name: key, exact: true }) })
    .filter({ hasText: JSON.stringify(value) })

/** axe's rule ids the page breaks (the hosted page inside the iframe is the fake's own markup). */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') })
  return page.evaluate(
    `axe.run('main', { iframes: false }).then((r) => r.violations.map((v) => v.id))`,
  )
}

/** The editor row whose key field holds `key`: its number, as its labels say ("Key 2"). */
async function rowNumberOf(form: Locator, key: string): Promise<number> {
  const keys = form.getByRole('textbox', { name: /^Key \d+$/ })
  for (let index = 0; index < (await keys.count()); index++) {
    if ((await keys.nth(index).inputValue()) === key) return index + 1
  }
  throw new Error(`No row with key ${key}`)
}

describe('the demo’s "Your accounts" panel', () => {
  // First in this file: it starts from Ada having no accounts on this demo's fresh fake.
  it('lists two accounts as they are connected, and stores an edit of one’s metadata', async () => {
    const { page, errors } = await newPage()
    const panel = await signIn(page, 'Ada')
    await panelStatus(panel, 'No accounts yet: connect one above.').waitFor()

    // First connection: the flow's rows (tenant_id "acme", plan "free").
    await page.getByRole('button', { name: 'Create Connect Webview' }).click()
    await completeLogin(page, 'ada.first')
    // Nothing but the completion refreshes the panel.
    await account(panel, 'ada.first').waitFor()
    await panelStatus(panel, '1 account shown').waitFor()
    expect(await rowsOf(tableOf(panel, 'ada.first'))).toEqual([
      ['plan', '"free"'],
      ['tenant_id', '"acme"'],
      ['your_app_user_id', '"user_ada"'],
    ])

    // Second connection, with the reconnect's rows (plan "pro") but another username: the fake,
    // like Seam, reconnects an account only for the same provider and username.
    await page.getByRole('button', { name: 'Reconnect with new metadata' }).click()
    await page.getByRole('button', { name: 'Create a reconnect webview' }).click()
    await completeLogin(page, 'ada.second')
    await account(panel, 'ada.second').waitFor()
    await panelStatus(panel, '2 accounts shown').waitFor()
    expect(await rowsOf(tableOf(panel, 'ada.second'))).toEqual([
      ['plan', '"pro"'],
      ['your_app_user_id', '"user_ada"'],
    ])
    expect(await rowsOf(tableOf(panel, 'ada.first'))).toEqual([
      ['plan', '"free"'],
      ['tenant_id', '"acme"'],
      ['your_app_user_id', '"user_ada"'],
    ])

    // Edit the first account's plan.
    await panel.getByRole('button', { name: 'Edit metadata of ada.first', exact: true }).click()
    const form = account(panel, 'ada.first').getByRole('form', {
      name: 'Edit the custom_metadata of ada.first',
    })
    const trusted = form.getByLabel('your_app_user_id (read-only)')
    expect(await trusted.inputValue()).toBe('user_ada')
    expect(await trusted.isEditable()).toBe(false)
    const plan = await rowNumberOf(form, 'plan')
    await form.getByLabel(`Value ${plan}`, { exact: true }).fill('enterprise')
    await form.getByText('2 keys, valid', { exact: true }).waitFor()
    await form.getByRole('button', { name: 'Save metadata' }).click()
    await account(panel, 'ada.first')
      .getByRole('status')
      .filter({ hasText: 'Saved: Seam stored the new metadata.' })
      .waitFor()
    expect(await form.count()).toBe(0)
    await cell(panel, 'ada.first', 'plan', 'enterprise').waitFor()
    expect(await rowsOf(tableOf(panel, 'ada.first'))).toEqual([
      ['plan', '"enterprise"'],
      ['tenant_id', '"acme"'],
      ['your_app_user_id', '"user_ada"'],
    ])

    // Seam replaces the whole object: a row removed is a key removed; the server's key stays.
    await panel.getByRole('button', { name: 'Edit metadata of ada.second', exact: true }).click()
    const secondForm = account(panel, 'ada.second').getByRole('form', {
      name: 'Edit the custom_metadata of ada.second',
    })
    await secondForm
      .getByRole('button', { name: `Remove key ${await rowNumberOf(secondForm, 'plan')}` })
      .click()
    await secondForm.getByText('0 keys, valid', { exact: true }).waitFor()
    await secondForm.getByRole('button', { name: 'Save metadata' }).click()
    await account(panel, 'ada.second')
      .getByRole('status')
      .filter({ hasText: 'Saved: Seam stored the new metadata.' })
      .waitFor()
    expect(await rowsOf(tableOf(panel, 'ada.second'))).toEqual([['your_app_user_id', '"user_ada"']])

    // Stored: a new page load reads both back from Seam (the fake), through the server.
    await page.reload()
    await panelStatus(panel, '2 accounts shown').waitFor()
    expect(await rowsOf(tableOf(panel, 'ada.first'))).toEqual([
      ['plan', '"enterprise"'],
      ['tenant_id', '"acme"'],
      ['your_app_user_id', '"user_ada"'],
    ])
    expect(await rowsOf(tableOf(panel, 'ada.second'))).toEqual([['your_app_user_id', '"user_ada"']])
    expect(await panel.getByRole('alert').count()).toBe(0)
    expect(await axeViolations(page)).toEqual([])

    // A reconnect of the same account (same username) replaces its metadata with the new
    // webview's (the reloaded flow's rows: tenant_id "acme", plan "free"): the panel follows.
    await page.getByRole('button', { name: 'Create Connect Webview' }).click()
    await completeLogin(page, 'ada.first')
    await cell(panel, 'ada.first', 'plan', 'free').waitFor()
    await panelStatus(panel, '2 accounts shown').waitFor()
    expect(await rowsOf(tableOf(panel, 'ada.first'))).toEqual([
      ['plan', '"free"'],
      ['tenant_id', '"acme"'],
      ['your_app_user_id', '"user_ada"'],
    ])
    expect(errors).toEqual([])

    mkdirSync('test-results/e2e', { recursive: true })
    await page.screenshot({ path: 'test-results/e2e/demo-accounts.png', fullPage: true })
  })

  it('says so when a save fails, shows the stored metadata, and saves on a second try', async () => {
    const { page, errors } = await newPage()
    const panel = await signIn(page, 'Ada')
    await page.getByRole('button', { name: 'Create Connect Webview' }).click()
    await completeLogin(page, 'ada.failing')
    await account(panel, 'ada.failing').waitFor()

    await panel.getByRole('button', { name: 'Edit metadata of ada.failing', exact: true }).click()
    const form = account(panel, 'ada.failing').getByRole('form', {
      name: 'Edit the custom_metadata of ada.failing',
    })
    const plan = form.getByLabel(`Value ${await rowNumberOf(form, 'plan')}`, { exact: true })
    await plan.fill('gold')

    // Signed out in another window of the same browser (same cookies): the server now refuses this
    // page's requests, which this page does not know yet.
    const otherWindow = await page.context().newPage()
    await otherWindow.goto(demo.url)
    await otherWindow.getByRole('button', { name: 'Sign out' }).click()
    await otherWindow.getByRole('button', { name: 'Sign in as Ada' }).waitFor()

    await page.bringToFront() // back to the first window
    await form.getByRole('button', { name: 'Save metadata' }).click()
    await form
      .getByRole('alert')
      .filter({ hasText: 'Not saved: the table above shows the stored metadata again.' })
      .waitFor()
    // The table shows what is stored, not what was typed; the form keeps it, for another try.
    await cell(panel, 'ada.failing', 'plan', 'free').waitFor()
    expect(await plan.inputValue()).toBe('gold')
    expect(await form.getByRole('button', { name: 'Save metadata' }).isEnabled()).toBe(true)
    expect(await axeViolations(page)).toEqual([])

    // Signed in again (in the other window): the same form saves.
    await otherWindow.getByRole('button', { name: 'Sign in as Ada' }).click()
    await otherWindow.getByText('Signed in as', { exact: false }).waitFor()
    await page.bringToFront() // back to the first window
    await form.getByRole('button', { name: 'Save metadata' }).click()
    await account(panel, 'ada.failing')
      .getByRole('status')
      .filter({ hasText: 'Saved: Seam stored the new metadata.' })
      .waitFor()
    await cell(panel, 'ada.failing', 'plan', 'gold').waitFor()
    expect(await rowsOf(tableOf(panel, 'ada.failing'))).toEqual([
      ['plan', '"gold"'],
      ['tenant_id', '"acme"'],
      ['your_app_user_id', '"user_ada"'],
    ])
    expect(errors).toEqual([])
  })

  it('pages through the user’s own accounts with "Load more", and no one else’s', async () => {
    // Accounts connected before this visit, as Seam's side would hold them: one more than a page
    // for Grace, and one of Ada's, which Grace must never see.
    const fake = fakeControl(demo.fakeUrl)
    const grace = Array.from({ length: ACCOUNTS_PAGE_SIZE + 1 }, (_, i) => `grace.${i + 1}`)
    for (const username of grace) {
      await fake.seedConnectedAccount({
        username,
        custom_metadata: { your_app_user_id: 'user_grace', plan: 'free' },
      })
    }
    await fake.seedConnectedAccount({
      username: 'ada.seeded',
      custom_metadata: { your_app_user_id: 'user_ada', plan: 'free' },
    })

    const { page, errors } = await newPage()
    const panel = await signIn(page, 'Grace')
    await panelStatus(panel, `${ACCOUNTS_PAGE_SIZE} accounts shown, more to load`).waitFor()
    expect(await panel.getByRole('article').count()).toBe(ACCOUNTS_PAGE_SIZE)

    await panel.getByRole('button', { name: 'Load more' }).click()
    await panelStatus(panel, `${ACCOUNTS_PAGE_SIZE + 1} accounts shown`).waitFor()
    expect(await panel.getByRole('article').allTextContents()).toHaveLength(grace.length)
    for (const username of grace) {
      expect(await rowsOf(tableOf(panel, username))).toEqual([
        ['plan', '"free"'],
        ['your_app_user_id', '"user_grace"'],
      ])
    }
    expect(await panel.getByRole('button', { name: 'Load more' }).count()).toBe(0)
    expect(await account(panel, 'ada.seeded').count()).toBe(0)
    expect(await panel.getByRole('alert').count()).toBe(0)
    expect(errors).toEqual([])
  })
})
