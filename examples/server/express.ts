import express from 'express'
import { createServer } from 'node:http'
import { toNodeListener } from 'react-seam-connect/server'
import { seamHandler } from './seam-handler'
import { seamWebhookHandler } from './seam-webhooks'

export const app = express()
// Seam's webhooks first: the signature covers the exact bytes, which express.json() would consume.
app.post('/api/seam-webhooks', toNodeListener(seamWebhookHandler))
// Then your JSON routes. The Seam handler is mounted under /api/seam (it reads req.originalUrl);
// a body that express.json() already parsed is fine for it.
app.use(express.json())
app.use('/api/seam', toNodeListener(seamHandler))
// app.listen(3000)

// Or Node's own http server, without Express:
export const server = createServer(toNodeListener(seamHandler))
// server.listen(3000)
