// Everything a browser bench flow runs on: the fake (in this process, over real HTTP on
// 127.0.0.1), the built bench page served as static files from another origin, and Chromium.
// A flow is one user (one client session, so the fake's request log and latency are its own), one
// webview, one page in a fresh browser context.
import type { Browser, BrowserContext, Frame, Page } from 'playwright'
import { rm } from 'node:fs/promises'
import { fakeControl, uniqueUser, type FakeBehaviourPatch } from '../../fake/control-client'
import { startFakeSeamConnect, type FakeSeamConnect } from '../../fake/node-server'
import { serveStatic, type StaticServer } from '../../test/support/static-server'
import { buildPage, type PageBuild } from './build'
import { launchChromium } from './chromium'
import type { BenchConfig, BenchRecord } from './page/config'

export interface Harness {
  fake: FakeSeamConnect
  control: ReturnType<typeof fakeControl>
  site: StaticServer
  browser: Browser
  stop(): Promise<void>
}

export async function startHarness(kind: PageBuild): Promise<Harness> {
  const dir = await buildPage(kind)
  const fake = await startFakeSeamConnect()
  const site = await serveStatic(dir)
  const browser = await launchChromium()
  return {
    fake,
    control: fakeControl(fake.url, fake),
    site,
    browser,
    async stop() {
      await browser.close()
      await site.close()
      await fake.stop()
      await rm(dir, { recursive: true, force: true })
    },
  }
}

export interface FlowOptions {
  view: BenchConfig['view']
  /** Added by the fake to every Seam API reply of this flow's session. */
  latencyMs?: number
  /** The session's other fake behaviour (what the webview page posts, and when). */
  behaviour?: FakeBehaviourPatch
  pollInterval?: number
  strict?: boolean
  /** Give the webview a custom_redirect_url on the bench page's origin (public/landing.html). */
  redirect?: boolean
}

/** The Seam API requests of one flow, by route. */
export interface RequestCounts {
  create: number
  webviewReads: number
  accountReads: number
  total: number
}

export type Flow = Awaited<ReturnType<typeof openFlow>>

/** Opens the bench page for a new user and waits until its webview's login form shows. */
export async function openFlow(harness: Harness, options: FlowOptions) {
  const { control, fake, site, browser } = harness
  const key = uniqueUser('bench')
  const token = await control.mintClientSessionToken(key)
  await control.sessionBehaviour(key, { latency_ms: options.latencyMs ?? 0, ...options.behaviour })
  const config: BenchConfig = {
    endpoint: fake.url,
    token,
    view: options.view,
    ...(options.pollInterval === undefined ? {} : { pollInterval: options.pollInterval }),
    ...(options.strict ? { strict: true } : {}),
    ...(options.redirect ? { redirectUrl: new URL('landing.html', site.url).href } : {}),
  }
  const context: BrowserContext = await browser.newContext()
  const page: Page = await context.newPage()
  await page.addInitScript(VISIBILITY_SWITCH)
  await page.goto(`${site.url}#${encodeURIComponent(JSON.stringify(config))}`)
  const login = page.frameLocator('iframe')
  await login.getByLabel('Username').waitFor()
  const webviewId = await page.evaluate(() => window.bench.webviewId)

  const flow = {
    key,
    page,
    webviewId: webviewId ?? '',
    /** Fills the login form (a new person each flow) without submitting it. */
    async fillLogin() {
      await login.getByLabel('Username').fill(`person-${crypto.randomUUID()}`)
      await login.getByLabel('Password').fill('correct horse')
    },
    submitLogin: () => login.getByRole('button', { name: 'Sign in' }).click(),
    async signIn() {
      await flow.fillLogin()
      await flow.submitLogin()
    },
    /** Resolves with the page's record once onComplete ran (throws on an error or after 60 s). */
    async completed(): Promise<BenchRecord> {
      await page.waitForFunction(
        () => window.bench.completedAt !== undefined || window.bench.errors.length > 0,
        undefined,
        { timeout: 60_000, polling: 'raf' },
      )
      const record = await page.evaluate(() => ({ ...window.bench, rerender: undefined }))
      if (record.errors.length) throw new Error(`the flow failed: ${record.errors.join('; ')}`)
      return record
    },
    /** Resolves once the iframe says `data-state="completed"` (the commit after onComplete). */
    settled: () =>
      page.waitForFunction(
        () => document.querySelector('iframe')?.dataset.state === 'completed',
        undefined,
        { timeout: 60_000, polling: 'raf' },
      ),
    /** The page's record now. */
    record: () => page.evaluate(() => ({ ...window.bench, rerender: undefined })),
    /** When the webview page learnt the outcome and posted its message (fake/page/page-script.ts). */
    async pageTimes(): Promise<{ outcomeAt?: number; postedAt?: number }> {
      const frame = webviewFrame(page)
      if (!frame) throw new Error('the webview page is gone')
      const times = await frame.evaluate(() => ({
        outcomeAt: document.documentElement.dataset.outcomeAt,
        postedAt: document.documentElement.dataset.postedAt,
      }))
      return {
        ...(times.outcomeAt ? { outcomeAt: Number(times.outcomeAt) } : {}),
        ...(times.postedAt ? { postedAt: Number(times.postedAt) } : {}),
      }
    },
    /** This flow's Seam API requests in the fake's log (minting the token is the backend's). */
    async requests(): Promise<RequestCounts> {
      const log = (await control.requests(key)).filter(
        (entry) => !entry.path.startsWith('/client_sessions/'),
      )
      const count = (path: string) => log.filter((entry) => entry.path === path).length
      return {
        create: count('/connect_webviews/create'),
        webviewReads: count('/connect_webviews/get'),
        accountReads: count('/connected_accounts/get'),
        total: log.length,
      }
    },
    /** Hides or shows the page: `document.visibilityState` and a `visibilitychange` event. */
    setHidden: (hidden: boolean) =>
      page.evaluate((value) => {
        ;(window as unknown as { benchSetHidden(hidden: boolean): void }).benchSetHidden(value)
      }, hidden),
    close: () => context.close(),
  }
  return flow
}

/**
 * Headless Chromium keeps every page visible: neither a minimized window (CDP
 * `Browser.setWindowBounds`, focus emulation off) nor a background tab changed
 * `document.visibilityState` here. So the top page's `visibilityState` and `hidden` answer a
 * switch, and flipping it fires `visibilitychange`: what React Query's focusManager, which pauses
 * the library's polling, reads. Timers are not throttled, so a poll that ignored it would show.
 */
const VISIBILITY_SWITCH = `
  if (window === window.top) {
    let hidden = false
    Object.defineProperty(Document.prototype, 'visibilityState', {
      configurable: true,
      get: () => (hidden ? 'hidden' : 'visible'),
    })
    Object.defineProperty(Document.prototype, 'hidden', { configurable: true, get: () => hidden })
    window.benchSetHidden = (value) => {
      hidden = value
      // As the browser fires it: at the document, bubbling (React Query listens on window).
      document.dispatchEvent(new Event('visibilitychange', { bubbles: true }))
    }
  }
`

/** The webview's own page among the frames (before any redirect away from it). */
export function webviewFrame(page: Page): Frame | undefined {
  return page.frames().find((frame) => frame.url().includes('/connect_webviews/view'))
}

/** Runs `task` for each item with at most `width` at a time; results in the items' order. */
export async function inParallel<T, R>(
  items: readonly T[],
  width: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const index = next++
      results[index] = await task(items[index] as T, index)
    }
  }
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker))
  return results
}
