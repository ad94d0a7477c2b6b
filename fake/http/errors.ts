import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { z } from 'zod'

/** Seam's error envelope (docs/seam-api.md §1): `{ error: { type, message, validation_errors? }, ok: false }`. */
interface SeamErrorBody {
  error: { type: string; message: string; validation_errors?: unknown }
  ok: false
}

/** Thrown anywhere in a route; the app's error handler turns it into Seam's error envelope. */
export class FakeSeamError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly type: string,
    message: string,
    readonly validationErrors?: unknown,
  ) {
    super(message)
    this.name = 'FakeSeamError'
  }

  toBody(): SeamErrorBody {
    return errorBody(this.type, this.message, this.validationErrors)
  }
}

export function errorBody(
  type: string,
  message: string,
  validationErrors?: unknown,
): SeamErrorBody {
  return {
    error: {
      type,
      message,
      ...(validationErrors === undefined ? {} : { validation_errors: validationErrors }),
    },
    ok: false,
  }
}

/** A 400 whose `validation_errors` is zod's format tree, the shape Seam sends. */
function invalidInput(error: z.ZodError): FakeSeamError {
  return new FakeSeamError(400, 'invalid_input', describeIssues(error), z.formatError(error))
}

/** e.g. `Invalid input: custom_metadata.a.b: Custom metadata keys must not contain "."` */
function describeIssues(error: z.ZodError): string {
  const issues = error.issues.map((issue) =>
    issue.path.length === 0
      ? issue.message
      : `${issue.path.map(String).join('.')}: ${issue.message}`,
  )
  return `Invalid input: ${issues.join('; ')}`
}

/** Parses with `schema` or throws Seam's 400 `invalid_input`. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input)
  if (!result.success) throw invalidInput(result.error)
  return result.data
}

export const unauthorized = (message: string) => new FakeSeamError(401, 'unauthorized', message)

export const connectWebviewNotFound = () =>
  new FakeSeamError(404, 'connect_webview_not_found', 'Connect webview not found')

export const connectedAccountNotFound = () =>
  new FakeSeamError(404, 'connected_account_not_found', 'Connected account not found')

/** Any error as Seam's envelope; unexpected ones become a 500 without details. */
export function errorResponse(error: unknown): Response {
  if (error instanceof FakeSeamError) {
    return Response.json(error.toBody(), { status: error.status })
  }
  // A bug in the fake: say so on stderr (errors here never carry credentials).
  console.error('Fake Seam Connect: unexpected error', error)
  return Response.json(errorBody('internal_server_error', 'Unexpected error in the fake'), {
    status: 500,
  })
}
