// Delivers the fake's events to the webhook endpoints a test or the demo registered, as Seam does
// through Svix (docs/seam-api.md §5.4): one signed POST per event and endpoint, the body being the
// event itself, retried on any non-2xx answer or no answer. Runs wherever the fake runs (fetch,
// Web Crypto and timers only).
import { newId, nowIso, randomToken } from '../state/ids.js'
import type { FakeSeamEvent } from './events.js'
import { newWebhookSecret, signDelivery } from './signature.js'

/** Which header names a delivery uses: Svix's (`svix-*`, as Seam sends), or Standard Webhooks'. */
export type FakeWebhookHeaders = 'svix' | 'webhook'

/** A registered endpoint, as Seam's console keeps one. */
export interface FakeWebhookEndpoint {
  webhook_id: string
  url: string
  /** `whsec_` and base64: what `createSeamWebhookHandler({ secret })` is given. */
  secret: string
  headers: FakeWebhookHeaders
  /** The waits before each retry of a failed attempt; when they run out, the delivery has failed. */
  retry_delays_ms: number[]
}

/** What `addEndpoint` takes; everything but `url` has a default. */
export interface FakeWebhookEndpointInput {
  url: string
  secret?: string
  headers?: FakeWebhookHeaders
  retry_delays_ms?: number[]
}

/**
 * Svix retries at 5 s, 5 min, 30 min, ...; a fake's test cannot wait that long, so the default
 * keeps the shape (several retries, growing waits) at a scale a test can.
 */
export const DEFAULT_RETRY_DELAYS_MS = [100, 500, 2_000, 5_000]

/** Svix gives an endpoint 15 s to answer before it counts the attempt as failed. */
const ATTEMPT_TIMEOUT_MS = 15_000

/** How far in the past a `stale_timestamp` delivery is signed: twice the usual 5-minute window. */
const STALE_BY_SECONDS = 600

/**
 * Why a delivery was sent: an event as it happened, a `replay` (the same message again, same
 * `svix-id`, as Svix's "resend"), or a forgery for testing a receiver: `bad_signature` (signed with
 * another secret) or `stale_timestamp` (correctly signed, 10 minutes ago). Forgeries are sent once.
 */
export type FakeWebhookDeliveryKind = 'event' | 'replay' | 'bad_signature' | 'stale_timestamp'

export interface FakeWebhookAttempt {
  at: string
  /** The endpoint's HTTP status; `null` when it did not answer (refused, dropped, timed out). */
  status: number | null
}

export interface FakeWebhookDelivery {
  /** The `svix-id` / `webhook-id`: the same on every attempt and replay of one event to one endpoint. */
  message_id: string
  webhook_id: string
  event_id: string
  event_type: string
  kind: FakeWebhookDeliveryKind
  /** `pending` while attempts or retries remain; then whether the last attempt got a 2xx. */
  state: 'pending' | 'succeeded' | 'failed'
  attempts: FakeWebhookAttempt[]
}

export interface FakeWebhookDeliveryFilter {
  event_id?: string
  webhook_id?: string
}

const succeeded = (status: number | null) => status !== null && status >= 200 && status < 300

/** Resolves true after `ms`, or false at once when `signal` aborts. Never holds a Node process. */
function wait(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false)
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', stop)
      resolve(true)
    }, ms)
    const stop = () => {
      clearTimeout(timer)
      resolve(false)
    }
    signal.addEventListener('abort', stop, { once: true })
    ;(timer as { unref?: () => void }).unref?.()
  })
}

export class WebhookDispatcher {
  readonly #endpoints = new Map<string, FakeWebhookEndpoint>()
  readonly #events: FakeSeamEvent[] = []
  readonly #deliveries: FakeWebhookDelivery[] = []
  /** Svix keeps one message id per event and endpoint, across retries and resends. */
  readonly #messageIds = new Map<string, string>()

  constructor(readonly signal: AbortSignal) {}

  addEndpoint(input: FakeWebhookEndpointInput): FakeWebhookEndpoint {
    const endpoint: FakeWebhookEndpoint = {
      webhook_id: newId(),
      url: input.url,
      secret: input.secret ?? newWebhookSecret(),
      headers: input.headers ?? 'svix',
      retry_delays_ms: [...(input.retry_delays_ms ?? DEFAULT_RETRY_DELAYS_MS)],
    }
    this.#endpoints.set(endpoint.webhook_id, endpoint)
    return structuredClone(endpoint)
  }

  /** Whether there was such an endpoint. Deliveries already under way still finish. */
  removeEndpoint(webhookId: string): boolean {
    return this.#endpoints.delete(webhookId)
  }

  endpoints(): FakeWebhookEndpoint[] {
    return [...this.#endpoints.values()].map((endpoint) => structuredClone(endpoint))
  }

  /** Every event so far, oldest first, whether or not an endpoint was registered to get it. */
  events(): FakeSeamEvent[] {
    return structuredClone(this.#events)
  }

  event(eventId: string): FakeSeamEvent | undefined {
    const event = this.#events.find((candidate) => candidate.event_id === eventId)
    return event && structuredClone(event)
  }

  /** Deliveries so far, oldest first, with every attempt. */
  deliveries(filter: FakeWebhookDeliveryFilter = {}): FakeWebhookDelivery[] {
    return structuredClone(
      this.#deliveries.filter(
        (delivery) =>
          (filter.event_id === undefined || delivery.event_id === filter.event_id) &&
          (filter.webhook_id === undefined || delivery.webhook_id === filter.webhook_id),
      ),
    )
  }

  /** Records the events and starts their deliveries to every endpoint (in the background). */
  emit(events: FakeSeamEvent[]): void {
    for (const event of events) {
      this.#events.push(structuredClone(event))
      for (const endpoint of this.#endpoints.values()) void this.#deliver(endpoint, event, 'event')
    }
  }

  /**
   * Sends a recorded event again to one endpoint or all of them: `replay` with retries, as an
   * event; a forgery once. Resolves when its first attempt has an answer (a replay's retries go
   * on in the background), with the deliveries as they stand then.
   */
  async send(
    event: FakeSeamEvent,
    kind: Exclude<FakeWebhookDeliveryKind, 'event'>,
    webhookId?: string,
  ): Promise<FakeWebhookDelivery[]> {
    const endpoints = [...this.#endpoints.values()].filter(
      (endpoint) => webhookId === undefined || endpoint.webhook_id === webhookId,
    )
    const records = await Promise.all(
      endpoints.map(
        (endpoint) =>
          new Promise<FakeWebhookDelivery>((resolve) => {
            void this.#deliver(endpoint, event, kind, resolve)
          }),
      ),
    )
    return structuredClone(records)
  }

  async #deliver(
    endpoint: FakeWebhookEndpoint,
    event: FakeSeamEvent,
    kind: FakeWebhookDeliveryKind,
    onFirstAnswer?: (delivery: FakeWebhookDelivery) => void,
  ): Promise<void> {
    const key = `${endpoint.webhook_id} ${event.event_id}`
    const messageId = this.#messageIds.get(key) ?? `msg_${randomToken(27)}`
    this.#messageIds.set(key, messageId)
    const delivery: FakeWebhookDelivery = {
      message_id: messageId,
      webhook_id: endpoint.webhook_id,
      event_id: event.event_id,
      event_type: event.event_type,
      kind,
      state: 'pending',
      attempts: [],
    }
    this.#deliveries.push(delivery)
    const body = JSON.stringify(event)
    const retries = kind === 'event' || kind === 'replay' ? endpoint.retry_delays_ms : []
    for (let attempt = 0; ; attempt += 1) {
      const status = await this.#attempt(endpoint, messageId, body, kind)
      delivery.attempts.push({ at: nowIso(), status })
      const delay = retries[attempt]
      if (succeeded(status) || delay === undefined) {
        delivery.state = succeeded(status) ? 'succeeded' : 'failed'
      }
      if (attempt === 0) onFirstAnswer?.(delivery)
      if (delivery.state !== 'pending') return
      if (!(await wait(delay ?? 0, this.signal))) {
        delivery.state = 'failed'
        return
      }
    }
  }

  /** One signed POST; the endpoint's status, or `null` without one. */
  async #attempt(
    endpoint: FakeWebhookEndpoint,
    messageId: string,
    body: string,
    kind: FakeWebhookDeliveryKind,
  ): Promise<number | null> {
    const seconds =
      Math.floor(Date.now() / 1000) - (kind === 'stale_timestamp' ? STALE_BY_SECONDS : 0)
    const secret = kind === 'bad_signature' ? newWebhookSecret() : endpoint.secret
    const prefix = endpoint.headers
    try {
      const response = await fetch(endpoint.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [`${prefix}-id`]: messageId,
          [`${prefix}-timestamp`]: String(seconds),
          [`${prefix}-signature`]: await signDelivery(secret, messageId, seconds, body),
        },
        body,
        signal: AbortSignal.any([this.signal, AbortSignal.timeout(ATTEMPT_TIMEOUT_MS)]),
      })
      // Read to the end, so the connection is free for the next delivery.
      await response.arrayBuffer().catch(() => undefined)
      return response.status
    } catch {
      return null
    }
  }
}
