import type { WebhookApiError, WebhookApiErrorKind } from './errors'

/** When and how the client retries a failed idempotent request. */
export interface RetryPolicy {
  /**
   * How many times to retry after the first attempt.
   * @defaultValue 2
   */
  retries: number
  /**
   * The first backoff delay; each retry doubles it.
   * @defaultValue 300
   */
  baseDelayMs: number
  /**
   * The longest backoff delay.
   * @defaultValue 10000
   */
  maxDelayMs: number
  /**
   * When the server's `Retry-After` asks for longer than this, the client gives up
   * at once and reports `retryAfterMs` on the error instead of keeping the caller waiting.
   * `Infinity` waits for any `Retry-After`, each wait clamped to {@link MAX_TIMER_MS}.
   * @defaultValue 60000
   */
  maxRetryAfterMs: number
  /** Called before each retry: for logging and metrics. */
  onRetry?: (info: { attempt: number; delayMs: number; error: WebhookApiError }) => void
  /**
   * Source of jitter in `[0, 1)`.
   * @defaultValue Math.random
   */
  random?: () => number
}

/**
 * The policy used when a client is given none: 2 retries, 300 ms doubling up to 10 s,
 * and no waiting longer than 60 s for a `Retry-After`.
 *
 * @example
 * ```ts
 * createWebhookClient({ retry: { ...defaultRetryPolicy, retries: 5 } })
 * ```
 */
export const defaultRetryPolicy: RetryPolicy = {
  retries: 2,
  baseDelayMs: 300,
  maxDelayMs: 10_000,
  maxRetryAfterMs: 60_000,
}

/**
 * The longest delay a timer holds (2³¹ − 1 ms, about 24.8 days): `setTimeout` fires a longer
 * one at once, so the client clamps every wait (timeouts, backoff, `Retry-After`) to it.
 *
 * @example
 * ```ts
 * createWebhookClient({ timeoutMs: MAX_TIMER_MS }) // the same as any longer finite value
 * ```
 */
export const MAX_TIMER_MS = 2 ** 31 - 1

const retryableKinds: ReadonlySet<WebhookApiErrorKind> = new Set(['network', 'timeout', 'rate-limited', 'server'])

/**
 * Tells whether an error kind is worth retrying (network, timeout, 429, 5xx).
 *
 * @example
 * ```ts
 * isRetryableKind('server') // true
 * isRetryableKind('unauthorized') // false
 * ```
 */
export function isRetryableKind(kind: WebhookApiErrorKind): boolean {
  return retryableKinds.has(kind)
}

/**
 * The delay before retry number `attempt` (0-based): exponential backoff with
 * "equal jitter" (half fixed, half random), or exactly the server's `Retry-After`
 * (at most {@link MAX_TIMER_MS}).
 *
 * @example
 * ```ts
 * backoffDelay(0, defaultRetryPolicy) // between 150 and 300
 * backoffDelay(3, defaultRetryPolicy, 2000) // 2000
 * ```
 */
export function backoffDelay(attempt: number, policy: RetryPolicy, retryAfterMs?: number): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, MAX_TIMER_MS)
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt)
  const random = policy.random ?? Math.random
  return Math.round(ceiling / 2 + (ceiling / 2) * random())
}

/**
 * Reads a `Retry-After` header (seconds or an HTTP date) as milliseconds from `now`.
 * Returns `undefined` for a missing or unreadable value.
 *
 * @example
 * ```ts
 * parseRetryAfter('3') // 3000
 * parseRetryAfter('Wed, 21 Oct 2026 07:28:00 GMT', Date.parse('Wed, 21 Oct 2026 07:27:00 GMT')) // 60000
 * ```
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value == null) return undefined
  const text = value.trim()
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000)
  const date = Date.parse(text)
  if (Number.isNaN(date)) return undefined
  return Math.max(0, date - now)
}
