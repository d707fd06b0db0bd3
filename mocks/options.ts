import { DEFAULT_API_URL } from 'integration-webhooks/core'
import type { Random } from './random'

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
   * The endpoint's `apiUrl`: each saved row's `webhook_url` is `{origin}{apiUrl}/receive/{token}`,
   * as the server makes it (an absolute `apiUrl` is used as it is, without `origin`).
   * @defaultValue '/api/integration-webhooks'
   */
  apiUrl?: string
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
  readonly apiUrl: string
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
    apiUrl: options.apiUrl ?? DEFAULT_API_URL,
    userId: options.userId ?? 'user_mock_1',
  }
}

/**
 * `{origin}{apiUrl}/receive/{token}`: where a provider sends a saved webhook's events, as the
 * server builds it (an absolute `apiUrl` keeps its own origin).
 */
export function receivingUrl(origin: string, apiUrl: string, token: string): string {
  const api = apiUrl.trim().replace(/\/+$/, '')
  const root = /^[a-z][a-z0-9+.-]*:/i.test(api) ? api : `${origin}${api.startsWith('/') ? '' : '/'}${api}`
  return `${root}/receive/${token}`
}

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

/**
 * A receiving token of the server's form (32 random bytes as base64url: 43 characters, 256
 * bits, not the id), drawn from `rng` so the same seed gives the same URL.
 */
export function mockReceiveToken(rng: Random): string {
  let token = ''
  for (let i = 0; i < 42; i++) token += BASE64URL[rng.int(0, 63)]
  // The 43rd character carries the last byte's 2 remaining bits (and 4 zero bits).
  return token + BASE64URL[rng.int(0, 3) * 16]
}

export const SECOND = 1000
export const MINUTE = 60 * SECOND
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR

export const iso = (ms: number) => new Date(ms).toISOString()
export const pad = (value: number, width: number) => String(value).padStart(width, '0')
