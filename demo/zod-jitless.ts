// Imported first by main.tsx, so it runs before any module builds a zod schema (zod decides at
// construction whether to compile). zod compiles object parsers with `new Function` once it has
// checked that eval works, and that check alone is a violation a strict Content-Security-Policy
// reports (script-src without 'unsafe-eval'): jitless skips both (README
// "Content-Security-Policy"; test/e2e/demo-csp.e2e.test.ts). An export, not a bare side effect:
// the package declares `sideEffects: false`, so the build would drop a side-effect-only import.
import { z } from 'zod'

export const zodConfig = z.config({ jitless: true })
