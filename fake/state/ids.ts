import { randomInt, randomUUID } from 'node:crypto'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** Unbiased base62 string; used for credentials, so it comes from the CSPRNG. */
export function randomToken(length: number): string {
  let token = ''
  for (let i = 0; i < length; i++) token += ALPHABET[randomInt(ALPHABET.length)]
  return token
}

export const newId = (): string => randomUUID()

let lastTimestamp = 0

/**
 * The current time, strictly increasing within the process: lists sort by created_at, so
 * records created in the same millisecond would otherwise come back in random (id) order.
 */
export function nowIso(): string {
  lastTimestamp = Math.max(Date.now(), lastTimestamp + 1)
  return new Date(lastTimestamp).toISOString()
}
