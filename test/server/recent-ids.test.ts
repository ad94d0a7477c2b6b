// The webhook handler's memory of handled deliveries stays bounded: the oldest id goes first, and
// an id seen again counts as new.
import { describe, expect, it } from 'vitest'
import { recentIds } from '../../src/server/recent-ids'

describe('recentIds', () => {
  it('remembers at most `limit` ids, forgetting the oldest first', () => {
    const ids = recentIds(2)
    ids.add('a')
    ids.add('b')
    ids.add('c')
    expect(['a', 'b', 'c'].map((id) => ids.has(id))).toEqual([false, true, true])
  })

  it('moves an id added again to the newest place', () => {
    const ids = recentIds(2)
    ids.add('a')
    ids.add('b')
    ids.add('a')
    ids.add('c')
    expect(['a', 'b', 'c'].map((id) => ids.has(id))).toEqual([true, false, true])
  })
})
