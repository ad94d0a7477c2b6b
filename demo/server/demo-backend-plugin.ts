// The demo's backend, mounted in Vite's dev server: the production shape this library
// recommends. The page talks only to /api/seam (createSeamConnectHandler, with the signed-in
// user's id as trusted metadata), to /api/demo/session (the demo's sign-in) and to
// /api/demo/webhooks (what Seam's signed webhooks told the backend, webhook-routes.ts); the
// handler talks to Seam, or to the fake, with the API key. The page never holds a Seam credential.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Plugin, PreviewServer, ViteDevServer } from 'vite'
import { createSeamConnectHandler, toNodeListener } from '../../src/server/index.js'
import {
  DEMO_USERS,
  DemoSessions,
  clearedSessionCookie,
  sessionCookie,
  type DemoUser,
} from './demo-users.js'
import { readJson, sendJson } from './http.js'
import { seamTarget, type SeamTarget } from './seam-target.js'
import { mountWebhooks } from './webhook-routes.js'

export const SEAM_PATH = '/api/seam'
export const SESSION_PATH = '/api/demo/session'

/** What GET /api/demo/session answers: who is signed in, and what the demo runs against. */
export interface DemoSessionReply {
  user: DemoUser | null
  users: readonly DemoUser[]
  seam: SeamTarget['kind']
}

/** Options of {@link demoBackendPlugin}; tests only. */
export interface DemoBackendOptions {
  /** Where the backend sends Seam requests (default: {@link seamTarget}, from the environment). */
  target?: () => Promise<SeamTarget>
}

/** The backend in `npm start`'s dev server, and in `vite preview` of the built demo. */
export function demoBackendPlugin(options: DemoBackendOptions = {}): Plugin {
  async function mount(server: ViteDevServer | PreviewServer) {
    const seam = await (options.target ?? seamTarget)()
    const sessions = new DemoSessions()
    const handler = createSeamConnectHandler({
      apiKey: seam.apiKey,
      endpoint: seam.endpoint,
      basePath: SEAM_PATH,
      authorize: async (request) => {
        const user = sessions.userOf(request.headers.get('cookie'))
        return user ? { trustedMetadata: { your_app_user_id: user.id } } : null
      },
      // Why a reply was a 500, 502 or 504: typed errors that never hold the API key.
      onError: (error) => server.config.logger.error(`Seam handler: ${String(error)}`),
    })
    server.middlewares.use(SEAM_PATH, toNodeListener(handler))
    server.middlewares.use(SESSION_PATH, (req, res) => void sessionRoute(req, res, sessions, seam))
    mountWebhooks(server, seam, sessions)
    server.httpServer?.once('close', () => void seam.stop())
    if (seam.kind === 'fake') {
      server.config.logger.info(`  Fake Seam Connect: ${seam.endpoint}`)
    }
  }
  return {
    name: 'react-seam-connect:demo-backend',
    // Not part of the build: only servers have a backend.
    apply: (_, env) => env.command === 'serve' || Boolean(env.isPreview),
    configureServer: mount,
    configurePreviewServer: mount,
  }
}

async function sessionRoute(
  req: IncomingMessage,
  res: ServerResponse,
  sessions: DemoSessions,
  seam: SeamTarget,
): Promise<void> {
  const send = (status: number, body: unknown, cookie?: string) =>
    sendJson(res, status, body, cookie)
  const reply = (user: DemoUser | null): DemoSessionReply => ({
    user,
    users: DEMO_USERS,
    seam: seam.kind,
  })
  const cookies = req.headers.cookie ?? null
  if (req.method === 'GET') return send(200, reply(sessions.userOf(cookies)))
  if (req.method === 'POST' || req.method === 'DELETE') {
    // A cross-site form could otherwise sign a visitor in as someone else (login CSRF): only a
    // same-origin fetch with a JSON body may change the session.
    const site = req.headers['sec-fetch-site']
    const json = /^application\/json\b/i.test(req.headers['content-type'] ?? '')
    if ((site !== undefined && site !== 'same-origin') || (req.method === 'POST' && !json)) {
      return send(403, { error: 'same-origin JSON requests only' })
    }
  }
  if (req.method === 'DELETE') {
    sessions.signOut(cookies)
    return send(200, reply(null), clearedSessionCookie)
  }
  if (req.method === 'POST') {
    const body = await readJson(req)
    const userId = typeof body === 'object' && body !== null ? Reflect.get(body, 'user_id') : null
    const signedIn = sessions.signIn(userId)
    if (!signedIn) return send(400, { error: 'unknown user' })
    return send(200, reply(signedIn.user), sessionCookie(signedIn.sessionId))
  }
  send(405, { error: 'method not allowed' })
}
