// /_fake/ routes: how tests, stories and the demo drive the fake. No Seam auth (the fake binds
// 127.0.0.1 only); sessions are named by their user_identifier_key.
import { Hono } from 'hono'
import { z } from 'zod'
import type { FakeEnv } from '../http/env.js'
import { parseInput } from '../http/errors.js'
import { readParams } from '../http/params.js'
import { forgerPage } from '../page/forger-page.js'
import type { FakeStore } from '../state/store.js'
import type {
  BehaviourReply,
  CompleteConnectWebviewReply,
  ConnectWebviewsReply,
  FailConnectWebviewReply,
  FaultsReply,
  RequestLogReply,
  SeedConnectedAccountReply,
  SeedConnectedAccountsReply,
} from './replies.js'
import {
  completeConnectWebviewSchema,
  failConnectWebviewSchema,
  faultOwnerSchema,
  faultSchema,
  requestLogQuerySchema,
  sessionBehaviourInputSchema,
  webviewBehaviourInputSchema,
} from './schemas.js'
import { seedConnectedAccountSchema, seedConnectedAccountsSchema } from './seed-schema.js'
import { createWebhookRoutes } from './webhook-routes.js'

const webviewQuerySchema = z.object({ connect_webview_id: z.uuid() })
const sessionQuerySchema = z.object({ user_identifier_key: z.string().min(1) })
const optionalSessionQuerySchema = z.strictObject({
  user_identifier_key: z.string().min(1).optional(),
})

export function createControlRoutes(store: FakeStore): Hono<FakeEnv> {
  const routes = new Hono<FakeEnv>()

  routes.get('/health', (c) => c.json({ ok: true }))

  routes.get('/post-message', forgerPage())

  routes.route('/webhooks', createWebhookRoutes(store))

  routes.post('/connect_webviews/complete', async (c) => {
    const input = parseInput(completeConnectWebviewSchema, await readParams(c.req))
    const { connectWebview, connectedAccount } = store.completeWebview(input)
    return c.json({
      connect_webview: connectWebview,
      connected_account: connectedAccount,
      ok: true,
    } satisfies CompleteConnectWebviewReply)
  })

  routes.post('/connect_webviews/fail', async (c) => {
    const input = parseInput(failConnectWebviewSchema, await readParams(c.req))
    return c.json({
      connect_webview: store.failWebview(input),
      ok: true,
    } satisfies FailConnectWebviewReply)
  })

  routes.get('/connect_webviews', async (c) => {
    const { user_identifier_key: key } = parseInput(
      optionalSessionQuerySchema,
      await readParams(c.req),
    )
    return c.json({
      connect_webviews: store.webviewsOf(key),
      ok: true,
    } satisfies ConnectWebviewsReply)
  })

  routes.post('/connected_accounts/seed', async (c) => {
    const input = parseInput(seedConnectedAccountSchema, await readParams(c.req))
    return c.json({
      connected_account: store.seedAccount(input),
      ok: true,
    } satisfies SeedConnectedAccountReply)
  })

  routes.post('/connected_accounts/seed_many', async (c) => {
    // Validated whole first: a bad seed anywhere stores none of them.
    const { accounts } = parseInput(seedConnectedAccountsSchema, await readParams(c.req))
    return c.json({
      connected_account_ids: accounts.map((input) => store.seedAccount(input).connected_account_id),
      ok: true,
    } satisfies SeedConnectedAccountsReply)
  })

  routes.get('/connect_webviews/behaviour', async (c) => {
    const { connect_webview_id: id } = parseInput(webviewQuerySchema, await readParams(c.req))
    return c.json({ behaviour: store.webviewBehaviour(id), ok: true } satisfies BehaviourReply)
  })

  routes.post('/connect_webviews/behaviour', async (c) => {
    const { connect_webview_id: id, ...patch } = parseInput(
      webviewBehaviourInputSchema,
      await readParams(c.req),
    )
    return c.json({
      behaviour: store.patchWebviewBehaviour(id, patch),
      ok: true,
    } satisfies BehaviourReply)
  })

  routes.get('/sessions/behaviour', async (c) => {
    const { user_identifier_key: key } = parseInput(sessionQuerySchema, await readParams(c.req))
    return c.json({ behaviour: store.sessionBehaviour(key), ok: true } satisfies BehaviourReply)
  })

  routes.post('/sessions/behaviour', async (c) => {
    const { user_identifier_key: key, ...patch } = parseInput(
      sessionBehaviourInputSchema,
      await readParams(c.req),
    )
    return c.json({
      behaviour: store.patchSessionBehaviour(key, patch),
      ok: true,
    } satisfies BehaviourReply)
  })

  routes.post('/sessions/rotate_token', async (c) => {
    const { user_identifier_key: key } = parseInput(sessionQuerySchema, await readParams(c.req))
    store.rotateSessionToken(key)
    return c.json({ ok: true })
  })

  routes.get('/faults', async (c) => {
    const owner = parseInput(faultOwnerSchema, await readParams(c.req))
    return c.json({ faults: store.faults.pending(owner), ok: true } satisfies FaultsReply)
  })

  routes.post('/faults', async (c) => {
    const fault = parseInput(faultSchema, await readParams(c.req))
    store.faults.add(fault)
    return c.json({
      faults: store.faults.pending(fault),
      ok: true,
    } satisfies FaultsReply)
  })

  routes.get('/requests', async (c) => {
    const filter = parseInput(requestLogQuerySchema, await readParams(c.req))
    return c.json({ requests: store.log.list(filter), ok: true } satisfies RequestLogReply)
  })

  return routes
}
