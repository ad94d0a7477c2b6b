import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Plugin } from 'vite'

const require = createRequire(import.meta.url)

/**
 * Puts the static Storybook's service worker next to iframe.html: `seam-fake-worker.js` (ours,
 * see its comment) and the `mockServiceWorker.js` it imports. The latter is copied from the
 * installed msw at every build, which is what `npx msw init <dir> --no-save` does, instead of a
 * copy committed to the repository: setupWorker checks the worker's integrity checksum against
 * its own version, and seam-fake-worker.js calls into the file, so a copy left behind by an msw
 * upgrade would break the static build quietly. Build only: `npm run storybook` and the
 * stories-as-tests project use the real fake server (fake/vite-plugin.ts).
 */
export function mswWorkerPlugin(): Plugin {
  return {
    name: 'react-seam-connect:msw-worker',
    apply: 'build',
    generateBundle() {
      const files = {
        'mockServiceWorker.js': require.resolve('msw/mockServiceWorker.js'),
        'seam-fake-worker.js': new URL('./msw/seam-fake-worker.js', import.meta.url),
      }
      for (const [fileName, path] of Object.entries(files)) {
        this.emitFile({ type: 'asset', fileName, source: readFileSync(path, 'utf8') })
      }
    },
  }
}
