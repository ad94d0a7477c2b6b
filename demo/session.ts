// The page's side of the demo's sign-in (demo/server/demo-backend-plugin.ts). Same-origin
// requests carry the HttpOnly session cookie; the page never sees it.
import type { DemoSessionReply } from './server/demo-backend-plugin'

export type { DemoSessionReply }
export type { DemoUser } from './server/demo-users'

export const SESSION_PATH = '/api/demo/session'
export const sessionQueryKey = ['demo-session'] as const

async function call(method: 'GET' | 'POST' | 'DELETE', body?: unknown): Promise<DemoSessionReply> {
  const response = await fetch(SESSION_PATH, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`The demo's sign-in answered ${response.status}`)
  return (await response.json()) as DemoSessionReply
}

export const readSession = () => call('GET')
export const signIn = (userId: string) => call('POST', { user_id: userId })
export const signOut = () => call('DELETE')
