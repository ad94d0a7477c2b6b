import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

/**
 * The library build, and nothing else (tests: vitest.config.ts). Three entries: the browser entry
 * (src/index.ts), `/server` (src/server/) and `/testing` (the fake, fake/index.ts, built into
 * dist/testing/, with its browser build and `/testing/msw`). One output file per source file,
 * so that an app's bundler keeps only what it imports, and so that each source file's
 * `'use client'` directive stays at the top of its own output file
 * (https://react.dev/reference/rsc/use-client).
 */
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    minify: false,
    target: 'es2022',
    lib: {
      entry: {
        index: 'src/index.ts',
        'server/index': 'src/server/index.ts',
        'testing/index': 'fake/index.ts',
        // The same exports without the Node server, for browser bundles (package.json's
        // `browser` condition), and the MSW handlers, apart so that only their users load msw.
        'testing/browser': 'fake/browser.ts',
        'testing/msw': 'fake/msw.ts',
      },
      formats: ['es'],
    },
    rolldownOptions: {
      // Every package (peers, zod, hono, node: built-ins) stays an import: the app installs them.
      external: (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0'),
      output: {
        preserveModules: true,
        entryFileNames: (chunk) =>
          `${chunk.name.replace(/^src\//, '').replace(/^fake\//, 'testing/')}.js`,
      },
    },
  },
})
