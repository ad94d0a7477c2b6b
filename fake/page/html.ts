// The shell shared by the fake's HTML pages (the hosted webview page, the forger page): one
// self-contained document with inline CSS and script, locked down by a Content-Security-Policy
// so a page can never load anything from elsewhere.
import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { FakeEnv } from '../http/env.js'

export interface PageOptions {
  title: string
  /** Trusted markup: every interpolated value must already be escaped with escapeHtml. */
  body: string
  /** Inline JavaScript, run after the body is parsed. */
  script?: string
  /** Embedded as `<script type="application/json" id="fake-data">` for the script to read. */
  data?: unknown
  /** Sent as the page's Cross-Origin-Opener-Policy. */
  openerPolicy?: string
}

const DATA_ELEMENT_ID = 'fake-data'

const STYLE = `
:root { color-scheme: light; font-family: system-ui, -apple-system, 'Segoe UI', sans-serif;
  color: #1f2328; background: #ffffff; line-height: 1.5; }
body { margin: 0; }
main { max-width: 32rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.5rem; margin: 0 0 0.5rem; }
h2 { font-size: 1.25rem; margin: 1rem 0 0.5rem; }
fieldset { border: 1px solid #6e7781; border-radius: 6px; margin: 0 0 1rem; padding: 0.5rem 1rem 0.75rem; }
legend { font-weight: 600; padding: 0 0.25rem; }
.providers { display: grid; grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr)); gap: 0.25rem 1rem; }
.providers label { display: flex; align-items: center; gap: 0.5rem; }
.field { margin: 0 0 1rem; }
.field label { display: block; font-weight: 600; margin-bottom: 0.25rem; }
.field input { box-sizing: border-box; width: 100%; padding: 0.5rem; font: inherit; color: inherit;
  border: 1px solid #6e7781; border-radius: 4px; background: #ffffff; }
button { font: inherit; font-weight: 600; padding: 0.5rem 1.25rem; color: #ffffff;
  background: #0a3d91; border: 0; border-radius: 4px; cursor: pointer; }
button:disabled { background: #57606a; cursor: progress; }
:focus-visible { outline: 3px solid #0969da; outline-offset: 2px; }
.hint { color: #57606a; font-size: 0.875rem; }
[role='status'] { font-weight: 600; min-height: 1.5em; }
`

async function renderPage(options: PageOptions): Promise<{ html: string; csp: string }> {
  const style = STYLE
  const script = options.script
  const data =
    options.data === undefined
      ? ''
      : `\n    <script type="application/json" id="${DATA_ELEMENT_ID}">${jsonForHtml(options.data)}</script>`
  const html = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escapeHtml(options.title)}</title>
    <style>${style}</style>
  </head>
  <body>
    <main>
${options.body}
    </main>${data}${script === undefined ? '' : `\n    <script>${script}</script>`}
  </body>
</html>
`
  // Hashes instead of 'unsafe-inline': only these exact blocks run. connect-src 'self' lets the
  // script call the fake's own login route; form-action 'none' stops a native form submission
  // (which would put the password in a request the script did not make) if the script fails.
  const csp = [
    "default-src 'none'",
    `style-src '${await sha256(style)}'`,
    script === undefined ? "script-src 'none'" : `script-src '${await sha256(script)}'`,
    "connect-src 'self'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ')
  return { html, csp }
}

/** Sends a page with headers that keep it (and any credential in its URL) out of caches. */
export async function sendPage(
  c: Context<FakeEnv>,
  options: PageOptions,
  status: ContentfulStatusCode = 200,
): Promise<Response> {
  const { html, csp } = await renderPage(options)
  c.header('cache-control', 'no-store')
  // The webview URL carries its auth_token: never hand it on in a Referer header.
  c.header('referrer-policy', 'no-referrer')
  c.header('content-security-policy', csp)
  c.header('x-content-type-options', 'nosniff')
  if (options.openerPolicy) c.header('cross-origin-opener-policy', options.openerPolicy)
  return c.html(html, status)
}

export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')
}

/**
 * JSON that is safe inside a `<script>` element: `<` can only occur inside JSON strings, where
 * `\u003c` means the same, so no `</script>` or `<!--` can end or confuse the element. U+2028
 * and U+2029 are escaped for older parsers that treat them as line ends.
 */
function jsonForHtml(value: unknown): string {
  return JSON.stringify(value)
    .replaceAll('<', '\\u003c')
    .replaceAll('>', '\\u003e')
    .replaceAll('&', '\\u0026')
    .replaceAll('\u2028', '\\u2028')
    .replaceAll('\u2029', '\\u2029')
}

/** A CSP source hash, with Web Crypto so the fake also runs in a browser. */
async function sha256(text: string): Promise<string> {
  const digest = new Uint8Array(
    await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)),
  )
  return `sha256-${btoa(String.fromCharCode(...digest))}`
}
