import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { seamFakePlugin } from '../fake/vite-plugin.js'

// Storybook's dev server starts the fake Seam Connect beside it (seamFakePlugin); a static build
// (`npm run build-storybook`) reads VITE_SEAM_ENDPOINT / VITE_SEAM_PUBLISHABLE_KEY from the
// environment instead, and the stories show a notice when nothing answers there.
export default defineConfig({
  plugins: [react(), seamFakePlugin()],
  server: { host: '127.0.0.1' },
})
