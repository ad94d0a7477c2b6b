import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { seamFakePlugin } from '../fake/vite-plugin.js'
import { mswWorkerPlugin } from './msw-worker-plugin'
import { storyBackendPlugin } from './story-backend-plugin.js'

// Storybook's dev server starts the fake Seam Connect beside it (seamFakePlugin). A static build
// (`npm run build-storybook`) has no server: it carries the fake into the page and serves it with
// MSW's service worker (mswWorkerPlugin emits the worker; stories/support/static-fake.ts starts
// it), unless VITE_SEAM_ENDPOINT / VITE_SEAM_PUBLISHABLE_KEY point it at a running fake or Seam.
// The stories that need the app's server get createSeamConnectHandler in the dev server
// (storyBackendPlugin), and a stand-in for it behind MSW in a static build.
export default defineConfig({
  plugins: [react(), seamFakePlugin(), storyBackendPlugin(), mswWorkerPlugin()],
  server: { host: '127.0.0.1' },
})
