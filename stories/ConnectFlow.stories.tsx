import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, within } from 'storybook/test'
import { ConnectFlow } from '../demo/components/ConnectFlow'
import { shownWebviewId, storyFake } from './support/story-fake'

/**
 * The demo's whole flow: edit custom_metadata, create the webview, sign in (here through the
 * fake's control route), see the account's metadata from onComplete and read back by webview,
 * then reconnect the same account with new metadata, which replaces the old.
 */
const meta = { title: 'Full flow', component: ConnectFlow } satisfies Meta<typeof ConnectFlow>

export default meta
type Story = StoryObj<typeof meta>

const wait = { timeout: 15_000 }

export const CreateConnectReadBackReconnect: Story = {
  play: async ({ canvas, step }) => {
    const fake = storyFake()
    let accountId = ''
    await step('create and connect', async () => {
      await userEvent.click(
        await canvas.findByRole('button', { name: 'Create Connect Webview' }, wait),
      )
      const { connected_account } = await fake.complete(await shownWebviewId(canvas))
      accountId = connected_account.connected_account_id
      await canvas.findByText('Connected.', {}, wait)
      const readBack = await canvas.findByRole(
        'table',
        { name: 'custom_metadata of the connected account' },
        wait,
      )
      await expect(readBack).toHaveTextContent('tenant_id"acme"')
    })
    await step('reconnect with new metadata', async () => {
      await userEvent.click(canvas.getByRole('button', { name: 'Reconnect with new metadata' }))
      await userEvent.click(canvas.getByRole('button', { name: 'Create a reconnect webview' }))
      await fake.complete(await shownWebviewId(canvas), { connected_account_id: accountId })
      const readBack = await canvas.findByRole(
        'table',
        { name: 'custom_metadata of the connected account' },
        wait,
      )
      await expect(readBack).toHaveTextContent('plan"pro"')
      await expect(readBack).not.toHaveTextContent('tenant_id')
      const before = within(canvas.getByRole('region', { name: 'Before the reconnect' }))
      await expect(before.getByRole('table')).toHaveTextContent('tenant_id"acme"')
    })
  },
}
