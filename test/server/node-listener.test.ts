// toNodeListener over real HTTP: Express's mount paths and parsed bodies, streaming both ways,
// aborts, and failures that must never take the server down.
import express from 'express'
import { request as httpRequest } from 'node:http'
import { describe, expect, it } from 'vitest'
import { toNodeListener } from '../../src/server/index'
import {
  noApiKeyAnywhere,
  listen,
  rawRequest,
  recordingFetch,
  startHandler,
  twoUsers,
  USER_HEADER,
} from './support/harness'

const post = (url: string, body: unknown, user: string) =>
  recordingFetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [USER_HEADER]: user },
    body: JSON.stringify(body),
  })

describe('Express', () => {
  it('a body express.json() already parsed still reaches the handler, on a nested mount (originalUrl)', async () => {
    const [alice] = twoUsers('express')
    const { handler } = await startHandler('express')
    const app = express()
    app.use(express.json())
    const router = express.Router()
    router.use('/seam', toNodeListener(handler))
    app.use('/api', router)
    const { url } = await listen(app)
    const response = await post(
      `${url}/api/seam/connect_webviews/create`,
      { custom_metadata: { tenant: 't9' } },
      alice,
    )
    expect(response.status).toBe(200)
    const { connect_webview } = await response.json()
    expect(connect_webview.custom_metadata).toEqual({ tenant: 't9', user_id: alice })
    // Express stripped /api/seam from req.url; the handler still sees the whole path.
    expect((await post(`${url}/api/seam/nothing`, {}, alice)).status).toBe(404)
  })

  it('a body express.json() skipped (another content type) is still refused as the handler would', async () => {
    const [alice] = twoUsers('express-text')
    const { handler } = await startHandler('express-text')
    const app = express()
    app.use(express.json())
    app.use('/api/seam', toNodeListener(handler))
    const { url } = await listen(app)
    const response = await recordingFetch(`${url}/api/seam/connect_webviews/list`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', [USER_HEADER]: alice },
      body: '{}',
    })
    expect(response.status).toBe(415)
  })
})

describe('streaming', () => {
  it('streams a large request body in and a large reply out, whole', async () => {
    const size = 4 * 1024 * 1024
    const { url } = await listen(
      toNodeListener(async (request) => {
        const received = (await request.arrayBuffer()).byteLength
        let sent = 0
        const body = new ReadableStream<Uint8Array>({
          pull(controller) {
            if (sent >= size) return controller.close()
            controller.enqueue(new Uint8Array(64 * 1024).fill(120))
            sent += 64 * 1024
          },
        })
        return new Response(body, { headers: { 'x-received': String(received) } })
      }),
    )
    const response = await fetch(url, { method: 'POST', body: new Uint8Array(size) })
    expect(response.headers.get('x-received')).toBe(String(size))
    expect((await response.arrayBuffer()).byteLength).toBe(size)
  })

  it('passes every Set-Cookie header, and sends no body for HEAD', async () => {
    const { url } = await listen(
      toNodeListener(async () => {
        const headers = new Headers()
        headers.append('set-cookie', 'a=1')
        headers.append('set-cookie', 'b=2')
        return new Response('body', { headers })
      }),
    )
    const reply = await rawRequest(url, { method: 'GET', path: '/' })
    expect(reply.headers['set-cookie']).toEqual(['a=1', 'b=2'])
    expect(reply.text).toBe('body')
    expect((await rawRequest(url, { method: 'HEAD', path: '/' })).text).toBe('')
  })

  it('aborts the handler’s request when the client goes away mid-reply', async () => {
    let aborted!: () => void
    const abortSeen = new Promise<void>((resolve) => (aborted = resolve))
    const { url } = await listen(
      toNodeListener(async (request) => {
        request.signal.addEventListener('abort', () => aborted())
        // A reply that starts and never ends.
        return new Response(
          new ReadableStream({ start: (controller) => controller.enqueue(new Uint8Array([1])) }),
        )
      }),
    )
    const controller = new AbortController()
    const response = await fetch(url, { signal: controller.signal })
    await response.body?.getReader().read()
    controller.abort()
    await abortSeen
  })
})

describe('failures never take the server down', () => {
  it('a handler that throws is a 500 in the envelope, and the next request is served', async () => {
    let calls = 0
    const { url } = await listen(
      toNodeListener(async () => {
        if (++calls === 1) throw new Error('boom with details')
        return new Response('fine')
      }),
    )
    const first = await recordingFetch(url)
    expect(first.status).toBe(500)
    expect(await first.json()).toEqual({
      error: { type: 'internal_server_error', message: 'Internal server error' },
      ok: false,
    })
    expect(await (await recordingFetch(url)).text()).toBe('fine')
  })

  it('a reply body that fails half-way closes that connection only', async () => {
    let calls = 0
    const { url } = await listen(
      toNodeListener(async () => {
        if (++calls > 1) return new Response('fine')
        return new Response(
          new ReadableStream({
            start(controller) {
              controller.enqueue(new TextEncoder().encode('partial'))
              controller.error(new Error('stream broke'))
            },
          }),
        )
      }),
    )
    await expect(fetch(url).then((response) => response.text())).rejects.toThrow()
    expect(await (await recordingFetch(url)).text()).toBe('fine')
  })

  it('a Host header that is not a host is ignored: it cannot rewrite the path', async () => {
    const [alice] = twoUsers('host')
    const app = await startHandler('host')
    const reply = await rawRequest(app.url, {
      path: '/x',
      headers: {
        host: 'evil/api/seam/connect_webviews/list#',
        'content-type': 'application/json',
        [USER_HEADER]: alice,
      },
      body: '{}',
    })
    // The bad Host is ignored: the path /x is what was asked for.
    expect(reply.status).toBe(404)
  })

  it('a client that drops its upload half-way does not crash anything', async () => {
    const [alice] = twoUsers('dropped-upload')
    const app = await startHandler('dropped-upload')
    await new Promise<void>((resolve) => {
      const { hostname, port } = new URL(app.url)
      const req = httpRequest({
        hostname,
        port,
        method: 'POST',
        path: '/api/seam/connect_webviews/create',
        headers: {
          'content-type': 'application/json',
          'content-length': '1000',
          [USER_HEADER]: alice,
        },
      })
      req.on('error', () => resolve())
      req.write('{"custom_metadata":', () => {
        req.destroy()
        resolve()
      })
    })
    // The server is still up, and nothing reached Seam.
    expect((await post(`${app.base}/connect_webviews/list`, {}, alice)).status).toBe(200)
    expect((await app.seamRequests()).map((r) => r.path)).toEqual(['/connect_webviews/list'])
  })
})

noApiKeyAnywhere()
