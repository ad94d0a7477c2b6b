// Which webviews this window's popups show, so that the app's own page at custom_redirect_url,
// loaded inside one of them, leaves the landing to the window that opened it (and only then).

/** Shared by every copy of this package, as the error brand is. */
const FLOWS = Symbol.for('react-seam-connect/popup-flows')

type WithFlows = Window & { [FLOWS]?: Set<string> }

/** The ids of the webviews `win`'s popup flows show (kept while each flow lasts). */
export function popupFlows(win: Window): Set<string> {
  const holder = win as WithFlows
  return (holder[FLOWS] ??= new Set())
}

/** Whether this window is a popup of a same-origin window whose popup flow shows `connectWebviewId`. */
export function openerShows(connectWebviewId: string): boolean {
  try {
    return (window.opener as WithFlows | null)?.[FLOWS]?.has(connectWebviewId) === true
  } catch {
    // An opener on another origin cannot be read: it runs no flow of this app.
    return false
  }
}
