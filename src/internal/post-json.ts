// One POST with a JSON body and its whole reply, bounded in time and by the caller's signal: the
// part the browser client's transport and the server entry's requests to Seam share.

/** The whole reply, or why there was none: a timeout, or fetch (or reading the body) failing. */
export type PostJsonResult =
  { response: Response; text: string } | { response?: undefined; timedOut: boolean; cause: unknown }

/**
 * POSTs `init` (headers, body, ...) to `url` with `fetchImpl` (default: the global fetch, called
 * unbound: a stored `fetch` invoked as a method throws "Illegal invocation"). Resolves once the
 * whole body has arrived within `timeoutMs`, or with why it did not. Rejects only with the
 * signal's reason, when the caller aborted.
 */
export async function postJson(
  url: string,
  init: RequestInit,
  fetchImpl: typeof fetch | undefined,
  timeoutMs: number,
  signal: AbortSignal | undefined,
): Promise<PostJsonResult> {
  if (signal?.aborted) throw signal.reason
  const controller = new AbortController()
  const abort = () => controller.abort(signal?.reason)
  signal?.addEventListener('abort', abort, { once: true })
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort()
  }, timeoutMs)
  try {
    const response = await (fetchImpl ?? fetch)(url, {
      ...init,
      method: 'POST',
      signal: controller.signal,
    })
    return { response, text: await response.text() }
  } catch (cause) {
    if (signal?.aborted) throw signal.reason
    return { timedOut, cause }
  } finally {
    clearTimeout(timer)
    signal?.removeEventListener('abort', abort)
  }
}
