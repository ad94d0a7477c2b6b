/**
 * Whether this code runs where the user can read it: a page (`window`), or a dedicated, shared or
 * service worker, which has no window but runs in the same browser
 * (https://html.spec.whatwg.org/multipage/workers.html#the-workerglobalscope-common-interface).
 * Cloudflare's workerd implements a worker scope on its servers, and says so in its user agent
 * (https://developers.cloudflare.com/workers/runtime-apis/web-standards/#navigatoruseragent).
 */
export function isBrowserScope(): boolean {
  const scope = globalThis as {
    window?: unknown
    WorkerGlobalScope?: unknown
    navigator?: { userAgent?: unknown }
  }
  if (typeof scope.window !== 'undefined') return true
  if (scope.navigator?.userAgent === 'Cloudflare-Workers') return false
  return (
    typeof scope.WorkerGlobalScope === 'function' &&
    globalThis instanceof (scope.WorkerGlobalScope as abstract new () => unknown)
  )
}
