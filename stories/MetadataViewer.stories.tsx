import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect } from 'storybook/test'
import { MetadataReadBack } from '../demo/components/MetadataReadBack'
import { shownWebviewId, storyFake } from './support/story-fake'
import { WithWebview, type WithWebviewProps } from './support/with-webview'

type Args = Omit<WithWebviewProps, 'children'>

/**
 * `useConnectedAccountMetadata({ connectWebviewId })` follows Seam's steps 5 to 7: it waits
 * while the webview is pending, then reads the account it created.
 */
const meta = {
  title: 'Metadata viewer',
  component: MetadataReadBack as never,
  render: (args: Args) => (
    <WithWebview {...args}>
      {(webview) => (
        <>
          <p className="hint">
            Webview <code data-testid="webview-id">{webview.connect_webview_id}</code>
          </p>
          <MetadataReadBack connectWebviewId={webview.connect_webview_id} />
        </>
      )}
    </WithWebview>
  ),
} satisfies Meta<Args>

export default meta
type Story = StoryObj<Args>

const table = (canvas: {
  findByRole: (role: string, o: object, w: object) => Promise<HTMLElement>
}) =>
  canvas.findByRole(
    'table',
    { name: 'custom_metadata of the connected account' },
    { timeout: 10_000 },
  )

/** Pending, until the user connects: then the metadata given at creation. */
export const WaitsThenShowsMetadata: Story = {
  args: { create: { custom_metadata: { your_app_user_id: 'user_7', beta: true } } },
  play: async ({ canvas }) => {
    await canvas.findByText('Waiting for Seam to report the connection…', {}, { timeout: 10_000 })
    await storyFake().complete(await shownWebviewId(canvas))
    const shown = await table(canvas)
    await expect(shown).toHaveTextContent('your_app_user_id"user_7"')
    await expect(shown).toHaveTextContent('betatrue')
  },
}

/** A webview created without metadata gives the account `{}`. */
export const NoMetadata: Story = {
  play: async ({ canvas }) => {
    await storyFake().complete(await shownWebviewId(canvas))
    await expect(await table(canvas)).toHaveTextContent('empty ({})')
  },
}

/** The login failed: the hook's error says so. */
export const FailedWebview: Story = {
  play: async ({ canvas }) => {
    await storyFake().fail(await shownWebviewId(canvas))
    await expect(await canvas.findByRole('alert', {}, { timeout: 10_000 })).toHaveTextContent(
      /failed/,
    )
  },
}
