// The baseline: what Seam's documentation suggests an app write by hand, an iframe of the
// webview's URL and polling of /connect_webviews/get until it is no longer pending, then a read of
// the account it names (docs/seam-api.md §5.3, https://docs.seam.co/latest/core-concepts/connect-webviews). React
// Query's `refetchInterval` does the polling; messages are not listened to. Plain fetch, with the
// headers Seam's SDKs send with a client session token (docs/seam-api.md §6).
import { useQuery } from '@tanstack/react-query'
import { useEffect } from 'react'
import type { ConnectWebview } from '../../../src/index'
import { now } from './config'
import { record } from './record'

interface Webview {
  status: string
  connected_account_id?: string | null
}

export function BaselineFlow({
  webview,
  endpoint,
  token,
  interval,
}: {
  webview: ConnectWebview
  endpoint: string
  token: string
  interval: number
}) {
  const seam = async <T,>(path: string, body: object, field: string): Promise<T> => {
    const response = await fetch(`${endpoint}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'client-session-token': token,
      },
      body: JSON.stringify(body),
    })
    if (!response.ok) throw new Error(`${path} answered ${response.status}`)
    return ((await response.json()) as Record<string, T>)[field] as T
  }
  const id = webview.connect_webview_id
  const status = useQuery({
    queryKey: ['baseline', 'webview', id],
    queryFn: () =>
      seam<Webview>('/connect_webviews/get', { connect_webview_id: id }, 'connect_webview'),
    refetchInterval: (query) =>
      !query.state.data || query.state.data.status === 'pending' ? interval : false,
  })
  const accountId =
    status.data?.status === 'authorized' ? (status.data.connected_account_id ?? null) : null
  const account = useQuery({
    queryKey: ['baseline', 'account', accountId],
    queryFn: () =>
      seam<object>(
        '/connected_accounts/get',
        { connected_account_id: accountId },
        'connected_account',
      ),
    enabled: accountId !== null,
  })
  useEffect(() => {
    if (account.data) record.completedAt ??= now()
  }, [account.data])
  return (
    <iframe
      src={webview.url}
      title="Connect your device account with Seam"
      style={{ border: 0, width: '100%', minHeight: 600 }}
      onLoad={() => record.loads++}
    />
  )
}
