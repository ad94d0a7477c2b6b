// The browser side of a popup flow: opening the window, and what its handle can tell.

const WIDTH = 500
const HEIGHT = 720

/** A 500×720 popup, centred over the app's window. */
export function centredPopupFeatures(): string {
  const left = Math.round(window.screenX + (window.outerWidth - WIDTH) / 2)
  const top = Math.round(window.screenY + (window.outerHeight - HEIGHT) / 2)
  return `popup,width=${WIDTH},height=${HEIGHT},left=${left},top=${top}`
}

/**
 * Opens an empty window now, inside the user's click: popup blockers (Safari's above all) allow a
 * window only while the click's activation lasts, not after an `await`. `null` when blocked.
 * Without `noopener`: the handle is what messages are checked against and how closing is seen.
 */
export const openBlankWindow = (features: string): Window | null =>
  window.open('about:blank', '_blank', features)

/**
 * Whether the window shows the webview: a page it cannot read (the webview on Seam's origin, or
 * a provider's login), or, where the webview is served from the app's own origin, its page. A
 * window whose handle Cross-Origin-Opener-Policy cut reads as closed instead, so it never shows
 * the webview here.
 */
export function showsWebview(win: Window, webviewUrl: string): boolean {
  if (win.closed) return false
  let at: URL
  try {
    at = new URL(win.location.href)
  } catch {
    return true
  }
  const webview = new URL(webviewUrl)
  return at.origin === webview.origin && at.pathname === webview.pathname
}

/** Closes the window if the handle still can. */
export function closeWindow(win: Window): void {
  try {
    if (!win.closed) win.close()
  } catch {
    // a handle that can no longer reach the window: nothing to close
  }
}
