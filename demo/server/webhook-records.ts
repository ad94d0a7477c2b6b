// What the demo's backend learned from Seam's signed webhooks, per demo user: its own record of
// each connection, which a closed tab or a page that never ran onComplete cannot take away.
import type { DemoMetadata } from '../metadata.js'

/** One connection (an account through a webview), as the signed events described it. */
export interface WebhookRecord {
  connected_account_id: string
  connect_webview_id: string | null
  /** Each event type received for it, in order of arrival, once each. */
  event_types: string[]
  /** `connected_account_custom_metadata` of the latest event, checked by the demo's schema. */
  metadata: DemoMetadata
  /** When the first event of this connection arrived. */
  received_at: string
  /** Seam delivered one of its events again (after a lost answer, a retry or a replay). */
  redelivery: boolean
}

/** One verified event that names an account, as the webhook handler hands it over. */
export interface ConnectionEvent {
  event_id: string
  event_type: string
  connected_account_id: string
  connect_webview_id?: string | undefined
  metadata: DemoMetadata
  /** The handler already answered 2xx for this delivery or event. */
  redelivery: boolean
}

/** How much is kept (connections per user, event ids): a dev server should not grow without end. */
const MAX_RECORDS_PER_USER = 50
const MAX_SEEN_EVENTS = 10_000

export class WebhookRecords {
  /**
   * Every event id handled. Seam retries until a 2xx and the handler only remembers what it
   * answered, so the store itself is what makes handling each event once.
   */
  readonly #seen = new Set<string>()
  readonly #byUser = new Map<string, Map<string, WebhookRecord>>()

  /**
   * Records `event` for the user its trusted metadata names. Idempotent on `event_id`: a
   * second delivery of one event only sets `redelivery`. Whether it was new.
   */
  add(event: ConnectionEvent, now = new Date()): boolean {
    const userId = event.metadata.your_app_user_id
    const records = this.#byUser.get(userId) ?? new Map<string, WebhookRecord>()
    this.#byUser.set(userId, records)
    const key = `${event.connected_account_id} ${event.connect_webview_id ?? ''}`
    const existing = records.get(key)
    if (this.#seen.has(event.event_id)) {
      if (existing) existing.redelivery = true
      return false
    }
    this.#seen.add(event.event_id)
    // Far older than any retry Seam would still send.
    if (this.#seen.size > MAX_SEEN_EVENTS) this.#seen.delete(this.#seen.values().next().value ?? '')
    const record: WebhookRecord = existing ?? {
      connected_account_id: event.connected_account_id,
      connect_webview_id: event.connect_webview_id ?? null,
      event_types: [],
      metadata: event.metadata,
      received_at: now.toISOString(),
      redelivery: false,
    }
    if (!record.event_types.includes(event.event_type)) record.event_types.push(event.event_type)
    record.metadata = event.metadata
    record.redelivery ||= event.redelivery
    // Newest connection last in the map, so the oldest is the first to go.
    records.delete(key)
    records.set(key, record)
    if (records.size > MAX_RECORDS_PER_USER) records.delete(records.keys().next().value ?? '')
    return true
  }

  /** The user's connections, newest first; copies, so no caller can change the store. */
  of(userId: string): WebhookRecord[] {
    return [...(this.#byUser.get(userId)?.values() ?? [])]
      .reverse()
      .map((record) => structuredClone(record))
  }
}
