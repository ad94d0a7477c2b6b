import type { Plugin } from 'vite'
import { FAKE_API_KEY } from '../fake/state/keys.js'
import { createSeamConnectHandler, toNodeListener } from '../src/server/index.js'
import {
  STORY_BACKEND_PATH,
  STORY_USER_HEADER,
  scopedFetch,
  storyAuthorization,
} from '../stories/support/story-backend.js'

/**
 * The app's server for the stories that need one (stories/support/story-backend.ts): the real
 * `createSeamConnectHandler`, mounted in the Vite server at STORY_BACKEND_PATH, talking to the fake
 * that seamFakePlugin started with its API key (a fake's key, which opens nothing else). Dev
 * servers only, after seamFakePlugin: a static build has no server (and gets a stand-in behind
 * MSW instead, static-fake.ts).
 */
export function storyBackendPlugin(): Plugin {
  return {
    name: 'react-seam-connect:story-backend',
    apply: 'serve',
    configureServer(server) {
      const defined = server.config.define?.['import.meta.env.VITE_SEAM_ENDPOINT']
      // Only in front of the fake: a real Seam would need a real key, which no story holds.
      const endpoint = typeof defined === 'string' ? (JSON.parse(defined) as string) : undefined
      if (!endpoint) return
      const listener = toNodeListener((request) =>
        // One handler per request, so its requests to the fake carry this user's fake scope.
        createSeamConnectHandler({
          apiKey: FAKE_API_KEY,
          endpoint,
          basePath: STORY_BACKEND_PATH,
          authorize: storyAuthorization,
          fetch: scopedFetch(request.headers.get(STORY_USER_HEADER) ?? 'anonymous'),
          onError: (error) => server.config.logger.error(`Story backend: ${String(error)}`),
        })(request),
      )
      server.middlewares.use(STORY_BACKEND_PATH, listener)
    },
  }
}
