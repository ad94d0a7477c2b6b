// One POST with a JSON body and its whole reply, bounded in time and by the caller's signal: the
// part the browser client's transport and the server entry's requests to Seam share.

/** Why a POST got no reply: it timed out, or fetch (or reading the body) failed. */
export class PostJsonFailure extends Error {
  constructor(
    readonly timedOut: boolean,
    override readonly cause: unknown,
  ) {
    super(timedOut ? 'timed out' : 'no reply')
    this.name = 'PostJsonFailure'
  }
}

export interface PostJsonOptions {
  /** Called unbound: a stored `fetch` invoked as a method throws "Illegal invocation". */
  fetch: typeof fetch | undefined
  url: string
  headers: HeadersInit
  body: unknown
  timeoutMs: number
  signal: AbortSignal | undefined
  redirect?: RequestRedirect
}

/**
 * Resolves with the response and its text once the whole body has arrived, within `timeoutMs`.
 * Rejects with the signal's reason when the caller aborted, else with a {@link PostJsonFailure}.
 */
export async function postJson(
  options: PostJsonOptions,
): Promise<{ response: Response; text: string }> {
  const { signal, timeoutMs } = options
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
    const fetchImpl = options.fetch ?? fetch
    const response = await fetchImpl(options.url, {
      method: 'POST',
      headers: options.headers,
      body: JSON.stringify(options.body),
      signal: controller.signal,
      ...(options.redirect === undefined ? {} : { redirect: options.redirect }),
    })
    return { response, text: await response.text() }
  } catch (cause) {
    if (signal?.aborted) throw signal.reason
    throw new PostJsonFailure(timedOut, cause)
  } finally {
    clearTimeout(timer)
    signal?.removeEventListener('abort', abort)
  }
}
