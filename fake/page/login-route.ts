// POST /connect_webviews/view/login: what the hosted page's form calls. It checks the webview's
// auth_token again, completes or fails the webview through the same store methods as the
// /_fake/ control routes, and tells the page what to post to its parent and where to redirect
// (finished-reply.ts, the outcome route's reply too).
import type { Handler } from 'hono'
import { z } from 'zod'
import type { FakeEnv } from '../http/env.js'
import { FakeSeamError, connectWebviewNotFound, parseInput, unauthorized } from '../http/errors.js'
import { readParams } from '../http/params.js'
import type { WebviewFailure, WebviewRecord } from '../state/records.js'
import type { FakeStore } from '../state/store.js'
import { finishedReply, type FinishedReply } from './finished-reply.js'
import { findForViewer, pageProviders } from './webview-page.js'

/** The password that makes the fake's login fail; any other signs in. */
const WRONG_PASSWORD = 'wrong'
const INVALID_CREDENTIALS: WebviewFailure = {
  error_code: 'invalid_credentials',
  error_message: 'The username or password is incorrect.',
}

const loginSchema = z.strictObject({
  connect_webview_id: z.string(),
  auth_token: z.string(),
  provider: z.string().min(1),
  username: z.string().min(1).max(200),
  password: z.string().min(1).max(200),
})

export function viewLogin(store: FakeStore): Handler<FakeEnv> {
  return async (c) => {
    const params = await readParams(c.req)
    const access = findForViewer(store, params.connect_webview_id, params.auth_token)
    if (access === 'unauthorized') throw unauthorized('Invalid or missing auth_token')
    if (access === 'not_found') throw connectWebviewNotFound()
    const input = parseInput(loginSchema, params)
    if (!pageProviders(access).includes(input.provider)) {
      throw new FakeSeamError(
        400,
        'invalid_input',
        `Invalid input: provider: not accepted by this connect webview`,
      )
    }
    return c.json(login(store, access, input))
  }
}

function login(
  store: FakeStore,
  record: WebviewRecord,
  input: z.output<typeof loginSchema>,
): FinishedReply {
  const id = record.webview.connect_webview_id
  if (input.password === WRONG_PASSWORD) {
    store.failWebview({ connect_webview_id: id, ...INVALID_CREDENTIALS })
  } else {
    // Same provider + username: completeWebview reconnects that account, replacing its metadata.
    store.completeWebview({
      connect_webview_id: id,
      provider: input.provider,
      username: input.username,
    })
  }
  const reply = finishedReply(store, record)
  // Both store calls finish the webview (or throw its 409), so this cannot happen.
  if (reply === null) throw new Error('The login left the connect webview pending')
  return reply
}
