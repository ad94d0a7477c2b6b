// app/api/seam/[...path]/route.ts (Next.js App Router)
import { seamHandler } from './seam-handler'

export const POST = seamHandler
