// The query layer as an app meets it: its own QueryClient defaults, several credentials under one
// cache, invalidation, and writes that must never repeat.
import { QueryClient, QueryClientProvider, useMutation } from '@tanstack/react-query'
import { act, renderHook, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { describe, expect, inject, it } from 'vitest'
import {
  createConnectWebviewMutationOptions,
  createSeamConnectClient,
  SeamApiError,
  SeamConnectProvider,
  SeamResponseParseError,
  seamConnectKeys,
  useConnectedAccountMetadata,
  useConnectWebview,
  useCreateConnectWebview,
  type SeamConnectClient,
} from '../../src/index'
import { fakeControl, uniqueUser } from '../../fake/control-client'
import { newQueryClient } from '../support/render-with-providers'

const endpoint = inject('fakeUrl')
const fake = fakeControl(endpoint)

async function userClient(label: string) {
  const userIdentifierKey = uniqueUser(label)
  const clientSessionToken = await fake.mintClientSessionToken(userIdentifierKey)
  const client = createSeamConnectClient({ endpoint, clientSessionToken, retry: { retries: 0 } })
  return { client, userIdentifierKey }
}

const wrapperFor =
  (queryClient: QueryClient, client: SeamConnectClient) =>
  ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <SeamConnectProvider client={client}>{children}</SeamConnectProvider>
    </QueryClientProvider>
  )

describe('create runs once per call, whatever the app’s mutation defaults say', () => {
  it('with defaultOptions.mutations.retry', async () => {
    const { client, userIdentifierKey } = await userClient('create-defaults')
    const queryClient = new QueryClient({
      defaultOptions: { mutations: { retry: 3, retryDelay: 1 } },
    })
    await fake.fault({
      user_identifier_key: userIdentifierKey,
      route: '/connect_webviews/create',
      status: 503,
      times: 5,
    })
    const create = renderHook(() => useCreateConnectWebview(), {
      wrapper: wrapperFor(queryClient, client),
    })
    await act(() => expect(create.result.current.mutateAsync({})).rejects.toThrow(SeamApiError))
    expect(await fake.requests(userIdentifierKey, '/connect_webviews/create')).toHaveLength(1)
  })

  it('with setMutationDefaults, through the hook and through the factory', async () => {
    const { client, userIdentifierKey } = await userClient('create-set-defaults')
    const queryClient = new QueryClient()
    queryClient.setMutationDefaults(seamConnectKeys.createConnectWebview(client), {
      retry: 2,
      retryDelay: 1,
    })
    await fake.fault({
      user_identifier_key: userIdentifierKey,
      route: '/connect_webviews/create',
      status: 503,
      times: 5,
    })
    const wrapper = wrapperFor(queryClient, client)
    const hook = renderHook(() => useCreateConnectWebview(), { wrapper })
    await act(() => expect(hook.result.current.mutateAsync({})).rejects.toThrow(SeamApiError))
    const factory = renderHook(() => useMutation(createConnectWebviewMutationOptions(client)), {
      wrapper,
    })
    await act(() => expect(factory.result.current.mutateAsync({})).rejects.toThrow(SeamApiError))
    expect(await fake.requests(userIdentifierKey, '/connect_webviews/create')).toHaveLength(2)
  })
})

describe('two credentials under one QueryClient never share a cache entry', () => {
  it('each provider reads its own webview; another user’s cached one is not shown', async () => {
    const alice = await userClient('alice')
    const bob = await userClient('bob')
    const queryClient = newQueryClient()
    const webview = await alice.client.connectWebviews.create({ custom_metadata: { who: 'a' } })
    const id = webview.connect_webview_id

    const asAlice = renderHook(() => useConnectWebview(id), {
      wrapper: wrapperFor(queryClient, alice.client),
    })
    await waitFor(() => expect(asAlice.result.current.data?.custom_metadata).toEqual({ who: 'a' }))

    const asBob = renderHook(() => useConnectWebview(id), {
      wrapper: wrapperFor(queryClient, bob.client),
    })
    expect(asBob.result.current.data).toBeUndefined()
    await waitFor(() => expect(asBob.result.current.error).toMatchObject({ status: 404 }))
    expect(await fake.requests(bob.userIdentifierKey, '/connect_webviews/get')).toHaveLength(1)
  })

  it('each reads its own account through a webview', async () => {
    const alice = await userClient('alice-account')
    const bob = await userClient('bob-account')
    const queryClient = newQueryClient()
    const webview = await alice.client.connectWebviews.create({ custom_metadata: { who: 'a' } })
    await fake.complete(webview.connect_webview_id)
    const target = { connectWebviewId: webview.connect_webview_id }

    const asAlice = renderHook(() => useConnectedAccountMetadata(target), {
      wrapper: wrapperFor(queryClient, alice.client),
    })
    await waitFor(() => expect(asAlice.result.current.data).toEqual({ who: 'a' }))
    const asBob = renderHook(() => useConnectedAccountMetadata(target), {
      wrapper: wrapperFor(queryClient, bob.client),
    })
    expect(asBob.result.current.data).toBeUndefined()
    await waitFor(() => expect(asBob.result.current.error).toMatchObject({ status: 404 }))
  })
})

describe('useConnectedAccountMetadata by webview, as dependent queries', () => {
  it('settles again after invalidateQueries(): nothing is left fetching', async () => {
    const { client } = await userClient('invalidate')
    const queryClient = newQueryClient()
    const webview = await client.connectWebviews.create({ custom_metadata: { plan: 'pro' } })
    await fake.complete(webview.connect_webview_id)
    const { result } = renderHook(
      () => useConnectedAccountMetadata({ connectWebviewId: webview.connect_webview_id }),
      { wrapper: wrapperFor(queryClient, client) },
    )
    await waitFor(() => expect(result.current.data).toEqual({ plan: 'pro' }))
    await act(() => queryClient.invalidateQueries())
    await waitFor(() => expect(queryClient.isFetching()).toBe(0))
    expect(result.current.data).toEqual({ plan: 'pro' })
    expect(result.current.isFetching).toBe(false)
    for (const query of queryClient.getQueryCache().findAll()) {
      expect(query.state.fetchStatus).toBe('idle')
    }
  })

  it('a definite error reading the webview is the hook’s error', async () => {
    const { client, userIdentifierKey } = await userClient('webview-error')
    const webview = await client.connectWebviews.create()
    await fake.fault({
      user_identifier_key: userIdentifierKey,
      route: '/connect_webviews/get',
      status: 403,
      error_type: 'forbidden',
    })
    const { result } = renderHook(
      () => useConnectedAccountMetadata({ connectWebviewId: webview.connect_webview_id }),
      { wrapper: wrapperFor(newQueryClient(), client) },
    )
    await waitFor(() => expect(result.current.error).toMatchObject({ status: 403 }))
    expect(result.current.isError).toBe(true)
    expect(result.current.data).toBeUndefined()
  })

  it('an authorized webview without an account breaks Seam’s contract', async () => {
    const { client, userIdentifierKey } = await userClient('no-account')
    const webview = await client.connectWebviews.create()
    await fake.fault({
      user_identifier_key: userIdentifierKey,
      route: '/connect_webviews/get',
      body: JSON.stringify({
        connect_webview: { ...webview, status: 'authorized', connected_account_id: null },
        ok: true,
      }),
    })
    const { result } = renderHook(
      () => useConnectedAccountMetadata({ connectWebviewId: webview.connect_webview_id }),
      { wrapper: wrapperFor(newQueryClient(), client) },
    )
    await waitFor(() => expect(result.current.error).toBeInstanceOf(SeamResponseParseError))
    expect(result.current.error?.message).toMatch(
      /authorized Connect Webview has no connected_account_id/,
    )
  })
})

describe('a webview just created', () => {
  it('is not read again when a view of it mounts at once: the create’s answer is fresh for one poll interval, and the poll then reads it', async () => {
    const { client, userIdentifierKey } = await userClient('fresh-after-create')
    const queryClient = newQueryClient()
    const wrapper = wrapperFor(queryClient, client)
    const create = renderHook(() => useCreateConnectWebview(), { wrapper })
    const webview = await act(() => create.result.current.mutateAsync({}))

    const view = renderHook(
      () => useConnectWebview(webview.connect_webview_id, { pollInterval: 300 }),
      { wrapper },
    )
    // Mounted with the create's answer, and no read started for it.
    expect(view.result.current.data?.status).toBe('pending')
    expect(view.result.current.isFetching).toBe(false)
    expect(await fake.requests(userIdentifierKey, '/connect_webviews/get')).toHaveLength(0)

    await fake.complete(webview.connect_webview_id)
    await waitFor(() => expect(view.result.current.data?.status).toBe('authorized'))
    expect(await fake.requests(userIdentifierKey, '/connect_webviews/get')).toHaveLength(1)
  })
})
