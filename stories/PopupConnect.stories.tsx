import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent } from 'storybook/test'
import { PopupConnect } from '../demo/components/PopupConnect'
import { newRow } from '../demo/components/metadata-rows'
import { shownWebviewId, storyFake } from './support/story-fake'

/**
 * The demo's popup mode, `useConnectWebviewPopup`: the button opens a real window on the fake's
 * hosted page (the play functions click it; the browser the tests run lets a window open without
 * a person's click), and the fake's control routes stand in for the person signing in there.
 */
const meta = {
  title: 'Popup',
  component: PopupConnect,
  args: { initialRows: [newRow('tenant_id', 'acme'), newRow('plan', 'free')] },
} satisfies Meta<typeof PopupConnect>

export default meta
type Story = StoryObj<typeof meta>

type Canvas = Parameters<NonNullable<Story['play']>>[0]['canvas']

const wait = { timeout: 15_000 }

/** Opens the popup, and resolves with its webview's id once the popup shows the webview. */
async function openPopup(canvas: Canvas): Promise<string> {
  await userEvent.click(
    await canvas.findByRole('button', { name: 'Open the Connect Webview in a popup' }, wait),
  )
  await canvas.findByText('Sign in to your device account in the popup window.', {}, wait)
  return shownWebviewId(canvas)
}

/** The webview is open in the popup; the page waits for the person to sign in there. */
export const WaitingForThePopup: Story = {
  play: async ({ canvas }) => {
    await expect(await openPopup(canvas)).toMatch(/^\S+$/)
    await expect(
      canvas.getByText('Sign in to your device account in the popup window.'),
    ).toHaveAttribute('data-state', 'pending')
    await expect(canvas.queryByRole('alert')).toBeNull()
  },
}

/** The person signed in: Seam's API confirms, and the account's metadata is shown. */
export const Completed: Story = {
  play: async ({ canvas }) => {
    await storyFake().complete(await openPopup(canvas))
    await canvas.findByText('Connected.', {}, wait)
    const table = await canvas.findByRole('table', { name: 'custom_metadata from onComplete' })
    await expect(table).toHaveTextContent('tenant_id"acme"')
    await expect(table).toHaveTextContent('plan"free"')
  },
}

/**
 * The login failed: Seam's API confirms it, and the page says so. The error code comes only with
 * the hosted page's message, which the static build's popup cannot send (its page's own requests
 * reach no fake: MSW's worker serves the page that started it, not a window it opened), so only
 * what the API says is checked here.
 */
export const Failed: Story = {
  play: async ({ canvas }) => {
    const id = await openPopup(canvas)
    await storyFake().fail(id, {
      error_code: 'invalid_credentials',
      error_message: 'The username or password is incorrect.',
    })
    await canvas.findByText('The connection did not complete.', {}, wait)
    await expect(await canvas.findByRole('alert')).toHaveTextContent(`Connect Webview ${id} failed`)
  },
}
