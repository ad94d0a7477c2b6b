import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, waitFor } from 'storybook/test'
import { RedirectResult } from '../demo/components/RedirectResult'
import { WithRedirectLanding, type WithRedirectLandingProps } from './support/with-redirect-landing'

type Args = Omit<WithRedirectLandingProps, 'children'>

/**
 * The demo's full-page redirect result, `useConnectWebviewRedirectResult`, on the page Seam sends
 * the person back to: each story finishes a real webview on the fake and lands on the URL its
 * hosted page redirects to, then the hook verifies with the API and cleans the URL.
 */
const meta = {
  title: 'Redirect result',
  component: RedirectResult,
  args: {
    outcome: 'completed',
    create: { custom_metadata: { your_app_user_id: 'user_42', tenant_id: 'acme' } },
  },
  render: (args: Args) => (
    <WithRedirectLanding {...args}>
      <RedirectResult />
    </WithRedirectLanding>
  ),
} satisfies Meta<Args>

export default meta
type Story = StoryObj<Args>

const wait = { timeout: 15_000 }

/** Seam's parameters on this page's URL. */
const redirectParams = () =>
  ['connect_webview_id', 'error_code', 'error_message'].filter((name) =>
    new URL(window.location.href).searchParams.has(name),
  )

/** The webview finished, and reading the account keeps failing transiently: still checking. */
export const Verifying: Story = {
  args: { faults: [{ route: '/connected_accounts/get', status: 503, times: 1000 }] },
  play: async ({ canvas }) => {
    await canvas.findByText('Checking your connection…', {}, wait)
    // Kept until Seam has answered: a reload now would lose nothing.
    await expect(redirectParams()).toEqual(['connect_webview_id'])
    await expect(canvas.queryByRole('table')).toBeNull()
  },
}

/** Seam confirms the account: onComplete shows its metadata, once, and the URL is clean. */
export const Completed: Story = {
  play: async ({ canvas }) => {
    await canvas.findByText('Connected: Seam confirmed the account.', {}, wait)
    const tables = canvas.getAllByRole('table', {
      name: 'custom_metadata from the redirect’s onComplete',
    })
    await expect(tables).toHaveLength(1)
    await expect(tables[0]).toHaveTextContent('your_app_user_id"user_42"')
    await expect(tables[0]).toHaveTextContent('tenant_id"acme"')
    await waitFor(() => expect(redirectParams()).toEqual([]))
  },
}

/** The login failed: Seam confirms it, the page says why, and the URL is clean. */
export const Failed: Story = {
  args: { outcome: 'failed' },
  play: async ({ canvas }) => {
    await canvas.findByText('The connection did not complete.', {}, wait)
    await expect(canvas.getByRole('alert')).toHaveTextContent(
      'invalid_credentials (The username or password is incorrect.)',
    )
    await waitFor(() => expect(redirectParams()).toEqual([]))
  },
}
