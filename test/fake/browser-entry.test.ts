// The browser build of react-seam-connect/testing (fake/browser.ts, package.json's `browser`
// condition): an app's Storybook or Vite bundle that imports it for createFakeSeamConnect and MSW
// must bundle for a browser, with nothing from Node in it, and export the same names.
import { build } from 'esbuild'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import * as browserEntry from '../../fake/browser'
import * as nodeEntry from '../../fake/index'

const entry = (name: string) => fileURLToPath(new URL(`../../fake/${name}`, import.meta.url))

/** Bundles an entry as a browser app's bundler would; resolves with the inputs it drew in. */
async function bundleForBrowser(file: string): Promise<string[]> {
  const result = await build({
    entryPoints: [file],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'silent',
  })
  return Object.keys(result.metafile.inputs)
}

const fromNode = (input: string) =>
  input.startsWith('node:') || input.includes('node_modules/@hono/node-server/')

describe('the browser build of /testing', () => {
  it('bundles for a browser without node: built-ins or @hono/node-server', async () => {
    const inputs = await bundleForBrowser(entry('browser.ts'))
    expect(inputs.some((input) => input.includes('fake/create-fake.ts'))).toBe(true)
    expect(inputs.filter(fromNode)).toEqual([])
  })

  it('is needed: the Node entry does not bundle for a browser', async () => {
    await expect(bundleForBrowser(entry('index.ts'))).rejects.toThrow(/node:/)
  })

  it('exports the same names as the Node entry', () => {
    expect(Object.keys(browserEntry).sort()).toEqual(Object.keys(nodeEntry).sort())
  })

  it('rejects startFakeSeamConnect with the way out', async () => {
    await expect(browserEntry.startFakeSeamConnect({ port: 0 })).rejects.toThrow(
      /startFakeSeamConnect needs Node .* use createFakeSeamConnect with MSW in the browser/,
    )
  })
})
