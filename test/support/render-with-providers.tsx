import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { StrictMode, type ReactNode } from 'react'
import { SeamConnectProvider, type SeamConnectClient } from '../../src/index'

/** A fresh QueryClient per test, as an app would configure it (errors stay in the result). */
export const newQueryClient = () =>
  new QueryClient({ defaultOptions: { queries: { gcTime: Infinity } } })

/** StrictMode + the app's QueryClientProvider + our provider: how every hook test renders. */
export function providers(client: SeamConnectClient, queryClient = newQueryClient()) {
  function Wrapper({ children }: { children: ReactNode }) {
    return (
      <StrictMode>
        <QueryClientProvider client={queryClient}>
          <SeamConnectProvider client={client}>{children}</SeamConnectProvider>
        </QueryClientProvider>
      </StrictMode>
    )
  }
  return { wrapper: Wrapper, queryClient }
}
