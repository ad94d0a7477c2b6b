// The demo, started exactly as `npm start` starts it, for the e2e tests that drive it.
import { spawn } from 'node:child_process'
import { stripVTControlCharacters } from 'node:util'
import { chromium, type Browser } from 'playwright'
import { afterAll, beforeAll } from 'vitest'
import { chromiumArgs, findChromium } from './chromium.mjs'

export interface DemoUrls {
  /** The page's URL, as Vite prints it. */
  url: string
  /** The fake Seam Connect's URL, as the demo's backend prints it. */
  fakeUrl: string
}

export interface StartedDemo {
  /** Resolves once Vite has printed both URLs; rejects if `npm start` exits first. */
  ready: Promise<DemoUrls>
  /** Stops `npm start` and the Vite process it runs (the whole process group), ready or not. */
  stop(): void
}

export function startDemo(): StartedDemo {
  const demo = spawn('npm', ['start'], {
    // Port 0 would not be printed by Vite; a random high port, with Vite free to move it.
    env: { ...process.env, PORT: String(20000 + Math.floor(Math.random() * 20000)) },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const ready = new Promise<DemoUrls>((resolve, reject) => {
    let output = ''
    const onData = (chunk: Buffer) => {
      // Vite colours its output (the port in bold): read it without the escape sequences.
      output += stripVTControlCharacters(chunk.toString())
      const page = /Local:\s+(http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)?.[1]
      const fake = /Fake Seam Connect:\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1]
      if (page && fake) resolve({ url: page, fakeUrl: fake })
    }
    demo.stdout?.on('data', onData)
    demo.stderr?.on('data', onData)
    demo.once('exit', (code) => reject(new Error(`npm start exited (${code}):\n${output}`)))
  })
  return {
    ready,
    // npm start runs Vite in a child process: stop the whole group.
    stop: () => {
      if (demo.pid) process.kill(-demo.pid, 'SIGTERM')
    },
  }
}

/** The started demo and a Chromium to drive it, for one e2e file. */
export interface DemoInChromium extends DemoUrls {
  /** Chromium, once `beforeAll` has launched it. */
  browser: Browser | undefined
}

/**
 * Starts the demo and launches Chromium before the file's tests, and stops both after them. The
 * returned object is filled in by `beforeAll`: read it inside tests.
 */
export function demoInChromium(): DemoInChromium {
  const state: DemoInChromium = { url: '', fakeUrl: '', browser: undefined }
  let demo: StartedDemo | undefined
  beforeAll(async () => {
    demo = startDemo()
    Object.assign(state, await demo.ready)
    const found = await findChromium()
    state.browser = await chromium.launch({ executablePath: found?.path, args: chromiumArgs })
  })
  afterAll(async () => {
    await state.browser?.close()
    demo?.stop()
  })
  return state
}
