// The few bits of plain Node HTTP the demo's own JSON routes share.
import type { IncomingMessage, ServerResponse } from 'node:http'

/** A JSON reply that no cache keeps: every one of them depends on who is signed in. */
export function sendJson(res: ServerResponse, status: number, body: unknown, cookie?: string) {
  res.statusCode = status
  res.setHeader('content-type', 'application/json')
  res.setHeader('cache-control', 'no-store')
  if (cookie) res.setHeader('set-cookie', cookie)
  res.end(JSON.stringify(body))
}

/** A small JSON body, or `null` when it is too big or not JSON. */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > 10_000) return null
    chunks.push(chunk)
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown
  } catch {
    return null
  }
}
