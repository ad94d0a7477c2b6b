import { useQuery } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import {
  useSeamConnectClient,
  type ConnectWebview,
  type CreateConnectWebviewParams,
} from '../../src/index'
import type { FakeBehaviourPatch, FaultFields } from '../../fake/control-client.js'
import { useStorySession } from './seam-story-provider'

export interface WithWebviewProps {
  /** Params of the webview the story creates. */
  create?: CreateConnectWebviewParams
  /** How the fake's hosted page behaves for this webview. */
  behaviour?: FakeBehaviourPatch
  /** Faults the fake injects into this story's session. */
  faults?: FaultFields[]
  children: (webview: ConnectWebview) => ReactNode
}

/** Creates a real Connect Webview on the story's session, drives the fake, then renders. */
export function WithWebview({ create = {}, behaviour, faults = [], children }: WithWebviewProps) {
  const client = useSeamConnectClient()
  const { fake, userIdentifierKey } = useStorySession()
  const webview = useQuery({
    queryKey: ['story-webview'],
    staleTime: Infinity,
    queryFn: async () => {
      const created = await client.connectWebviews.create(create)
      if (fake && behaviour) await fake.webviewBehaviour(created.connect_webview_id, behaviour)
      for (const fault of faults)
        await fake?.fault({ user_identifier_key: userIdentifierKey, ...fault })
      return created
    },
  })
  if (webview.error) {
    return (
      <p role="alert" className="error">
        {webview.error.message}
      </p>
    )
  }
  if (!webview.data) return <p role="status">Creating a Connect Webview…</p>
  return <>{children(webview.data)}</>
}
