// The page behind a webview's `url`: a provider picker and a login form while the webview is
// pending, its final state afterwards. Submitting calls the login route (login-route.ts), then
// the page posts to its parent and follows a custom redirect the way Seam's page does (docs/seam-api.md §5).
// While it waits it also asks the outcome route (outcome-route.ts) whether the webview finished
// elsewhere, and then does the same.
import type { Handler } from 'hono'
import type { FakeBehaviour } from '../state/behaviour.js'
import { DEFAULT_FAILURE } from '../control/schemas.js'
import { delay } from '../http/delay.js'
import type { FakeEnv } from '../http/env.js'
import { escapeHtml, sendPage, type PageOptions } from './html.js'
import { providerDisplayName } from '../seam/providers.js'
import type { WebviewRecord } from '../state/records.js'
import type { FakeStore } from '../state/store.js'
import { VIEW_PAGE_SCRIPT } from './page-script.js'

export const VIEW_PATH = '/connect_webviews/view'
export const VIEW_LOGIN_PATH = '/connect_webviews/view/login'
export const VIEW_OUTCOME_PATH = '/connect_webviews/view/outcome'

/** Offered when a webview accepts no provider at all (every one excluded). */
const FALLBACK_PROVIDERS = ['august', 'yale', 'schlage', 'ecobee']

/** What the page embeds as JSON for its script (and for tests to read). */
interface ViewPageData {
  connect_webview_id: string
  status: string
  login_path: string
  outcome_path: string
  /** The webview's effective behaviour when the page was rendered. */
  behaviour: FakeBehaviour
}

export function viewPage(store: FakeStore): Handler<FakeEnv> {
  return async (c) => {
    const access = findForViewer(
      store,
      c.req.query('connect_webview_id'),
      c.req.query('auth_token'),
    )
    if (access === 'unauthorized') {
      return sendPage(
        c,
        message('Not authorized', 'Not authorized', 'This connect webview link is not valid.'),
        401,
      )
    }
    if (access === 'not_found') {
      return sendPage(
        c,
        message('Not found', 'Connect webview not found', 'This connect webview does not exist.'),
        404,
      )
    }
    // Only a page that would show the webview waits: a refusal has no behaviour to follow.
    const { view_delay_ms: viewDelayMs } = store.webviewBehaviour(access.webview.connect_webview_id)
    await delay(viewDelayMs, store.shutdownSignal)
    // Rendered after the wait, so the page shows the state (and behaviour) it is sent with.
    return sendPage(c, webviewPage(store, access))
  }
}

/**
 * The page's, the login route's and the outcome route's check. A missing token is refused before the lookup, so a
 * bare id reveals nothing; a wrong token gets the same 401 as a missing one.
 */
export function findForViewer(
  store: FakeStore,
  connectWebviewId: unknown,
  authToken: unknown,
): WebviewRecord | 'unauthorized' | 'not_found' {
  if (typeof authToken !== 'string' || authToken === '') return 'unauthorized'
  if (typeof connectWebviewId !== 'string' || !store.hasWebview(connectWebviewId)) {
    return 'not_found'
  }
  return store.webviewForViewer(connectWebviewId, authToken) ?? 'unauthorized'
}

/** The providers the picker offers, first one preselected. */
export function pageProviders(record: WebviewRecord): string[] {
  const accepted = record.webview.accepted_providers
  return accepted.length > 0 ? [...accepted] : [...FALLBACK_PROVIDERS]
}

function webviewPage(store: FakeStore, record: WebviewRecord): PageOptions {
  const { webview } = record
  const data: ViewPageData = {
    connect_webview_id: webview.connect_webview_id,
    status: webview.status,
    login_path: `${store.basePath}${VIEW_LOGIN_PATH}`,
    outcome_path: `${store.basePath}${VIEW_OUTCOME_PATH}`,
    behaviour: store.webviewBehaviour(webview.connect_webview_id),
  }
  const intro = `      <h1>Fake Seam Connect</h1>
      <p class="hint">Connect webview <code>${escapeHtml(webview.connect_webview_id)}</code></p>`
  if (webview.status !== 'pending') {
    const connected = webview.status === 'authorized'
    const text = connected ? 'Connected' : (record.failure ?? DEFAULT_FAILURE).error_message
    return {
      title: 'Fake Seam Connect',
      body: `${intro}
      <h2 id="outcome" tabindex="-1">${connected ? 'Account connected' : 'Login failed'}</h2>
      <p role="status" id="status">${escapeHtml(text)}</p>`,
      data,
      openerPolicy: openerPolicyOf(data.behaviour),
    }
  }
  const radios = pageProviders(record)
    .map(
      (provider, index) =>
        `            <label><input type="radio" name="provider" value="${escapeHtml(provider)}"${
          index === 0 ? ' checked' : ''
        } /> ${escapeHtml(providerDisplayName(provider))}</label>`,
    )
    .join('\n')
  return {
    title: 'Fake Seam Connect',
    body: `${intro}
      <form id="login" method="post">
        <fieldset>
          <legend>Provider</legend>
          <div class="providers">
${radios}
          </div>
        </fieldset>
        <div class="field">
          <label for="username">Username</label>
          <input id="username" name="username" type="text" autocomplete="username" required />
        </div>
        <div class="field">
          <label for="password">Password</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required aria-describedby="password-hint" />
          <p class="hint" id="password-hint">Any password signs in, except <code>wrong</code>, which fails the login.</p>
        </div>
        <button type="submit">Sign in</button>
      </form>
      <h2 id="outcome" tabindex="-1" hidden></h2>
      <p role="status" id="status"></p>`,
    script: VIEW_PAGE_SCRIPT,
    data,
    openerPolicy: openerPolicyOf(data.behaviour),
  }
}

function message(title: string, heading: string, text: string): PageOptions {
  return {
    title,
    body: `      <h1>${escapeHtml(heading)}</h1>
      <p>${escapeHtml(text)}</p>`,
  }
}

/** The header for the behaviour's policy: none for `unsafe-none`, the browsers' default (and Seam's). */
const openerPolicyOf = ({ opener_policy }: FakeBehaviour) =>
  opener_policy === 'unsafe-none' ? undefined : opener_policy
