import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { ConnectWebviewFrame, createSeamConnectClient, SeamConnectProvider } from '../../src/index'

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
      <ConnectWebviewFrame connectWebview={{ connect_webview_id: 'cw_2', url }} title="Connect" />,
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
