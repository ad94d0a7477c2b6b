import express from 'express'
import { createServer } from 'node:http'
import { toNodeListener } from 'react-seam-connect/server'
import { seamHandler } from './seam-handler'

// Express: mounted under /api/seam (the handler reads req.originalUrl), next to your other routes;
// a body that express.json() already parsed is fine.
export const app = express()
app.use(express.json())
app.use('/api/seam', toNodeListener(seamHandler))
// app.listen(3000)

// Or Node's own http server, without Express:
export const server = createServer(toNodeListener(seamHandler))
// server.listen(3000)
