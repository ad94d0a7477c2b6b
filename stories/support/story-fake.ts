import { fakeControl } from '../../fake/control-client.js'

/**
 * The fake's control routes, for play functions: they stand in for the person signing in, since
 * storybook/test cannot reach into the webview's cross-origin iframe.
 */
export const storyFake = () => fakeControl(import.meta.env.VITE_SEAM_ENDPOINT as string)

/** The id of the webview a story shows (rendered by ConnectStep and WebviewFor). */
export async function shownWebviewId(canvas: {
  findByTestId(id: string, options?: object, wait?: { timeout: number }): Promise<HTMLElement>
}) {
  const element = await canvas.findByTestId('webview-id', {}, { timeout: 10_000 })
  return element.textContent ?? ''
}
