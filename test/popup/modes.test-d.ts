// The popup and redirect hooks are generic in their `schema`, like the frame; what they do not
// take (a `source`, `enabled` for the popup, `onEvent` for the redirect) does not compile.
import { describe, expectTypeOf, it } from 'vitest'
import * as z from 'zod'
import {
  redirectUrlFor,
  useConnectWebviewCompletion,
  useConnectWebviewPopup,
  useConnectWebviewRedirectResult,
  type ConnectWebviewCompletion,
  type ConnectWebviewPopupState,
  type ConnectWebviewRedirectState,
  type CustomMetadata,
  type SeamConnectPopupErrorReason,
} from '../../src/index'

const schema = z.object({ tenant_id: z.string(), admin: z.stringbool().default(false) })
type Typed = { tenant_id: string; admin: boolean }

describe('useConnectWebviewPopup', () => {
  it('open() resolves with the schema’s output, or CustomMetadata without one', () => {
    const typed = useConnectWebviewPopup({
      schema,
      onComplete: ({ customMetadata }) => expectTypeOf(customMetadata).toEqualTypeOf<Typed>(),
    })
    expectTypeOf(typed.open()).toEqualTypeOf<Promise<ConnectWebviewCompletion<Typed>>>()
    expectTypeOf(typed.completion?.customMetadata).toEqualTypeOf<Typed | undefined>()
    const plain = useConnectWebviewPopup()
    expectTypeOf(plain.open).returns.resolves.toEqualTypeOf<
      ConnectWebviewCompletion<CustomMetadata>
    >()
  })

  it('states and reasons are closed sets', () => {
    expectTypeOf<ConnectWebviewPopupState>().toEqualTypeOf<
      'idle' | 'opening' | 'pending' | 'verifying' | 'completed' | 'failed' | 'closed' | 'blocked'
    >()
    expectTypeOf<SeamConnectPopupErrorReason>().toEqualTypeOf<'blocked' | 'closed'>()
  })

  it('refuses what it does not take', () => {
    const popup = useConnectWebviewPopup()
    // @ts-expect-error metadata values are strings, booleans or null
    void popup.open({ custom_metadata: { seats: 3 } })
    // @ts-expect-error not a create param
    void popup.open({ connect_webview_id: 'cw_1' })
    // @ts-expect-error a signal is an AbortSignal
    void popup.open({}, { signal: 'stop' })
    // @ts-expect-error the popup is the source of its messages
    useConnectWebviewPopup({ source: () => window })
    // @ts-expect-error a popup opens on demand: there is nothing to disable
    useConnectWebviewPopup({ enabled: false })
    // @ts-expect-error a number of milliseconds
    useConnectWebviewPopup({ closedTimeoutMs: '2m' })
  })
})

describe('useConnectWebviewRedirectResult', () => {
  it('is idle or an engine state, typed by the schema', () => {
    const result = useConnectWebviewRedirectResult({ schema })
    expectTypeOf(result.state).toEqualTypeOf<ConnectWebviewRedirectState>()
    expectTypeOf<'idle'>().toMatchTypeOf<ConnectWebviewRedirectState>()
    expectTypeOf(result.completion?.customMetadata).toEqualTypeOf<Typed | undefined>()
    expectTypeOf(result.verify).toEqualTypeOf<() => void>()
  })

  it('refuses what it does not take', () => {
    // @ts-expect-error no window sends messages on a redirect
    useConnectWebviewRedirectResult({ onEvent: () => undefined })
    // @ts-expect-error no window to listen to
    useConnectWebviewRedirectResult({ source: () => window })
    // @ts-expect-error nothing navigates that it could check
    void useConnectWebviewRedirectResult().checkRedirect
  })
})

describe('redirectUrlFor and a webview known by id', () => {
  it('takes a location, a URL or a string', () => {
    expectTypeOf(redirectUrlFor(window.location)).toEqualTypeOf<string>()
    expectTypeOf(redirectUrlFor(new URL('https://app.example/'))).toEqualTypeOf<string>()
    // @ts-expect-error not a location
    redirectUrlFor(42)
  })

  it('a target by id alone takes no source: its messages could not be checked', () => {
    useConnectWebviewCompletion({ connectWebviewId: 'cw_1' }, { pollInterval: 1000 })
    // @ts-expect-error an id has no origin to check a message's against
    useConnectWebviewCompletion({ connectWebviewId: 'cw_1' }, { source: () => window })
    // @ts-expect-error one way to name the webview
    useConnectWebviewCompletion({ connectWebviewId: 'cw_1', url: 'https://connect.getseam.com/x' })
  })
})
