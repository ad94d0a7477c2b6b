// Stands in for your app's own sign-in (NextAuth's auth(), Lucia, a JWT library, ...): a
// stateless session cookie `session=<userId>.<expires>.<signature>`, an HMAC-SHA256 keyed with
// SESSION_SECRET and checked with crypto.subtle.verify (constant time). Web Crypto only.
const encoder = new TextEncoder()
const MAX_AGE_SECONDS = 8 * 60 * 60

async function hmacKey(): Promise<CryptoKey> {
  const secret = process.env.SESSION_SECRET
  if (!secret) throw new Error('Set SESSION_SECRET')
  return crypto.subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign', 'verify'],
  )
}

const toBase64Url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')

const fromBase64Url = (text: string) =>
  Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0))

/** The cookie your login route would set for `userId` (letters, digits, `_` and `-`). */
export async function sessionCookie(userId: string): Promise<string> {
  const payload = `${userId}.${Math.floor(Date.now() / 1000) + MAX_AGE_SECONDS}`
  const signature = await crypto.subtle.sign('HMAC', await hmacKey(), encoder.encode(payload))
  return `session=${payload}.${toBase64Url(new Uint8Array(signature))}`
}

/** The signed-in user's id, or null when the cookie is missing, expired or forged. */
export async function currentUserId(request: Request): Promise<string | null> {
  const cookie = request.headers.get('cookie') ?? ''
  const [, userId, expires, signature] =
    /(?:^|;\s*)session=([\w-]+)\.(\d+)\.([\w-]+)/.exec(cookie) ?? []
  if (!userId || !expires || !signature || Number(expires) * 1000 < Date.now()) return null
  let bytes: Uint8Array<ArrayBuffer>
  try {
    bytes = fromBase64Url(signature)
  } catch {
    return null
  }
  const payload = encoder.encode(`${userId}.${expires}`)
  return (await crypto.subtle.verify('HMAC', await hmacKey(), bytes, payload)) ? userId : null
}
