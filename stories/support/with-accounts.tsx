import { useQuery } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import type { FaultFields } from '../../fake/control-client.js'
import type { SeedConnectedAccountInput } from '../../fake/control/seed-schema.js'
import { useStorySession } from './seam-story-provider'

type Seed = Omit<SeedConnectedAccountInput, 'user_identifier_key'>

export interface WithAccountsProps {
  /**
   * Accounts connected before the story starts, all the story's user's (one bulk seed); a
   * function gets the user's key, for metadata that names the user.
   */
  seed?: Seed[] | ((userIdentifierKey: string) => Seed[])
  /** Faults on the story's client session: its requests straight to the fake. */
  faults?: FaultFields[]
  /**
   * Faults on the story's backend: the API-key requests the app's server sends for this user
   * (stories/support/story-backend.ts), which carry the user's key as their fake scope.
   */
  backendFaults?: FaultFields[]
  children: (story: SeededStory) => ReactNode
}

export interface SeededStory {
  userIdentifierKey: string
  /** The seeded accounts' ids, in the order of `seed`. */
  accountIds: string[]
}

/**
 * Seeds the story's accounts on the fake and scripts its faults, then renders; the story's user
 * is shown (`data-testid="story-user"`) so a play function can read the fake's request log.
 */
export function WithAccounts({
  seed = [],
  faults = [],
  backendFaults = [],
  children,
}: WithAccountsProps) {
  const { fake, userIdentifierKey } = useStorySession()
  const prepared = useQuery({
    queryKey: ['story-accounts'],
    staleTime: Infinity,
    retry: false,
    queryFn: async (): Promise<SeededStory> => {
      if (!fake) {
        throw new Error(
          'This story seeds accounts and scripts faults on the fake Seam Connect, which does not ' +
            'answer here.',
        )
      }
      const accounts = typeof seed === 'function' ? seed(userIdentifierKey) : seed
      const accountIds = accounts.length
        ? await fake.seedConnectedAccounts(
            accounts.map((account) => ({ ...account, user_identifier_key: userIdentifierKey })),
          )
        : []
      for (const fault of faults) {
        await fake.fault({ ...fault, user_identifier_key: userIdentifierKey })
      }
      for (const fault of backendFaults) await fake.fault({ ...fault, scope: userIdentifierKey })
      return { userIdentifierKey, accountIds }
    },
  })
  if (prepared.error) {
    return (
      <p role="alert" className="error">
        {prepared.error.message}
      </p>
    )
  }
  if (!prepared.data) return <p role="status">Seeding the story’s accounts…</p>
  return (
    <>
      <p className="hint">
        Signed in as <code data-testid="story-user">{userIdentifierKey}</code>
      </p>
      {children(prepared.data)}
    </>
  )
}
