import * as z from 'zod/mini'
import { parse } from '../client/validate.js'
import {
  connectWebviewSchema,
  createConnectWebviewParamsSchema,
  getConnectWebviewParamsSchema,
} from '../schemas/connect-webview.js'
import {
  connectedAccountSchema,
  getConnectedAccountParamsSchema,
  updateConnectedAccountParamsSchema,
} from '../schemas/connected-account.js'
import type { CustomMetadata } from '../schemas/custom-metadata.js'
import { listParamsSchema, paginationSchema } from '../schemas/list.js'
import {
  HandlerFailure,
  badGateway,
  connectWebviewNotFound,
  connectedAccountNotFound,
  jsonReply,
} from './envelope.js'
import {
  carriesTrusted,
  mergeTrusted,
  trustedFilter,
  type TrustedMetadata,
} from './trusted-metadata.js'
import { SeamErrorReply, type SeamReply } from './upstream.js'

/** Sends to Seam with the API key (Seam's route name). */
type Call = (route: string, body: unknown) => Promise<SeamReply>

/** What a route's work gets: its params, validated, and the signed-in user's pairs. */
interface RouteContext<P> {
  params: P
  trusted: TrustedMetadata
  call: Call
}

/** A route the handler serves. */
export interface Route {
  /**
   * Validates the browser's params with the library's own schema (a 400, `SeamInvalidInputError`,
   * before anything reaches Seam), then does the route's work.
   */
  handle(body: unknown, trusted: TrustedMetadata, call: Call): Promise<Response>
}

const route = <S extends z.ZodMiniType>(
  path: string,
  schema: S,
  run: (context: RouteContext<z.output<S>>) => Promise<Response>,
): Route => ({
  handle: (body, trusted, call) =>
    run({ params: parse(schema, body, path, 'params'), trusted, call }),
})

/**
 * Parses (part of) Seam's 2xx reply; a reply the library cannot read is a 502, never passed on
 * (`onError` gets the `SeamResponseParseError`, whose issues name fields, never values).
 */
function read<S extends z.ZodMiniType>(schema: S, json: unknown, path: string): z.output<S> {
  try {
    return parse(schema, json, path, 'response')
  } catch (error) {
    throw badGateway(`Seam’s reply to ${path} could not be read`, error)
  }
}

const webviewReply = z.looseObject({ connect_webview: connectWebviewSchema })
const accountReply = z.looseObject({ connected_account: connectedAccountSchema })

/**
 * A list route: the trusted pairs join the browser's `custom_metadata_has`, so Seam returns the
 * user's resources only; the reply is filtered again anyway, so a filter Seam ignored (or a
 * cursor from another query) cannot leak anything. `next_page_url` points at Seam, which the
 * browser cannot call without a credential: it is dropped (the cursor is what pages;
 * docs/seam-api.md §2.1).
 */
const listRoute = <K extends 'connect_webviews' | 'connected_accounts'>(
  path: `/${K}/list`,
  key: K,
  item: z.ZodMiniType<{ custom_metadata: CustomMetadata }>,
) =>
  route(path, listParamsSchema, async ({ params, trusted, call }) => {
    const filter = trustedFilter(params.custom_metadata_has, trusted)
    const pagination = { next_page_cursor: null, has_next_page: false, next_page_url: null }
    if (filter === undefined) return jsonReply({ [key]: [], pagination, ok: true }, 200)
    const reply = await call(path, { ...params, custom_metadata_has: filter })
    const page = read(z.looseObject({ pagination: paginationSchema }), reply.json, path)
    const items = read(z.array(item), page[key], path).filter((resource) =>
      carriesTrusted(resource.custom_metadata, trusted),
    )
    // Only the list and its pagination go on: another field of Seam's reply (one it adds later)
    // is not filtered, so it is not passed.
    return jsonReply(
      { [key]: items, pagination: { ...page.pagination, next_page_url: null }, ok: true },
      200,
      reply.headers,
    )
  })

/**
 * Reads one resource; Seam's own 404 becomes the handler's fixed not-found (keeping only
 * `seam-request-id`), so a foreign resource and a missing one answer alike whatever Seam's wording
 * says, and a lookup by email tells nothing about who has an account (docs/seam-api.md §2.1).
 */
async function readOne(
  call: Call,
  route: string,
  params: unknown,
  notFound: (headers: HeadersInit) => HandlerFailure,
): Promise<SeamReply> {
  try {
    return await call(route, params)
  } catch (error) {
    if (error instanceof SeamErrorReply && error.response.status === 404) {
      const requestId = error.response.headers.get('seam-request-id')
      throw notFound(requestId === null ? {} : { 'seam-request-id': requestId })
    }
    throw error
  }
}

/**
 * After a write: Seam stores what it was sent (docs/seam-api.md §4), and a resource without the
 * pairs would be invisible to its own user, so it is not handed out as if all were well.
 */
function requireKept(metadata: CustomMetadata, trusted: TrustedMetadata): void {
  if (!carriesTrusted(metadata, trusted)) throw badGateway('Seam did not keep the trusted metadata')
}

/** Reads one connected account, answering exactly as for a missing one unless the user owns it. */
async function ownedAccount(
  call: Call,
  params: { connected_account_id: string } | { email: string },
  trusted: TrustedMetadata,
): Promise<SeamReply> {
  const reply = await readOne(call, '/connected_accounts/get', params, connectedAccountNotFound)
  const { connected_account } = read(accountReply, reply.json, '/connected_accounts/get')
  if (!carriesTrusted(connected_account.custom_metadata, trusted)) {
    throw connectedAccountNotFound(reply.headers)
  }
  return reply
}

/**
 * The routes the handler serves, by Seam's path, and nothing else: whatever is not here (client
 * sessions, deleting an account, ...) is a 404 (docs/seam-api.md §2).
 */
export const ROUTES: ReadonlyMap<string, Route> = new Map([
  [
    '/connect_webviews/create',
    route(
      '/connect_webviews/create',
      createConnectWebviewParamsSchema,
      async ({ params, trusted, call }) => {
        const path = '/connect_webviews/create'
        // Seam scopes webviews and accounts to a customer by customer_key: the browser must not
        // pick someone else's (docs/seam-api.md §2.1).
        if (params.customer_key !== undefined) {
          throw new HandlerFailure(
            400,
            'invalid_input',
            'customer_key is set by the server, not by the browser',
          )
        }
        // Checked again once merged: the trusted pairs count towards Seam's 50 keys.
        const merged = parse(
          createConnectWebviewParamsSchema,
          { ...params, custom_metadata: mergeTrusted(params.custom_metadata, trusted) },
          path,
          'params',
        )
        const reply = await call(path, merged)
        requireKept(read(webviewReply, reply.json, path).connect_webview.custom_metadata, trusted)
        return jsonReply(reply.json, 200, reply.headers)
      },
    ),
  ],
  [
    '/connect_webviews/get',
    route(
      '/connect_webviews/get',
      getConnectWebviewParamsSchema,
      async ({ params, trusted, call }) => {
        const path = '/connect_webviews/get'
        const reply = await readOne(call, path, params, connectWebviewNotFound)
        const { connect_webview } = read(webviewReply, reply.json, path)
        if (!carriesTrusted(connect_webview.custom_metadata, trusted)) {
          throw connectWebviewNotFound(reply.headers)
        }
        return jsonReply(reply.json, 200, reply.headers)
      },
    ),
  ],
  [
    '/connect_webviews/list',
    listRoute('/connect_webviews/list', 'connect_webviews', connectWebviewSchema),
  ],
  [
    '/connected_accounts/get',
    route(
      '/connected_accounts/get',
      getConnectedAccountParamsSchema,
      async ({ params, trusted, call }) => {
        const reply = await ownedAccount(call, params, trusted)
        return jsonReply(reply.json, 200, reply.headers)
      },
    ),
  ],
  [
    '/connected_accounts/list',
    listRoute('/connected_accounts/list', 'connected_accounts', connectedAccountSchema),
  ],
  [
    '/connected_accounts/update',
    route(
      '/connected_accounts/update',
      updateConnectedAccountParamsSchema,
      async ({ params, trusted, call }) => {
        const path = '/connected_accounts/update'
        // Ownership first: another user's account answers as a missing one, and is never written.
        // The read and the write are two requests: should another user reconnect the account in
        // between, the write puts this user's pairs back on it (the handler keeps no lock; Seam
        // offers none).
        await ownedAccount(call, { connected_account_id: params.connected_account_id }, trusted)
        // Seam replaces the whole object and removes keys given `null` or `""` (docs/seam-api.md
        // §4): the trusted pairs go over whatever the browser sent, so they always survive.
        // Without custom_metadata, Seam leaves the metadata as it is.
        const merged =
          params.custom_metadata === undefined
            ? params
            : parse(
                updateConnectedAccountParamsSchema,
                { ...params, custom_metadata: mergeTrusted(params.custom_metadata, trusted) },
                path,
                'params',
              )
        const reply = await call(path, merged)
        requireKept(read(accountReply, reply.json, path).connected_account.custom_metadata, trusted)
        return jsonReply(reply.json, 200, reply.headers)
      },
    ),
  ],
])
