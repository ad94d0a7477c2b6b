// `react-seam-connect/testing/msw`: MSW handlers for an in-process fake. A module of its own so
// that msw (an optional peer) is loaded only by apps that import it.
import { http, type HttpHandler } from 'msw'
import type { FakeSeamConnectFetch } from './create-fake.js'

/**
 * One MSW handler that hands every request to `fake.url` (or below it) to the fake, for
 * `setupServer` (msw/node) or `setupWorker` (msw/browser).
 *
 * @example
 * const fake = createFakeSeamConnect()
 * const server = setupServer(...fakeSeamConnectHandlers(fake))
 */
export function fakeSeamConnectHandlers(
  fake: Pick<FakeSeamConnectFetch, 'url' | 'fetch'>,
): HttpHandler[] {
  return [http.all(`${fake.url}/*`, ({ request }) => fake.fetch(request))]
}
