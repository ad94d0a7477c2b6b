// Stands in for your database: which user each connected account belongs to, as your backend
// learned it from Seam's signed webhooks. In SQL, a table with a unique key on event_id:
//   insert into seam_connections (event_id, user_id, connected_account_id, connect_webview_id)
//   values ($1, $2, $3, $4) on conflict (event_id) do nothing
export interface SeamConnection {
  eventId: string
  userId: string
  connectedAccountId: string
  connectWebviewId: string | null
}

const byEventId = new Map<string, SeamConnection>()

/** Records the link once per event: a redelivery of the same event changes nothing. */
export async function linkConnectedAccount(connection: SeamConnection): Promise<void> {
  if (!byEventId.has(connection.eventId)) byEventId.set(connection.eventId, connection)
}

/** The accounts a user connected (one entry per connection, a reconnect included). */
export async function connectionsOf(userId: string): Promise<SeamConnection[]> {
  return [...byEventId.values()].filter((connection) => connection.userId === userId)
}
