// Where the demo's backend sends Seam requests, from server-side environment variables only:
// the API key must never reach the page, so it is never a VITE_ variable (Vite inlines those).
import { startFakeSeamConnect, type FakeSeamConnect } from '../../fake/node-server.js'

export interface SeamTarget {
  kind: 'fake' | 'seam'
  /** Seam's API, or the fake's URL. */
  endpoint: string
  apiKey: string
  /**
   * Seam: the signing secret of the webhook endpoint registered in Seam's console for this
   * backend (`SEAM_WEBHOOK_SECRET`); without it the backend receives no webhooks.
   */
  webhookSecret?: string
  /**
   * The fake only: from now on, sign every event with `secret` and post it to `url`. Seam's
   * endpoints are registered in its console instead, so a real target has none.
   */
  registerWebhook?(url: string, secret: string): Promise<void>
  stop(): Promise<void>
}

/**
 * - `SEAM_API_KEY` set: Seam itself (`SEAM_ENDPOINT`, default Seam's own), with that key, and
 *   `SEAM_WEBHOOK_SECRET` for its webhooks when set.
 * - otherwise: the bundled fake, started on a free port of 127.0.0.1, with its API key.
 */
export async function seamTarget(env: NodeJS.ProcessEnv = process.env): Promise<SeamTarget> {
  const apiKey = env.SEAM_API_KEY
  if (apiKey) {
    return {
      kind: 'seam',
      endpoint: env.SEAM_ENDPOINT || 'https://connect.getseam.com',
      apiKey,
      ...(env.SEAM_WEBHOOK_SECRET ? { webhookSecret: env.SEAM_WEBHOOK_SECRET } : {}),
      stop: async () => {},
    }
  }
  const fake = await startFakeSeamConnect({ unref: true })
  return { ...fakeTarget(fake), stop: () => fake.stop() }
}

/** A running fake as the target, its webhooks registered through its control routes; stops nothing. */
export function fakeTarget(fake: Pick<FakeSeamConnect, 'url' | 'apiKey' | 'control'>): SeamTarget {
  return {
    kind: 'fake',
    endpoint: fake.url,
    apiKey: fake.apiKey,
    registerWebhook: async (url, secret) => {
      await fake.control.webhooks.add({ url, secret })
    },
    stop: async () => {},
  }
}
