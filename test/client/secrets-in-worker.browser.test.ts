// A Web Worker has no `window`, but it runs in the user's browser: whatever it holds, the user
// can read. The client must treat it as a browser.
import { describe, expect, inject, it, onTestFinished } from 'vitest'

const apiKey = inject('fakeApiKey')

interface Outcome {
  created: boolean
  name?: string
  message?: string
}

function createInWorker(options: object): Promise<Outcome> {
  const worker = new Worker(new URL('./support/client-in-worker.ts', import.meta.url), {
    type: 'module',
  })
  onTestFinished(() => worker.terminate())
  return new Promise((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<Outcome>) => resolve(event.data)
    worker.onerror = (event) => reject(new Error(event.message))
    worker.postMessage(options)
  })
}

describe('createSeamConnectClient in a Web Worker', () => {
  it('refuses an API key, as in a page', async () => {
    const outcome = await createInWorker({ apiKey })
    expect(outcome).toMatchObject({ created: false, name: 'SeamInvalidInputError' })
    expect(outcome.message).toMatch(/apiKey must not hold a Seam API key in a browser/)
    expect(outcome.message).not.toContain(apiKey)
  })

  it('accepts a client session token', async () => {
    expect(await createInWorker({ clientSessionToken: 'seam_cst1abc' })).toEqual({ created: true })
  })
})
