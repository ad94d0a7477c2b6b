// The `react-seam-connect/testing` entry for browser bundles (the `browser` condition): the same
// exports as index.ts, but `startFakeSeamConnect` cannot listen on a port in a browser, so it
// rejects with the way out instead of pulling node:http into a Storybook or Vite bundle.
import type { FakeSeamConnect, StartFakeSeamConnectOptions } from './node-server.js'

export * from './public.js'
export type { FakeSeamConnect, StartFakeSeamConnectOptions }

/**
 * Not available in a browser: rejects. Start the server in Node (a test runner's global setup,
 * Playwright's `webServer`, a Vite plugin) and pass its URL to the page, or use
 * `createFakeSeamConnect` with MSW in the browser.
 */
export async function startFakeSeamConnect(
  options?: StartFakeSeamConnectOptions,
): Promise<FakeSeamConnect> {
  void options
  throw new Error(
    'startFakeSeamConnect needs Node (it listens on a port): this is the browser build of ' +
      'react-seam-connect/testing. Start the fake in Node (a global setup, a dev-server plugin) ' +
      'and pass its url to the page, or use createFakeSeamConnect with MSW in the browser.',
  )
}
