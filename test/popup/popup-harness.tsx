// Mounts a component that opens a Connect Webview popup from a button, as an app would, and
// records every callback and what open()'s promise settled with.
import { QueryClientProvider } from '@tanstack/react-query'
import { render } from '@testing-library/react'
import { StrictMode, useEffect } from 'react'
import { inject } from 'vitest'
import { commands, page, userEvent } from 'vitest/browser'
import {
  createSeamConnectClient,
  SeamConnectProvider,
  useConnectWebviewPopup,
  type ConnectWebviewCompletion,
  type ConnectWebviewEvent,
  type ConnectWebviewPopupState,
  type CreateConnectWebviewParams,
  type SeamConnectError,
  type StandardSchemaV1,
  type UseConnectWebviewPopupOptions,
} from '../../src/index'
import { fakeControl, uniqueUser, type FakeBehaviourPatch } from '../../fake/control-client'
import { newQueryClient } from '../support/render-with-providers'

export const endpoint = inject('fakeUrl')
export const fake = fakeControl(endpoint)
const publishableKey = inject('fakePublishableKey')

type Settled =
  | { status: 'fulfilled'; value: ConnectWebviewCompletion<unknown> }
  | { status: 'rejected'; reason: unknown }

export interface PopupCalls {
  complete: ConnectWebviewCompletion<unknown>[]
  error: SeamConnectError[]
  event: ConnectWebviewEvent[]
  /** What each open()'s promise settled with, in order of settling. */
  settled: Settled[]
  /** The promises open() returned, in order of the clicks. */
  promises: Promise<unknown>[]
  /** Every state the component rendered, in order (a state can pass faster than a poll looks). */
  states: ConnectWebviewPopupState[]
}

function PopupUnderTest({
  params,
  options,
  calls,
  signal,
}: {
  params: CreateConnectWebviewParams
  options: UseConnectWebviewPopupOptions<StandardSchemaV1 | undefined>
  calls: PopupCalls
  signal?: AbortSignal | undefined
}) {
  const popup = useConnectWebviewPopup({
    ...options,
    onComplete: (completion) => calls.complete.push(completion),
    onError: (error) => calls.error.push(error),
    onEvent: (event) => calls.event.push(event),
  })
  useEffect(() => {
    if (calls.states.at(-1) !== popup.state) calls.states.push(popup.state)
  }, [calls, popup.state])
  return (
    <div
      data-testid="popup-under-test"
      data-state={popup.state}
      data-webview-id={popup.connectWebview?.connect_webview_id ?? ''}
    >
      <button
        type="button"
        onClick={() => {
          const promise = popup.open(params, { signal })
          calls.promises.push(promise)
          promise.then(
            (value) => calls.settled.push({ status: 'fulfilled', value }),
            (reason: unknown) => calls.settled.push({ status: 'rejected', reason }),
          )
        }}
      >
        Connect
      </button>
      {popup.completion && (
        <p>Connected {popup.completion.connectedAccount.connected_account_id}</p>
      )}
    </div>
  )
}

export async function mountPopup(
  label: string,
  {
    params = {},
    options = {},
    behaviour,
    signal,
  }: {
    params?: CreateConnectWebviewParams
    options?: UseConnectWebviewPopupOptions<StandardSchemaV1 | undefined>
    /** The fake's behaviour for this user's webviews (set before any is created). */
    behaviour?: FakeBehaviourPatch
    signal?: AbortSignal
  } = {},
) {
  const userIdentifierKey = uniqueUser(label)
  if (behaviour) {
    await fake.newSession(userIdentifierKey)
    await fake.sessionBehaviour(userIdentifierKey, behaviour)
  }
  const client = createSeamConnectClient({
    endpoint,
    publishableKey,
    userIdentifierKey,
    retry: { minDelayMs: 10, maxDelayMs: 50 },
  })
  const calls: PopupCalls = {
    complete: [],
    error: [],
    event: [],
    settled: [],
    promises: [],
    states: [],
  }
  const view = render(
    <StrictMode>
      <QueryClientProvider client={newQueryClient()}>
        <SeamConnectProvider client={client}>
          <PopupUnderTest params={params} options={options} calls={calls} signal={signal} />
        </SeamConnectProvider>
      </QueryClientProvider>
    </StrictMode>,
  )
  const root = () => view.getByTestId('popup-under-test')
  const button = () => view.getByRole('button', { name: 'Connect' })
  return {
    calls,
    view,
    userIdentifierKey,
    state: () => root().dataset.state,
    webviewId: () => root().dataset.webviewId ?? '',
    /** A person's click: it carries the user activation popup blockers ask for. */
    click: () => userEvent.click(page.elementLocator(button())),
    /** A click from script, with no user activation, as after an `await` in a handler. */
    scriptClick: () => button().click(),
    /** Every request this user's session made to the fake, by path. */
    paths: async () => (await fake.requests(userIdentifierKey)).map((r) => r.path),
  }
}

export type PopupHarness = Awaited<ReturnType<typeof mountPopup>>

/** Closes every window but the tests' own, so that no test leaves one for the next. */
export const closePopups = () => commands.closePopups()
