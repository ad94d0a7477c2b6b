// Mounts <ConnectWebviewFrame> for a fresh webview on the fake (another origin than this page)
// and records every callback, so tests read as "given a webview, when ..., then ...".
import { QueryClientProvider } from '@tanstack/react-query'
import { render } from '@testing-library/react'
import type { QueryClient } from '@tanstack/react-query'
import { StrictMode, type ReactNode } from 'react'
import { inject } from 'vitest'
import { page } from 'vitest/browser'
import {
  ConnectWebviewFrame,
  createSeamConnectClient,
  SeamConnectProvider,
  type ConnectWebview,
  type ConnectWebviewCompletion,
  type ConnectWebviewEvent,
  type ConnectWebviewFrameProps,
  type ConnectWebviewFrameState,
  type CreateConnectWebviewParams,
  type SeamConnectClient,
  type SeamConnectClientOptions,
  type SeamConnectError,
  type StandardSchemaV1,
} from '../../src/index'
import { fakeControl, uniqueUser, type FakeBehaviourPatch } from '../../fake/control-client'
import { newQueryClient } from '../support/render-with-providers'

export const endpoint = inject('fakeUrl')
export const lookalikeUrl = inject('fakeLookalikeUrl')
export const fake = fakeControl(endpoint)
const publishableKey = inject('fakePublishableKey')

/**
 * A client authenticated with a client session token freshly minted for `userIdentifierKey`, as an
 * app's backend would mint (and later refresh) it.
 */
export async function sessionTokenClient(
  userIdentifierKey: string,
  options: SeamConnectClientOptions = {},
): Promise<SeamConnectClient> {
  const clientSessionToken = await fake.mintClientSessionToken(userIdentifierKey)
  return createSeamConnectClient({
    endpoint,
    clientSessionToken,
    retry: { minDelayMs: 10, maxDelayMs: 50 },
    ...options,
  })
}

export interface Calls {
  complete: ConnectWebviewCompletion<unknown>[]
  error: SeamConnectError[]
  event: ConnectWebviewEvent[]
  state: ConnectWebviewFrameState[]
}

export async function mountFrame(
  label: string,
  {
    create = {},
    behaviour,
    props = {},
    clientOptions = {},
    sessionToken = false,
    queryClient = newQueryClient(),
    beside,
  }: {
    create?: CreateConnectWebviewParams
    behaviour?: FakeBehaviourPatch
    props?: Partial<ConnectWebviewFrameProps<StandardSchemaV1 | undefined>>
    clientOptions?: SeamConnectClientOptions
    /** Authenticate with a client session token instead of the publishable key. */
    sessionToken?: boolean
    queryClient?: QueryClient
    /** Rendered before the frame, under the same providers (e.g. a hook reading the same webview). */
    beside?: (webview: ConnectWebview) => ReactNode
  } = {},
) {
  const userIdentifierKey = uniqueUser(label)
  const makeClient = async (options: SeamConnectClientOptions) =>
    sessionToken
      ? sessionTokenClient(userIdentifierKey, options)
      : createSeamConnectClient({
          endpoint,
          publishableKey,
          userIdentifierKey,
          retry: { minDelayMs: 10, maxDelayMs: 50 },
          ...options,
        })
  const client = await makeClient(clientOptions)
  // The test's own client options (a short timeoutMs, say) are for the frame's requests: the
  // webview is created as an app would, with the defaults.
  const creator = Object.keys(clientOptions).length ? await makeClient({}) : client
  const webview = await creator.connectWebviews.create(create)
  if (behaviour) await fake.webviewBehaviour(webview.connect_webview_id, behaviour)
  const calls: Calls = { complete: [], error: [], event: [], state: [] }
  const ui = (
    extra: Partial<ConnectWebviewFrameProps<StandardSchemaV1 | undefined>> = {},
    current: SeamConnectClient = client,
  ) => (
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <SeamConnectProvider client={current}>
          {beside?.(webview)}
          <ConnectWebviewFrame
            data-testid="frame-under-test"
            connectWebview={webview}
            onComplete={(completion) => calls.complete.push(completion)}
            onError={(error) => calls.error.push(error)}
            onEvent={(event) => calls.event.push(event)}
            onStateChange={(state) => calls.state.push(state)}
            {...(props as object)}
            {...(extra as object)}
          />
        </SeamConnectProvider>
      </QueryClientProvider>
    </StrictMode>
  )
  const view = render(ui())
  const iframe = () =>
    view.container.querySelector('[data-testid="frame-under-test"]') as HTMLIFrameElement
  const requests = async () =>
    (await fake.requests(userIdentifierKey)).filter((r) => r.path.endsWith('/get'))
  return {
    client,
    webview,
    queryClient,
    calls,
    view,
    ui,
    iframe,
    requests,
    userIdentifierKey,
    /** The webview's own page, as Playwright sees it (cross-origin). */
    frame: () => page.frameLocator(page.elementLocator(iframe())),
    state: () => iframe().dataset.state,
  }
}

/**
 * Fills the fake's login form inside the cross-origin iframe, as a person would. The fake
 * reconnects the same account for the same provider and username (Seam's behaviour), so each
 * sign-in is a new person unless the test names one: parallel tests never share an account.
 */
export async function signIn(
  frame: ReturnType<typeof page.frameLocator>,
  { username = `person-${crypto.randomUUID()}`, password = 'correct horse' } = {},
) {
  await frame.getByLabelText('Username').fill(username)
  await frame.getByLabelText('Password').fill(password)
  await frame.getByRole('button', { name: 'Sign in' }).click()
}
