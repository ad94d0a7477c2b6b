// The app's server, for the stories that need one. Seam accepts /connected_accounts/update only
// with an API key, so a browser changes metadata through its own backend
// (`react-seam-connect/server`'s createSeamConnectHandler), never straight to Seam:
//
// - under `npm run storybook` and the stories-as-tests project, that is the real
//   createSeamConnectHandler, mounted in the Vite server at STORY_BACKEND_PATH
//   (.storybook/story-backend-plugin.ts), talking to the fake with its API key;
// - a static build has no server, and the handler refuses to run in a browser (a page or a
//   worker: the API key would be readable there), so the in-page fake gets a stand-in for it
//   behind MSW (staticStoryBackend below, mounted by static-fake.ts). It does the handler's part
//   the stories see, the same way: the signed-in user's trusted pair joins every list filter,
//   only accounts carrying it can be read or written, and it is put back over what the browser
//   sends. It is not the handler, and the library's own tests (test/server/) are what check
//   the handler.
//
// Either way the story's "sign-in" is a header naming its user (the demo uses a cookie), the
// user's id is the trusted pair, and every request the backend sends to the fake carries the
// user's key as its fake scope, so a story scripts faults on, and counts, its backend's traffic
// alone.
import { FAKE_SCOPE_HEADER } from '../../fake/control/scope.js'

/** Where the dev servers mount the handler (its basePath). */
export const STORY_BACKEND_PATH = '/api/story-seam'

/** The story's stand-in for a session cookie: the signed-in user's key. */
export const STORY_USER_HEADER = 'x-story-user'

/** The trusted metadata key the backend stamps and requires: the signed-in user's id. */
export const STORY_TRUSTED_KEY = 'your_app_user_id'

/** The handler's `authorize`: the signed-in user's trusted pair, or `null` (a 401). */
export function storyAuthorization(request: Request) {
  const user = request.headers.get(STORY_USER_HEADER)
  return user ? { trustedMetadata: { [STORY_TRUSTED_KEY]: user } } : null
}

/** A `fetch` towards the fake whose requests belong to `scope` (the fake's request log, faults). */
export const scopedFetch =
  (scope: string, send: typeof fetch = fetch): typeof fetch =>
  (input, init) => {
    const headers = new Headers(init?.headers)
    headers.set(FAKE_SCOPE_HEADER, scope)
    return send(input, { ...init, headers })
  }

type Json = Record<string, unknown>

const reply = (status: number, body: Json) => Response.json(body, { status })
const failure = (status: number, type: string, message: string) =>
  reply(status, { error: { type, message }, ok: false })

/**
 * The static build's stand-in for createSeamConnectHandler (see the top of this file): the three
 * connected-account routes, for the user the request names, sent to the fake at `endpoint` with
 * its API key through `send` (the in-page fake's own fetch).
 */
export function staticStoryBackend(options: {
  endpoint: string
  apiKey: string
  send: (request: Request) => Promise<Response>
}) {
  return async (request: Request): Promise<Response> => {
    const authorization = storyAuthorization(request)
    if (!authorization) return failure(401, 'unauthorized', 'Not signed in')
    const user = authorization.trustedMetadata[STORY_TRUSTED_KEY] ?? ''
    const route = new URL(request.url).pathname.replace(/^.*(\/connected_accounts\/\w+)$/, '$1')
    const params = (await request.json()) as Json

    const call = (path: string, body: Json) =>
      options.send(
        new Request(`${options.endpoint}${path}`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${options.apiKey}`,
            'content-type': 'application/json',
            [FAKE_SCOPE_HEADER]: user,
          },
          body: JSON.stringify(body),
        }),
      )
    const owns = (account: { custom_metadata?: Json } | undefined) =>
      account?.custom_metadata?.[STORY_TRUSTED_KEY] === user
    const notFound = () =>
      failure(404, 'connected_account_not_found', 'Connected account not found')

    if (route === '/connected_accounts/list') {
      const filter = (params.custom_metadata_has ?? {}) as Json
      if (STORY_TRUSTED_KEY in filter && filter[STORY_TRUSTED_KEY] !== user) {
        return reply(200, {
          connected_accounts: [],
          pagination: { next_page_cursor: null, has_next_page: false, next_page_url: null },
          ok: true,
        })
      }
      return call(route, {
        ...params,
        custom_metadata_has: { ...filter, [STORY_TRUSTED_KEY]: user },
      })
    }
    if (route === '/connected_accounts/get' || route === '/connected_accounts/update') {
      const read = await call('/connected_accounts/get', {
        connected_account_id: params.connected_account_id,
      })
      if (read.status === 404) return notFound()
      if (!read.ok) return read
      const { connected_account } = (await read.clone().json()) as {
        connected_account?: { custom_metadata?: Json }
      }
      if (!owns(connected_account)) return notFound()
      if (route === '/connected_accounts/get') return read
      return call(route, {
        ...params,
        ...(params.custom_metadata === undefined
          ? {}
          : {
              custom_metadata: {
                ...(params.custom_metadata as Json),
                [STORY_TRUSTED_KEY]: user,
              },
            }),
      })
    }
    return failure(404, 'not_found', 'Not a route of this backend')
  }
}
