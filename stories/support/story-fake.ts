import { fakeControl } from '../../fake/control-client.js'
import { storyEndpoint } from './story-endpoint'

/**
 * The fake's control routes, for play functions: they stand in for the person signing in, since
 * storybook/test cannot reach into the webview's cross-origin iframe (under `npm run storybook`;
 * in a static build the page is same-origin, but the stories stay the same in both).
 */
export function storyFake() {
  const configured = storyEndpoint()
  if (!configured || configured instanceof Error) {
    throw configured ?? new Error('No Seam endpoint: the preview’s beforeAll has not run')
  }
  return fakeControl(configured.endpoint)
}

/** The id of the webview a story shows (rendered by ConnectStep and WebviewFor). */
export async function shownWebviewId(canvas: {
  findByTestId(id: string, options?: object, wait?: { timeout: number }): Promise<HTMLElement>
}) {
  const element = await canvas.findByTestId('webview-id', {}, { timeout: 10_000 })
  return element.textContent ?? ''
}
