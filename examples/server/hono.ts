import { Hono } from 'hono'
import { seamHandler } from './seam-handler'

const app = new Hono()
app.post('/api/seam/*', (c) => seamHandler(c.req.raw))

// Bun, Deno and Cloudflare Workers serve the default export; on Node:
// serve({ fetch: app.fetch, port: 3000 }) from @hono/node-server.
export default app
