import { QueryClientProvider } from '@tanstack/react-query'
import { act, render, renderHook, screen, waitFor } from '@testing-library/react'
import { StrictMode } from 'react'
import { describe, expect, inject, it } from 'vitest'
import * as z from 'zod'
import {
  createSeamConnectClient,
  SeamConnectProvider,
  SeamConnectWebviewFailedError,
  SeamInvalidInputError,
  SeamResponseParseError,
  seamConnectKeys,
  useConnectedAccountMetadata,
  useConnectWebview,
  useCreateConnectWebview,
  useSeamConnectClient,
} from '../../src/index'
import { fakeControl, uniqueUser } from '../../fake/control-client'
import { newQueryClient, providers } from '../support/render-with-providers'

const endpoint = inject('fakeUrl')
const publishableKey = inject('fakePublishableKey')
const fake = fakeControl(endpoint)

function setup(label: string) {
  const userIdentifierKey = uniqueUser(label)
  const client = createSeamConnectClient({ endpoint, publishableKey, userIdentifierKey })
  return { client, userIdentifierKey, ...providers(client) }
}

describe('useCreateConnectWebview', () => {
  it('creates a webview with metadata and caches it for useConnectWebview (no extra request)', async () => {
    const { client, wrapper, userIdentifierKey } = setup('create')
    const create = renderHook(() => useCreateConnectWebview(), { wrapper })
    let webviewId = ''
    await act(async () => {
      const webview = await create.result.current.mutateAsync({
        custom_metadata: { your_app_user_id: 'u_42' },
      })
      webviewId = webview.connect_webview_id
    })
    await waitFor(() =>
      expect(create.result.current.data?.custom_metadata).toEqual({ your_app_user_id: 'u_42' }),
    )

    const read = renderHook(() => useConnectWebview(webviewId), { wrapper })
    expect(read.result.current.data?.connect_webview_id).toBe(webviewId)
    expect(await fake.requests(userIdentifierKey, '/connect_webviews/get')).toEqual([])
    expect(client.scope).not.toContain(userIdentifierKey)
  })

  it('rejects invalid metadata with SeamInvalidInputError and sends nothing', async () => {
    const { wrapper, userIdentifierKey } = setup('invalid')
    const create = renderHook(() => useCreateConnectWebview(), { wrapper })
    const tooMany = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']))
    await act(() =>
      expect(create.result.current.mutateAsync({ custom_metadata: tooMany })).rejects.toThrow(
        /51 keys; at most 50/,
      ),
    )
    await waitFor(() => expect(create.result.current.error).toBeInstanceOf(SeamInvalidInputError))
    expect(await fake.requests(userIdentifierKey)).toEqual([])
  })

  it('calls the caller’s onSuccess after the webview is cached', async () => {
    const { client, wrapper, queryClient } = setup('on-success')
    const seen: unknown[] = []
    const create = renderHook(
      () =>
        useCreateConnectWebview({
          onSuccess: (webview) => {
            seen.push(
              queryClient.getQueryData(
                seamConnectKeys.connectWebview(client, webview.connect_webview_id),
              ),
            )
          },
        }),
      { wrapper },
    )
    const created = await act(() => create.result.current.mutateAsync({}))
    expect(seen).toEqual([created])
  })
})

describe('useConnectedAccountMetadata', () => {
  it('waits while the webview is pending, then resolves to the metadata (Seam’s steps)', async () => {
    const { client, wrapper, userIdentifierKey } = setup('steps')
    const webview = await client.connectWebviews.create({
      custom_metadata: { your_app_user_id: 'u_7', tenant: 'acme' },
    })
    const { result } = renderHook(
      () =>
        useConnectedAccountMetadata(
          { connectWebviewId: webview.connect_webview_id },
          { pollInterval: 50 },
        ),
      { wrapper },
    )
    // The webview is polled while it is pending; the account is not asked for yet.
    await waitFor(async () =>
      expect(
        (await fake.requests(userIdentifierKey, '/connect_webviews/get')).length,
      ).toBeGreaterThan(1),
    )
    expect(result.current.isPending).toBe(true)
    expect(await fake.requests(userIdentifierKey, '/connected_accounts/get')).toEqual([])
    await fake.complete(webview.connect_webview_id)
    await waitFor(() =>
      expect(result.current.data).toEqual({ your_app_user_id: 'u_7', tenant: 'acme' }),
    )
  })

  it('gives {} when the webview had no metadata', async () => {
    const { client, wrapper } = setup('empty')
    const webview = await client.connectWebviews.create()
    await fake.complete(webview.connect_webview_id)
    const { result } = renderHook(
      () => useConnectedAccountMetadata({ connectWebviewId: webview.connect_webview_id }),
      { wrapper },
    )
    await waitFor(() => expect(result.current.data).toEqual({}))
  })

  it('shows the replaced metadata after a reconnect', async () => {
    const { client, wrapper } = setup('reconnect')
    const first = await client.connectWebviews.create({
      custom_metadata: { plan: 'free', old: 'x' },
    })
    const { connected_account } = await fake.complete(first.connect_webview_id)
    const second = await client.connectWebviews.create({ custom_metadata: { plan: 'pro' } })
    await fake.complete(second.connect_webview_id, {
      connected_account_id: connected_account.connected_account_id,
    })
    const byWebview = renderHook(
      () => useConnectedAccountMetadata({ connectWebviewId: second.connect_webview_id }),
      { wrapper },
    )
    await waitFor(() => expect(byWebview.result.current.data).toEqual({ plan: 'pro' }))
    const byAccount = renderHook(
      () =>
        useConnectedAccountMetadata({
          connectedAccountId: connected_account.connected_account_id,
        }),
      { wrapper },
    )
    expect(byAccount.result.current.data).toEqual({ plan: 'pro' })
  })

  it('reads the account again after a reconnect, even with a fresh copy cached', async () => {
    const { client, wrapper } = setup('reconnect-cached')
    const first = await client.connectWebviews.create({ custom_metadata: { plan: 'free' } })
    const { connected_account } = await fake.complete(first.connect_webview_id)
    const before = renderHook(
      () => useConnectedAccountMetadata({ connectWebviewId: first.connect_webview_id }),
      { wrapper },
    )
    await waitFor(() => expect(before.result.current.data).toEqual({ plan: 'free' }))

    const second = await client.connectWebviews.create({ custom_metadata: { plan: 'pro' } })
    await fake.complete(second.connect_webview_id, {
      connected_account_id: connected_account.connected_account_id,
    })
    const after = renderHook(
      () => useConnectedAccountMetadata({ connectWebviewId: second.connect_webview_id }),
      { wrapper },
    )
    await waitFor(() => expect(after.result.current.data).toEqual({ plan: 'pro' }))
  })

  it('a failed webview is a SeamConnectWebviewFailedError', async () => {
    const { client, wrapper } = setup('failed')
    const webview = await client.connectWebviews.create()
    await fake.fail(webview.connect_webview_id, { error_code: 'bad_credentials' })
    const { result } = renderHook(
      () => useConnectedAccountMetadata({ connectWebviewId: webview.connect_webview_id }),
      { wrapper },
    )
    await waitFor(() => expect(result.current.error).toBeInstanceOf(SeamConnectWebviewFailedError))
    expect((result.current.error as SeamConnectWebviewFailedError).connectWebviewId).toBe(
      webview.connect_webview_id,
    )
  })

  it('validates and types the metadata with a Standard Schema', async () => {
    const { client, wrapper } = setup('schema')
    const webview = await client.connectWebviews.create({
      custom_metadata: { user_id: 'u_1', admin: true },
    })
    await fake.complete(webview.connect_webview_id)
    const target = { connectWebviewId: webview.connect_webview_id }
    const good = renderHook(
      () =>
        useConnectedAccountMetadata(target, {
          schema: z.object({ user_id: z.string(), admin: z.boolean() }),
        }),
      { wrapper },
    )
    await waitFor(() => expect(good.result.current.data).toEqual({ user_id: 'u_1', admin: true }))

    const strictTenant = z.object({ tenant_id: z.string() })
    const bad = renderHook(() => useConnectedAccountMetadata(target, { schema: strictTenant }), {
      wrapper,
    })
    await waitFor(() => expect(bad.result.current.error).toBeInstanceOf(SeamResponseParseError))
    expect(bad.result.current.error?.message).toMatch(
      /^custom_metadata does not match the schema: tenant_id: /,
    )
  })

  it('stays idle for a null target or enabled: false', async () => {
    const { wrapper, userIdentifierKey } = setup('idle')
    const nothing = renderHook(() => useConnectedAccountMetadata(null), { wrapper })
    const disabled = renderHook(
      () => useConnectedAccountMetadata({ connectedAccountId: 'x' }, { enabled: false }),
      { wrapper },
    )
    expect(nothing.result.current.fetchStatus).toBe('idle')
    expect(disabled.result.current.fetchStatus).toBe('idle')
    expect(await fake.requests(userIdentifierKey)).toEqual([])
  })

  it('refuses a bad pollInterval with a typed error', () => {
    const { wrapper } = setup('bad-interval')
    expect(() =>
      renderHook(
        () => useConnectedAccountMetadata({ connectWebviewId: 'x' }, { pollInterval: -1 }),
        { wrapper },
      ),
    ).toThrow(SeamInvalidInputError)
  })
})

describe('one publishable-key exchange for the whole page', () => {
  it('three different queries mounting at once send exactly one get_or_create', async () => {
    const userIdentifierKey = uniqueUser('three')
    const seed = createSeamConnectClient({ endpoint, publishableKey, userIdentifierKey })
    const [a, b] = await Promise.all([seed.connectWebviews.create(), seed.connectWebviews.create()])
    const { connected_account } = await fake.complete(b.connect_webview_id)
    const before = (await fake.requests(userIdentifierKey, '/client_sessions/get_or_create')).length

    function Three() {
      const one = useConnectWebview(a.connect_webview_id)
      const two = useConnectWebview(b.connect_webview_id)
      const three = useConnectedAccountMetadata({
        connectedAccountId: connected_account.connected_account_id,
      })
      return <p>{[one, two, three].every((q) => q.isSuccess) ? 'ready' : 'loading'}</p>
    }
    render(
      <StrictMode>
        <QueryClientProvider client={newQueryClient()}>
          <SeamConnectProvider
            endpoint={endpoint}
            publishableKey={publishableKey}
            userIdentifierKey={userIdentifierKey}
          >
            <Three />
          </SeamConnectProvider>
        </QueryClientProvider>
      </StrictMode>,
    )
    await screen.findByText('ready')
    const after = await fake.requests(userIdentifierKey, '/client_sessions/get_or_create')
    expect(after.length - before).toBe(1)
  })
})

describe('provider', () => {
  it('a hook outside <SeamConnectProvider> names itself and the fix', () => {
    const wrapper = ({ children }: { children: React.ReactNode }) => (
      <QueryClientProvider client={newQueryClient()}>{children}</QueryClientProvider>
    )
    expect(() => renderHook(() => useConnectWebview('x'), { wrapper })).toThrow(
      /useConnectWebview\(\) must be used inside <SeamConnectProvider>: wrap the part of your app that renders useConnectWebview\(\) in <SeamConnectProvider/,
    )
    expect(() => renderHook(() => useSeamConnectClient(), { wrapper })).toThrow(
      /useSeamConnectClient\(\)/,
    )
  })

  it('<SeamConnectProvider> outside a QueryClientProvider explains why', () => {
    expect(() =>
      render(<SeamConnectProvider endpoint={endpoint} clientSessionToken="seam_cst1x" />),
    ).toThrow(/inside a <QueryClientProvider>/)
  })

  it('keeps one client while option values stay the same', () => {
    const queryClient = newQueryClient()
    const seen = new Set<unknown>()
    function Probe() {
      seen.add(useSeamConnectClient())
      return null
    }
    const ui = (token: string) => (
      <QueryClientProvider client={queryClient}>
        <SeamConnectProvider
          endpoint={endpoint}
          clientSessionToken={token}
          headers={{ 'x-app': '1' }}
        >
          <Probe />
        </SeamConnectProvider>
      </QueryClientProvider>
    )
    const { rerender } = render(ui('seam_cst1a'))
    rerender(ui('seam_cst1a'))
    expect(seen.size).toBe(1)
    rerender(ui('seam_cst1b'))
    expect(seen.size).toBe(2)
  })
})
