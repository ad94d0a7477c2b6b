// Reply shapes of the /_fake/ control routes (their payloads are in schemas.ts). The routes
// check their replies against these; the control client returns them.
import type { ConnectWebview, ConnectedAccount } from '@seamapi/types/connect'
import type { FakeBehaviour } from '../state/behaviour.js'
import type { RequestLogEntry } from '../state/request-log.js'
import type { Fault } from './schemas.js'

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
