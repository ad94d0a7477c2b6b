// The demo, started exactly as `npm start` starts it, driven in Debian's Chromium by the
// Playwright library as a person would use it: no /_fake/ calls, the login form filled inside
// the webview's cross-origin iframe.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { stripVTControlCharacters } from 'node:util'
import { chromium, type Browser } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromiumArgs, findChromium } from '../support/chromium.mjs'

let demo: ChildProcess | undefined
let browser: Browser | undefined
let url = ''

/** Resolves with the page URL Vite prints once the demo listens. */
function startDemo(): Promise<string> {
  return new Promise((resolve, reject) => {
    demo = spawn('npm', ['start'], {
      // Port 0 would not be printed by Vite; a random high port, with Vite free to move it.
      env: { ...process.env, PORT: String(20000 + Math.floor(Math.random() * 20000)) },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    const onData = (chunk: Buffer) => {
      // Vite colours its output (the port in bold): read it without the escape sequences.
      output += stripVTControlCharacters(chunk.toString())
      const match = /Local:\s+(http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)
      if (match?.[1]) resolve(match[1])
    }
    demo.stdout?.on('data', onData)
    demo.stderr?.on('data', onData)
    demo.once('exit', (code) => reject(new Error(`npm start exited (${code}):\n${output}`)))
  })
}

beforeAll(async () => {
  url = await startDemo()
  const found = await findChromium()
  browser = await chromium.launch({ executablePath: found?.path, args: chromiumArgs })
})

afterAll(async () => {
  await browser?.close()
  // npm start runs Vite in a child process: stop the whole group.
  if (demo?.pid) process.kill(-demo.pid, 'SIGTERM')
})

describe('the demo, end to end', () => {
  it('shows the connected account’s custom_metadata exactly as typed', async () => {
    if (!browser) throw new Error('Chromium did not start')
    const page = await browser.newPage({ viewport: { width: 1100, height: 1500 } })
    await page.goto(url)

    const userId = `e2e-${Date.now()}`
    await page.getByLabel('Value 1', { exact: true }).fill(userId)
    await page.getByLabel('Key 2', { exact: true }).fill('team')
    await page.getByLabel('Value 2', { exact: true }).fill('platform & ops')
    await page.getByRole('button', { name: 'Add key' }).click()
    await page.getByLabel('Key 3', { exact: true }).fill('beta_tester')
    await page.getByLabel('Type 3', { exact: true }).selectOption('true')
    await page.getByText('3 keys, valid', { exact: true }).waitFor()
    await page.getByRole('button', { name: 'Create Connect Webview' }).click()

    const webview = page.frameLocator('iframe[title="Connect your device account with Seam"]')
    await webview.getByLabel('Username').fill('e2e.person')
    await webview.getByLabel('Password').fill('correct horse battery staple')
    await webview.getByRole('button', { name: 'Sign in' }).click()

    const expected = [
      ['your_app_user_id', JSON.stringify(userId)],
      ['team', JSON.stringify('platform & ops')],
      ['beta_tester', 'true'],
    ]
    const rowsOf = (caption: string) =>
      page
        .getByRole('table', { name: caption })
        .locator('tbody tr')
        .evaluateAll((rows) =>
          rows.map((row) => [...row.children].map((cell) => cell.textContent ?? '')),
        )
    await page.getByText('Connected.', { exact: true }).waitFor({ timeout: 30_000 })
    expect(await rowsOf('custom_metadata from onComplete')).toEqual(expected)
    await page.getByRole('table', { name: 'custom_metadata of the connected account' }).waitFor()
    expect(await rowsOf('custom_metadata of the connected account')).toEqual(expected)

    mkdirSync('test-results/e2e', { recursive: true })
    await page.screenshot({ path: 'test-results/e2e/demo-completed.png', fullPage: true })
  })
})
