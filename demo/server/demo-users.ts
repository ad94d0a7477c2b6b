// The demo's stand-in for an app's own sign-in: two fixed users and cookie sessions kept in this
// process. A real app has its own; what matters is that the Seam handler's `authorize` reads the
// signed-in user from the request, never from anything the page sends in the body.

export interface DemoUser {
  /** The app's own user id: the handler puts it in every webview as trusted metadata. */
  id: string
  name: string
}

export const DEMO_USERS: readonly DemoUser[] = [
  { id: 'user_ada', name: 'Ada' },
  { id: 'user_grace', name: 'Grace' },
]

export const SESSION_COOKIE = 'demo_session'

/**
 * Sessions by their random id; the cookie carries only the id. They live as long as the dev
 * server, with no expiry: enough for a local demo, not for production (use your framework's).
 */
export class DemoSessions {
  readonly #users = new Map<string, DemoUser>()

  signIn(userId: unknown): { sessionId: string; user: DemoUser } | null {
    const user = DEMO_USERS.find((candidate) => candidate.id === userId)
    if (!user) return null
    const sessionId = crypto.randomUUID()
    this.#users.set(sessionId, user)
    return { sessionId, user }
  }

  signOut(cookieHeader: string | null): void {
    const sessionId = readCookie(cookieHeader, SESSION_COOKIE)
    if (sessionId) this.#users.delete(sessionId)
  }

  userOf(cookieHeader: string | null): DemoUser | null {
    const sessionId = readCookie(cookieHeader, SESSION_COOKIE)
    return (sessionId && this.#users.get(sessionId)) || null
  }
}

/** HttpOnly: the page's scripts never see it; SameSite=Strict: other sites cannot send it. */
export const sessionCookie = (sessionId: string) =>
  `${SESSION_COOKIE}=${sessionId}; Path=/; HttpOnly; SameSite=Strict`

export const clearedSessionCookie = `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`

function readCookie(header: string | null, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=')
    if (key === name) return value.join('=')
  }
  return undefined
}
