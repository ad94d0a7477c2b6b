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
 * Whether the window shows another origin's page (the webview, or a provider's login): its
 * location cannot be read then. A window cut off by Cross-Origin-Opener-Policy reads as closed
 * instead, so it never reads as away.
 */
export function showsAnotherOrigin(win: Window): boolean {
  if (win.closed) return false
  try {
    return typeof win.location.href !== 'string'
  } catch {
    return true
  }
}

/** Closes the window if the handle still can. */
export function closeWindow(win: Window): void {
  try {
    if (!win.closed) win.close()
  } catch {
    // a handle that can no longer reach the window: nothing to close
  }
}
