// Builds the bench page (page/) with Vite, the way an app ships it:
// - `production`: what users run (latency, and requests without StrictMode);
// - `development`: React's development build, where <StrictMode> runs effects twice (requests);
// - `profiling`: production with React's profiling build (`react-dom/profiling`), the one where
//   <Profiler> reports (renders).
import react from '@vitejs/plugin-react'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'

export type PageBuild = 'production' | 'development' | 'profiling'

const root = fileURLToPath(new URL('./page/', import.meta.url))

/** Builds the page into a fresh temporary folder and returns the folder. */
export async function buildPage(kind: PageBuild): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), `react-seam-connect-bench-${kind}-`))
  const nodeEnv = kind === 'development' ? 'development' : 'production'
  await build({
    configFile: false,
    root,
    base: './',
    logLevel: 'warn',
    mode: nodeEnv,
    plugins: [react()],
    define: { 'process.env.NODE_ENV': JSON.stringify(nodeEnv) },
    resolve:
      kind === 'profiling'
        ? { alias: [{ find: /^react-dom\/client$/, replacement: 'react-dom/profiling' }] }
        : {},
    build: { outDir, emptyOutDir: true, minify: kind !== 'development', sourcemap: false },
  })
  return outDir
}
