/**
 * The dispatcher's defaults and the words it records, in one place of their own: the server
 * reads them, and so do the mocks (`integration-webhooks/mocks`), which generate executions
 * the way the server records them. Constants and one pure function only, so importing them
 * brings no server code into the mocks' bundle.
 * @internal
 */

/** Attempts of `onEvent` per execution before it is an error (`maxAttempts`). */
export const DEFAULT_MAX_ATTEMPTS = 5

/** Failed executions in a row that turn the webhook's status to `error` (`failureThreshold`). */
export const DEFAULT_FAILURE_THRESHOLD = 5

/** How long one `onEvent` call may take, in ms (`eventTimeoutMs`). */
export const DEFAULT_EVENT_TIMEOUT_MS = 30_000

/** The waits of the default backoff before attempts 2, 3, 4, 5, 6…, in ms (the last one repeats). */
export const BACKOFF_STEPS_MS: readonly number[] = [5_000, 30_000, 120_000, 600_000, 1_800_000]

/** The default backoff's jitter: each wait is its step ±20 %. */
export const BACKOFF_JITTER = 0.2

/**
 * The default backoff's wait before attempt `attempt + 1`, with `random()` in [0, 1) for its
 * jitter: 5 s, 30 s, 2 min, 10 min, 30 min…, each ±20 %.
 */
export function backoffDelay(attempt: number, random: () => number): number {
  const base = BACKOFF_STEPS_MS[Math.min(attempt - 1, BACKOFF_STEPS_MS.length - 1)] ?? 1_800_000
  return Math.round(base * (1 - BACKOFF_JITTER + random() * 2 * BACKOFF_JITTER))
}

/** The error an `onEvent` that did not settle in time is recorded with. */
export const eventTimeoutMessage = (timeoutMs: number) => `onEvent did not settle within ${timeoutMs} ms`

/** The error of an event that came while its webhook was disabled: recorded, not dispatched. */
export const DISABLED_MESSAGE = 'the webhook is disabled: not dispatched'
