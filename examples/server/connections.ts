// Stands in for your database: who owns each connected account, as your backend learned it from
// Seam's signed webhooks. Keyed on the account, and only ever moved forward in time: Seam retries
// until a 2xx and does not promise an order, so the same event can come again, or after a newer
// one. In SQL:
//   insert into seam_accounts (connected_account_id, user_id, connect_webview_id, occurred_at)
//   values ($1, $2, $3, $4)
//   on conflict (connected_account_id) do update
//     set user_id = excluded.user_id, connect_webview_id = excluded.connect_webview_id,
//         occurred_at = excluded.occurred_at
//     where seam_accounts.occurred_at < excluded.occurred_at
export interface SeamAccountLink {
  connectedAccountId: string
  userId: string
  connectWebviewId: string | null
  /** The event's `occurred_at` (ISO 8601). */
  occurredAt: string
}

const byAccount = new Map<string, SeamAccountLink>()

/** Idempotent: the same event again, or an older one, changes nothing. */
export async function linkConnectedAccount(link: SeamAccountLink): Promise<void> {
  const current = byAccount.get(link.connectedAccountId)
  if (current && Date.parse(current.occurredAt) >= Date.parse(link.occurredAt)) return
  byAccount.set(link.connectedAccountId, link)
}

/** The accounts a user owns now (a reconnect by someone else moves an account to them). */
export async function accountsOf(userId: string): Promise<SeamAccountLink[]> {
  return [...byAccount.values()].filter((link) => link.userId === userId)
}
