import * as z from 'zod/mini'
import { isSeamApiError, SeamResponseParseError } from '../errors/errors.js'
import { issueAt } from '../errors/issues.js'
import { isBrowserScope } from '../internal/environment.js'
import { hashHex } from '../internal/hash.js'
import { snapshot } from '../internal/snapshot.js'
import {
  connectWebviewSchema,
  createConnectWebviewParamsSchema,
  getConnectWebviewParamsSchema,
  type ConnectWebview,
  type CreateConnectWebviewParams,
  type GetConnectWebviewParams,
} from '../schemas/connect-webview.js'
import {
  connectedAccountSchema,
  getConnectedAccountParamsSchema,
  updateConnectedAccountParamsSchema,
  type ConnectedAccount,
  type GetConnectedAccountParams,
  type UpdateConnectedAccountParams,
} from '../schemas/connected-account.js'
import { listParamsSchema, paginationSchema, type ListParams, type Page } from '../schemas/list.js'
import { CREDENTIALS, checkOptions } from './check-options.js'
import type { RequestOptions, SeamConnectClientOptions } from './options.js'
import { createTransport } from './transport.js'
import { parse } from './validate.js'

/** A typed client for the Seam Connect routes a browser needs. Create it with {@link createSeamConnectClient}. */
export interface SeamConnectClient {
  /** The API base URL requests go to. */
  readonly endpoint: string
  /**
   * A one-way digest of the endpoint and credential. Query keys start with it, so two users'
   * data never share a cache entry and no token ever appears in a key.
   */
  readonly scope: string
  readonly connectWebviews: {
    /** `/connect_webviews/create`. Validated first; never retried once it may have reached Seam. */
    create(params?: CreateConnectWebviewParams, options?: RequestOptions): Promise<ConnectWebview>
    /** `/connect_webviews/get`. */
    get(params: GetConnectWebviewParams, options?: RequestOptions): Promise<ConnectWebview>
    /** `/connect_webviews/list`: one page. */
    list(params?: ListParams, options?: RequestOptions): Promise<Page<ConnectWebview>>
    /** Every Connect Webview matching `params`, walking all pages. */
    listAll(params?: ListParams, options?: RequestOptions): AsyncIterable<ConnectWebview>
  }
  readonly connectedAccounts: {
    /** `/connected_accounts/get` by `connected_account_id` or `email`. */
    get(params: GetConnectedAccountParams, options?: RequestOptions): Promise<ConnectedAccount>
    /** `/connected_accounts/list`: one page. */
    list(params?: ListParams, options?: RequestOptions): Promise<Page<ConnectedAccount>>
    /** Every connected account matching `params`, walking all pages. */
    listAll(params?: ListParams, options?: RequestOptions): AsyncIterable<ConnectedAccount>
    /**
     * `/connected_accounts/update`. Seam accepts it only with an API key: call it on a server, or
     * through the app's own proxy (`react-seam-connect/server`). `custom_metadata` replaces the
     * whole object; `null` or `""` removes a key. Resolves with the updated account when Seam's
     * reply carries it (as `@seamapi/types` says it does; older replies were only `{ ok: true }`).
     */
    update(
      params: UpdateConnectedAccountParams,
      options?: RequestOptions,
    ): Promise<ConnectedAccount | undefined>
  }
}

// Replies are loose objects like the resources in them: Seam adds fields over time, and `pick`
// takes only the resource out anyway.
const webviewReply = z.looseObject({ connect_webview: connectWebviewSchema })
const accountReply = z.looseObject({ connected_account: connectedAccountSchema })
const webviewPage = z.looseObject({
  connect_webviews: z.array(connectWebviewSchema),
  pagination: paginationSchema,
})
const accountPage = z.looseObject({
  connected_accounts: z.array(connectedAccountSchema),
  pagination: paginationSchema,
})

const UPDATE_NEEDS_A_SERVER =
  '. Seam accepts /connected_accounts/update only with an API key, which must stay on a server: ' +
  "change metadata through your backend, e.g. react-seam-connect/server's createSeamConnectHandler"

// Clients holding a server-only credential: <SeamConnectProvider client> refuses them, so a
// client made for the server is never handed to the browser.
const serverOnlyClients = new WeakSet<SeamConnectClient>()

/** Whether `client` holds an API key (or another secret that must stay on a server). */
export const isServerOnlyClient = (client: SeamConnectClient): boolean =>
  serverOnlyClients.has(client)

/**
 * Creates a Seam Connect client.
 *
 * In a browser, authenticate with `clientSessionToken` (minted by your backend), or
 * `publishableKey` + `userIdentifierKey`, or point `endpoint` at your own proxy. `apiKey` is for
 * servers: in a browser (a page, or a web, shared or service worker), an API key, a personal
 * access token or a console session token for Seam's endpoint throws.
 *
 * Every method validates its params before sending (a `SeamInvalidInputError`, zero requests),
 * sends exactly what it validated, and parses every response (a `SeamResponseParseError` on a
 * mismatch). Every attempt is bounded by `timeoutMs`.
 *
 * @throws SeamInvalidInputError when the options are contradictory, incomplete, out of range or
 *   unsafe here.
 */
export function createSeamConnectClient(options: SeamConnectClientOptions = {}): SeamConnectClient {
  return buildClient(options, isBrowserScope())
}

/** {@link createSeamConnectClient}, told whether the client will run in a browser. */
export function buildClient(
  options: SeamConnectClientOptions,
  browser: boolean,
): SeamConnectClient {
  const checked = checkOptions(options, browser)
  const { endpoint, headers } = checked
  const credentials = CREDENTIALS.map((name) => options[name])
  const secrets = [...credentials, ...headers.map(([, value]) => value)].filter(
    (value): value is string => value !== undefined && value.length > 3,
  )
  const send = createTransport({ ...options, ...checked }, secrets)

  /** One route: snapshot and validate params, send them, pick the resource out of the reply. */
  const route =
    <I extends z.ZodMiniType, R extends z.ZodMiniType, O>(
      path: string,
      input: I,
      reply: R,
      pick: (body: z.output<R>) => O,
      retryable = true,
    ) =>
    async (params: z.input<I>, { signal }: RequestOptions = {}): Promise<O> =>
      pick(
        await send(path, parse(input, snapshot(params ?? {}), path, 'params', secrets), reply, {
          signal,
          retryable,
        }),
      )

  const walk = <T>(path: string, list: (p: ListParams, o?: RequestOptions) => Promise<Page<T>>) =>
    async function* (params: ListParams = {}, options?: RequestOptions) {
      const seen = new Set<string>()
      for (let page_cursor = params.page_cursor; ;) {
        const { items, pagination } = await list({ ...params, page_cursor }, options)
        yield* items
        page_cursor = pagination.next_page_cursor
        if (!pagination.has_next_page || page_cursor === null) return
        // A cursor seen before would walk the same pages forever.
        if (seen.has(page_cursor)) {
          throw new SeamResponseParseError(
            `Unexpected response from ${path}: Seam repeated the page cursor of an earlier page`,
            [
              issueAt(
                ['pagination', 'next_page_cursor'],
                'must not repeat an earlier page’s cursor',
              ),
            ],
          )
        }
        seen.add(page_cursor)
      }
    }

  const listWebviews = route('/connect_webviews/list', listParamsSchema, webviewPage, (r) => ({
    items: r.connect_webviews,
    pagination: r.pagination,
  }))
  const listAccounts = route('/connected_accounts/list', listParamsSchema, accountPage, (r) => ({
    items: r.connected_accounts,
    pagination: r.pagination,
  }))

  const update = route(
    '/connected_accounts/update',
    updateConnectedAccountParamsSchema,
    z.looseObject({ connected_account: z.optional(connectedAccountSchema) }),
    (r) => r.connected_account,
    false,
  )
  const browserCredential =
    options.clientSessionToken !== undefined || options.publishableKey !== undefined

  const client: SeamConnectClient = {
    endpoint,
    scope: hashHex(JSON.stringify([endpoint, credentials, [...headers].sort()])),
    connectWebviews: {
      create: route(
        '/connect_webviews/create',
        createConnectWebviewParamsSchema,
        webviewReply,
        (r) => r.connect_webview,
        false,
      ),
      get: route(
        '/connect_webviews/get',
        getConnectWebviewParamsSchema,
        webviewReply,
        (r) => r.connect_webview,
      ),
      list: listWebviews,
      listAll: walk('/connect_webviews/list', listWebviews),
    },
    connectedAccounts: {
      get: route(
        '/connected_accounts/get',
        getConnectedAccountParamsSchema,
        accountReply,
        (r) => r.connected_account,
      ),
      list: listAccounts,
      listAll: walk('/connected_accounts/list', listAccounts),
      update: async (params, options) => {
        try {
          return await update(params, options)
        } catch (error) {
          // A browser credential can never call this route (docs/seam-api.md §2): say so, and
          // where to go, instead of leaving "unauthorized" to be read as an expired session.
          if (browserCredential && isSeamApiError(error) && [401, 403].includes(error.status)) {
            error.message += UPDATE_NEEDS_A_SERVER
          }
          throw error
        }
      },
    },
  }
  if (checked.serverOnly) serverOnlyClients.add(client)
  return client
}
