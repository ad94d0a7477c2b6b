// Web Crypto only (no node:crypto), so the fake also runs in a browser or a service worker.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** Unbiased base62 string; used for credentials, so it comes from the CSPRNG. */
export function randomToken(length: number): string {
  // Bytes at or above the largest multiple of 62 below 256 are redrawn, so no letter is likelier.
  const limit = 256 - (256 % ALPHABET.length)
  let token = ''
  while (token.length < length) {
    for (const byte of crypto.getRandomValues(new Uint8Array(length))) {
      if (byte < limit && token.length < length) token += ALPHABET[byte % ALPHABET.length]
    }
  }
  return token
}

export const newId = (): string => crypto.randomUUID()

let lastTimestamp = 0

/**
 * The current time, strictly increasing within the process: lists sort by created_at, so
 * records created in the same millisecond would otherwise come back in random (id) order.
 */
export function nowIso(): string {
  lastTimestamp = Math.max(Date.now(), lastTimestamp + 1)
  return new Date(lastTimestamp).toISOString()
}
