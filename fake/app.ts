import { Hono } from 'hono'
import { createControlRoutes } from './control-routes'
import type { FakeEnv } from './env'
import { errorBody, errorResponse } from './errors'
import { requestIdAndCors } from './http-headers'
import { seamPipeline } from './seam-pipeline'
import { createSeamRoutes } from './seam-routes'
import type { FakeStore } from './store'
import { viewLogin } from './view-login'
import { VIEW_LOGIN_PATH, VIEW_PATH, viewPage } from './view-page'

/** The whole fake as a Hono app over one store. */
export function createFakeApp(store: FakeStore): Hono<FakeEnv> {
  const app = new Hono<FakeEnv>()
  app.use('*', requestIdAndCors())
  app.route('/_fake', createControlRoutes(store))
  app.get(VIEW_PATH, viewPage(store))
  app.post(VIEW_LOGIN_PATH, viewLogin(store))
  app.use('*', seamPipeline(store))
  app.route('/', createSeamRoutes(store))
  app.notFound((c) => c.json(errorBody('not_found', `No route ${c.req.method} ${c.req.path}`), 404))
  app.onError((error) => errorResponse(error))
  return app
}
