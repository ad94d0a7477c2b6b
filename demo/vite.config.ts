import react from '@vitejs/plugin-react'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import { demoBackendPlugin } from './server/demo-backend-plugin.js'

// `npm start`: the demo app and its backend (the Seam handler behind a demo sign-in), with the
// fake Seam Connect started beside it unless SEAM_API_KEY points the backend at Seam (README
// "The demo").
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  envDir: fileURLToPath(new URL('..', import.meta.url)),
  plugins: [react(), demoBackendPlugin()],
  server: { host: '127.0.0.1', port: Number(process.env.PORT ?? 5173), strictPort: false },
  preview: { host: '127.0.0.1' },
})
