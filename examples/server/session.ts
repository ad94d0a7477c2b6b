// Stands in for your app's own sign-in (NextAuth's auth(), Lucia, a JWT library, ...): a
// stateless session cookie `session=<userId>.<signature>`, an HMAC-SHA256 keyed with
// SESSION_SECRET. Web Crypto only.
const encoder = new TextEncoder()

async function sign(userId: string): Promise<string> {
  const secret = process.env.SESSION_SECRET
  if (!secret) throw new Error('Set SESSION_SECRET')
  const key = await crypto.subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  )
  const signature = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(userId)))
  return btoa(String.fromCharCode(...signature))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')
}

/** The cookie your login route would set for `userId` (letters, digits, `_` and `-`). */
export async function sessionCookie(userId: string): Promise<string> {
  return `session=${userId}.${await sign(userId)}`
}

/** The signed-in user's id, or null when the cookie is missing or forged. */
export async function currentUserId(request: Request): Promise<string | null> {
  const match = /(?:^|;\s*)session=([\w-]+)\.([\w-]+)/.exec(request.headers.get('cookie') ?? '')
  if (!match?.[1] || !match[2]) return null
  // Not a constant-time comparison: a real session library does this part for you.
  return match[2] === (await sign(match[1])) ? match[1] : null
}
