import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { playwright } from '@vitest/browser-playwright'
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin'
import { defineConfig, type ViteUserConfig } from 'vitest/config'
import { storyBackendPlugin } from './.storybook/story-backend-plugin.js'
import { seamFakePlugin } from './fake/vite-plugin.js'
import { chromiumArgs, findChromium } from './test/support/chromium.mjs'
import { closePopups, openPopups, popupClose, popupSignIn } from './test/support/popup-commands.js'

/**
 * Tests are grouped by subject (test/client, schemas, hooks, frame, fake, e2e); the file name picks
 * the runtime:
 * - `*.test.ts(x)`: Node;
 * - `*.dom.test.ts(x)`: jsdom;
 * - `*.browser.test.ts(x)`: Chromium (Vitest browser mode), for iframes, postMessage and workers;
 * - `*.e2e.test.ts`: Node, driving the demo or the static Storybook in Chromium with Playwright;
 * - `*.test-d.ts`: type tests, checked by tsc;
 * - every story in stories/ also runs as a test in Chromium.
 */
const runtimes = ['dom', 'browser', 'e2e'].map((runtime) => `test/**/*.${runtime}.test.{ts,tsx}`)
const fakeSetup = './test/support/fake-global-setup.ts'
const testingLibrary = './test/support/testing-library-setup.ts'
const sentinelGuard = './test/support/sentinel-setup.ts'

export default defineConfig(async (): Promise<ViteUserConfig> => {
  const chromium = await findChromium()
  // A fresh object per project: Vitest names the browser instances it is given.
  const browser = ({ popupBlocker = false } = {}) => ({
    enabled: true,
    headless: true,
    screenshotFailures: false,
    api: { host: '127.0.0.1' },
    provider: playwright({
      launchOptions: {
        executablePath: chromium?.path,
        args: chromiumArgs,
        // Playwright turns Chromium's popup blocker off; the popup tests need it on, so that a
        // window opened outside a click is refused as it would be for a person.
        ...(popupBlocker && { ignoreDefaultArgs: ['--disable-popup-blocking'] }),
      },
    }),
    instances: [{ browser: 'chromium' as const }],
    commands: { popupSignIn, popupClose, openPopups, closePopups },
  })
  return {
    plugins: [react()],
    // examples/server/ imports the package by name, as an app does (tsconfig.json's `paths`).
    resolve: {
      alias: {
        'react-seam-connect/server': fileURLToPath(
          new URL('./src/server/index.ts', import.meta.url),
        ),
      },
    },
    // Pre-bundled before the browser projects start, so that a first run does not optimize (and
    // reload) halfway through a test.
    optimizeDeps: {
      include: [
        'react',
        'react-dom',
        'react-dom/client',
        'react/jsx-runtime',
        'react/jsx-dev-runtime',
        '@tanstack/react-query',
        'zod',
        'zod/mini',
        '@testing-library/react',
        'axe-core',
      ],
    },
    test: {
      maxWorkers: 2,
      // The sentinel reporter prints what the secret-sentinel guard scanned (sentinel-setup.ts).
      reporters: ['default', './test/support/sentinel-reporter.ts'],
      // Polls give up after 1 s and tests after 5 s (15 s in a browser) by default; a cold first
      // run with every project at once on two cores needs more. Slow is not wrong here: every
      // test still waits for an event, never for time.
      expect: { poll: { timeout: 10_000 } },
      testTimeout: 60_000,
      coverage: {
        provider: 'v8',
        include: ['src/**/*.{ts,tsx}'],
        reporter: ['text-summary', 'text', 'json-summary'],
        thresholds: { lines: 90 },
      },
      projects: [
        {
          extends: true,
          test: {
            name: 'node',
            environment: 'node',
            include: ['test/**/*.test.{ts,tsx}'],
            exclude: runtimes,
            globalSetup: [fakeSetup],
            typecheck: {
              enabled: true,
              include: ['test/**/*.test-d.ts'],
              tsconfig: './tsconfig.json',
            },
          },
        },
        {
          extends: true,
          test: {
            name: 'dom',
            environment: 'jsdom',
            include: ['test/**/*.dom.test.{ts,tsx}'],
            globalSetup: [fakeSetup],
            setupFiles: [testingLibrary, sentinelGuard],
          },
        },
        {
          extends: true,
          test: {
            name: 'browser',
            include: ['test/**/*.browser.test.{ts,tsx}'],
            globalSetup: [fakeSetup],
            setupFiles: [testingLibrary, sentinelGuard],
            browser: browser({ popupBlocker: true }),
          },
        },
        {
          extends: true,
          test: {
            name: 'e2e',
            environment: 'node',
            include: ['test/**/*.e2e.test.ts'],
            testTimeout: 120_000,
            hookTimeout: 120_000,
          },
        },
        {
          // Every story as a test in Chromium, with its play function and an axe check; the fake
          // starts with this project's Vite server (seamFakePlugin), as with `npm run storybook`,
          // and so does the app's server the metadata stories write through (storyBackendPlugin).
          extends: true,
          plugins: [
            storybookTest({ configDir: '.storybook' }),
            seamFakePlugin(),
            storyBackendPlugin(),
          ],
          test: { name: 'storybook', browser: browser() },
        },
      ],
    },
  }
})
