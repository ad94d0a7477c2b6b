// <ConnectWebviewFrame> is generic in its `schema`: `onComplete` receives the schema's output, or
// plain CustomMetadata without one. The component is called as a function here (this file is
// type-checked, never run), which checks the same props JSX would.
import { createRef } from 'react'
import { describe, expectTypeOf, it } from 'vitest'
import * as z from 'zod'
import {
  ConnectWebviewFrame,
  type ConnectedAccount,
  type ConnectWebview,
  type ConnectWebviewCompletion,
  type ConnectWebviewEvent,
  type ConnectWebviewFrameProps,
  type ConnectWebviewFrameState,
  type CustomMetadata,
  type SeamConnectError,
  type StandardSchemaV1,
} from '../../src/index'

const connectWebview = { connect_webview_id: 'cw_1', url: 'https://connect.getseam.com/x' }

describe('ConnectWebviewFrame', () => {
  it('without a schema, onComplete receives CustomMetadata', () => {
    ConnectWebviewFrame({
      connectWebview,
      onComplete: (completion) => {
        expectTypeOf(completion).toEqualTypeOf<ConnectWebviewCompletion<CustomMetadata>>()
        expectTypeOf(completion.connectWebview).toEqualTypeOf<ConnectWebview>()
        expectTypeOf(completion.connectedAccount).toEqualTypeOf<ConnectedAccount>()
      },
    })
  })

  it('with a schema, onComplete receives its output (transformed, defaulted)', () => {
    const schema = z.object({ tenant_id: z.string(), admin: z.stringbool().default(false) })
    ConnectWebviewFrame({
      url: connectWebview.url,
      schema,
      onComplete: ({ customMetadata }) => {
        expectTypeOf(customMetadata).toEqualTypeOf<{ tenant_id: string; admin: boolean }>()
      },
    })
    ConnectWebviewFrame({
      connectWebview,
      schema: z.object({ since: z.string() }).transform((m) => new Date(m.since)),
      onComplete: ({ customMetadata }) => expectTypeOf(customMetadata).toEqualTypeOf<Date>(),
    })
  })

  it('the generic is a Standard Schema, and the props name it', () => {
    expectTypeOf<ConnectWebviewFrameProps['schema']>().toEqualTypeOf<undefined>()
    type WithSchema = ConnectWebviewFrameProps<StandardSchemaV1<unknown, { id: string }>>
    expectTypeOf<
      Parameters<NonNullable<WithSchema['onComplete']>>[0]['customMetadata']
    >().toEqualTypeOf<{ id: string }>()
    // @ts-expect-error a schema must be a Standard Schema, not any object with a parse method
    ConnectWebviewFrame({ connectWebview, schema: { parse: () => ({}) } })
  })

  it('its callbacks and the iframe props', () => {
    ConnectWebviewFrame({
      connectWebview,
      onError: (error) => expectTypeOf(error).toEqualTypeOf<SeamConnectError>(),
      onEvent: (event) => expectTypeOf(event).toEqualTypeOf<ConnectWebviewEvent>(),
      onStateChange: (state) => expectTypeOf(state).toEqualTypeOf<ConnectWebviewFrameState>(),
      pollInterval: false,
      className: 'frame',
      style: { height: 700 },
      ref: createRef<HTMLIFrameElement>(),
    })
    expectTypeOf<ConnectWebviewFrameState>().toEqualTypeOf<
      'loading' | 'ready' | 'verifying' | 'completed' | 'failed'
    >()
  })

  it('refuses props it does not take', () => {
    // @ts-expect-error a webview or a url, not both
    ConnectWebviewFrame({ connectWebview, url: connectWebview.url })
    // @ts-expect-error one of them is required
    ConnectWebviewFrame({ onComplete: () => undefined })
    // @ts-expect-error the frame sets src from the webview
    ConnectWebviewFrame({ connectWebview, src: 'https://example.com' })
    // @ts-expect-error the frame owns its window: no source
    ConnectWebviewFrame({ connectWebview, source: () => window })
    // @ts-expect-error a misspelled callback
    ConnectWebviewFrame({ connectWebview, onCompleted: () => undefined })
    // @ts-expect-error pollInterval is milliseconds or false
    ConnectWebviewFrame({ connectWebview, pollInterval: true })
    const schema = z.object({ tenant_id: z.string() })
    const other = ({ customMetadata }: { customMetadata: { other: number } }) => customMetadata
    // @ts-expect-error onComplete's metadata is the schema's output, not anything
    ConnectWebviewFrame({ connectWebview, schema, onComplete: other })
  })
})
