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
 * Svix retries at once, then after 5 s, 5 min, 30 min, ... (docs/seam-api.md §5.4); a test cannot
 * wait that long, so the default keeps the shape (several retries, growing waits) at a scale a
 * test can.
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
  /** When it was sent (and signed). */
  at: string
  /** The endpoint's HTTP status; `null` when it did not answer (refused, dropped, timed out). */
  status: number | null
}

export interface FakeWebhookDelivery {
  /** The `svix-id` / `webhook-id`: one per event, the same on every endpoint, attempt and replay (as Svix's message id). */
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

/** How many events, and deliveries, a fake keeps (the oldest go first): a dev server runs for days. */
const KEPT = 10_000

/** Appends, dropping the oldest beyond {@link KEPT}. */
function keep<T>(list: T[], item: T): void {
  list.push(item)
  if (list.length > KEPT) list.splice(0, list.length - KEPT)
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
  /** Aborted when its endpoint is removed (or the fake stops): its retries end, as in Svix. */
  readonly #endpointSignals = new Map<string, AbortController>()
  /** Each event with its Svix message id: the `svix-id` of every attempt, endpoint and replay. */
  readonly #events: { event: FakeSeamEvent; messageId: string }[] = []
  readonly #deliveries: FakeWebhookDelivery[] = []

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
    const controller = new AbortController()
    this.signal.addEventListener('abort', () => controller.abort(), { once: true })
    this.#endpointSignals.set(endpoint.webhook_id, controller)
    return structuredClone(endpoint)
  }

  /** Whether there was such an endpoint. Its pending retries end (an attempt under way finishes). */
  removeEndpoint(webhookId: string): boolean {
    this.#endpointSignals.get(webhookId)?.abort()
    this.#endpointSignals.delete(webhookId)
    return this.#endpoints.delete(webhookId)
  }

  endpoints(): FakeWebhookEndpoint[] {
    return [...this.#endpoints.values()].map((endpoint) => structuredClone(endpoint))
  }

  /** Every event so far, oldest first, whether or not an endpoint was registered to get it. */
  events(): FakeSeamEvent[] {
    return this.#events.map(({ event }) => structuredClone(event))
  }

  /** Whether an event with this id is kept (so `send` can resend it). */
  hasEvent(eventId: string): boolean {
    return this.#events.some(({ event }) => event.event_id === eventId)
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
      const record = { event: structuredClone(event), messageId: `msg_${randomToken(27)}` }
      keep(this.#events, record)
      for (const endpoint of this.#endpoints.values()) void this.#deliver(endpoint, record, 'event')
    }
  }

  /**
   * Sends a recorded event again to one endpoint or all of them: `replay` with retries, as an
   * event; a forgery once. Resolves when its first attempt has an answer (a replay's retries go
   * on in the background), with the deliveries as they stand then.
   */
  async send(
    eventId: string,
    kind: Exclude<FakeWebhookDeliveryKind, 'event'>,
    webhookId?: string,
  ): Promise<FakeWebhookDelivery[]> {
    const record = this.#events.find(({ event }) => event.event_id === eventId)
    if (!record) return []
    const endpoints = [...this.#endpoints.values()].filter(
      (endpoint) => webhookId === undefined || endpoint.webhook_id === webhookId,
    )
    const deliveries = await Promise.all(
      endpoints.map(
        (endpoint) =>
          new Promise<FakeWebhookDelivery>((resolve) => {
            void this.#deliver(endpoint, record, kind, resolve)
          }),
      ),
    )
    return structuredClone(deliveries)
  }

  async #deliver(
    endpoint: FakeWebhookEndpoint,
    { event, messageId }: { event: FakeSeamEvent; messageId: string },
    kind: FakeWebhookDeliveryKind,
    onFirstAnswer?: (delivery: FakeWebhookDelivery) => void,
  ): Promise<void> {
    const stopped = this.#endpointSignals.get(endpoint.webhook_id)?.signal ?? AbortSignal.abort()
    const delivery: FakeWebhookDelivery = {
      message_id: messageId,
      webhook_id: endpoint.webhook_id,
      event_id: event.event_id,
      event_type: event.event_type,
      kind,
      state: 'pending',
      attempts: [],
    }
    keep(this.#deliveries, delivery)
    const body = JSON.stringify(event)
    const retries = kind === 'event' || kind === 'replay' ? endpoint.retry_delays_ms : []
    for (let attempt = 0; ; attempt += 1) {
      const at = nowIso()
      const status = await this.#attempt(endpoint, messageId, body, kind, stopped)
      delivery.attempts.push({ at, status })
      const delay = retries[attempt]
      if (succeeded(status) || delay === undefined) {
        delivery.state = succeeded(status) ? 'succeeded' : 'failed'
      }
      if (attempt === 0) onFirstAnswer?.(delivery)
      if (delivery.state !== 'pending') return
      if (!(await wait(delay ?? 0, stopped))) {
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
    stopped: AbortSignal,
  ): Promise<number | null> {
    const seconds =
      Math.floor(Date.now() / 1000) - (kind === 'stale_timestamp' ? STALE_BY_SECONDS : 0)
    const secret = kind === 'bad_signature' ? newWebhookSecret() : endpoint.secret
    const prefix = endpoint.headers
    // One controller per attempt rather than AbortSignal.any() over a long-lived signal, whose
    // dependants some Node versions keep (https://github.com/nodejs/node/issues/55351).
    const controller = new AbortController()
    const abort = () => controller.abort()
    const timer = setTimeout(abort, ATTEMPT_TIMEOUT_MS)
    stopped.addEventListener('abort', abort, { once: true })
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
        signal: controller.signal,
      })
      // Read to the end, so the connection is free for the next delivery.
      await response.arrayBuffer().catch(() => undefined)
      return response.status
    } catch {
      return null
    } finally {
      clearTimeout(timer)
      stopped.removeEventListener('abort', abort)
    }
  }
}
