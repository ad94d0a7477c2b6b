import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, waitFor } from 'storybook/test'
import { ConnectStep } from '../demo/components/ConnectStep'
import { ConnectWebviewFrame } from '../src/index'
import { shownWebviewId, storyFake } from './support/story-fake'
import { WithWebview, type WithWebviewProps } from './support/with-webview'

type Args = Omit<WithWebviewProps, 'children'> & { pollInterval?: number | false }

/**
 * `<ConnectWebviewFrame>` showing a real webview on the fake Seam Connect. Every state is reached
 * by driving the fake (its page, its API, its control routes), never by forcing props.
 */
const meta = {
  title: 'ConnectWebviewFrame',
  component: ConnectWebviewFrame as never,
  render: ({ pollInterval, ...args }: Args) => (
    <WithWebview {...args}>
      {(webview) => <ConnectStep connectWebview={webview} pollInterval={pollInterval} />}
    </WithWebview>
  ),
} satisfies Meta<Args>

export default meta
type Story = StoryObj<Args>

const stateText = (
  canvas: { findByText: (text: string, o?: object, w?: object) => Promise<HTMLElement> },
  text: string,
) => canvas.findByText(text, {}, { timeout: 10_000 })

/** Seam's page has not loaded yet (the fake holds it back). */
export const Loading: Story = {
  args: { behaviour: { view_delay_ms: 60_000 } },
  play: async ({ canvas }) => {
    await stateText(canvas, 'Loading Seam’s page…')
    const iframe = canvas.getByTitle('Connect your device account with Seam')
    await expect(iframe).toHaveAttribute('data-state', 'loading')
    await expect(iframe).toHaveAttribute('aria-busy', 'true')
  },
}

/** The page is shown and waiting for the user to sign in. */
export const Ready: Story = {
  play: async ({ canvas }) => {
    await stateText(canvas, 'Sign in to your device account below.')
    await expect(canvas.getByTitle('Connect your device account with Seam')).toHaveAttribute(
      'data-state',
      'ready',
    )
  },
}

/** The user finished, and the account read keeps failing transiently: still verifying. */
export const Verifying: Story = {
  args: {
    faults: [{ route: '/connected_accounts/get', status: 503, times: 1000 }],
  },
  play: async ({ canvas }) => {
    await stateText(canvas, 'Sign in to your device account below.')
    await storyFake().complete(await shownWebviewId(canvas))
    await stateText(canvas, 'Checking the connection with Seam…')
  },
}

/** The page posts its success message; the API confirms; onComplete shows the metadata. */
export const Completed: Story = {
  args: { create: { custom_metadata: { your_app_user_id: 'user_42', tenant_id: 'acme' } } },
  play: async ({ canvas }) => {
    await stateText(canvas, 'Sign in to your device account below.')
    await storyFake().complete(await shownWebviewId(canvas))
    await stateText(canvas, 'Connected.')
    const table = await canvas.findByRole('table', { name: 'custom_metadata from onComplete' })
    await expect(table).toHaveTextContent('your_app_user_id"user_42"')
    await expect(table).toHaveTextContent('tenant_id"acme"')
  },
}

/** The login failed; the API confirms it; onError explains. */
export const Failed: Story = {
  play: async ({ canvas }) => {
    await stateText(canvas, 'Sign in to your device account below.')
    await storyFake().fail(await shownWebviewId(canvas), {
      error_code: 'invalid_credentials',
      error_message: 'The username or password is incorrect.',
    })
    await stateText(canvas, 'The connection did not complete.')
    await expect(await canvas.findByRole('alert')).toHaveTextContent('invalid_credentials')
  },
}

/** The page posts nothing: the frame's fallback polling finds the connection. */
export const CompletionByPolling: Story = {
  args: { behaviour: { post_message: false }, pollInterval: 1000 },
  play: async ({ canvas }) => {
    await stateText(canvas, 'Sign in to your device account below.')
    await storyFake().complete(await shownWebviewId(canvas))
    await stateText(canvas, 'Connected.')
  },
}

/** The page redirects to the app's custom_redirect_url, which the frame notices. */
export const Redirect: Story = {
  args: {
    // Next to iframe.html (Storybook's static dir), also when Storybook is served under a path.
    create: { custom_redirect_url: new URL('seam-connect-done.html', window.location.href).href },
    behaviour: { post_message: false },
    pollInterval: false,
  },
  play: async ({ canvas }) => {
    await stateText(canvas, 'Sign in to your device account below.')
    await storyFake().complete(await shownWebviewId(canvas))
    await stateText(canvas, 'Connected.')
    await waitFor(() =>
      expect(canvas.getByTitle('Connect your device account with Seam')).toHaveAttribute(
        'data-state',
        'completed',
      ),
    )
  },
}
