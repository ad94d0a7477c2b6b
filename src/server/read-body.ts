import { HandlerFailure } from './envelope.js'

const tooLarge = (maxBytes: number) =>
  new HandlerFailure(413, 'payload_too_large', `The request body is larger than ${maxBytes} bytes`)

const notJson = () => new HandlerFailure(400, 'invalid_input', 'The request body is not JSON')

/**
 * A cross-site form can POST `text/plain` that happens to be JSON, with the user's cookies, and
 * no CORS preflight stops it; `application/json` can only come from a page the browser lets
 * through (https://fetch.spec.whatwg.org/#cors-safelisted-request-header). So JSON must say so.
 */
export function requireJsonContentType(request: Request): void {
  const type = request.headers.get('content-type') ?? ''
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new HandlerFailure(
      415,
      'unsupported_media_type',
      'Send a JSON body with content-type: application/json',
    )
  }
}

/**
 * The request's body as UTF-8 text, read once, up to `maxBytes`: a larger body is a 413 as soon
 * as its `content-length` says so, or as soon as that many bytes have arrived (so a lying or
 * absent length cannot make the server buffer more).
 * @throws HandlerFailure 413 when too large, 400 when not UTF-8.
 */
export async function readTextBody(request: Request, maxBytes: number): Promise<string> {
  const length = Number(request.headers.get('content-length') ?? 0)
  if (length > maxBytes) throw tooLarge(maxBytes)
  const chunks: Uint8Array[] = []
  let size = 0
  if (request.body) {
    const reader = request.body.getReader()
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.byteLength
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined)
        throw tooLarge(maxBytes)
      }
      chunks.push(value)
    }
  }
  const bytes = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw notJson()
  }
}

/**
 * The request's JSON body, read as {@link readTextBody} reads it. An empty body reads as `{}`,
 * Seam's "no params".
 * @throws HandlerFailure 413 when too large, 400 when not UTF-8 JSON.
 */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const text = await readTextBody(request, maxBytes)
  if (!text.trim()) return {}
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw notJson()
  }
}
