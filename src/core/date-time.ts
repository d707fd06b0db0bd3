// The date-time rule of the schemas, shared by the zod refine and the hand-written row guard
// (`guard.ts`) so the two cannot drift apart, and the one reader of such strings (sorting,
// formatting), so that what is accepted is read the same way in every engine.

/**
 * `YYYY-MM-DDTHH:mm:ss(.sss)Z`, what `toISOString` writes, with every field in range: the
 * common case, recognised without taking the string apart. Days 29–31 are left to the full
 * rule: whether they exist depends on the month.
 */
const isoUtc = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{3})?Z$/

/** RFC 3339 `date-time`: `T` or `t`, any fraction, `Z`, `z` or a `±HH:MM` offset. */
const rfc3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/

const daysInMonth = (year: number, month: number) =>
  month === 2
    ? year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
      ? 29
      : 28
    : [4, 6, 9, 11].includes(month)
      ? 30
      : 31

/**
 * Reads an RFC 3339 date-time (`2026-01-01T12:00:00Z`, `2026-01-01t12:00:00.123456+02:00`) as
 * milliseconds since the epoch; `NaN` for anything else.
 *
 * `Date.parse` reads far more (`"1"`, `"foo 12"` in Node, `"Jan 1 2026"`), and engines differ
 * in what else they read; this reads exactly RFC 3339, with every field in range, the same in
 * every engine. A leap second (`:60`) is not accepted: no engine's clock has one.
 *
 * @example
 * ```ts
 * parseDateTime('2026-01-01T00:00:00+01:00') // 1767222000000
 * parseDateTime('1') // NaN
 * ```
 */
export function parseDateTime(value: string): number {
  if (isoUtc.test(value)) return Date.parse(value)
  const m = rfc3339.exec(value)
  if (!m) return Number.NaN
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ]
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return Number.NaN
  if (hour > 23 || minute > 59 || second > 59) return Number.NaN
  let offset = 0
  if (m[9] !== undefined) {
    const offsetHours = Number(m[10])
    const offsetMinutes = Number(m[11])
    if (offsetHours > 23 || offsetMinutes > 59) return Number.NaN
    offset = (m[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000
  }
  const millisecond = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000)
  const date = new Date(0)
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  date.setUTCFullYear(year, month - 1, day)
  date.setUTCHours(hour, minute, second, millisecond)
  return date.getTime() - offset
}

/**
 * Whether a string is a date-time the schemas accept: an RFC 3339 timestamp
 * ({@link parseDateTime}) within the range a `Date` holds.
 *
 * @example
 * ```ts
 * isDateTimeString('2026-01-01T00:00:00.000Z') // true
 * isDateTimeString('Jan 1 2026') // false
 * ```
 */
export function isDateTimeString(value: string): boolean {
  // What toISOString writes needs no reading: a string of that form is a valid date (a four-digit
  // year, a day up to 28). Validating a list reads three per row, and Date.parse of each was
  // about a sixth of parseWebhookList's time at 10,000 rows (BENCHMARKS.md).
  return isoUtc.test(value) || !Number.isNaN(parseDateTime(value))
}
