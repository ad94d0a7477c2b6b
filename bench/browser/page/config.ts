// What the Node side (bench/browser/harness.ts) tells the bench page, in its address's hash, and
// what the page records for it on `window.bench`. Shared by both sides, so neither guesses.

export interface BenchConfig {
  /** The fake's URL: Seam's `endpoint`. */
  endpoint: string
  /** A client session token minted by the fake for this flow's user (a fake's, not a secret). */
  token: string
  /**
   * `frame`: our <ConnectWebviewFrame>; `baseline`: an iframe plus hand-written React Query polling
   * of /connect_webviews/get, then the account (the approach Seam's docs suggest); `rerender`: the
   * frame under a parent that re-renders on demand.
   */
  view: 'frame' | 'baseline' | 'rerender'
  /** The frame's `pollInterval` (default: the library's), or the baseline's `refetchInterval`. */
  pollInterval?: number
  /** Render under <StrictMode> (its double effects run only in a development build). */
  strict?: boolean
  /** The webview's `custom_redirect_url`, if any. */
  redirectUrl?: string
}

export interface BenchRecord {
  webviewId?: string
  /** Wall-clock ms when the webview was created, just before the view mounted. */
  createdAt?: number
  /** Wall-clock ms (`performance.timeOrigin + performance.now()`) when the flow completed. */
  completedAt?: number
  /** The iframe's `load` events. */
  loads: number
  /** Commits of the <Profiler> around the frame (profiling build only; 0 elsewhere). */
  frameCommits: number
  /** Each of those commits' `actualDuration`, in ms. */
  commitDurations: number[]
  errors: string[]
  /** `view: 'rerender'`: re-renders the parent `count` times, one commit each. */
  rerender?: (count: number) => Promise<RerenderResult>
}

export interface RerenderResult {
  /** The same iframe element before and after. */
  sameIframe: boolean
  /** Wall-clock ms of each re-render (flushSync: render and commit). */
  wallMs: number[]
  /** The <Profiler>'s actualDuration of each re-render's commit. */
  actualMs: number[]
}

declare global {
  interface Window {
    bench: BenchRecord
  }
}

export const now = () => performance.timeOrigin + performance.now()
