// Mounts <ConnectWebviewFrame> for a fresh webview on the fake (another origin than this page)
// and records every callback, so tests read as "given a webview, when ..., then ...".
import { QueryClientProvider } from '@tanstack/react-query'
import { render } from '@testing-library/react'
import { StrictMode } from 'react'
import { inject } from 'vitest'
import { page } from 'vitest/browser'
import {
  ConnectWebviewFrame,
  createSeamConnectClient,
  SeamConnectProvider,
  type ConnectWebviewCompletion,
  type ConnectWebviewEvent,
  type ConnectWebviewFrameProps,
  type ConnectWebviewFrameState,
  type CreateConnectWebviewParams,
  type SeamConnectError,
  type StandardSchemaV1,
} from '../../src/index'
import { fakeControl, uniqueUser, type Behaviour } from '../../fake/control-client'
import { newQueryClient } from '../support/render-with-providers'

export const endpoint = inject('fakeUrl')
export const lookalikeUrl = inject('fakeLookalikeUrl')
export const fake = fakeControl(endpoint)
const publishableKey = inject('fakePublishableKey')

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
  }: {
    create?: CreateConnectWebviewParams
    behaviour?: Behaviour
    props?: Partial<ConnectWebviewFrameProps<StandardSchemaV1 | undefined>>
  } = {},
) {
  const userIdentifierKey = uniqueUser(label)
  const client = createSeamConnectClient({
    endpoint,
    publishableKey,
    userIdentifierKey,
    retry: { minDelayMs: 10, maxDelayMs: 50 },
  })
  const webview = await client.connectWebviews.create(create)
  if (behaviour) await fake.webviewBehaviour(webview.connect_webview_id, behaviour)
  const queryClient = newQueryClient()
  const calls: Calls = { complete: [], error: [], event: [], state: [] }
  const ui = (extra: Partial<ConnectWebviewFrameProps<StandardSchemaV1 | undefined>> = {}) => (
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <SeamConnectProvider client={client}>
          <ConnectWebviewFrame
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
  const iframe = () => view.container.querySelector('iframe') as HTMLIFrameElement
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

/** Fills the fake's login form inside the cross-origin iframe, as a person would. */
export async function signIn(
  frame: ReturnType<typeof page.frameLocator>,
  { username = 'alice', password = 'correct horse' } = {},
) {
  await frame.getByLabelText('Username').fill(username)
  await frame.getByLabelText('Password').fill(password)
  await frame.getByRole('button', { name: 'Sign in' }).click()
}
