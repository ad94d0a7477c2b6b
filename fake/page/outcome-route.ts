// GET /connect_webviews/view/outcome: what the hosted page polls while it shows its form, so it
// learns of an outcome that happened elsewhere (a /_fake/ control route; on Seam, a provider
// that finishes its login in a popup) and then does what it does after its own login.
import type { Handler } from 'hono'
import type { FakeEnv } from '../http/env.js'
import { connectWebviewNotFound, unauthorized } from '../http/errors.js'
import type { FakeStore } from '../state/store.js'
import { finishedReply, type FinishedReply } from './finished-reply.js'
import { findForViewer } from './webview-page.js'

/** `pending` until the webview finishes; then exactly what the login route would have replied. */
type OutcomeReply = { ok: true; status: 'pending' } | FinishedReply

export function viewOutcome(store: FakeStore): Handler<FakeEnv> {
  return (c) => {
    const access = findForViewer(
      store,
      c.req.query('connect_webview_id'),
      c.req.query('auth_token'),
    )
    if (access === 'unauthorized') throw unauthorized('Invalid or missing auth_token')
    if (access === 'not_found') throw connectWebviewNotFound()
    const reply: OutcomeReply = finishedReply(store, access) ?? { ok: true, status: 'pending' }
    return c.json(reply)
  }
}
