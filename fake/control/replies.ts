// Reply shapes of the /_fake/ control routes (payload types live in schemas.ts).
import type { FakeBehaviour } from '../state/behaviour.js'
import type { SeamErrorBody } from '../http/errors.js'
import type { Fault } from '../state/faults.js'
import type { ConnectWebview, ConnectedAccount } from '../state/models.js'
import type { RequestLogEntry } from '../state/request-log.js'

export interface CompleteConnectWebviewReply {
  connect_webview: ConnectWebview
  connected_account: ConnectedAccount
  ok: true
}

export interface FailConnectWebviewReply {
  connect_webview: ConnectWebview
  ok: true
}

export interface BehaviourReply {
  behaviour: FakeBehaviour
  ok: true
}

/** The session's pending faults, oldest first. */
export interface FaultsReply {
  faults: Fault[]
  ok: true
}

export interface RequestLogReply {
  requests: RequestLogEntry[]
  ok: true
}

/** 400 invalid_input, 404 connect_webview_not_found / connected_account_not_found, 409. */
export type ControlErrorReply = SeamErrorBody
