// The date-time rule of the schemas, shared by the zod refine and the hand-written row guard
// (`guard.ts`) so the two cannot drift apart.

/**
 * `YYYY-MM-DDTHH:mm:ss(.sss)Z`, what `toISOString` writes, with every field in range. Such a
 * string is in the ECMAScript Date Time String Format with legal values, so `Date.parse`
 * reads it in every engine. Days 29–31 are left out: whether they exist depends on the month.
 */
const isoUtc = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{3})?Z$/

/**
 * Whether a string is a date-time the schemas accept: one `Date.parse` can read.
 *
 * The common `toISOString` shape is recognised by a regular expression first: `Date.parse`
 * costs several times as much, and it ran three times per row (issue 6). Anything else still
 * goes to `Date.parse`, so the rule is exactly `!Number.isNaN(Date.parse(value))`.
 *
 * @example
 * ```ts
 * isDateTimeString('2026-01-01T00:00:00.000Z') // true
 * isDateTimeString('not a date') // false
 * ```
 */
export function isDateTimeString(value: string): boolean {
  return isoUtc.test(value) || !Number.isNaN(Date.parse(value))
}
