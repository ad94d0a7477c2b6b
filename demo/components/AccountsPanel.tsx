import { useId, useRef, useState } from 'react'
import { TRUSTED_KEY, useConnectedAccounts, type DemoAccount } from '../seam'
import { AccountMetadataEditor } from './AccountMetadataEditor'
import { MetadataTable } from './MetadataTable'

/** Small on purpose: a sixth connected account is enough to need "Load more". */
export const ACCOUNTS_PAGE_SIZE = 5

/**
 * The signed-in user's connected accounts, a page at a time, with `useConnectedAccounts`, and an
 * editor of each one's metadata. A completed Connect Webview refreshes the list by itself.
 */
export function AccountsPanel() {
  // No your_app_user_id filter here: whatever the page asked for, the server's handler adds the
  // signed-in user's id to the filter, and drops anything else from the reply. The page cannot
  // list another user's accounts, so it does not try to say whose it wants.
  const accounts = useConnectedAccounts({ limit: ACCOUNTS_PAGE_SIZE })
  const items = accounts.data?.items ?? []

  return (
    <section className="panel" aria-labelledby="accounts-heading">
      <h2 id="accounts-heading">Your accounts</h2>
      <p className="hint">
        Listed with <code>useConnectedAccounts</code> through your server, which shows you only
        accounts whose <code>{TRUSTED_KEY}</code> is yours; each one’s metadata is checked against
        the demo’s schema (demo/metadata.ts).
      </p>
      <p role="status" className="summary">
        {accounts.isPending
          ? 'Loading your accounts…'
          : accounts.data === undefined
            ? ''
            : items.length === 0
              ? 'No accounts yet: connect one above.'
              : `${items.length} ${items.length === 1 ? 'account' : 'accounts'} shown${
                  accounts.hasNextPage ? ', more to load' : ''
                }`}
      </p>
      {accounts.error && (
        <div role="alert" className="error">
          <p>Your accounts could not be listed: {accounts.error.message}</p>
          <button type="button" className="secondary" onClick={() => void accounts.refetch()}>
            Try again
          </button>
        </div>
      )}
      {items.length > 0 && (
        <ul className="accounts">
          {items.map((account) => (
            <li key={account.connected_account_id}>
              <AccountItem account={account} />
            </li>
          ))}
        </ul>
      )}
      {accounts.hasNextPage && (
        <div className="actions">
          <button
            type="button"
            className="secondary"
            disabled={accounts.isFetchingNextPage}
            onClick={() => void accounts.fetchNextPage()}
          >
            {accounts.isFetchingNextPage ? 'Loading more…' : 'Load more'}
          </button>
        </div>
      )}
    </section>
  )
}

function AccountItem({ account }: { account: DemoAccount }) {
  const [editing, setEditing] = useState(false)
  const [saved, setSaved] = useState(false)
  const editButton = useRef<HTMLButtonElement>(null)
  const headingId = useId()
  const name = account.display_name ?? account.connected_account_id
  const close = (wasSaved: boolean) => {
    setEditing(false)
    setSaved(wasSaved)
    // The form goes away with the focus in it: give the focus back to what opened it.
    requestAnimationFrame(() => editButton.current?.focus())
  }

  return (
    <article className="account" aria-labelledby={headingId}>
      <h3 id={headingId}>{name}</h3>
      <p className="hint">
        {account.account_type_display_name ?? account.account_type ?? 'Account'} ·{' '}
        <code>{account.connected_account_id}</code>
      </p>
      <MetadataTable metadata={account.custom_metadata} caption={`custom_metadata of ${name}`} />
      {editing ? (
        <AccountMetadataEditor
          account={account}
          name={name}
          onSaved={() => close(true)}
          onCancel={() => close(false)}
        />
      ) : (
        <div className="actions">
          <button
            type="button"
            className="secondary"
            ref={editButton}
            aria-label={`Edit metadata of ${name}`}
            onClick={() => {
              setSaved(false)
              setEditing(true)
            }}
          >
            Edit metadata
          </button>
        </div>
      )}
      <p role="status" className="hint">
        {saved ? 'Saved: Seam stored the new metadata.' : ''}
      </p>
    </article>
  )
}
