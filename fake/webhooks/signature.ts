// Signs deliveries as Svix signs Seam's (Standard Webhooks; docs/seam-api.md §5.4): the
// HMAC-SHA256, keyed with the secret's base64-decoded bytes, of `<id>.<timestamp>.<body>`, sent
// as `v1,<base64>`. Web Crypto only, so the fake still runs in a browser; and written apart from
// the `standardwebhooks` package the library verifies with, so a test of one checks the other.

const SECRET_PREFIX = 'whsec_'

const toBase64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes))

const fromBase64 = (text: string): Uint8Array<ArrayBuffer> =>
  Uint8Array.from(atob(text), (character) => character.charCodeAt(0))

/** A fresh signing secret, as Seam's console shows one: `whsec_` and 24 random bytes in base64. */
export function newWebhookSecret(): string {
  return `${SECRET_PREFIX}${toBase64(crypto.getRandomValues(new Uint8Array(24)))}`
}

/**
 * Whether `secret` is one the fake can sign with and `createSeamWebhookHandler` accepts: `whsec_`
 * and padded base64 (the `standardwebhooks` package refuses unpadded base64).
 */
export function isWebhookSecret(secret: string): boolean {
  return (
    /^whsec_(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(secret) &&
    secret.length > SECRET_PREFIX.length
  )
}

/** The `v1,<base64>` signature of one attempt. */
export async function signDelivery(
  secret: string,
  id: string,
  timestampSeconds: number,
  body: string,
): Promise<string> {
  const key = await crypto.subtle.importKey(
    'raw',
    fromBase64(secret.slice(SECRET_PREFIX.length)),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  )
  const mac = await crypto.subtle.sign(
    'HMAC',
    key,
    new TextEncoder().encode(`${id}.${timestampSeconds}.${body}`),
  )
  return `v1,${toBase64(new Uint8Array(mac))}`
}
