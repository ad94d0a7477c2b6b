import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

/**
 * The library build, and nothing else (tests: vitest.config.ts). One output file per source file,
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
    lib: { entry: 'src/index.ts', formats: ['es'] },
    rolldownOptions: {
      external: [/^react($|\/)/, /^react-dom($|\/)/, /^@tanstack\/react-query($|\/)/, /^zod($|\/)/],
      output: {
        preserveModules: true,
        preserveModulesRoot: 'src',
        entryFileNames: '[name].js',
      },
    },
  },
})
