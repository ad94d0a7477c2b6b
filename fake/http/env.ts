import type { HttpBindings } from '@hono/node-server'
import type { Identity } from '../seam/auth.js'

/** What the Seam pipeline hands to the route handlers. */
interface SeamRequestContext {
  params: Record<string, unknown>
  identity: Identity
}

export interface FakeEnv {
  // Absent when the app is called in-process with app.request(); present under @hono/node-server.
  Bindings: Partial<HttpBindings>
  Variables: {
    requestId: string
    seam: SeamRequestContext
  }
}
