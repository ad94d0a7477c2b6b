/**
 * The last `limit` ids added, oldest forgotten first: enough to recognise Seam's retries of a
 * delivery (spread over about 28 hours, https://docs.seam.co/latest/developer-tools/webhooks)
 * in one process, without growing for ever.
 */
export function recentIds(limit: number) {
  // A Set iterates in insertion order, so its first value is the oldest.
  const ids = new Set<string>()
  return {
    has: (id: string) => ids.has(id),
    add(id: string) {
      ids.delete(id)
      ids.add(id)
      if (ids.size > limit) {
        const oldest = ids.values().next()
        if (!oldest.done) ids.delete(oldest.value)
      }
    },
  }
}
