import type { QueryClient } from '@tanstack/react-query'

/** How a Connect Webview's frame ended. */
export type FrameOutcome = 'completed' | 'failed'

// Remembered per QueryClient (the app's cache, which outlives remounts and StrictMode's double
// effects), so `onComplete` fires once per webview however many frames show it.
const outcomes = new WeakMap<QueryClient, Map<string, FrameOutcome>>()

/** The outcomes of the webviews framed with `queryClient`, by client scope and webview id. */
export function frameOutcomes(queryClient: QueryClient): Map<string, FrameOutcome> {
  let map = outcomes.get(queryClient)
  if (!map) outcomes.set(queryClient, (map = new Map()))
  return map
}
