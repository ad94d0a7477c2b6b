import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import type { ListFilters } from '../src/index'
import { AccountList } from './support/account-list'
import { storyFake } from './support/story-fake'
import { WithAccounts, type WithAccountsProps } from './support/with-accounts'

type Args = Omit<WithAccountsProps, 'children' | 'backendFaults'> & { filters?: ListFilters }

/**
 * `useConnectedAccounts` behind a small list (stories/support/account-list.tsx), on the story's
 * own client session: Seam's cursor pages one at a time, "Load more" while there is a next page.
 * Every state comes from the fake: seeded accounts, a held reply, a failing route.
 */
const meta = {
  title: 'Connected accounts list',
  component: AccountList as never,
  render: ({ filters, ...args }: Args) => (
    <WithAccounts {...args}>{() => <AccountList filters={filters} />}</WithAccounts>
  ),
} satisfies Meta<Args>

export default meta
type Story = StoryObj<Args>
type Canvas = Parameters<NonNullable<Story['play']>>[0]['canvas']

const DOORS = ['Front door', 'Back door', 'Garage', 'Office', 'Gym', 'Pool gate', 'Storage room']

/** The story's user, once its accounts are seeded and its faults scripted. */
const storyUser = async (canvas: Canvas) =>
  (await canvas.findByTestId('story-user', {}, { timeout: 10_000 })).textContent ?? ''

const listed = (canvas: Canvas) =>
  canvas.findByRole('list', { name: 'Connected accounts' }, { timeout: 10_000 })

/** The session has no connected account. */
export const Empty: Story = {
  play: async ({ canvas }) => {
    await expect(
      await canvas.findByText('No connected accounts yet.', {}, { timeout: 10_000 }),
    ).toBeVisible()
    await expect(canvas.getByRole('status')).toHaveTextContent('0 accounts')
    await expect(canvas.queryByRole('button', { name: 'Load more' })).toBeNull()
  },
}

/** Seam has not answered yet: the fake holds the list's reply for a minute. */
export const Loading: Story = {
  args: {
    seed: [{ username: 'Front door' }],
    faults: [{ route: '/connected_accounts/list', latency_ms: 60_000 }],
  },
  play: async ({ canvas }) => {
    const user = await storyUser(canvas)
    await expect(await canvas.findByRole('status', {}, { timeout: 10_000 })).toHaveTextContent(
      'Loading connected accounts…',
    )
    // The held fault has been taken: the list request is at the fake, waiting.
    await waitFor(async () => expect(await storyFake().pendingFaults(user)).toBe(0), {
      timeout: 10_000,
    })
    await expect(canvas.getByRole('status')).toHaveTextContent('Loading connected accounts…')
    await expect(canvas.queryByRole('list')).toBeNull()
  },
}

/** Seven accounts, three a page: "Load more" twice, then every account and no button. */
export const SeveralPages: Story = {
  args: {
    seed: DOORS.map((username) => ({ username, custom_metadata: { site: 'hq' } })),
    filters: { customMetadataHas: { site: 'hq' }, limit: 3 },
  },
  play: async ({ canvas }) => {
    const user = await storyUser(canvas)
    const list = await listed(canvas)
    const items = () => within(list).getAllByRole('listitem')
    await expect(items()).toHaveLength(3)
    await expect(canvas.getByRole('status')).toHaveTextContent('3 accounts, more to load')

    await userEvent.click(canvas.getByRole('button', { name: 'Load more' }))
    await waitFor(() => expect(items()).toHaveLength(6))
    await expect(canvas.getByRole('status')).toHaveTextContent('6 accounts, more to load')

    await userEvent.click(canvas.getByRole('button', { name: 'Load more' }))
    await waitFor(() => expect(items()).toHaveLength(7))
    await expect(canvas.getByRole('status')).toHaveTextContent(/^7 accounts$/)
    await expect(canvas.queryByRole('button', { name: 'Load more' })).toBeNull()
    for (const door of DOORS) {
      await expect(within(list).getByText(new RegExp(`^${door} \\(August\\)`))).toBeVisible()
    }
    // One request per page, no more.
    await expect(await storyFake().requests(user, '/connected_accounts/list')).toHaveLength(3)
  },
}

/** Seam keeps failing the list (retried, as the client retries 5xx): the error is shown. */
export const ListError: Story = {
  name: 'Error',
  args: {
    seed: [{ username: 'Front door' }],
    faults: [
      {
        route: '/connected_accounts/list',
        status: 503,
        message: 'Seam is briefly unavailable.',
        for_ms: 60_000,
      },
    ],
  },
  play: async ({ canvas }) => {
    const alert = await canvas.findByRole('alert', {}, { timeout: 15_000 })
    await expect(alert).toHaveTextContent('The connected accounts could not be listed')
    await expect(alert).toHaveTextContent('Seam is briefly unavailable.')
    await expect(alert).toHaveTextContent('HTTP 503')
    await expect(canvas.queryByRole('list')).toBeNull()
  },
}
