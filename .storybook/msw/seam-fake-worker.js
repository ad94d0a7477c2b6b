/* global importScripts, handleRequest, activeClientIds */
// The service worker of the static Storybook (`npm run build-storybook`): MSW's own worker, plus
// the one thing it refuses to do, serving the fake's hosted page as a document.
//
// The static build has no server, so the stories' fake Seam Connect (createFakeSeamConnect) runs
// in the preview page, mounted under `<Storybook's origin>/seam-fake`, and MSW's worker hands it
// every request for that path (stories/support/static-fake.ts). A webview's `url` is then
// `<origin>/seam-fake/connect_webviews/view?...`, which <ConnectWebviewFrame> loads in an iframe:
// a navigation, which mockServiceWorker.js always leaves to the network (`mode === 'navigate'`),
// where a static file server answers 404. So navigations under `seam-fake/` go through MSW's own
// request path here (handleRequest: the worker asks the preview page, which asked the fake), and
// the iframe gets the fake's real page: its status, its Content-Security-Policy, its delay (the
// iframe's load event waits for it, as it would for Seam's page).
//
// The hosted page's own requests (its login and outcome routes) come from a nested document that
// never started MSW; mockServiceWorker.js routes them to the visible page that did (its
// resolveMainClient), which is Storybook's preview. Both files are emitted by the build
// (.storybook/msw-worker-plugin.ts), mockServiceWorker.js from the installed msw, so the two
// always match: handleRequest and activeClientIds are that file's top-level names.

// Registered before MSW's own listener, to stop it: when the last page using it closes, MSW's
// worker unregisters itself. A reload (or the next story's page) races that: its setupWorker
// finds the registration being removed and its unawaited `registration.update()` rejects
// ("Failed to update a ServiceWorker ... Not found"), an unhandled rejection that fails the story
// it lands in. Here the closing page only stops being an active client; with none left, both
// MSW's listener and the one below leave every request to the network, as an unregistered worker
// would.
addEventListener('message', (event) => {
  if (event.data !== 'CLIENT_CLOSED') return
  event.stopImmediatePropagation()
  activeClientIds.delete(event.source?.id)
})

importScripts('./mockServiceWorker.js')

if (typeof handleRequest !== 'function' || typeof activeClientIds === 'undefined') {
  // A later msw renamed them: fail loudly rather than let the hosted page 404 quietly.
  throw new Error('seam-fake-worker.js: mockServiceWorker.js no longer defines handleRequest')
}

/** Where the preview mounts the fake: `seam-fake/` next to iframe.html (static-fake.ts). */
const FAKE_PATH = new URL('seam-fake/', self.registration.scope).pathname

addEventListener('fetch', (event) => {
  const { request } = event
  if (request.mode !== 'navigate' || request.method !== 'GET') return
  if (!new URL(request.url).pathname.startsWith(FAKE_PATH)) return
  // No preview page has started MSW (yet, or any more): leave it to the network, as MSW does.
  if (activeClientIds.size === 0) return
  // MSW's page side rebuilds the request with `new Request(url, init)`, which refuses
  // `mode: 'navigate'`: hand it the same GET as an ordinary same-origin request.
  const asFetch = new Request(request.url, {
    headers: request.headers,
    mode: 'same-origin',
    credentials: 'same-origin',
    cache: 'no-store',
  })
  event.respondWith(
    handleRequest({ clientId: event.clientId, request: asFetch }, crypto.randomUUID(), Date.now()),
  )
})
