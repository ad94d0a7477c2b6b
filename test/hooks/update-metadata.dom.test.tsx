// useUpdateConnectedAccountMetadata through the app's server (the handler in front of the fake) and
// straight to Seam: Seam's replace semantics, the optimistic value in every cached read, its
// rollback on a failure the fake injects, and the trusted keys the server keeps.
import { act, renderHook, waitFor } from '@testing-library/react'
import { describe, expect, inject, it } from 'vitest'
import { z } from 'zod'
import { fakeControl, uniqueUser } from '../../fake/control-client'
import {
  createSeamConnectClient,
  createSeamConnectHooks,
  isSeamApiError,
  isSeamInvalidInputError,
  useConnectedAccountMetadata,
  useConnectedAccounts,
  useUpdateConnectedAccountMetadata,
  connectedAccountsQueryOptions,
  type SeamConnectClient,
} from '../../src/index'
import { providers } from '../support/render-with-providers'
import { handlerClient } from '../support/session-client'

const fake = fakeControl(inject('fakeUrl'))

/** What a page shows of one account: its metadata, two lists, and the update. */
function renderAccount(client: SeamConnectClient, connectedAccountId: string) {
  const { wrapper, queryClient } = providers(client)
  const view = renderHook(
    () => ({
      metadata: useConnectedAccountMetadata({ connectedAccountId }),
      all: useConnectedAccounts(),
      acme: useConnectedAccounts({ customMetadataHas: { tenant_id: 'acme' } }),
      update: useUpdateConnectedAccountMetadata(),
    }),
    { wrapper },
  )
  return { ...view, queryClient }
}

type Rendered = ReturnType<typeof renderAccount>['result']

/** The account's metadata in each place a page reads it. */
const shown = (result: Rendered, id: string) => ({
  byId: result.current.metadata.data,
  inList: result.current.all.data?.items.find((a) => a.connected_account_id === id)
    ?.custom_metadata,
  inAcmeList: result.current.acme.data?.items.some((a) => a.connected_account_id === id),
})

async function seededUser(label: string) {
  const user = handlerClient(label)
  const account = await fake.seedConnectedAccount({
    custom_metadata: { user_id: user.user, tenant_id: 'acme', plan: 'free' },
  })
  const view = renderAccount(user.client, account.connected_account_id)
  await waitFor(() =>
    expect(shown(view.result, account.connected_account_id)).toEqual({
      byId: { user_id: user.user, tenant_id: 'acme', plan: 'free' },
      inList: { user_id: user.user, tenant_id: 'acme', plan: 'free' },
      inAcmeList: true,
    }),
  )
  return { ...user, id: account.connected_account_id, view }
}

describe('useUpdateConnectedAccountMetadata through the app’s server', () => {
  it('shows the new metadata everywhere at once, replaces the whole object, and the server keeps its trusted key', async () => {
    const { id, user, scope, view, client } = await seededUser('update-ok')
    await fake.fault({ scope, route: '/connected_accounts/update', latency_ms: 1500 })

    let done!: Promise<unknown>
    act(() => {
      // plan is left out, so Seam removes it; user_id is forged, so the server puts it back.
      done = view.result.current.update.mutateAsync({
        connected_account_id: id,
        custom_metadata: { tenant_id: 'globex', user_id: 'mallory', note: '' },
      })
    })
    // Optimistic: while the update is on its way, every read shows what was sent (minus the
    // removed keys), and the account has left the list it no longer matches.
    await waitFor(() => expect(view.result.current.update.isPending).toBe(true))
    expect(shown(view.result, id)).toEqual({
      byId: { tenant_id: 'globex', user_id: 'mallory' },
      inList: { tenant_id: 'globex', user_id: 'mallory' },
      inAcmeList: false,
    })

    await act(() => done)
    // mutateAsync resolves once the reads are done: the cache already holds what Seam stored,
    // with the trusted key as the server set it (observers hear of it a tick later).
    const listed = view.queryClient.getQueryData(connectedAccountsQueryOptions(client).queryKey)
    expect(listed?.pages[0]?.items[0]?.custom_metadata).toEqual({
      tenant_id: 'globex',
      user_id: user,
    })
    await waitFor(() =>
      expect(shown(view.result, id)).toEqual({
        byId: { tenant_id: 'globex', user_id: user },
        inList: { tenant_id: 'globex', user_id: user },
        inAcmeList: false,
      }),
    )
    expect(await fake.scopedRequests(scope, '/connected_accounts/update')).toHaveLength(1)
  })

  it('null removes a key', async () => {
    const { id, user, view } = await seededUser('update-null')
    await act(() =>
      view.result.current.update.mutateAsync({
        connected_account_id: id,
        custom_metadata: { tenant_id: 'acme', plan: null },
      }),
    )
    await waitFor(() =>
      expect(shown(view.result, id)).toEqual({
        byId: { tenant_id: 'acme', user_id: user },
        inList: { tenant_id: 'acme', user_id: user },
        inAcmeList: true,
      }),
    )
  })

  it('a failure puts back what every read showed, and the update is sent once', async () => {
    const { id, user, scope, view } = await seededUser('update-rollback')
    await fake.fault({ scope, route: '/connected_accounts/update', latency_ms: 1500, status: 500 })

    let failed!: Promise<unknown>
    act(() => {
      failed = view.result.current.update
        .mutateAsync({ connected_account_id: id, custom_metadata: { tenant_id: 'globex' } })
        .catch((error: unknown) => error)
    })
    await waitFor(() => expect(shown(view.result, id).inAcmeList).toBe(false))
    expect(shown(view.result, id).byId).toEqual({ tenant_id: 'globex' })

    const error = await act(() => failed)
    expect(isSeamApiError(error) && error.status).toBe(500)
    await waitFor(() => expect(view.result.current.update.isError).toBe(true))
    expect(shown(view.result, id)).toEqual({
      byId: { user_id: user, tenant_id: 'acme', plan: 'free' },
      inList: { user_id: user, tenant_id: 'acme', plan: 'free' },
      inAcmeList: true,
    })
    expect(await fake.scopedRequests(scope, '/connected_accounts/update')).toHaveLength(1)
  })

  it.each([
    [
      'a key with "."',
      { connected_account_id: 'x', custom_metadata: { 'tenant.id': 'a' } },
      /tenant\.id/,
    ],
    ['a number value', { connected_account_id: 'x', custom_metadata: { seats: 3 } }, /seats/],
    ['no metadata', { connected_account_id: 'x' }, /custom_metadata/],
    ['an empty id', { connected_account_id: '', custom_metadata: {} }, /connected_account_id/],
    [
      'another param',
      { connected_account_id: 'x', custom_metadata: {}, display_name: 'n' },
      /display_name/,
    ],
  ])(
    'invalid input (%s): a SeamInvalidInputError, nothing sent, nothing shown',
    async (_, params, message) => {
      const { id, user, scope, view } = await seededUser('update-invalid')
      const before = (await fake.scopedRequests(scope)).length
      const error = await act(() =>
        view.result.current.update
          // @ts-expect-error each of these is refused by the types too
          .mutateAsync({ ...params, connected_account_id: params.connected_account_id && id })
          .catch((e: unknown) => e),
      )
      expect(isSeamInvalidInputError(error)).toBe(true)
      expect(String(error)).toMatch(message)
      expect(shown(view.result, id).byId).toEqual({
        user_id: user,
        tenant_id: 'acme',
        plan: 'free',
      })
      // Nothing reached Seam: no update, and no list or account read again either.
      expect(await fake.scopedRequests(scope)).toHaveLength(before)
    },
  )
})

describe('useUpdateConnectedAccountMetadata straight to Seam', () => {
  it('with a client session token, fails with a 401 that says an API key (the app’s server) is needed, and rolls back', async () => {
    const userIdentifierKey = uniqueUser('update-cst')
    const account = await fake.seedConnectedAccount({
      user_identifier_key: userIdentifierKey,
      custom_metadata: { tenant_id: 'acme' },
    })
    const client = createSeamConnectClient({
      endpoint: inject('fakeUrl'),
      clientSessionToken: await fake.mintClientSessionToken(userIdentifierKey),
      retry: { retries: 0 },
    })
    const view = renderAccount(client, account.connected_account_id)
    await waitFor(() => expect(view.result.current.metadata.data).toEqual({ tenant_id: 'acme' }))

    const error = await act(() =>
      view.result.current.update
        .mutateAsync({
          connected_account_id: account.connected_account_id,
          custom_metadata: { tenant_id: 'globex' },
        })
        .catch((e: unknown) => e),
    )
    expect(isSeamApiError(error) && error.status).toBe(401)
    expect(String(error)).toMatch(/only with an API key/)
    expect(String(error)).toMatch(/react-seam-connect\/server/)
    expect(view.result.current.metadata.data).toEqual({ tenant_id: 'acme' })
  })
})

describe('useUpdateConnectedAccountMetadata with the app’s schema and its server’s trusted keys', () => {
  it('an update that leaves the trusted key to the server keeps it in the optimistic value: the typed list never fails', async () => {
    const schema = z.object({ user_id: z.string(), tenant_id: z.string() })
    const seam = createSeamConnectHooks({ schema, trustedKeys: ['user_id'] })
    const { client, user, scope } = handlerClient('update-trusted')
    const account = await fake.seedConnectedAccount({
      custom_metadata: { user_id: user, tenant_id: 'acme' },
    })
    const id = account.connected_account_id
    const { wrapper } = providers(client)
    const errors: unknown[] = []
    const { result } = renderHook(
      () => {
        const list = seam.useConnectedAccounts()
        if (list.error) errors.push(list.error)
        return { list, update: seam.useUpdateConnectedAccountMetadata() }
      },
      { wrapper },
    )
    await waitFor(() => expect(result.current.list.data?.items).toHaveLength(1))
    await fake.fault({ scope, route: '/connected_accounts/update', latency_ms: 1000 })

    let done!: Promise<unknown>
    act(() => {
      done = result.current.update.mutateAsync({
        connected_account_id: id,
        custom_metadata: { tenant_id: 'globex' },
      })
    })
    await waitFor(() =>
      expect(result.current.list.data?.items[0]?.custom_metadata).toEqual({
        user_id: user,
        tenant_id: 'globex',
      }),
    )
    expect(result.current.update.isPending).toBe(true)
    await act(() => done)
    await waitFor(() =>
      expect(result.current.list.data?.items[0]?.custom_metadata).toEqual({
        user_id: user,
        tenant_id: 'globex',
      }),
    )
    expect(errors).toEqual([])
  })
})

describe('useUpdateConnectedAccountMetadata: a rollback puts back only what the update wrote', () => {
  it('a page loaded while the update was pending stays after the update fails', async () => {
    const { client, user, scope } = handlerClient('update-load-more')
    const ids: string[] = []
    for (let i = 0; i < 4; i++) {
      const account = await fake.seedConnectedAccount({
        custom_metadata: { user_id: user, tenant_id: 'acme' },
      })
      ids.push(account.connected_account_id)
    }
    const { result } = renderHook(
      () => ({
        list: useConnectedAccounts({ limit: 2 }),
        update: useUpdateConnectedAccountMetadata(),
      }),
      providers(client),
    )
    await waitFor(() => expect(result.current.list.data?.pages).toHaveLength(1))
    const first = result.current.list.data?.items[0]?.connected_account_id ?? ''
    await fake.fault({ scope, route: '/connected_accounts/update', latency_ms: 1000, status: 500 })

    let failed!: Promise<unknown>
    act(() => {
      failed = result.current.update
        .mutateAsync({ connected_account_id: first, custom_metadata: { tenant_id: 'globex' } })
        .catch((error: unknown) => error)
    })
    await waitFor(() => expect(result.current.update.isPending).toBe(true))
    // While the update is on its way, the user loads the next page.
    await act(() => result.current.list.fetchNextPage())
    await waitFor(() => expect(result.current.list.data?.pages).toHaveLength(2))

    expect(isSeamApiError(await act(() => failed))).toBe(true)
    await waitFor(() => expect(result.current.list.isFetching).toBe(false))
    expect(result.current.list.data?.pages).toHaveLength(2)
    expect(result.current.list.data?.items.map((a) => a.connected_account_id).sort()).toEqual(
      [...ids].sort(),
    )
    expect(result.current.list.data?.items[0]?.custom_metadata).toEqual({
      user_id: user,
      tenant_id: 'acme',
    })
  })
})
