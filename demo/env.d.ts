/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Seam's API, the app's proxy, or (by default) the fake started by `npm start`. */
  readonly VITE_SEAM_ENDPOINT?: string
  /** A publishable key (`seam_pk...`); never an API key. */
  readonly VITE_SEAM_PUBLISHABLE_KEY?: string
  /** "true" when `npm start` started the fake Seam Connect. */
  readonly VITE_SEAM_FAKE?: string
}
