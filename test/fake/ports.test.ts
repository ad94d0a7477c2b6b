// The test setup's fake listens on a random port: one that fetch refuses to reach ("bad port")
// would fail every test of that run with "fetch failed", as one CI run did on port 4190.
import { describe, expect, it } from 'vitest'
import { pickFakePort } from '../support/fake-global-setup'

// From https://fetch.spec.whatwg.org/#port-blocking, those in 2000..6553.
const BLOCKED = [2049, 3659, 4045, 4190, 5060, 5061, 6000]

describe('the fake’s random port', () => {
  it.each(BLOCKED)('is never %i, which fetch blocks', (blocked) => {
    const draw = (blocked - 2000) / (6553 - 2000 + 1)
    expect(BLOCKED).not.toContain(pickFakePort(() => draw))
  })

  it('stays in 2000..6553 so that the lookalike port P * 10 + 1 is valid', () => {
    for (const draw of [0, 0.5, 0.999999]) {
      const port = pickFakePort(() => draw)
      expect(port).toBeGreaterThanOrEqual(2000)
      expect(port * 10 + 1).toBeLessThanOrEqual(65535)
    }
  })
})
