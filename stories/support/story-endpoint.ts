import { STORY_BACKEND_PATH } from './story-backend'

/** Where the stories reach Seam Connect, and with which publishable key. */
export interface StoryEndpoint {
  endpoint: string
  publishableKey: string
  /**
   * The app's server, for the stories that write metadata (stories/support/story-backend.ts): the
   * handler in the dev server, or its stand-in behind MSW in a static build.
   */
  backend: string
}

// `npm run storybook` and the stories-as-tests project define these (seamFakePlugin starts the
// fake server beside them); a static build has them only if they were set when it was built.
const fromEnv = (): StoryEndpoint | undefined => {
  const endpoint = import.meta.env.VITE_SEAM_ENDPOINT as string | undefined
  const publishableKey = import.meta.env.VITE_SEAM_PUBLISHABLE_KEY as string | undefined
  return endpoint && publishableKey
    ? { endpoint, publishableKey, backend: `${window.location.origin}${STORY_BACKEND_PATH}` }
    : undefined
}

let current: StoryEndpoint | Error | undefined = fromEnv()

/**
 * Run once before any story (preview.tsx's beforeAll): without a configured endpoint, that is in
 * a static build, it starts the fake in the page behind MSW's service worker (static-fake.ts). A
 * failure is kept for the stories to show, not thrown, so each one explains it.
 */
export async function prepareStoryEndpoint(): Promise<void> {
  if (current) return
  try {
    // Loaded only here: the dev server and the tests never ship msw to the preview.
    const { startStaticFake } = await import('./static-fake')
    current = await startStaticFake()
  } catch (error) {
    current = new Error(
      `The fake Seam Connect could not start in this page: ${(error as Error).message}`,
    )
  }
}

/** The endpoint, the reason there is none (an Error), or undefined before prepareStoryEndpoint. */
export function storyEndpoint(): StoryEndpoint | Error | undefined {
  return current
}
