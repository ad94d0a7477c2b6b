// seamFakePlugin(): starts the fake with a Vite dev server, hands its URL to the page through
// `define`, and stops it when the server closes.
import { createServer, type InlineConfig } from 'vite'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { FAKE_PUBLISHABLE_KEY } from '../../fake/state/keys'
import { seamFakePlugin } from '../../fake/vite-plugin'

const serverConfig = (): InlineConfig => ({
  configFile: false,
  logLevel: 'silent',
  plugins: [seamFakePlugin()],
})

async function reachable(url: string): Promise<boolean> {
  return fetch(new URL('/_fake/health', url)).then(
    (response) => response.ok,
    () => false,
  )
}

afterEach(() => {
  vi.unstubAllEnvs()
})

describe('seamFakePlugin', () => {
  it('starts one fake for the dev servers of a process and stops it with the last', async () => {
    vi.stubEnv('VITE_SEAM_ENDPOINT', '')
    const first = await createServer(serverConfig())
    const second = await createServer(serverConfig())
    const define = first.config.define ?? {}
    const url = JSON.parse(String(define['import.meta.env.VITE_SEAM_ENDPOINT']))
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(JSON.parse(String(define['import.meta.env.VITE_SEAM_PUBLISHABLE_KEY']))).toBe(
      FAKE_PUBLISHABLE_KEY,
    )
    expect(second.config.define?.['import.meta.env.VITE_SEAM_ENDPOINT']).toBe(
      define['import.meta.env.VITE_SEAM_ENDPOINT'],
    )
    expect(await reachable(url)).toBe(true)

    await first.close()
    expect(await reachable(url)).toBe(true)
    await second.close()
    expect(await reachable(url)).toBe(false)
  })

  it('starts nothing when VITE_SEAM_ENDPOINT is already set', async () => {
    vi.stubEnv('VITE_SEAM_ENDPOINT', 'https://connect.getseam.com')
    const server = await createServer(serverConfig())
    expect(server.config.define?.['import.meta.env.VITE_SEAM_ENDPOINT']).toBeUndefined()
    await server.close()
  })
})
