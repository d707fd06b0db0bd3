// A hand-written check of a webhook row, for the hot path of `parseWebhookList` (issue 6).
//
// zod's `looseObject` builds a copy of every row it accepts: each field, each array, the
// `integration_config` record and every unknown key. For 10,000 rows that is most of the parse
// time and all of its garbage. This guard reads the same fields with the same rules and, when
// the row passes, lets the caller keep the row itself.
//
// It must never accept a row that `integrationWebhookSchema` rejects, nor one whose data would
// differ from zod's copy of it (zod drops an own `__proto__` key and symbol keys, and builds
// plain objects and arrays). Anything unusual is declined, and the caller then runs the
// schema, which stays the source of truth and writes the issues. test/core/parse-guard.test.ts
// checks the guard against the schema, and fails when the schema gains a rule or field that
// the guard does not know.
//
// A row that passes is the caller's own object, not a copy: keys stay in the order they came
// in, and what JSON cannot express stays as it was (a frozen row, getters, non-enumerable
// properties, non-index keys on an array), where zod's copy would have dropped or read it once.
import { isDateTimeString } from './date-time'
import type { IntegrationWebhook } from './schemas'

const hasOwn = Object.prototype.hasOwnProperty
const getPrototypeOf = Object.getPrototypeOf
const ownSymbols = Object.getOwnPropertySymbols

/**
 * An object zod's `looseObject` would accept and copy to something equal: a plain `{}` object
 * (as `JSON.parse` makes), with no own `__proto__` key (zod leaves it out of the copy) and no
 * symbol keys (which a `for…in` copy loses).
 */
function isLooseObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    getPrototypeOf(value) === Object.prototype &&
    !hasOwn.call(value, '__proto__') &&
    ownSymbols(value).length === 0
  )
}

/**
 * A `z.record(z.string(), z.unknown())` that zod would copy unchanged. On top of
 * {@link isLooseObject}, zod's `isPlainObject` reads `constructor`: an own one that is a
 * function is left to zod.
 */
function isStringKeyedRecord(value: unknown): value is Record<string, unknown> {
  if (!isLooseObject(value)) return false
  const ctor = value.constructor
  return ctor === Object || typeof ctor !== 'function'
}

/**
 * `z.array(z.string())` on a plain array: a hole reads as `undefined` and fails, as in zod.
 *
 * zod's copy keeps only the items; an array that also has other keys (JSON cannot make one)
 * is kept with them. Looking for such keys (`Object.keys`) doubled the time of
 * `parseWebhookList(JSON.parse(body))`, for arrays no response can hold.
 */
function isStringArray(value: unknown): value is string[] {
  if (!Array.isArray(value) || getPrototypeOf(value) !== Array.prototype) return false
  for (let i = 0; i < value.length; i++) {
    if (typeof value[i] !== 'string') return false
  }
  return true
}

/** `z.string().check(z.minLength(1))`: one code point is at least one UTF-16 unit. */
function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0
}

/** `count()` in schemas.ts: a finite integer ≥ 0 (`-0` included, as `z.gte(0)` lets it through). */
function isCount(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0
}

function isDateTime(value: unknown): value is string {
  return typeof value === 'string' && isDateTimeString(value)
}

/** `z.enum(webhookStatuses)`, written out (the parse tests take the values from the schema, so a new one fails them). */
function isWebhookStatus(value: unknown): boolean {
  return value === 'active' || value === 'inactive' || value === 'error'
}

function isExternalConfig(value: unknown): boolean {
  return (
    isLooseObject(value) &&
    typeof value.type === 'string' &&
    typeof value.setup_required === 'boolean' &&
    typeof value.instructions === 'string' &&
    typeof value.integration_name === 'string' &&
    typeof value.category === 'string' &&
    isStringArray(value.capabilities)
  )
}

const signingSources: readonly unknown[] = ['generated', 'provider', 'handshake', 'host-verifier', 'url-token']

function isSigning(value: unknown): boolean {
  return (
    isLooseObject(value) &&
    typeof value.scheme === 'string' &&
    typeof value.label === 'string' &&
    signingSources.includes(value.source) &&
    typeof value.form_hint === 'string' &&
    typeof value.secret_set === 'boolean' &&
    (value.previous_expires_at === null || isDateTime(value.previous_expires_at))
  )
}

/**
 * Whether `integrationWebhookSchema` accepts `row` and its result would equal `row` itself.
 *
 * `false` does not mean the row is invalid, only that the schema must decide.
 *
 * @example
 * ```ts
 * const webhook = isPlainValidWebhook(row) ? row : integrationWebhookSchema.parse(row)
 * ```
 */
export function isPlainValidWebhook(row: unknown): row is IntegrationWebhook {
  return (
    isLooseObject(row) &&
    isNonEmptyString(row.id) &&
    typeof row.user_id === 'string' &&
    isNonEmptyString(row.provider_id) &&
    typeof row.webhook_url === 'string' &&
    isStringArray(row.trigger_types) &&
    isStringKeyedRecord(row.integration_config) &&
    isExternalConfig(row.external_config) &&
    isWebhookStatus(row.status) &&
    (row.last_triggered === null || isDateTime(row.last_triggered)) &&
    isCount(row.trigger_count) &&
    isCount(row.error_count) &&
    isDateTime(row.created_at) &&
    isDateTime(row.updated_at) &&
    (row.name === undefined || typeof row.name === 'string') &&
    (row.signing === undefined || isSigning(row.signing))
  )
}
