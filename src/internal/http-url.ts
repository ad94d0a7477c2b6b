/**
 * `value` as a URL when it is an absolute http(s) URL, else undefined: a `javascript:` URL must
 * never become an iframe `src`, a redirect target or an endpoint.
 */
export function parseHttpUrl(value: unknown): URL | undefined {
  try {
    const url = new URL(value as string)
    if (typeof value === 'string' && /^https?:$/.test(url.protocol)) return url
  } catch {
    // not a URL at all
  }
  return undefined
}
