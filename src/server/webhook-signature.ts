import { Webhook } from 'standardwebhooks'

// Standard Webhooks, as Svix signs Seam's webhooks (docs/seam-api.md §5.4,
// https://docs.svix.com/receiving/verifying-payloads/how-manual): the HMAC-SHA256 of
// `<id>.<timestamp>.<body>` with the endpoint's secret, base64, in a space-separated list of
// `v1,<signature>` (several during a secret rotation).

/** The three headers of one delivery, from one family: `webhook-*`, else `svix-*`. */
export interface SignatureHeaders {
  id: string
  timestamp: string
  signature: string
}

/**
 * The delivery's headers: all three `webhook-*` ones, or else all three `svix-*` ones (Svix's
 * names unless white-labelled; its libraries accept both). A mix is not a delivery.
 */
export function signatureHeaders(headers: Headers): SignatureHeaders | undefined {
  for (const prefix of ['webhook', 'svix']) {
    const id = headers.get(`${prefix}-id`)
    const timestamp = headers.get(`${prefix}-timestamp`)
    const signature = headers.get(`${prefix}-signature`)
    if (id && timestamp && signature) return { id, timestamp, signature }
  }
  return undefined
}

/**
 * The timestamp header as seconds since the epoch, when it is a whole number within
 * `toleranceSeconds` of `nowMs`, either way: an old one may be a replay, and a future one would
 * stay replayable for longer. Checked here rather than by `Webhook.verify`, whose tolerance is a
 * fixed 5 minutes.
 */
export function freshTimestamp(
  header: string,
  toleranceSeconds: number,
  nowMs: number,
): number | undefined {
  if (!/^\d{1,15}$/.test(header)) return undefined
  const seconds = Number(header)
  return Math.abs(nowMs / 1000 - seconds) <= toleranceSeconds ? seconds : undefined
}

/** Compares in a time that depends on the lengths only, not on where the strings differ. */
function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false
  let difference = 0
  for (let i = 0; i < a.length; i += 1) difference |= a.charCodeAt(i) ^ b.charCodeAt(i)
  return difference === 0
}

/**
 * Whether one of the `v1` signatures in `headers` is `body`'s, signed by `webhook` at the
 * (already checked) `seconds`. `Webhook.sign` computes the expected one; comparing here keeps
 * the timestamp rule {@link freshTimestamp}'s.
 */
export function hasValidSignature(
  webhook: Webhook,
  headers: SignatureHeaders,
  seconds: number,
  body: string,
): boolean {
  const expected = webhook.sign(headers.id, new Date(seconds * 1000), body)
  let valid = false
  // Every candidate is compared, so the time taken does not say which one matched.
  for (const candidate of headers.signature.split(' ')) {
    if (candidate.startsWith('v1,') && constantTimeEqual(candidate, expected)) valid = true
  }
  return valid
}

/**
 * The verifier for `secret` (`whsec_` and base64, as Seam's console shows it), or `undefined`
 * when it is not one. Never throws with the secret in a message.
 */
export function webhookFor(secret: unknown): Webhook | undefined {
  if (typeof secret !== 'string' || !/^whsec_[A-Za-z0-9+/]+={0,2}$/.test(secret)) return undefined
  try {
    return new Webhook(secret)
  } catch {
    return undefined
  }
}
