// A completion through the frame refreshes the lists the app shows beside it: the account lists
// and the webview lists are invalidated (not seeded) once Seam confirms, so they show the new
// account and the webview's new status without the app refetching anything.
import { cleanup } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { page } from 'vitest/browser'
import { useConnectedAccounts, useConnectWebviews } from '../../src/index'
import { fake, mountFrame, signIn } from './frame-harness'

afterEach(cleanup)

function Lists() {
  const acme = useConnectedAccounts({ customMetadataHas: { tenant_id: 'acme' } })
  const globex = useConnectedAccounts({ customMetadataHas: { tenant_id: 'globex' } })
  const webviews = useConnectWebviews({ customMetadataHas: { tenant_id: 'acme' } })
  const show = (items: { custom_metadata: Record<string, unknown> }[] | undefined) =>
    items === undefined ? 'loading' : String(items.length)
  return (
    <ul>
      <li>acme accounts: {show(acme.data?.items)}</li>
      <li>globex accounts: {show(globex.data?.items)}</li>
      <li>acme webviews: {webviews.data?.items.map((w) => w.status).join(',') ?? 'loading'}</li>
    </ul>
  )
}

describe('lists after a completion through <ConnectWebviewFrame>', () => {
  it('the matching account list shows the new account, and the webview list its new status', async () => {
    const t = await mountFrame('lists', {
      create: { custom_metadata: { tenant_id: 'acme' } },
      props: { pollInterval: false },
      sessionToken: true,
      beside: () => <Lists />,
    })
    await expect.element(page.getByText('acme accounts: 0')).toBeVisible()
    await expect.element(page.getByText('globex accounts: 0')).toBeVisible()
    await expect.element(page.getByText('acme webviews: pending')).toBeVisible()

    await signIn(t.frame())
    await expect.poll(() => t.calls.complete.length).toBe(1)
    await expect.element(page.getByText('acme accounts: 1')).toBeVisible()
    await expect.element(page.getByText('acme webviews: authorized')).toBeVisible()
    await expect.element(page.getByText('globex accounts: 0')).toBeVisible()
    // Each account list was read once on mount and once after the completion. The globex list
    // shows 0 before and after, so its second read may still be on its way: the log is polled.
    const lists = () => fake.requests(t.userIdentifierKey, '/connected_accounts/list')
    await expect.poll(async () => (await lists()).length).toBe(4)
  })
})
