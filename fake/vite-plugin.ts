// Starts the fake with Vite (dev server, Storybook, Vitest) and hands its URL and publishable
// key to the page as import.meta.env.VITE_SEAM_ENDPOINT / VITE_SEAM_PUBLISHABLE_KEY.
import type { Plugin } from 'vite'
import { startFakeSeamConnect, type FakeSeamConnect } from './node-server.js'

// One fake per process, shared by every Vite server in it (Vitest runs one per project), and
// stopped when the last of them closes.
let shared: Promise<FakeSeamConnect> | undefined
let users = 0
let announced = false

async function acquire(): Promise<FakeSeamConnect> {
  users += 1
  shared ??= startFakeSeamConnect({ unref: true })
  return shared
}

async function release(): Promise<void> {
  users -= 1
  if (users > 0 || !shared) return
  const fake = shared
  shared = undefined
  announced = false
  await (await fake).stop()
}

export function seamFakePlugin(): Plugin {
  // Per plugin instance: whether this Vite server holds a reference it must give back.
  let holding = false
  const giveBack = async () => {
    if (!holding) return
    holding = false
    await release()
  }
  return {
    name: 'react-seam-connect:fake-seam-connect',
    // Never in `vite build`: a bundle must not point at a port that dies with the build.
    apply: 'serve',
    async config() {
      // An explicit endpoint (a real Seam, or a fake started elsewhere) wins.
      if (process.env.VITE_SEAM_ENDPOINT) return
      const fake = await acquire()
      holding = true
      return {
        define: {
          'import.meta.env.VITE_SEAM_ENDPOINT': JSON.stringify(fake.url),
          'import.meta.env.VITE_SEAM_PUBLISHABLE_KEY': JSON.stringify(fake.publishableKey),
          // Lets a page say it runs against the fake (the demo explains the fake's login).
          'import.meta.env.VITE_SEAM_FAKE': JSON.stringify('true'),
        },
      }
    },
    async configResolved(config) {
      if (!holding || announced || !shared) return
      announced = true
      config.logger.info(`  Fake Seam Connect: ${(await shared).url}`)
    },
    // In dev, Vite runs buildEnd once (for the client environment) when the server closes;
    // Vitest's browser mode closes its server without it, so its close event also releases.
    configureServer(server) {
      server.httpServer?.once('close', () => void giveBack())
    },
    async buildEnd() {
      await giveBack()
    },
  }
}
