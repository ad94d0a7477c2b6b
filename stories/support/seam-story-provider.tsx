import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query'
import { createContext, useContext, useState, type ReactNode } from 'react'
import { SeamConnectProvider } from '../../src/index'
import {
  fakeControl,
  type FakeBehaviourPatch,
  type FaultFields,
} from '../../fake/control-client.js'
import { storyEndpoint } from './story-endpoint'

/** What the toolbar's "Fake" control can make the fake do for the story's session. */
export type FakeMode = 'healthy' | 'slow' | 'failing' | 'silent' | 'legacy'

const MODES: Record<FakeMode, { behaviour?: FakeBehaviourPatch; fault?: FaultFields }> = {
  healthy: {},
  slow: { behaviour: { latency_ms: 1500 } },
  failing: { fault: { status: 503, error_type: 'service_unavailable', times: 1000 } },
  silent: { behaviour: { post_message: false } },
  legacy: { behaviour: { event_naming: 'legacy' } },
}

export interface StorySession {
  endpoint: string
  /** The story's own client session on the fake, so stories never see each other's data. */
  userIdentifierKey: string
  /** The app's server (story-backend.ts), for the stories that write metadata. */
  backend: string
  /** The fake's control routes, when the endpoint is the fake. */
  fake: ReturnType<typeof fakeControl> | null
}

const StorySessionContext = createContext<StorySession | null>(null)

/** The story's session: its user identifier key and the fake's controls. */
export function useStorySession(): StorySession {
  const session = useContext(StorySessionContext)
  if (!session) throw new Error('useStorySession() needs the SeamStoryProvider decorator')
  return session
}

/**
 * Wraps every story: its own QueryClient, a fresh client session on the endpoint (the fake by
 * default: a server beside `npm run storybook`, or in the page behind MSW in a static build), the
 * toolbar's fake behaviour applied to that session, and a clear notice when no fake or API
 * answers (a stopped fake, or a static build served where service workers cannot run).
 */
export function SeamStoryProvider({ mode, children }: { mode: FakeMode; children: ReactNode }) {
  const [queryClient] = useState(() => new QueryClient())
  return (
    <QueryClientProvider client={queryClient}>
      <StorySessionGate mode={mode}>{children}</StorySessionGate>
    </QueryClientProvider>
  )
}

function StorySessionGate({ mode, children }: { mode: FakeMode; children: ReactNode }) {
  const configured = storyEndpoint()
  const { endpoint, publishableKey, backend } =
    configured instanceof Error ? {} : (configured ?? {})
  const [userIdentifierKey] = useState(() => `story-${crypto.randomUUID()}`)
  const session = useQuery({
    queryKey: ['story-session', mode],
    enabled: Boolean(endpoint && publishableKey),
    retry: false,
    staleTime: Infinity,
    queryFn: async (): Promise<StorySession> => {
      const base = endpoint as string
      let isFake: boolean
      try {
        isFake = (await fetch(`${base}/_fake/health`)).ok
      } catch {
        throw new Error(
          `Nothing answers at ${base}: start the fake with \`npm run fake\`, or point ` +
            'VITE_SEAM_ENDPOINT at Seam.',
        )
      }
      const fake = isFake ? fakeControl(base) : null
      const { behaviour, fault } = MODES[mode]
      if (fake && behaviour) await fake.sessionBehaviour(userIdentifierKey, behaviour)
      if (fake && fault) await fake.fault({ user_identifier_key: userIdentifierKey, ...fault })
      return { endpoint: base, userIdentifierKey, fake, backend: backend ?? '' }
    },
  })

  if (configured instanceof Error) {
    return (
      <p role="alert" className="error">
        {configured.message}
      </p>
    )
  }
  if (!endpoint || !publishableKey) {
    return (
      <p role="alert" className="error">
        No Seam endpoint is configured. Run <code>npm run storybook</code> (it starts the fake Seam
        Connect), or build with VITE_SEAM_ENDPOINT and VITE_SEAM_PUBLISHABLE_KEY set.
      </p>
    )
  }
  if (session.error) {
    return (
      <p role="alert" className="error">
        {session.error.message}
      </p>
    )
  }
  if (!session.data) return <p role="status">Connecting to Seam Connect…</p>
  return (
    <SeamConnectProvider
      endpoint={session.data.endpoint}
      publishableKey={publishableKey}
      userIdentifierKey={userIdentifierKey}
    >
      <StorySessionContext.Provider value={session.data}>{children}</StorySessionContext.Provider>
    </SeamConnectProvider>
  )
}
