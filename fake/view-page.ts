// The page behind a webview's `url`. A placeholder for now: a later task turns it into the
// login page that completes or fails the webview and posts messages to its parent.
import type { Handler } from 'hono'
import type { FakeEnv } from './env'
import type { FakeStore, WebviewRecord } from './store'

export const VIEW_PATH = '/connect_webviews/view'

export function viewPage(store: FakeStore): Handler<FakeEnv> {
  return (c) => {
    // The url carries a credential: keep it out of caches and out of Referer headers.
    c.header('cache-control', 'no-store')
    c.header('referrer-policy', 'no-referrer')
    const record = store.webviewForViewer(
      c.req.query('connect_webview_id') ?? '',
      c.req.query('auth_token') ?? '',
    )
    if (!record) return c.html(renderUnauthorized(), 401)
    return c.html(renderWebview(record))
  }
}

function renderWebview(record: WebviewRecord): string {
  const { webview } = record
  return page(
    'Fake Seam Connect',
    `<h1>Fake Seam Connect</h1>
    <p>Connect webview <code>${escapeHtml(webview.connect_webview_id)}</code></p>
    <p>Status: <strong data-testid="status">${escapeHtml(webview.status)}</strong></p>`,
  )
}

function renderUnauthorized(): string {
  return page(
    'Not authorized',
    `<h1>Not authorized</h1>
    <p>This connect webview link is not valid.</p>`,
  )
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escapeHtml(title)}</title>
  </head>
  <body>
    ${body}
  </body>
</html>
`
}

function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')
}
