import { useConnectedAccounts, type ListFilters } from '../../src/index'

export interface AccountListProps {
  /** `useConnectedAccounts`' filters, e.g. `{ customMetadataHas: { tenant_id: 'acme' }, limit: 3 }`. */
  filters?: ListFilters
}

/**
 * The story's own connected-accounts list (the demo's is changed apart from the stories): one
 * `useConnectedAccounts` page after another, with a "Load more" button while Seam says there is
 * a next page.
 */
export function AccountList({ filters }: AccountListProps) {
  const list = useConnectedAccounts(filters)
  if (list.data === undefined) {
    if (list.isError) {
      return (
        <p role="alert" className="error">
          The connected accounts could not be listed: {list.error.message}
        </p>
      )
    }
    return (
      <p role="status" aria-busy="true">
        Loading connected accounts…
      </p>
    )
  }
  const { items } = list.data
  return (
    <section aria-label="Connected accounts" className="panel">
      {items.length === 0 ? (
        <p>No connected accounts yet.</p>
      ) : (
        <ul aria-label="Connected accounts">
          {items.map((account) => (
            <li key={account.connected_account_id}>
              {account.display_name ?? account.connected_account_id}
              {account.account_type_display_name && ` (${account.account_type_display_name})`}{' '}
              <code>{JSON.stringify(account.custom_metadata)}</code>
            </li>
          ))}
        </ul>
      )}
      <p role="status">
        {items.length === 1 ? '1 account' : `${items.length} accounts`}
        {list.hasNextPage ? ', more to load' : ''}
        {list.isFetchingNextPage ? ': loading more…' : ''}
      </p>
      {list.hasNextPage && (
        <button
          type="button"
          onClick={() => void list.fetchNextPage()}
          disabled={list.isFetchingNextPage}
        >
          Load more
        </button>
      )}
      {list.isFetchNextPageError && (
        <p role="alert" className="error">
          The next page could not be loaded: {list.error?.message}
        </p>
      )}
    </section>
  )
}
