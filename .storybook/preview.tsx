import type { Preview } from '@storybook/react-vite'
import '../demo/demo.css'
import { SeamStoryProvider, type FakeMode } from '../stories/support/seam-story-provider'
import { prepareStoryEndpoint } from '../stories/support/story-endpoint'

const preview: Preview = {
  // Before the first story: in a static build (no fake server), the fake starts in this page
  // behind MSW's service worker (stories/support/static-fake.ts); otherwise nothing happens.
  beforeAll: prepareStoryEndpoint,
  tags: ['autodocs'],
  parameters: {
    layout: 'padded',
    // Every story is checked with axe; a violation fails it (in Storybook and in `npm test`).
    a11y: { test: 'error' },
  },
  globalTypes: {
    fake: {
      description: 'What the fake Seam Connect does for this story’s session',
      toolbar: {
        title: 'Fake',
        icon: 'lightning',
        items: [
          { value: 'healthy', title: 'Healthy' },
          { value: 'slow', title: 'Slow API (1.5 s)' },
          { value: 'failing', title: 'Failing API (503)' },
          { value: 'silent', title: 'Messages suppressed' },
          { value: 'legacy', title: 'Legacy event names' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { fake: 'healthy' },
  decorators: [
    (Story, context) => (
      <SeamStoryProvider
        // A new session per story and per fake mode, so a mode never leaks into another story.
        key={`${context.id}:${String(context.globals.fake)}`}
        mode={(context.globals.fake as FakeMode | undefined) ?? 'healthy'}
      >
        <Story />
      </SeamStoryProvider>
    ),
  ],
}

export default preview
