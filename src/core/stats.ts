// Pure helpers for showing delivery statistics (issue 14): a rate as text, bar heights on a
// readable scale, bucket labels, which buckets get an axis label. No zod here: the UI imports
// these without the schemas.
import { parseDateTime } from './date-time'

/** The windows of the statistics routes (the same list as the schema's `statsWindows`). */
type Window = '24h' | '7d' | '30d'

/** A bucket as the helpers need it: where it starts and its outcomes. */
interface BucketInput {
  start: string
  success: number
  error: number
}

const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>()
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, build: () => T): T {
  let found = formatters.get(key) as T | undefined
  if (!found) {
    found = build()
    formatters.set(key, found)
  }
  return found
}

/**
 * A success rate (0..1) as a percentage with at most one decimal, in the locale. Never rounds a
 * rate below 1 up to "100%" nor one above 0 down to "0%": a webhook that failed once in 10,000
 * reads 99.9%, not "100%". Returns `''` for `null` (nothing finished) or a value outside 0..1.
 *
 * @example
 * ```ts
 * formatSuccessRate(0.9731, 'en') // '97.3%'
 * formatSuccessRate(0.99996, 'en') // '99.9%'
 * formatSuccessRate(null, 'en') // ''
 * ```
 */
export function formatSuccessRate(rate: number | null | undefined, locale?: string): string {
  if (rate === null || rate === undefined || !(rate >= 0 && rate <= 1)) return ''
  const shown = rate > 0 && rate < 1 ? Math.min(Math.max(rate, 0.001), 0.999) : rate
  return cached(
    `rate:${locale ?? ''}`,
    () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }),
  ).format(
    // Cut, not round, at one decimal: 0.9996 must not read 100%.
    Math.floor(shown * 1000 + 1e-9) / 1000,
  )
}

/**
 * The smallest "round" number (1, 2 or 5 times a power of ten) at or above `value`: the top of a
 * chart's scale, so its label reads 50, not 47. 0 for 0 or less.
 *
 * @example
 * ```ts
 * niceCeiling(47) // 50
 * niceCeiling(120) // 200
 * ```
 */
export function niceCeiling(value: number): number {
  if (!(value > 0)) return 0
  const power = 10 ** Math.floor(Math.log10(value))
  for (const step of [1, 2, 5, 10]) if (step * power >= value - 1e-9) return step * power
  return 10 * power
}

/** One bar of {@link scaleStatsBars}: a bucket's outcomes and their heights on the chart. */
export interface StatsBar {
  start: string
  success: number
  error: number
  total: number
  /** Height of the successes, in the chart's units (0 when none). */
  successHeight: number
  /** Height of the errors, stacked on the successes (0 when none). */
  errorHeight: number
}

/** What {@link scaleStatsBars} returns. */
export interface StatsBarScale {
  /** The value the chart's full height stands for ({@link niceCeiling} of the busiest bucket); 0 when every bucket is empty. */
  max: number
  bars: StatsBar[]
}

/**
 * Heights of stacked success/error bars for a window's buckets, on a shared scale from 0 to a
 * round maximum. A part that is not zero is at least `minHeight` tall, so one failure among
 * thousands still shows.
 *
 * @example
 * ```ts
 * const { max, bars } = scaleStatsBars(stats.buckets, 100)
 * bars.map((bar) => bar.successHeight + bar.errorHeight)
 * ```
 */
export function scaleStatsBars(buckets: readonly BucketInput[], height: number, minHeight = 1): StatsBarScale {
  let busiest = 0
  for (const bucket of buckets) busiest = Math.max(busiest, bucket.success + bucket.error)
  const max = niceCeiling(busiest)
  const scale = (n: number) => (n > 0 ? Math.max(minHeight, Math.round((n / max) * height * 100) / 100) : 0)
  return {
    max,
    bars: buckets.map((bucket) => ({
      start: bucket.start,
      success: bucket.success,
      error: bucket.error,
      total: bucket.success + bucket.error,
      successHeight: scale(bucket.success),
      errorHeight: scale(bucket.error),
    })),
  }
}

/** Options of {@link formatBucketLabel}. */
export interface BucketLabelOptions {
  /** A BCP 47 locale; @defaultValue the runtime's */
  locale?: string
  /**
   * Where hourly buckets are shown (`'UTC'` for the server's own hours). Daily buckets are UTC
   * days (the server counts them so) and are always labelled in UTC.
   * @defaultValue the runtime's
   */
  timeZone?: string
  /** `'short'` for an axis ("14:00", "Dec 3"), `'long'` for a table or a tooltip ("Mon, Dec 3, 14:00"). @defaultValue 'short' */
  length?: 'short' | 'long'
}

const hourly = (window: Window) => window === '24h'

/**
 * A bucket's start as a label: the hour for the 24-hour window, the day for 7 and 30 days.
 * Returns `''` for an unreadable date.
 *
 * @example
 * ```ts
 * formatBucketLabel('2026-12-03T14:00:00Z', '24h', { locale: 'en-GB', timeZone: 'UTC' }) // '14:00'
 * formatBucketLabel('2026-12-03T00:00:00Z', '30d', { locale: 'en-US' }) // 'Dec 3'
 * ```
 */
export function formatBucketLabel(start: string, window: Window, options: BucketLabelOptions = {}): string {
  const time = parseDateTime(start)
  if (Number.isNaN(time)) return ''
  const { locale, length = 'short' } = options
  const timeZone = hourly(window) ? options.timeZone : 'UTC'
  const key = `bucket:${locale ?? ''}:${timeZone ?? ''}:${hourly(window)}:${length}`
  const format = cached(key, () =>
    hourly(window)
      ? new Intl.DateTimeFormat(locale, {
          timeZone,
          hour: 'numeric',
          minute: '2-digit',
          ...(length === 'long' ? { weekday: 'short', month: 'short', day: 'numeric' } : {}),
        })
      : new Intl.DateTimeFormat(locale, {
          timeZone,
          month: 'short',
          day: 'numeric',
          ...(length === 'long' ? { weekday: 'short' } : {}),
        }),
  )
  return format.format(time)
}

/**
 * Which of `count` buckets get a label on the axis: at most `maxLabels`, evenly spaced, always
 * the newest (the current hour or day).
 *
 * @example
 * ```ts
 * axisLabelIndexes(24, 4) // [5, 11, 17, 23]
 * ```
 */
export function axisLabelIndexes(count: number, maxLabels: number): number[] {
  if (count <= 0 || maxLabels <= 0) return []
  const step = Math.ceil(count / maxLabels)
  const indexes: number[] = []
  for (let index = count - 1; index >= 0; index -= step) indexes.unshift(index)
  return indexes
}

/**
 * The bucket with the most errors (the earliest of equals), or `-1` when none failed: what a
 * summary names ("most failures at 14:00").
 *
 * @example
 * ```ts
 * const worst = worstBucketIndex(stats.buckets)
 * if (worst >= 0) console.log(stats.buckets[worst].start)
 * ```
 */
export function worstBucketIndex(buckets: readonly BucketInput[]): number {
  let worst = -1
  for (let index = 0; index < buckets.length; index++) {
    const errors = (buckets[index] as BucketInput).error
    if (errors > 0 && (worst < 0 || errors > (buckets[worst] as BucketInput).error)) worst = index
  }
  return worst
}

/** How a webhook fared over a window, for styling and for the words beside its figures. */
export type StatsHealth = 'none' | 'failing' | 'degraded' | 'healthy'

/**
 * `none`: nothing finished in the window; `failing`: every finished execution failed;
 * `degraded`: some failed; `healthy`: none failed.
 *
 * @example
 * ```ts
 * statsHealth({ success: 0, error: 12 }) // 'failing'
 * ```
 */
export function statsHealth(figures: { success: number; error: number }): StatsHealth {
  if (figures.success + figures.error === 0) return 'none'
  if (figures.success === 0) return 'failing'
  return figures.error > 0 ? 'degraded' : 'healthy'
}
