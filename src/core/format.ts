import { parseDateTime } from './date-time'

// Building an Intl formatter costs far more than using one; a table formats thousands of
// cells per render (profiled in BENCHMARKS.md), so each formatter is built once per options.
const formatters = new Map<string, unknown>()
function cached<T>(key: string, build: () => T): T {
  let found = formatters.get(key) as T | undefined
  if (found === undefined) {
    found = build()
    formatters.set(key, found)
  }
  return found
}

/** A point in time as the API or a caller gives it; a string is read as RFC 3339 only. */
export type DateInput = string | number | Date

function toTime(value: DateInput | null | undefined): number {
  if (value === null || value === undefined || value === '') return Number.NaN
  return value instanceof Date ? value.getTime() : typeof value === 'number' ? value : parseDateTime(value)
}

// Each unit with its size and how many of it make the next unit up ("60 seconds" reads "1 minute").
const units: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number, number]> = [
  ['second', 1000, 60],
  ['minute', 60_000, 60],
  ['hour', 3600_000, 24],
  ['day', 24 * 3600_000, 7],
  ['week', 7 * 24 * 3600_000, 4],
  ['month', 30 * 24 * 3600_000, 12],
  ['year', 365 * 24 * 3600_000, Number.POSITIVE_INFINITY],
]

/** Options of {@link formatRelativeTime}. */
export interface RelativeTimeOptions {
  /** @defaultValue the current time */
  now?: DateInput
  /** A BCP 47 locale; @defaultValue the runtime's */
  locale?: string
}

/**
 * "3 minutes ago", "yesterday", "in 2 hours", in the given locale, with `Intl`.
 * Returns `''` for a missing or unreadable date, so a UI can fall back to its own text.
 *
 * @example
 * ```ts
 * formatRelativeTime('2026-01-01T10:00:00Z', { now: '2026-01-01T10:03:00Z', locale: 'en' }) // '3 minutes ago'
 * formatRelativeTime('2026-01-01T10:00:00Z', { now: '2026-01-01T10:03:00Z', locale: 'de' }) // 'vor 3 Minuten'
 * ```
 */
export function formatRelativeTime(value: DateInput | null | undefined, options: RelativeTimeOptions = {}): string {
  const time = toTime(value)
  const now = options.now === undefined ? Date.now() : toTime(options.now)
  if (Number.isNaN(time) || Number.isNaN(now)) return ''
  const diff = time - now
  const format = cached(
    `relative:${options.locale ?? ''}`,
    () => new Intl.RelativeTimeFormat(options.locale, { numeric: 'auto' }),
  )
  // The first unit whose rounded value stays below the next unit up.
  for (const [unit, size, limit] of units) {
    const amount = Math.round(diff / size)
    if (Math.abs(amount) < limit) return format.format(amount, unit)
  }
  return ''
}

/** Options of {@link formatDateTime}. */
export interface DateTimeOptions {
  /** A BCP 47 locale; @defaultValue the runtime's */
  locale?: string
  /** An IANA time zone; @defaultValue the runtime's */
  timeZone?: string
}

/**
 * A full, absolute date and time ("Jan 1, 2026, 10:00:00 AM UTC"), for tooltips next to relative times.
 * Returns `''` for a missing or unreadable date.
 *
 * @example
 * ```ts
 * formatDateTime('2026-01-01T10:00:00Z', { locale: 'en-US', timeZone: 'UTC' }) // 'Jan 1, 2026, 10:00:00 AM UTC'
 * ```
 */
export function formatDateTime(value: DateInput | null | undefined, options: DateTimeOptions = {}): string {
  const time = toTime(value)
  if (Number.isNaN(time)) return ''
  return cached(
    `date:${options.locale ?? ''}:${options.timeZone ?? ''}`,
    () =>
      new Intl.DateTimeFormat(options.locale, { dateStyle: 'medium', timeStyle: 'long', timeZone: options.timeZone }),
  ).format(time)
}

/**
 * A duration: milliseconds below one second, seconds (one decimal) below a minute, then minutes.
 * Returns `''` for `null` or a negative or non-finite value.
 *
 * @example
 * ```ts
 * formatDuration(245, 'en') // '245 ms'
 * formatDuration(1530, 'en') // '1.5 sec'
 * ```
 */
export function formatDuration(ms: number | null | undefined, locale?: string): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return ''
  // Decide the unit on the rounded value, so 999.6 ms reads "1 sec" and 59,999 ms "1 min".
  const [value, unit, digits] =
    Math.round(ms) < 1000
      ? [ms, 'millisecond', 0]
      : Math.round(ms / 100) < 600
        ? [ms / 1000, 'second', 1]
        : [ms / 60_000, 'minute', 1]
  return cached(
    `duration:${locale ?? ''}:${unit}:${digits}`,
    () => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: digits }),
  ).format(value)
}

/**
 * A number with its digits grouped for the locale: what `value.toLocaleString(locale)` writes,
 * from one formatter per locale. `toLocaleString` with a locale builds an ICU formatter on
 * every call (about 0.5 ms in Chromium), which a label read on each keystroke would pay.
 *
 * @example
 * ```ts
 * formatNumber(1234567, 'de') // '1.234.567'
 * formatNumber(19, 'ar-EG') // '١٩'
 * ```
 */
export function formatNumber(value: number, locale?: string): string {
  return cached(`number:${locale ?? ''}`, () => new Intl.NumberFormat(locale)).format(value)
}

/**
 * A count for a table cell: grouped digits, and compact ("1.2M") from a million on so a
 * huge number cannot push the columns apart. Pair it with the full number as a title.
 *
 * @example
 * ```ts
 * formatCount(1234, 'en') // '1,234'
 * formatCount(98_765_432, 'en') // '98.8M'
 * ```
 */
export function formatCount(value: number, locale?: string): string {
  const compact = Math.abs(value) >= 1_000_000
  return cached(
    `count:${locale ?? ''}:${compact}`,
    () => new Intl.NumberFormat(locale, compact ? { notation: 'compact', maximumFractionDigits: 1 } : {}),
  ).format(value)
}
