// Issue 12, item 7: the BUILT demo, served by `vite preview` with its backend and a strict
// Content-Security-Policy (no inline script or style, frames only from the fake, requests only
// to its own origin, where the backend is), completes the whole flow in Chromium with zero
// `securitypolicyviolation` events and no CSP error in the console.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser } from 'playwright'
import { build, preview, type PreviewServer } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFakeSeamConnect, type FakeSeamConnect } from '../../fake/node-server'
import { demoBackendPlugin } from '../../demo/server/demo-backend-plugin'
import { fakeTarget } from '../../demo/server/seam-target'
import { chromiumArgs, findChromium } from '../support/chromium.mjs'

const configFile = fileURLToPath(new URL('../../demo/vite.config.ts', import.meta.url))
const root = fileURLToPath(new URL('../../demo/', import.meta.url))

/** The policy: nothing inline, nothing eval'd, frames only from the fake, requests only to self. */
const policy = (fakeOrigin: string) =>
  [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    `frame-src ${fakeOrigin}`,
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')

let outDir = ''
let fake: FakeSeamConnect | undefined
let server: PreviewServer | undefined
let browser: Browser | undefined
let pageUrl = ''
let csp = ''

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'demo-csp-'))
  await build({ configFile, logLevel: 'error', build: { outDir, emptyOutDir: true } })
  fake = await startFakeSeamConnect()
  csp = policy(new URL(fake.url).origin)
  const seam = fake
  // Not the demo's config: its backend plugin would start a fake of its own beside this one.
  server = await preview({
    configFile: false,
    root,
    logLevel: 'error',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, headers: { 'content-security-policy': csp } },
    // The demo's own backend, sending Seam requests to this test's fake.
    plugins: [
      demoBackendPlugin({
        // Its webhooks registered, so that the "Seen by your server" panel has a connection to
        // show under the policy.
        target: async () => fakeTarget(seam),
      }),
    ],
  })
  pageUrl = server.resolvedUrls?.local[0] ?? ''
  const found = await findChromium()
  browser = await chromium.launch({ executablePath: found?.path, args: chromiumArgs })
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
  await fake?.stop()
  if (outDir) rmSync(outDir, { recursive: true, force: true })
})

describe('the built demo under a strict Content-Security-Policy', () => {
  it('creates a webview, signs in inside the iframe and shows the metadata, with no violation', async () => {
    if (!browser) throw new Error('Chromium did not start')
    const page = await browser.newPage({ viewport: { width: 1100, height: 1500 } })
    // In every frame, before any of the page's scripts: each violation the policy reports.
    await page.addInitScript(() => {
      const seen: string[] = []
      Reflect.set(window, '__cspViolations', seen)
      document.addEventListener(
        'securitypolicyviolation',
        (event) =>
          seen.push(
            `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
          ),
        true,
      )
    })
    const consoleErrors: string[] = []
    page.on('console', (message) => {
      if (/content security policy|refused to/i.test(message.text()))
        consoleErrors.push(message.text())
    })
    const response = await page.goto(pageUrl)
    // The header this test is about really is on the page.
    expect(response?.headers()['content-security-policy']).toBe(csp)

    await page.getByRole('button', { name: 'Sign in as Ada' }).click()
    await page.getByText('Signed in as', { exact: false }).waitFor()
    await page.getByText('2 keys, valid', { exact: true }).waitFor()
    await page.getByRole('button', { name: 'Create Connect Webview' }).click()

    const webview = page.frameLocator('iframe[title="Connect your device account with Seam"]')
    await webview.getByLabel('Username').fill('csp.person')
    await webview.getByLabel('Password').fill('correct horse battery staple')
    await webview.getByRole('button', { name: 'Sign in' }).click()

    await page.getByText('Connected.', { exact: true }).waitFor({ timeout: 30_000 })
    const table = page.getByRole('table', { name: 'custom_metadata from onComplete' })
    await expect.poll(() => table.locator('tbody tr').count()).toBeGreaterThanOrEqual(2)
    expect(await table.textContent()).toContain('your_app_user_id')
    await page
      .getByRole('region', { name: 'Seen by your server' })
      .getByRole('table', { name: /from the signed webhook$/ })
      .waitFor()

    const violations = (await page.evaluate(() =>
      Reflect.get(window, '__cspViolations'),
    )) as string[]
    expect(violations).toEqual([])
    expect(consoleErrors).toEqual([])
    await page.close()
  })
})
