import { Hono } from 'hono'
import { createControlRoutes } from '../control/routes.js'
import type { FakeEnv } from './env.js'
import { errorBody, errorResponse } from './errors.js'
import { noStore, requestIdAndCors } from './headers.js'
import { seamPipeline } from '../seam/pipeline.js'
import { createSeamRoutes } from '../seam/routes.js'
import type { FakeStore } from '../state/store.js'
import { viewLogin } from '../page/login-route.js'
import { viewOutcome } from '../page/outcome-route.js'
import { VIEW_LOGIN_PATH, VIEW_OUTCOME_PATH, VIEW_PATH, viewPage } from '../page/webview-page.js'

/** The whole fake as a Hono app over one store. */
export function createFakeApp(store: FakeStore): Hono<FakeEnv> {
  const app = new Hono<FakeEnv>()
  app.use('*', requestIdAndCors())
  app.route('/_fake', createControlRoutes(store))
  app.get(VIEW_PATH, viewPage(store))
  // Their requests carry the webview's auth_token (and a password): never cache a reply.
  app.use(VIEW_LOGIN_PATH, noStore())
  app.use(VIEW_OUTCOME_PATH, noStore())
  app.post(VIEW_LOGIN_PATH, viewLogin(store))
  app.get(VIEW_OUTCOME_PATH, viewOutcome(store))
  app.use('*', seamPipeline(store))
  app.route('/', createSeamRoutes(store))
  app.notFound((c) => c.json(errorBody('not_found', `No route ${c.req.method} ${c.req.path}`), 404))
  app.onError((error) => errorResponse(error))
  return app
}
