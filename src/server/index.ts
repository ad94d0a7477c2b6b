// The `react-seam-connect/server` entry: explicit named exports only, documented in README.md
// ("Server"). No React and no DOM; nothing here reads `process` (so Workers without Node
// compatibility import it too), and nothing is kept between requests but the webhook handler's
// memory of recent deliveries, which only adds a hint (`redelivery`).
export {
  createSeamConnectHandler,
  type SeamConnectHandler,
  type SeamConnectHandlerOptions,
} from './handler.js'
export {
  mintClientSession,
  type MintClientSessionOptions,
  type MintedClientSession,
} from './mint-client-session.js'
export {
  toNodeListener,
  type NodeListener,
  type NodeRequest,
  type NodeResponse,
} from './node-listener.js'
export type { SeamConnectAuthorization, TrustedMetadata } from './trusted-metadata.js'
export {
  createSeamWebhookHandler,
  type SeamWebhookDelivery,
  type SeamWebhookHandler,
  type SeamWebhookHandlerOptions,
  type WithEventMetadata,
} from './webhook-handler.js'
export type {
  ConnectWebviewLoginFailedEvent,
  ConnectWebviewLoginSucceededEvent,
  ConnectedAccountConnectedEvent,
  ConnectedAccountDisconnectedEvent,
  KnownSeamEventType,
  UnknownSeamEvent,
} from './webhook-events.js'

// The typed errors this entry throws and rejects with, so a server needs no second import.
export {
  SeamApiError,
  SeamConnectError,
  SeamInvalidInputError,
  SeamNetworkError,
  SeamResponseParseError,
  isSeamApiError,
  isSeamConnectError,
  isSeamInvalidInputError,
  isSeamNetworkError,
  isSeamResponseParseError,
  type SeamInputIssue,
} from '../errors/errors.js'
