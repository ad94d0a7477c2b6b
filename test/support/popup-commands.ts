// Vitest browser commands (run in Node, with Playwright's handle on the browser) that act in a
// popup window as a person would: the tests' own page cannot reach into the webview's origin.
import type { BrowserContext, Page } from 'playwright'
import type { BrowserCommand } from 'vitest/node'

/** How long a command waits for the popup to show the webview. */
const WAIT_MS = 20_000

/** The page whose top-level document is `connectWebviewId`'s hosted page, once it is. */
function popupShowing(context: BrowserContext, connectWebviewId: string): Promise<Page> {
  const shows = (page: Page) => {
    try {
      return new URL(page.url()).searchParams.get('connect_webview_id') === connectWebviewId
    } catch {
      return false
    }
  }
  const found = context.pages().find(shows)
  if (found) return Promise.resolve(found)
  return new Promise((resolve, reject) => {
    const watched = new Set<Page>()
    const stop = () => {
      clearTimeout(timer)
      context.off('page', watch)
      for (const page of watched) page.off('framenavigated', onNavigated)
    }
    const onNavigated = (frame: ReturnType<Page['mainFrame']>) => {
      const page = frame.page()
      if (frame === page.mainFrame() && shows(page)) {
        stop()
        resolve(page)
      }
    }
    const watch = (page: Page) => {
      watched.add(page)
      page.on('framenavigated', onNavigated)
    }
    const timer = setTimeout(() => {
      stop()
      reject(new Error(`No window showed Connect Webview ${connectWebviewId}`))
    }, WAIT_MS)
    context.pages().forEach(watch)
    context.on('page', watch)
  })
}

/** Fills the fake's login form in the popup and submits it; `wrong` fails the login. */
export const popupSignIn: BrowserCommand<
  [connectWebviewId: string, options?: { username?: string; password?: string }]
> = async (ctx, connectWebviewId, options = {}) => {
  const popup = await popupShowing(ctx.context, connectWebviewId)
  await popup.getByLabel('Username').fill(options.username ?? `person-${crypto.randomUUID()}`)
  await popup.getByLabel('Password').fill(options.password ?? 'correct horse')
  await popup.getByRole('button', { name: 'Sign in' }).click()
}

/** Closes the popup showing the webview, as the person would with the window's close button. */
export const popupClose: BrowserCommand<[connectWebviewId: string]> = async (
  ctx,
  connectWebviewId,
) => {
  const popup = await popupShowing(ctx.context, connectWebviewId)
  await popup.close({ runBeforeUnload: false })
}

const popups = (ctx: Parameters<BrowserCommand>[0]) =>
  ctx.context.pages().filter((page) => page !== ctx.page)

/** How many windows the browser has open besides the tests' own. */
export const openPopups: BrowserCommand<[]> = (ctx) => Promise.resolve(popups(ctx).length)

/** Closes every window besides the tests' own (one whose handle COOP cut cannot be closed from the page). */
export const closePopups: BrowserCommand<[]> = async (ctx) => {
  await Promise.all(popups(ctx).map((page) => page.close({ runBeforeUnload: false })))
}

declare module 'vitest/browser' {
  interface BrowserCommands {
    popupSignIn: (
      connectWebviewId: string,
      options?: { username?: string; password?: string },
    ) => Promise<void>
    popupClose: (connectWebviewId: string) => Promise<void>
    openPopups: () => Promise<number>
    closePopups: () => Promise<void>
  }
}
