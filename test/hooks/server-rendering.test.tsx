import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { renderToString } from 'react-dom/server'
import { describe, expect, inject, it } from 'vitest'
import {
  ConnectWebviewFrame,
  connectedAccountByConnectWebviewQueryOptions,
  connectWebviewQueryOptions,
  createSeamConnectClient,
  SeamConnectProvider,
  SeamInvalidInputError,
  type SeamConnectProviderProps,
} from '../../src/index'
import { fakeControl, uniqueUser } from '../../fake/control-client'
import { thrownBy } from '../support/errors'

const endpoint = inject('fakeUrl')
const apiKey = inject('fakeApiKey')
const publishableKey = inject('fakePublishableKey')

const url =
  'https://connect.getseam.com/connect_webviews/view?connect_webview_id=cw_1&auth_token=SECRET'

function html(element: React.ReactNode) {
  return renderToString(
    <QueryClientProvider client={new QueryClient()}>
      <SeamConnectProvider client={createSeamConnectClient({ clientSessionToken: 'seam_cst1x' })}>
        {element}
      </SeamConnectProvider>
    </QueryClientProvider>,
  )
}

describe('<ConnectWebviewFrame> on the server', () => {
  it('renders the iframe without touching window', () => {
    expect(typeof window).toBe('undefined')
    const out = html(<ConnectWebviewFrame url={url} className="connect" />)
    expect(out).toMatch(/^<iframe /)
    expect(out).toContain(`src="${url.replace('&', '&amp;')}"`)
    expect(out).toContain('title="Connect your device account with Seam"')
    expect(out).toContain('allow="clipboard-write"')
    expect(out).toContain('data-state="loading"')
    expect(out).toContain('aria-busy="true"')
    expect(out).toContain('class="connect"')
    expect(out).toContain('min-height:600px')
    expect(out).not.toContain('sandbox')
  })

  it('takes the id from a webview object too', () => {
    const out = html(
      <ConnectWebviewFrame connectWebview={{ connect_webview_id: 'cw_1', url }} title="Connect" />,
    )
    expect(out).toContain('title="Connect"')
  })

  it('refuses a URL that is not an http(s) webview URL, with a typed error', () => {
    expect(() =>
      html(<ConnectWebviewFrame url="javascript:alert(1)//?connect_webview_id=x" />),
    ).toThrow(/url must be an http\(s\) Connect Webview URL/)
    expect(() => html(<ConnectWebviewFrame url="https://connect.getseam.com/view" />)).toThrow(
      /url must be an http\(s\) Connect Webview URL with a connect_webview_id/,
    )
  })
})

describe('<ConnectWebviewFrame> input', () => {
  it('refuses a connectWebview whose id disagrees with its URL, with a typed error', () => {
    expect(() =>
      html(<ConnectWebviewFrame connectWebview={{ connect_webview_id: 'cw_other', url }} />),
    ).toThrow(SeamInvalidInputError)
    expect(() =>
      html(<ConnectWebviewFrame connectWebview={{ connect_webview_id: 'cw_other', url }} />),
    ).toThrow(/connect_webview_id does not match the one in its url/)
  })
})

describe('<SeamConnectProvider> on the server refuses what must never reach a browser', () => {
  const renderProvider = (props: SeamConnectProviderProps) =>
    renderToString(
      <QueryClientProvider client={new QueryClient()}>
        <SeamConnectProvider {...props}>
          <p>app</p>
        </SeamConnectProvider>
      </QueryClientProvider>,
    )

  it.each([
    ['apiKey', { apiKey }],
    ['an API-key-shaped token', { clientSessionToken: 'seam_live_abc123' }],
    ['a personal access token', { clientSessionToken: 'seam_at1_abc123' }],
    ['an API key in headers', { endpoint, headers: { authorization: `Bearer ${apiKey}` } }],
    [
      'a console session token (JWT)',
      { clientSessionToken: 'eyJhbGciOiJIUzI1NiJ9.eyJ4IjoxfQ.c2ln' },
    ],
  ])('%s, before any HTML is produced', (_, props) => {
    expect(typeof window).toBe('undefined')
    const thrown = thrownBy(() => renderProvider(props as SeamConnectProviderProps))
    expect(thrown).toBeInstanceOf(SeamInvalidInputError)
    expect((thrown as Error).message).toMatch(/must not hold a Seam API key/)
    expect((thrown as Error).message).not.toContain(apiKey)
    expect((thrown as Error).message).not.toContain('abc123')
  })

  it('a server client built with an API key', () => {
    const serverClient = createSeamConnectClient({ endpoint, apiKey })
    expect(() => renderProvider({ client: serverClient })).toThrow(SeamInvalidInputError)
  })

  it('a publishable key and a client session token render', () => {
    expect(renderProvider({ endpoint, publishableKey, userIdentifierKey: 'user-1' })).toContain(
      'app',
    )
    expect(renderProvider({ clientSessionToken: 'seam_cst1abc' })).toContain('app')
  })
})

describe('prefetching on a server never hangs', () => {
  const fake = fakeControl(endpoint)

  it('a pending webview resolves at once; its account once it names one', async () => {
    const server = createSeamConnectClient({ endpoint, apiKey })
    const queryClient = new QueryClient()
    const webview = await server.connectWebviews.create({
      custom_metadata: { who: uniqueUser('ssr') },
    })
    const pending = await queryClient.ensureQueryData(
      connectWebviewQueryOptions(server, webview.connect_webview_id),
    )
    expect(pending.status).toBe('pending')

    await fake.complete(webview.connect_webview_id)
    await queryClient.invalidateQueries()
    const authorized = await queryClient.fetchQuery(
      connectWebviewQueryOptions(server, webview.connect_webview_id),
    )
    expect(authorized.status).toBe('authorized')
    const account = await queryClient.fetchQuery(
      connectedAccountByConnectWebviewQueryOptions(
        server,
        webview.connect_webview_id,
        authorized.connected_account_id as string,
      ),
    )
    expect(account.custom_metadata).toEqual(webview.custom_metadata)
  })
})
