/**
 * Removes credentials from text that came from elsewhere (a server's error message, a fetch
 * failure) before it becomes part of one of our error messages.
 */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text
  for (const secret of secrets) out = out.replaceAll(secret, '[redacted]')
  return out
    .replace(/\bseam_[A-Za-z0-9_]+/g, 'seam_[redacted]')
    .replace(/(auth_token=)[^&\s"']+/g, '$1[redacted]')
}
