// The redirect landings this browser has already reported, so that the same URL opened again
// (from history, a bookmark, a duplicated tab) reports nothing twice. Only ids are kept: they
// are not credentials.

const KEY = 'react-seam-connect:handled-redirects'
/** Enough for any real use; the oldest go first. */
const KEPT = 50

function read(): string[] {
  try {
    const ids: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]')
    return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : []
  } catch {
    // No storage (a private window, a sandbox) or a value this code did not write.
    return []
  }
}

export const wasHandled = (connectWebviewId: string): boolean => read().includes(connectWebviewId)

export function markHandled(connectWebviewId: string): void {
  try {
    const ids = [...read().filter((id) => id !== connectWebviewId), connectWebviewId]
    localStorage.setItem(KEY, JSON.stringify(ids.slice(-KEPT)))
  } catch {
    // Without storage, only the URL's cleanup guards against a repeat.
  }
}
