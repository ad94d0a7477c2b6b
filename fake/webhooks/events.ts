// The events a fake sends, shaped as Seam's event model (`@seamapi/types`,
// models/events/connected-accounts.ts and connect-webviews.ts; docs/seam-api.md §5.4).
// test/fake/webhooks-contract.test.ts parses each one with the official schemas.
import { newId, nowIso } from '../state/ids.js'
import type {
  FakeConnectWebview,
  FakeConnectedAccount,
  FakeCustomMetadata,
} from '../state/objects.js'

/** The fields every Seam event has (`common_event`). */
interface FakeEventBase {
  event_id: string
  workspace_id: string
  created_at: string
  occurred_at: string
}

export interface FakeConnectedAccountConnectedEvent extends FakeEventBase {
  event_type: 'connected_account.connected'
  connected_account_id: string
  connected_account_custom_metadata: FakeCustomMetadata
  connect_webview_id: string
  customer_key?: string
}

export interface FakeConnectWebviewLoginSucceededEvent extends FakeEventBase {
  event_type: 'connect_webview.login_succeeded'
  connect_webview_id: string
  connected_account_id: string
  connected_account_custom_metadata: FakeCustomMetadata
  customer_key?: string
}

export interface FakeConnectWebviewLoginFailedEvent extends FakeEventBase {
  event_type: 'connect_webview.login_failed'
  connect_webview_id: string
}

/** An event the fake sends. */
export type FakeSeamEvent =
  | FakeConnectedAccountConnectedEvent
  | FakeConnectWebviewLoginSucceededEvent
  | FakeConnectWebviewLoginFailedEvent

function base(workspaceId: string, occurredAt: string): FakeEventBase {
  return {
    event_id: newId(),
    workspace_id: workspaceId,
    created_at: nowIso(),
    occurred_at: occurredAt,
  }
}

/**
 * A sign-in that connected (or reconnected) `account` through `webview`: Seam reports the account
 * as connected and the webview's login as succeeded, both with the account's metadata (which the
 * webview's replaced at completion, docs/seam-api.md §4).
 */
export function loginSucceededEvents(
  webview: FakeConnectWebview,
  account: FakeConnectedAccount,
): FakeSeamEvent[] {
  const occurredAt = webview.authorized_at ?? nowIso()
  const shared = {
    connect_webview_id: webview.connect_webview_id,
    connected_account_id: account.connected_account_id,
    connected_account_custom_metadata: { ...account.custom_metadata },
    ...(account.customer_key === undefined ? {} : { customer_key: account.customer_key }),
  }
  return [
    {
      ...base(webview.workspace_id, occurredAt),
      event_type: 'connected_account.connected',
      ...shared,
    },
    {
      ...base(webview.workspace_id, occurredAt),
      event_type: 'connect_webview.login_succeeded',
      ...shared,
    },
  ]
}

/** A sign-in that failed in `webview`. */
export function loginFailedEvent(webview: FakeConnectWebview): FakeSeamEvent {
  return {
    ...base(webview.workspace_id, nowIso()),
    event_type: 'connect_webview.login_failed',
    connect_webview_id: webview.connect_webview_id,
  }
}
