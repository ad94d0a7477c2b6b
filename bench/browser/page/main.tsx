// The bench page: creates a webview for this flow's user, then renders the view the Node side
// asked for (config.ts). It is built three ways by bench/browser/build.ts.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { StrictMode, type ReactNode } from 'react'
import { createRoot } from 'react-dom/client'
import {
  createConnectWebviewMutationOptions,
  createSeamConnectClient,
  SeamConnectProvider,
} from '../../../src/index'
import { BaselineFlow } from './baseline-flow'
import { now, type BenchConfig } from './config'
import { FrameFlow } from './frame-flow'
import { record } from './record'
import { RerenderFlow } from './rerender-flow'

const config = JSON.parse(decodeURIComponent(location.hash.slice(1))) as BenchConfig

async function start() {
  const client = createSeamConnectClient({
    endpoint: config.endpoint,
    clientSessionToken: config.token,
  })
  const queryClient = new QueryClient()
  // What useCreateConnectWebview runs: the create, and its answer put in the cache.
  const create = createConnectWebviewMutationOptions(client, { queryClient })
  const webview = await create.mutationFn(
    config.redirectUrl ? { custom_redirect_url: config.redirectUrl } : {},
  )
  create.onSuccess(webview)
  record.webviewId = webview.connect_webview_id
  record.createdAt = now()
  const view =
    config.view === 'baseline' ? (
      <BaselineFlow
        webview={webview}
        endpoint={config.endpoint}
        token={config.token}
        interval={config.pollInterval ?? 5000}
      />
    ) : config.view === 'rerender' ? (
      <RerenderFlow webview={webview} />
    ) : (
      <FrameFlow webview={webview} pollInterval={config.pollInterval} />
    )
  const app: ReactNode = (
    <QueryClientProvider client={queryClient}>
      <SeamConnectProvider client={client}>{view}</SeamConnectProvider>
    </QueryClientProvider>
  )
  createRoot(document.getElementById('root') as HTMLElement).render(
    config.strict ? <StrictMode>{app}</StrictMode> : app,
  )
}

start().catch((error: unknown) => record.errors.push(String(error)))
