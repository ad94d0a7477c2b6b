import * as z from 'zod/mini'

/**
 * Seam's error envelope: `{ error: { type, message, validation_errors? }, ok: false }`.
 * `validation_errors` is zod's format() tree; kept as unknown JSON.
 */
export const apiErrorEnvelopeSchema = z.object({
  error: z.looseObject({
    type: z.string(),
    message: z.optional(z.string()),
    data: z.optional(z.unknown()),
    validation_errors: z.optional(z.unknown()),
  }),
})
