/**
 * The error codes the server answers with, each with its HTTP status.
 * Every error body is `{ "error": string, "code": ServerErrorCode }` (plus `issues` for 400s
 * about the body or query): never a stack, SQL or a secret.
 */
export const serverErrorStatus = {
  bad_request: 400,
  invalid_json: 400,
  invalid_body: 400,
  invalid_query: 400,
  invalid_cursor: 400,
  unknown_provider: 400,
  invalid_secret: 400,
  unauthorized: 401,
  secret_missing: 401,
  invalid_signature: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  limit_reached: 409,
  cannot_sign: 409,
  secret_required: 409,
  not_rotatable: 409,
  webhook_disabled: 409,
  already_pending: 409,
  test_refused: 422,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  too_many_streams: 429,
  internal: 500,
  unavailable: 503,
} as const

/** One of the codes in {@link serverErrorStatus}. */
export type ServerErrorCode = keyof typeof serverErrorStatus

/**
 * An error a route throws to answer with a JSON error: the edge turns it into
 * `{ "error": message, "code": code }` with its status. Anything else thrown is a 500
 * that says nothing of its cause and is reported through `onError`.
 *
 * @example
 * ```ts
 * throw new HttpError('not_found', 'No webhook with this id')
 * ```
 */
export class HttpError extends Error {
  override readonly name = 'HttpError'
  readonly code: ServerErrorCode
  readonly status: number
  /** Each problem as `path: message`, for 400s about a body or query. */
  readonly issues: readonly string[] | undefined
  /** Extra response headers (`Allow` on a 405, `Retry-After` on a 429). */
  readonly headers: Readonly<Record<string, string>> | undefined

  constructor(
    code: ServerErrorCode,
    message: string,
    options: { issues?: readonly string[]; headers?: Record<string, string> } = {},
  ) {
    super(message)
    this.code = code
    this.status = serverErrorStatus[code]
    this.issues = options.issues
    this.headers = options.headers
  }
}

/** The one 404 for a missing webhook and for another user's: existence never leaks. */
export const webhookNotFound = () => new HttpError('not_found', 'No webhook with this id')
