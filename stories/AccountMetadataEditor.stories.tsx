import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor } from 'storybook/test'
import { AccountMetadataEditor, ThroughStoryBackend } from './support/account-metadata-editor'
import { STORY_TRUSTED_KEY } from './support/story-backend'
import { storyFake } from './support/story-fake'
import { WithAccounts, type WithAccountsProps } from './support/with-accounts'

type Args = Pick<WithAccountsProps, 'backendFaults'>

/**
 * `useUpdateConnectedAccountMetadata` on an account the story's user connected earlier: the
 * change shows at once (optimistically), and is put back if Seam refuses it. Seam takes this write
 * only with an API key, so the editor goes through the app's server: createSeamConnectHandler in
 * the dev server, a stand-in for it in a static build (stories/support/story-backend.ts), which
 * stamps the user's `your_app_user_id` on the account. Slow and failing replies are scripted on
 * the fake, for the server's requests.
 */
const meta = {
  title: 'Account metadata editor',
  component: AccountMetadataEditor as never,
  render: (args: Args) => (
    <WithAccounts
      {...args}
      seed={(user) => [
        { username: 'Front door', custom_metadata: { [STORY_TRUSTED_KEY]: user, plan: 'free' } },
      ]}
    >
      {({ accountIds: [accountId] }) => (
        <ThroughStoryBackend>
          <AccountMetadataEditor connectedAccountId={accountId ?? ''} />
        </ThroughStoryBackend>
      )}
    </WithAccounts>
  ),
} satisfies Meta<Args>

export default meta
type Story = StoryObj<Args>
type Canvas = Parameters<NonNullable<Story['play']>>[0]['canvas']

/** The account's metadata as the editor shows it, once read through the app's server. */
const metadataTable = (canvas: Canvas) =>
  canvas.findByRole(
    'table',
    { name: 'custom_metadata of the connected account' },
    { timeout: 10_000 },
  )

/** The story's user: the fake scope of its server's requests. */
const storyUser = (canvas: Canvas) => canvas.getByTestId('story-user').textContent ?? ''

/** Sets `key` to `value` in the form, without saving. */
async function edit(canvas: Canvas, key: string, value: string) {
  const keyInput = canvas.getByLabelText('Key')
  await userEvent.clear(keyInput)
  await userEvent.type(keyInput, key)
  await userEvent.type(canvas.getByLabelText('Value'), value)
}

const updates = (user: string) => storyFake().scopedRequests(user, '/connected_accounts/update')

/** The account as stored, and a change being typed: nothing is sent until Save. */
export const Editing: Story = {
  play: async ({ canvas }) => {
    const table = await metadataTable(canvas)
    const user = storyUser(canvas)
    await expect(table).toHaveTextContent('plan"free"')
    await expect(table).toHaveTextContent(`${STORY_TRUSTED_KEY}"${user}"`)
    await edit(canvas, 'plan', 'pro')
    await expect(canvas.getByLabelText('Value')).toHaveValue('pro')
    await expect(canvas.getByRole('button', { name: 'Save' })).toBeEnabled()
    await expect(canvas.getByRole('status')).toHaveTextContent('Not changed yet.')
    await expect(table).toHaveTextContent('plan"free"')
    await expect(await updates(user)).toHaveLength(0)
  },
}

/** Seam is slow to answer: the new value shows at once, the form waits. */
export const Saving: Story = {
  args: { backendFaults: [{ route: '/connected_accounts/update', latency_ms: 60_000 }] },
  play: async ({ canvas }) => {
    const table = await metadataTable(canvas)
    const user = storyUser(canvas)
    await edit(canvas, 'plan', 'pro')
    await userEvent.click(canvas.getByRole('button', { name: 'Save' }))
    await expect(await canvas.findByText('Saving…')).toBeVisible()
    await expect(canvas.getByRole('button', { name: 'Save' })).toBeDisabled()
    await expect(table).toHaveTextContent('plan"pro"')
    await expect(table).toHaveAttribute('aria-busy', 'true')
    // The held fault has been taken: the server's write is at the fake, waiting for Seam.
    await waitFor(async () => expect(await storyFake().pendingFaults({ scope: user })).toBe(0), {
      timeout: 10_000,
    })
    await expect(canvas.getByRole('status')).toHaveTextContent('Saving…')
  },
}

/** Saved: the value is Seam's, read again after the write; one write went out. */
export const Saved: Story = {
  play: async ({ canvas }) => {
    const table = await metadataTable(canvas)
    const user = storyUser(canvas)
    await edit(canvas, 'plan', 'pro')
    await userEvent.click(canvas.getByRole('button', { name: 'Save' }))
    await expect(await canvas.findByText('Saved.', {}, { timeout: 10_000 })).toBeVisible()
    await expect(table).toHaveTextContent('plan"pro"')
    await expect(table).toHaveTextContent(`${STORY_TRUSTED_KEY}"${user}"`)
    const writes = await updates(user)
    await expect(writes.map(({ status, auth }) => [status, auth])).toEqual([[200, 'api_key']])
  },
}

/** Seam refuses the write (after a moment): the new value shows, then goes back, with the error. */
export const Failed: Story = {
  args: {
    backendFaults: [
      {
        route: '/connected_accounts/update',
        status: 500,
        message: 'Seam could not save the metadata.',
        latency_ms: 1500,
      },
    ],
  },
  play: async ({ canvas }) => {
    const table = await metadataTable(canvas)
    await edit(canvas, 'plan', 'pro')
    await userEvent.click(canvas.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(table).toHaveTextContent('plan"pro"'))
    const alert = await canvas.findByRole('alert', {}, { timeout: 10_000 })
    await expect(alert).toHaveTextContent('Seam could not save the metadata.')
    await expect(alert).toHaveTextContent('HTTP 500')
    await waitFor(() => expect(table).toHaveTextContent('plan"free"'))
    await expect(table).not.toHaveTextContent('plan"pro"')
    await expect(canvas.getByRole('status')).toHaveTextContent('Not saved.')
  },
}

/** A "." in a key: the hook refuses it before anything is sent, and the cache is left alone. */
export const InvalidInput: Story = {
  play: async ({ canvas }) => {
    const table = await metadataTable(canvas)
    const user = storyUser(canvas)
    const before = (await storyFake().scopedRequests(user)).length
    await edit(canvas, 'user.id', 'u_1')
    await userEvent.click(canvas.getByRole('button', { name: 'Save' }))
    const alert = await canvas.findByRole('alert')
    await expect(alert).toHaveTextContent('custom_metadata key "user.id" must not contain "."')
    await expect(alert).toHaveTextContent(/^Invalid input to useUpdateConnectedAccountMetadata/)
    await expect(table).toHaveTextContent('plan"free"')
    await expect(table).not.toHaveTextContent('user.id')
    await expect(await storyFake().scopedRequests(user)).toHaveLength(before)
  },
}
