// The static Storybook (`npm run build-storybook`), served by a plain static file server with
// nothing behind it: the fake Seam Connect, its hosted page included, must come from the build's
// service worker (MSW; see stories/support/static-fake.ts). Driven in Chromium with Playwright,
// as a person would: the login form is filled inside the webview's iframe.
import { mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromiumArgs, findChromium } from '../support/chromium.mjs'
import { serveStatic, type StaticServer } from '../support/static-server'
import { ensureStaticStorybook, STORYBOOK_STATIC } from '../support/storybook-static'

const require = createRequire(import.meta.url)
const FLOW_STORY = 'full-flow--create-connect-read-back-reconnect'
const FRAME_TITLE = 'Connect your device account with Seam'

let server: StaticServer | undefined
let browser: Browser | undefined

beforeAll(async () => {
  ensureStaticStorybook()
  server = await serveStatic(STORYBOOK_STATIC)
  const found = await findChromium()
  browser = await chromium.launch({ executablePath: found?.path, args: chromiumArgs })
}, 300_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

/** A fresh browser profile (no service worker left from another test) and its page. */
async function newPage(): Promise<{ page: Page; errors: string[] }> {
  if (!browser) throw new Error('Chromium did not start')
  const page = await (await browser.newContext()).newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  return { page, errors }
}

const story = (id: string, extra = '') =>
  `${server?.url}iframe.html?id=${id}&viewMode=story${extra}`

describe('the static Storybook, served with no server behind it', () => {
  it('completes the full flow: sign-in on the hosted page, onComplete, the metadata', async () => {
    const { page, errors } = await newPage()
    // embed=true: Storybook does not run the play function (which signs in through the fake's
    // control route); the test signs in on the page instead.
    await page.goto(story(FLOW_STORY, '&embed=true'))
    await page.getByRole('button', { name: 'Create Connect Webview' }).click({ timeout: 30_000 })

    const iframe = page.getByTitle(FRAME_TITLE)
    // The hosted page is on Storybook's own origin, under the path the worker serves.
    expect(await iframe.getAttribute('src')).toMatch(
      new RegExp(`^${server?.url}seam-fake/connect_webviews/view\\?connect_webview_id=`),
    )
    const webview = page.frameLocator(`iframe[title="${FRAME_TITLE}"]`)
    await webview.getByLabel('Username').fill('static.person')
    await webview.getByLabel('Password').fill('correct horse battery staple')
    await webview.getByRole('button', { name: 'Sign in' }).click()
    await expect.poll(() => webview.locator('#outcome').textContent()).toBe('Account connected')

    await page.getByText('Connected.', { exact: true }).waitFor({ timeout: 30_000 })
    await expect.poll(() => iframe.getAttribute('data-state')).toBe('completed')
    // The flow's first round starts with these rows (demo/components/ConnectFlow.tsx).
    const expected = [
      ['tenant_id', '"acme"'],
      ['plan', '"free"'],
    ]
    const rowsOf = (caption: string) =>
      page
        .getByRole('table', { name: caption })
        .locator('tbody tr')
        .evaluateAll((rows) =>
          rows.map((row) => [...row.children].map((cell) => cell.textContent ?? '')),
        )
    expect(await rowsOf('custom_metadata from onComplete')).toEqual(expected)
    await page.getByRole('table', { name: 'custom_metadata of the connected account' }).waitFor()
    expect(await rowsOf('custom_metadata of the connected account')).toEqual(expected)

    // axe on the story as it ends (the hosted page inside the iframe is the fake's own markup).
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') })
    const violations = await page.evaluate(
      `axe.run('#storybook-root', { iframes: false }).then((r) => r.violations.map((v) => v.id))`,
    )
    expect(violations).toEqual([])

    mkdirSync('test-results/e2e', { recursive: true })
    await page.screenshot({ path: 'test-results/e2e/static-storybook-flow.png', fullPage: true })
    expect(errors).toEqual([])
    // Nothing of the fake reached the file server: the worker answered it all, the page included.
    expect(server?.requests.filter((path) => path.startsWith('/seam-fake/'))).toEqual([])
    expect(server?.requests).toContain('/seam-fake-worker.js')
    await page.context().close()
  })

  it('runs every story, its play function and its axe check, to success', async () => {
    const index = JSON.parse(readFileSync(join(STORYBOOK_STATIC, 'index.json'), 'utf8')) as {
      entries: Record<string, { id: string; type: string }>
    }
    const ids = Object.values(index.entries)
      .filter((entry) => entry.type === 'story')
      .map((entry) => entry.id)
    expect(ids).toContain(FLOW_STORY)
    const { page, errors } = await newPage()
    // Storybook reports on its channel how each story ends: a play function that threw (which
    // Storybook only logs), errors left unhandled while it played, and the a11y addon's axe run,
    // failed on a violation as `a11y: { test: 'error' }` says. Record them for each page.
    await page.addInitScript(`
      let channel
      Object.defineProperty(globalThis, '__STORYBOOK_ADDONS_CHANNEL__', {
        configurable: true,
        get: () => channel,
        set(value) {
          channel = value
          globalThis.__problems = []
          value.on('playFunctionThrewException', (error) => {
            __problems.push('play function: ' + error.message)
          })
          value.on('unhandledErrorsWhilePlaying', (errors) => {
            for (const error of errors) __problems.push('unhandled: ' + error.message)
          })
          value.on('storyFinished', (event) => {
            for (const report of event.reporters) {
              if (report.status !== 'passed') __problems.push(report.type + ': ' + report.status)
            }
            globalThis.__storyStatus = event.status
          })
        },
      })`)
    const results: [string, string][] = []
    for (const id of ids) {
      await page.goto(story(id))
      await page.waitForFunction('globalThis.__storyStatus', null, { timeout: 60_000 })
      const { status, problems } = (await page.evaluate(
        '({ status: __storyStatus, problems: __problems })',
      )) as { status: string; problems: string[] }
      results.push([id, problems.length > 0 ? problems.join('; ') : status])
    }
    expect(results).toEqual(ids.map((id) => [id, 'success']))
    expect(errors).toEqual([])
    await page.context().close()
  }, 600_000)
})
