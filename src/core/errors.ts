/**
 * What went wrong with a request, as a value a UI can switch on.
 *
 * - `unauthorized` (401), `forbidden` (403), `not-found` (404), `conflict` (409: the change
 *   clashes with the webhook's current state), `rate-limited` (429), `bad-request` (400 and any
 *   other 4xx), `server` (5xx);
 * - `network`: the request never got an HTTP answer; `timeout`: no answer within `timeoutMs`;
 *   `aborted`: the caller's `AbortSignal` fired;
 * - `invalid-response`: the body is not JSON or not the documented shape;
 * - `credentials`: the client's `getToken` or `headers` threw, so no request was sent (the
 *   session could not be read); never retried, the thrown value is the `cause`.
 */
export type WebhookApiErrorKind =
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'rate-limited'
  | 'bad-request'
  | 'server'
  | 'network'
  | 'timeout'
  | 'aborted'
  | 'invalid-response'
  | 'credentials'

/** What {@link WebhookApiError}'s constructor takes besides the kind and message. */
export interface WebhookApiErrorDetails {
  /** HTTP status, when there was an HTTP answer. */
  status?: number
  /**
   * Problems as `path: message`: the schema's, for `invalid-response`; the server's, for a
   * 400 whose body lists them (`{ "error", "code", "issues": [...] }`).
   */
  issues?: readonly string[]
  /** The `code` of the server's error body (`{ "error": string, "code": string }`), e.g. `"unknown_provider"`. */
  code?: string
  /** The `error` of the server's error body: its own sentence, without our method and URL around it. */
  serverMessage?: string
  /** How long the server asked us to wait (`Retry-After`), in milliseconds. */
  retryAfterMs?: number
  /** The request's method and URL. */
  method?: string
  url?: string
  /** The underlying error (a `TypeError` from `fetch`, a `SyntaxError` from JSON parsing, …). */
  cause?: unknown
}

/**
 * The only error the client throws. Switch on `kind`, not on the message.
 *
 * @example
 * ```ts
 * try {
 *   await client.listWebhooks()
 * } catch (error) {
 *   if (isWebhookApiError(error) && error.kind === 'unauthorized') redirectToSignIn()
 *   else throw error
 * }
 * ```
 */
export class WebhookApiError extends Error {
  override readonly name = 'WebhookApiError'
  readonly kind: WebhookApiErrorKind
  readonly status: number | undefined
  readonly issues: readonly string[]
  /** The `code` of the server's error body, when it sent one: switch on it for finer cases than `kind`. */
  readonly code: string | undefined
  /** The `error` of the server's error body, when it sent one (for showing the server's own words). */
  readonly serverMessage: string | undefined
  readonly retryAfterMs: number | undefined
  readonly method: string | undefined
  readonly url: string | undefined

  constructor(kind: WebhookApiErrorKind, message: string, details: WebhookApiErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause })
    this.kind = kind
    this.status = details.status
    this.issues = details.issues ?? []
    this.code = details.code
    this.serverMessage = details.serverMessage
    this.retryAfterMs = details.retryAfterMs
    this.method = details.method
    this.url = details.url
  }
}

/**
 * Tells whether a value is a {@link WebhookApiError} (also across bundle copies).
 *
 * @example
 * ```ts
 * if (isWebhookApiError(error)) console.log(error.kind, error.status)
 * ```
 */
export function isWebhookApiError(value: unknown): value is WebhookApiError {
  return (
    value instanceof WebhookApiError ||
    (value instanceof Error &&
      value.name === 'WebhookApiError' &&
      typeof (value as { kind?: unknown }).kind === 'string')
  )
}

/**
 * Maps an HTTP status of a failed response to an error kind.
 *
 * @example
 * ```ts
 * errorKindForStatus(429) // 'rate-limited'
 * ```
 */
export function errorKindForStatus(status: number): WebhookApiErrorKind {
  if (status === 401) return 'unauthorized'
  if (status === 403) return 'forbidden'
  if (status === 404) return 'not-found'
  if (status === 409) return 'conflict'
  if (status === 429) return 'rate-limited'
  if (status >= 500) return 'server'
  return 'bad-request'
}
