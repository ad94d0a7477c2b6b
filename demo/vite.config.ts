import react from '@vitejs/plugin-react'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import { seamFakePlugin } from '../fake/vite-plugin.js'

// `npm start`: the demo app, with the fake Seam Connect started beside it unless
// VITE_SEAM_ENDPOINT points elsewhere (see README "Running the demo against Seam").
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  envDir: fileURLToPath(new URL('..', import.meta.url)),
  plugins: [react(), seamFakePlugin()],
  server: { host: '127.0.0.1', port: Number(process.env.PORT ?? 5173), strictPort: false },
  preview: { host: '127.0.0.1' },
})
