import type { QueryClient } from '@tanstack/react-query'

/** How a Connect Webview's frame ended. */
export type FrameOutcome = 'completed' | 'failed'

// Remembered per QueryClient (the app's cache, which outlives remounts and StrictMode's double
// effects), so `onComplete` fires once per webview however many frames show it.
const outcomes = new WeakMap<QueryClient, Map<string, FrameOutcome>>()

export function finishedOutcome(queryClient: QueryClient, key: string): FrameOutcome | undefined {
  return outcomes.get(queryClient)?.get(key)
}

/** Records the outcome; true only for the first caller, who then fires the callback. */
export function claimOutcome(
  queryClient: QueryClient,
  key: string,
  outcome: FrameOutcome,
): boolean {
  let map = outcomes.get(queryClient)
  if (!map) outcomes.set(queryClient, (map = new Map()))
  if (map.has(key)) return false
  map.set(key, outcome)
  return true
}
