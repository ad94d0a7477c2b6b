// What `react-seam-connect/testing` exports in every environment: all of it but the Node server
// (index.ts adds it for Node, browser.ts a stub that rejects). Explicit names only.
export {
  createFakeSeamConnect,
  DEFAULT_FAKE_URL as FAKE_SEAM_CONNECT_URL,
  type CreateFakeSeamConnectOptions,
  type FakeSeamConnectFetch,
} from './create-fake.js'
export {
  fakeControl,
  type CompleteConnectWebviewOptions,
  type FailConnectWebviewOptions,
  type FakeSeamConnectControl,
  type FakeWebhooksControl,
  type SendFakeWebhookOptions,
} from './control/client.js'
export { scopeHeaders, type FakeControlOptions, type FakeSession } from './control-client.js'
export { FAKE_SCOPE_HEADER } from './control/scope.js'
export type {
  BehaviourReply,
  CompleteConnectWebviewReply,
  FailConnectWebviewReply,
  FaultsReply,
  OkReply,
} from './control/replies.js'
export type { Fault, FaultFields } from './control/schemas.js'
export type { SeedConnectedAccountInput } from './control/seed-schema.js'
export type { FakeBehaviour, FakeBehaviourPatch } from './state/behaviour.js'
export {
  FAKE_API_KEY as FAKE_SEAM_API_KEY,
  FAKE_PUBLISHABLE_KEY as FAKE_SEAM_PUBLISHABLE_KEY,
  type FakeTokenMarkers,
} from './state/keys.js'
export type {
  FakeCapability,
  FakeClientSession,
  FakeConnectWebview,
  FakeConnectedAccount,
  FakeCustomMetadata,
} from './state/objects.js'
export type { RequestAuth, RequestLogEntry } from './state/request-log.js'
export type {
  FakeWebhookAttempt,
  FakeWebhookDelivery,
  FakeWebhookDeliveryFilter,
  FakeWebhookDeliveryKind,
  FakeWebhookEndpoint,
  FakeWebhookEndpointInput,
  FakeWebhookHeaders,
} from './webhooks/dispatcher.js'
export type {
  FakeConnectWebviewLoginFailedEvent,
  FakeConnectWebviewLoginSucceededEvent,
  FakeConnectedAccountConnectedEvent,
  FakeSeamEvent,
} from './webhooks/events.js'
