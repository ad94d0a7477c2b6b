// A plain static file server, as any host of a static site would be: files by path, index.html for
// a folder, 404 otherwise. No fallback page, no proxy, nothing that knows about the fake.
import { createReadStream, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, resolve, sep } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
}

export interface StaticServer {
  url: string
  /** Every request path it was asked for, in order. */
  requests: string[]
  close(): Promise<void>
}

export async function serveStatic(root: string): Promise<StaticServer> {
  const base = resolve(root)
  const requests: string[] = []
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)
    requests.push(path)
    let file = join(base, path)
    if (file !== base && !file.startsWith(base + sep)) return void response.writeHead(403).end()
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html')
      const size = statSync(file).size
      response.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'content-length': size,
      })
      createReadStream(file).pipe(response)
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found')
    }
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () =>
      new Promise((done) => {
        // Keep-alive sockets (Chromium's) would hold close() open.
        server.closeAllConnections()
        server.close(() => done())
      }),
  }
}
