/**
 * The fixed "now" every fixture is dated against, so the same seed gives the same data on any day.
 *
 * @example
 * ```ts
 * mockWebhooks('default', { now: MOCK_NOW }) // the same as mockWebhooks()
 * ```
 */
export const MOCK_NOW = '2026-11-20T12:00:00.000Z'

/** Options every fixture builder takes. */
export interface MockDataOptions {
  /**
   * Seed of the pseudo-random generator: the same seed gives deep-equal data.
   * @defaultValue 1
   */
  seed?: number
  /**
   * The reference time: `last_triggered`, execution times and `created_at` lie before it.
   * @defaultValue {@link MOCK_NOW}
   */
  now?: Date | string | number
  /**
   * The host origin in the webhook URLs and setup instructions.
   * @defaultValue 'https://app.example.com'
   */
  origin?: string
  /**
   * The `user_id` of every row.
   * @defaultValue 'user_mock_1'
   */
  userId?: string
}

/** {@link MockDataOptions} with every default filled in. */
export interface ResolvedDataOptions {
  readonly seed: number
  readonly nowMs: number
  readonly origin: string
  readonly userId: string
}

export function resolveDataOptions(options: MockDataOptions = {}): ResolvedDataOptions {
  const seed = options.seed ?? 1
  if (!Number.isFinite(seed)) throw new TypeError(`seed must be a finite number, got ${String(options.seed)}`)
  const nowMs = new Date(options.now ?? MOCK_NOW).getTime()
  if (Number.isNaN(nowMs)) throw new TypeError(`now must be a valid date, got ${String(options.now)}`)
  return {
    seed: Math.trunc(seed),
    nowMs,
    origin: (options.origin ?? 'https://app.example.com').replace(/\/+$/, ''),
    userId: options.userId ?? 'user_mock_1',
  }
}

export const SECOND = 1000
export const MINUTE = 60 * SECOND
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR

export const iso = (ms: number) => new Date(ms).toISOString()
export const pad = (value: number, width: number) => String(value).padStart(width, '0')
