// useConnectedAccounts and useConnectWebviews against the fake over HTTP: Seam's cursor pages as
// an infinite query, filters checked before anything is sent, and the app's schema on what is read.
import { act, renderHook, waitFor } from '@testing-library/react'
import { describe, expect, inject, it } from 'vitest'
import { z } from 'zod'
import { fakeControl, uniqueUser } from '../../fake/control-client'
import {
  createSeamConnectClient,
  isSeamInvalidInputError,
  isSeamResponseParseError,
  useConnectedAccounts,
  useConnectWebviews,
  useCreateConnectWebview,
} from '../../src/index'
import { providers } from '../support/render-with-providers'
import { handlerClient } from '../support/session-client'

const endpoint = inject('fakeUrl')
const fake = fakeControl(endpoint)

/** A client session of its own on the fake, straight to Seam (as with a client session token). */
async function sessionUser(label: string) {
  const userIdentifierKey = uniqueUser(label)
  const clientSessionToken = await fake.mintClientSessionToken(userIdentifierKey)
  const client = createSeamConnectClient({ endpoint, clientSessionToken, retry: { retries: 0 } })
  return { client, userIdentifierKey }
}

const ids = (items: { connected_account_id: string }[] | undefined) =>
  (items ?? []).map((account) => account.connected_account_id).sort()

describe('useConnectedAccounts', () => {
  it('pages through Seam’s cursors: one request per page, every item once, then no next page', async () => {
    const { client, userIdentifierKey } = await sessionUser('list-pages')
    const seeded = []
    for (let i = 0; i < 5; i++) {
      seeded.push(await fake.seedConnectedAccount({ user_identifier_key: userIdentifierKey }))
    }
    const { result } = renderHook(() => useConnectedAccounts({ limit: 2 }), providers(client))

    await waitFor(() => expect(result.current.data?.pages).toHaveLength(1))
    expect(result.current.data?.items).toHaveLength(2)
    expect(result.current.hasNextPage).toBe(true)
    while (result.current.hasNextPage) {
      await act(() => result.current.fetchNextPage())
    }
    expect(result.current.data?.pages.map((page) => page.items.length)).toEqual([2, 2, 1])
    expect(ids(result.current.data?.items)).toEqual(ids(seeded))
    const requests = await fake.requests(userIdentifierKey, '/connected_accounts/list')
    expect(requests).toHaveLength(3)
  })

  it('customMetadataHas: every pair must match, and null matches an unset key', async () => {
    const { client, userIdentifierKey } = await sessionUser('list-filter')
    const seed = (custom_metadata: Record<string, string | boolean>) =>
      fake.seedConnectedAccount({ user_identifier_key: userIdentifierKey, custom_metadata })
    const acmeFree = await seed({ tenant_id: 'acme', plan: 'free' })
    const acmeNoPlan = await seed({ tenant_id: 'acme' })
    await seed({ tenant_id: 'globex', plan: 'free' })

    const both = renderHook(
      () => useConnectedAccounts({ customMetadataHas: { tenant_id: 'acme', plan: 'free' } }),
      providers(client),
    )
    const unset = renderHook(
      () => useConnectedAccounts({ customMetadataHas: { tenant_id: 'acme', plan: null } }),
      providers(client),
    )
    await waitFor(() => expect(ids(both.result.current.data?.items)).toEqual(ids([acmeFree])))
    await waitFor(() => expect(ids(unset.result.current.data?.items)).toEqual(ids([acmeNoPlan])))
    expect(both.result.current.hasNextPage).toBe(false)
  })

  it.each([
    ['a number to match', { customMetadataHas: { count: 1 } }, /customMetadataHas/],
    [
      'a Map as the filter',
      { customMetadataHas: new Map([['tenant_id', 'acme']]) },
      /customMetadataHas/,
    ],
    [
      'Seam’s snake_case name',
      { custom_metadata_has: { tenant_id: 'acme' } },
      /custom_metadata_has/,
    ],
    ['a limit of 0', { limit: 0 }, /limit must be a positive integer/],
    ['a page cursor (the query owns it)', { page_cursor: 'abc' }, /page_cursor/],
  ])(
    'an invalid filter (%s) is a SeamInvalidInputError, and no request goes out',
    async (_, filters, message) => {
      const { client, userIdentifierKey } = await sessionUser('list-invalid')
      const { result } = renderHook(
        // @ts-expect-error each of these is refused by the types too
        () => useConnectedAccounts(filters),
        providers(client),
      )
      await waitFor(() => expect(result.current.isError).toBe(true))
      expect(isSeamInvalidInputError(result.current.error)).toBe(true)
      expect(result.current.error?.message).toMatch(message)
      expect(await fake.requests(userIdentifierKey, '/connected_accounts/list')).toEqual([])
    },
  )

  it('with a schema, each account’s metadata is validated; a mismatch is a SeamResponseParseError', async () => {
    const { client, userIdentifierKey } = await sessionUser('list-schema')
    await fake.seedConnectedAccount({
      user_identifier_key: userIdentifierKey,
      custom_metadata: { tenant_id: 'acme', seats: '3' },
    })
    const schema = z.object({ tenant_id: z.string(), seats: z.string().transform(Number) })
    const typed = renderHook(() => useConnectedAccounts({}, { schema }), providers(client))
    await waitFor(() =>
      expect(typed.result.current.data?.items[0]?.custom_metadata).toEqual({
        tenant_id: 'acme',
        seats: 3,
      }),
    )

    const strict = z.object({ tenant_id: z.literal('globex') })
    const mismatch = renderHook(
      () => useConnectedAccounts({}, { schema: strict }),
      providers(client),
    )
    await waitFor(() => expect(mismatch.result.current.isError).toBe(true))
    expect(isSeamResponseParseError(mismatch.result.current.error)).toBe(true)
  })

  it('through the app’s server, a user lists only their own accounts, even when filtering on another’s id', async () => {
    const alice = handlerClient('list-alice')
    const bob = handlerClient('list-bob')
    const mine = await fake.seedConnectedAccount({ custom_metadata: { user_id: alice.user } })
    await fake.seedConnectedAccount({ custom_metadata: { user_id: bob.user } })

    const own = renderHook(() => useConnectedAccounts(), providers(alice.client))
    await waitFor(() => expect(ids(own.result.current.data?.items)).toEqual(ids([mine])))
    const forged = renderHook(
      () => useConnectedAccounts({ customMetadataHas: { user_id: bob.user } }),
      providers(alice.client),
    )
    await waitFor(() => expect(forged.result.current.isSuccess).toBe(true))
    expect(forged.result.current.data?.items).toEqual([])
  })
})

describe('useConnectWebviews', () => {
  it('lists the webviews a filter matches, and a create through the hook refreshes the list', async () => {
    const { client, userIdentifierKey } = await sessionUser('webview-list')
    const { wrapper } = providers(client)
    const { result } = renderHook(
      () => ({
        list: useConnectWebviews({ customMetadataHas: { tenant_id: 'acme' } }),
        create: useCreateConnectWebview(),
      }),
      { wrapper },
    )
    await waitFor(() => expect(result.current.list.isSuccess).toBe(true))
    expect(result.current.list.data?.items).toEqual([])

    const created = await act(() =>
      result.current.create.mutateAsync({ custom_metadata: { tenant_id: 'acme' } }),
    )
    await act(() => result.current.create.mutateAsync({ custom_metadata: { tenant_id: 'globex' } }))
    await waitFor(() =>
      expect(result.current.list.data?.items.map((w) => w.connect_webview_id)).toEqual([
        created.connect_webview_id,
      ]),
    )
    expect(
      (await fake.requests(userIdentifierKey, '/connect_webviews/list')).length,
    ).toBeGreaterThan(1)
  })
})
