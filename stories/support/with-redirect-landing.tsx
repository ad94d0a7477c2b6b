import { useQuery } from '@tanstack/react-query'
import { useEffect, useState, type ReactNode } from 'react'
import {
  redirectUrlFor,
  useSeamConnectClient,
  type CreateConnectWebviewParams,
} from '../../src/index'
import type { FaultFields } from '../../fake/control-client.js'
import { useStorySession } from './seam-story-provider'

export interface WithRedirectLandingProps {
  /** How the person's login on Seam's page ends. */
  outcome: 'completed' | 'failed'
  /** Params of the webview, besides the custom_redirect_url back to this page. */
  create?: CreateConnectWebviewParams
  /** Faults the fake injects into this story's session once the webview has finished. */
  faults?: FaultFields[]
  children: ReactNode
}

/**
 * This page as Seam's redirect leaves it, before `children` mount: a real webview created with a
 * custom_redirect_url back to this page, finished on the fake, and this page's URL replaced with
 * the one the hosted page would now navigate to (its own outcome route says which). A story
 * cannot be loaded from another site's redirect; history.replaceState is the closest honest thing.
 * The page's own URL comes back on unmount.
 */
export function WithRedirectLanding({
  outcome,
  create = {},
  faults = [],
  children,
}: WithRedirectLandingProps) {
  const client = useSeamConnectClient()
  const { fake, userIdentifierKey } = useStorySession()
  const [original] = useState(() => window.location.href)
  useEffect(() => () => window.history.replaceState(window.history.state, '', original), [original])
  const landing = useQuery({
    queryKey: ['story-redirect-landing'],
    staleTime: Infinity,
    retry: false,
    queryFn: async () => {
      if (!fake) throw new Error('This story finishes its webview on the fake Seam Connect')
      const webview = await client.connectWebviews.create({
        ...create,
        custom_redirect_url: redirectUrlFor(window.location),
      })
      const id = webview.connect_webview_id
      if (outcome === 'completed') await fake.complete(id)
      else {
        await fake.fail(id, {
          error_code: 'invalid_credentials',
          error_message: 'The username or password is incorrect.',
        })
      }
      for (const fault of faults) {
        await fake.fault({ user_identifier_key: userIdentifierKey, ...fault })
      }
      // What the hosted page reads to learn where to go, with the token its own URL carries.
      const reply = await fake.request('/connect_webviews/view/outcome', {
        method: 'GET',
        query: {
          connect_webview_id: id,
          auth_token: new URL(webview.url).searchParams.get('auth_token') ?? '',
        },
      })
      const target: unknown = reply.body?.redirect?.url
      if (typeof target !== 'string') {
        throw new Error(`The hosted page has no redirect to follow (it answered ${reply.status})`)
      }
      window.history.replaceState(window.history.state, '', target)
      return id
    },
  })
  if (landing.error) {
    return (
      <p role="alert" className="error">
        {landing.error.message}
      </p>
    )
  }
  if (!landing.data) return <p role="status">Signing in on Seam’s page…</p>
  return <>{children}</>
}
