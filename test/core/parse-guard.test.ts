import { isDeepStrictEqual } from 'node:util'
// parseWebhookList keeps a row as it is when the hand-written guard (src/core/guard.ts) passes
// it, and runs the zod schema only on the others (issue 6). These properties hold it to the
// schema: the same valid rows and the same report as zod on every row, for valid rows built
// from the row's shape (written out below, checked against the schema) and for rows broken in every way we could think of.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isDateTimeString } from '../../src/core/date-time'
import { isPlainValidWebhook } from '../../src/core/guard'
import { formatIssues } from '../../src/core/issues'
import { type InvalidRow, parseWebhookList } from '../../src/core/parse'
import {
  externalConfigSchema,
  type IntegrationWebhook,
  integrationWebhookSchema,
  signingSecretSources,
} from '../../src/core/schemas'
import { webhookStatuses } from '../../src/core/statuses'
import { makeWebhook } from './fixtures'

// Modest, so the suite passes on a loaded 2-core machine; the generators aim at the edges. At
// 300 runs these properties took 2.2–3.4 s alone at load average 20, and 6.6–9.7 s with a second
// suite running (past the 5 s limit).
const runs = { numRuns: 150 }

// ---------------------------------------------------------------------------
// The reference: the schema alone, on every row (what parseWebhookList did before the guard)
// ---------------------------------------------------------------------------

function parseWithSchemaOnly(rows: readonly unknown[]): { webhooks: IntegrationWebhook[]; invalid: InvalidRow[] } {
  const webhooks: IntegrationWebhook[] = []
  const invalid: InvalidRow[] = []
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index]
    const result = integrationWebhookSchema.safeParse(row)
    if (result.success) {
      webhooks.push(result.data)
      continue
    }
    const id = (row as { id?: unknown } | null)?.id
    invalid.push({ index, ...(typeof id === 'string' && id ? { id } : {}), issues: formatIssues(result.error.issues) })
  }
  return { webhooks, invalid }
}

// ---------------------------------------------------------------------------
// The row's shape, written out (what the schema says, in the words these arbitraries need).
// Not read from zod's internals: the tests below check it against the schema by behaviour
// (every row generated as valid must pass it, its fields are the schema's), so a field or
// rule added to the schema fails them until this, and the guard, learn it.
// ---------------------------------------------------------------------------

interface Rules {
  minLength: number
  dateTime: boolean
  integer: boolean
  min: number | undefined
}

interface Def {
  type: 'string' | 'number' | 'boolean' | 'enum' | 'nullable' | 'optional' | 'unknown' | 'array' | 'record' | 'object'
  rules?: Partial<Rules>
  shape?: Record<string, Def>
  /** A loose object: unknown keys of any value pass through. */
  loose?: boolean
  element?: Def
  valueType?: Def
  innerType?: Def
  values?: readonly string[]
}

const string = (rules: Partial<Rules> = {}): Def => ({ type: 'string', rules })
const dateTime = string({ dateTime: true })
const count: Def = { type: 'number', rules: { integer: true, min: 0 } }
const strings: Def = { type: 'array', element: string() }

const rowShape: Def = {
  type: 'object',
  loose: true,
  shape: {
    id: string({ minLength: 1 }),
    user_id: string(),
    provider_id: string({ minLength: 1 }),
    webhook_url: string(),
    trigger_types: strings,
    integration_config: { type: 'record', valueType: { type: 'unknown' } },
    external_config: {
      type: 'object',
      loose: true,
      shape: {
        type: string(),
        setup_required: { type: 'boolean' },
        instructions: string(),
        integration_name: string(),
        category: string(),
        capabilities: strings,
      },
    },
    status: { type: 'enum', values: webhookStatuses },
    last_triggered: { type: 'nullable', innerType: dateTime },
    trigger_count: count,
    error_count: count,
    created_at: dateTime,
    updated_at: dateTime,
    name: { type: 'optional', innerType: string() },
    signing: {
      type: 'optional',
      innerType: {
        type: 'object',
        loose: true,
        shape: {
          scheme: string(),
          label: string(),
          source: { type: 'enum', values: signingSecretSources },
          form_hint: string(),
          secret_set: { type: 'boolean' },
          previous_expires_at: { type: 'nullable', innerType: dateTime },
        },
      },
    },
  },
}

const rulesOf = (def: Def): Rules => ({ minLength: 0, dateTime: false, integer: false, min: undefined, ...def.rules })

const text = fc.string({ unit: 'grapheme', maxLength: 10 })
/** Keys that are awkward for objects and for `for…in` copies, but fine as data. */
const oddKey = fc.constantFrom('constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', '0', '-1', '', ' ')
const plainKey = fc.oneof(text, oddKey).filter((key) => key !== '__proto__')

/** Any value at all, for fields the schema does not constrain. */
const anything = fc.anything({
  maxDepth: 2,
  withBoxedValues: true,
  withMap: true,
  withSet: true,
  withBigInt: true,
  withDate: true,
  withTypedArray: true,
  withNullPrototype: true,
  withSparseArray: true,
  stringUnit: 'grapheme',
})

const pad = (value: number, width: number) => String(value).padStart(width, '0')

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate()

/** A correct `toISOString`-style date-time, from its parts (leap days included). */
const isoParts = fc
  .record({
    year: fc.oneof(fc.integer({ min: 1970, max: 2100 }), fc.integer({ min: 0, max: 9999 })),
    month: fc.integer({ min: 1, max: 12 }),
    dayOfMonth: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
    second: fc.integer({ min: 0, max: 59 }),
    millisecond: fc.option(fc.integer({ min: 0, max: 999 }), { freq: 3 }),
  })
  .map((p) => {
    // Date.UTC reads years 0–99 as 1900–1999; the year only decides leap days here.
    const day = 1 + Math.floor(p.dayOfMonth * daysIn(p.year + (p.year < 100 ? 400 : 0), p.month))
    return { ...p, day }
  })

type IsoParts = typeof isoParts extends fc.Arbitrary<infer T> ? T : never

function isoString(p: IsoParts): string {
  const fraction = p.millisecond === null ? '' : `.${pad(p.millisecond, 3)}`
  return `${pad(p.year, 4)}-${pad(p.month, 2)}-${pad(p.day, 2)}T${pad(p.hour, 2)}:${pad(p.minute, 2)}:${pad(p.second, 2)}${fraction}Z`
}

const outOfRange = { month: [0, 13, 99], day: [0, 29, 30, 31, 32], hour: [24, 25], minute: [60, 99], second: [60, 61] }
/** One thing wrong (or just unusual) with an ISO date-time. */
type IsoDefect = (p: IsoParts) => string
const withPart =
  (part: string, value: number): IsoDefect =>
  (p) =>
    isoString({ ...p, [part]: value })
const replaceChar =
  (at: number, char: string): IsoDefect =>
  (p) => {
    const text = isoString(p)
    const i = at % text.length
    return text.slice(0, i) + char + text.slice(i + 1)
  }
const dropChar =
  (at: number): IsoDefect =>
  (p) =>
    replaceChar(at, '')(p)
const withZone =
  (zone: string): IsoDefect =>
  (p) =>
    isoString(p).slice(0, -1) + zone
const withFraction =
  (fraction: string): IsoDefect =>
  (p) =>
    `${isoString({ ...p, millisecond: null }).slice(0, -1)}${fraction}Z`
const withSeparator =
  (separator: string): IsoDefect =>
  (p) =>
    isoString(p).replace('T', separator)
const withPrefix =
  (prefix: string): IsoDefect =>
  (p) =>
    prefix + isoString(p)

const isoDefect: fc.Arbitrary<IsoDefect> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .constantFrom(...Object.entries(outOfRange).flatMap(([part, values]) => values.map((value) => ({ part, value }))))
      .map(({ part, value }) => withPart(part, value)),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.nat(), fc.constantFrom(...'0123456789-T:.Zz +X,a/'))
      .map(([at, char]) => replaceChar(at, char)),
  },
  { weight: 1, arbitrary: fc.nat().map(dropChar) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('', 'z', 'X', ' ', '+00:00', '-05:30', '+0000', '+24:00', 'ZZ', 'Z ', '\n')
      .map(withZone),
  },
  { weight: 1, arbitrary: fc.constantFrom('.1', '.12', '.1234', ',000', '.', '.12a').map(withFraction) },
  { weight: 1, arbitrary: fc.constantFrom('t', ' ', '_').map(withSeparator) },
  { weight: 1, arbitrary: fc.constantFrom('+00', '-00', '+0', ' ').map(withPrefix) },
  { weight: 1, arbitrary: fc.constant((p: IsoParts) => isoString(p).slice(0, 10)) },
  { weight: 1, arbitrary: fc.constant((p: IsoParts) => isoString(p).replace(/-0(\d)/g, '-$1')) },
)

/** ISO 8601 date-times, most with one thing wrong: every check of the hand-written path is tried. */
const isoLike = fc
  .tuple(isoParts, fc.option(isoDefect, { freq: 4 }))
  .map(([parts, defect]) => (defect ? defect(parts) : isoString(parts)))

/** Date-time-ish strings, valid and not: the rule is RFC 3339 (`isDateTimeString`). */
const dateTimeish = fc.oneof(
  { weight: 6, arbitrary: isoLike },
  {
    weight: 2,
    arbitrary: fc
      .date({ min: new Date(-8.64e15), max: new Date(8.64e15), noInvalidDate: true })
      .map((date) => date.toISOString()),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '',
      'not a date',
      '1',
      'Jan 1 2026',
      'Tue, 01 Jan 2026 00:00:00 GMT',
      '2026-01-01T00:00:00.000Z\n',
      ' 2026-01-01T00:00:00.000Z',
      '2026-02-29T00:00:00.000Z',
      '2024-02-29T00:00:00.000Z',
      '1900-02-29T00:00:00.000Z',
      '2000-02-29T00:00:00.000Z',
      '2026-04-31T00:00:00Z',
      '2026-01-01T24:00:00.000Z',
      '2026-01-01T23:59:60.000Z',
      '２０２６-01-01T00:00:00.000Z',
    ),
  },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...'0123456789-T:.Z+ '), maxLength: 26 }) },
)
const validDateTime = dateTimeish.filter(isDateTimeString)

function validNumber(rules: Rules): fc.Arbitrary<number> {
  const { integer, min } = rules
  const values = integer
    ? fc.oneof(fc.integer({ min: Math.ceil(min ?? -(2 ** 31)) }), fc.constantFrom(2 ** 53, 1e21, Number.MAX_VALUE))
    : fc.double({ min: min ?? -Number.MAX_VALUE, noNaN: true, noDefaultInfinity: true })
  // `z.gte(0)` lets -0 through, and JSON.parse('-0') makes one.
  return min !== undefined && min <= 0 ? fc.oneof(values, fc.constant(-0)) : values
}

/** A value `schema` accepts: plain JSON-like objects, with extra keys where the schema allows them. */
function valid(def: Def): fc.Arbitrary<unknown> {
  switch (def.type) {
    case 'string': {
      const rules = rulesOf(def)
      if (rules.dateTime) return validDateTime
      return rules.minLength > 0 ? fc.string({ minLength: rules.minLength, maxLength: 12 }) : text
    }
    case 'number':
      return validNumber(rulesOf(def))
    case 'boolean':
      return fc.boolean()
    case 'enum':
      return fc.constantFrom(...(def.values ?? []))
    case 'nullable':
      return fc.option(valid(def.innerType as Def), { nil: null, freq: 3 })
    case 'optional':
      // An own key holding `undefined`; the object case also leaves the key out.
      return fc.option(valid(def.innerType as Def), { nil: undefined, freq: 3 })
    case 'unknown':
      return fc.oneof({ weight: 3, arbitrary: fc.jsonValue({ maxDepth: 2 }) }, { weight: 1, arbitrary: anything })
    case 'array':
      return fc.array(valid(def.element as Def), { maxLength: 4 })
    case 'record':
      return fc.dictionary(plainKey, valid(def.valueType as Def), { maxKeys: 4, noNullPrototype: true })
    case 'object': {
      const shape = def.shape ?? {}
      const fields = Object.fromEntries(Object.entries(shape).map(([key, field]) => [key, valid(field)]))
      const requiredKeys = Object.keys(shape).filter((key) => (shape[key] as Def).type !== 'optional')
      const record = fc.record(fields, { noNullPrototype: true, requiredKeys })
      if (!def.loose) return record
      // A loose object: unknown keys pass through.
      const extra = fc.dictionary(
        plainKey.filter((key) => !(key in shape)),
        valid({ type: 'unknown' }),
        { maxKeys: 3, noNullPrototype: true },
      )
      return fc.oneof(
        record,
        fc.tuple(record, extra).map(([known, more]) => ({ ...more, ...known })),
        fc.tuple(record, extra).map(([known, more]) => ({ ...known, ...more })),
      )
    }
    default:
      throw new Error(`The schema has a ${def.type} these tests do not know: teach them, and the guard`)
  }
}

class Box {
  constructor(fields: object) {
    Object.assign(this, fields)
  }
}
class StringList extends Array<string> {}

const withOwnKey = (value: object, key: PropertyKey, property: unknown, enumerable = true) =>
  Object.defineProperty({ ...value }, key, { value: property, enumerable, writable: true, configurable: true })

/** Object-shaped values zod may read differently from a plain object: prototypes, odd keys. */
function oddObjects(object: fc.Arbitrary<object>): fc.Arbitrary<unknown> {
  return fc.oneof(
    object.map((value) => withOwnKey(value, '__proto__', { polluted: true })),
    object.map((value) => withOwnKey(value, '__proto__', null)),
    object.map((value) => withOwnKey(value, Symbol('key'), 'symbol')),
    object.map((value) => withOwnKey(value, Symbol('hidden'), 'symbol', false)),
    object.map((value) => withOwnKey(value, 'constructor', 'not a function')),
    object.map((value) => withOwnKey(value, 'constructor', function Named() {})),
    object.map((value) => withOwnKey(value, 'constructor', Object)),
    object.map((value) => Object.assign(Object.create(null), value)),
    object.map((value) => Object.assign(Object.create({ inherited: 1 }), value)),
    object.map((value) => new Box(value)),
    object.map((value) => Object.assign(new Date(0), value)),
    object.map((value) => Object.assign([], value)),
    object.map((value) => Object.freeze({ ...value })),
  )
}

/** A value that breaks one rule of `schema`, or sits right on its edge. */
function broken(def: Def): fc.Arbitrary<unknown> {
  const wrongType = fc.oneof(
    anything,
    fc.constantFrom(null, undefined, 0, 1, '', 'x', true, [], {}, Number.NaN, Number.POSITIVE_INFINITY),
  )
  switch (def.type) {
    case 'string': {
      const rules = rulesOf(def)
      return fc.oneof(
        wrongType,
        fc.constantFrom(new String(rules.dateTime ? '2026-01-01T00:00:00.000Z' : 'boxed'), ''),
        rules.dateTime ? dateTimeish : text,
      )
    }
    case 'number': {
      const rules = rulesOf(def)
      return fc.oneof(
        wrongType,
        fc.constantFrom(-1, -0, 0.5, -0.5, 1.5, Number.EPSILON, 2 ** 53, -(2 ** 53), 1e21, Number.MAX_VALUE),
        fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, '1', new Number(1), 1n),
        fc.double(),
        validNumber(rules),
      )
    }
    case 'boolean':
      return fc.oneof(wrongType, fc.constantFrom(0, 1, 'true', 'false', new Boolean(true)))
    case 'enum': {
      const values = def.values ?? []
      return fc.oneof(
        wrongType,
        fc.constantFrom(...values.flatMap((value) => [value.toUpperCase(), ` ${value}`, `${value}\u0000`])),
        // Words a status could plausibly be, other statuses of the API among them.
        fc.constantFrom('pending', 'success', 'enabled', 'disabled', 'paused', 'failed', 'deleted', 'unknown'),
        fc.constantFrom(...values).map((value) => new String(value)),
        text,
      )
    }
    case 'nullable':
      return fc.oneof(fc.constant(undefined), fc.constant(null), broken(def.innerType as Def))
    case 'optional':
      return fc.oneof(fc.constant(null), broken(def.innerType as Def))
    case 'unknown':
      return anything
    case 'array': {
      const element = def.element as Def
      const list = fc.array(valid(element), { minLength: 1, maxLength: 3 })
      return fc.oneof(
        wrongType,
        fc.tuple(list, broken(element), fc.nat()).map(([items, bad, at]) => {
          const copy = [...items]
          copy[at % copy.length] = bad
          return copy
        }),
        // A hole reads as `undefined`.
        list.map((items) => {
          const copy = [...items]
          copy.length += 1
          return copy
        }),
        list.map((items) => Object.assign([...items], { extra: 'non-index key' })),
        list.map((items) => StringList.from(items)),
        list.map((items) => ({ ...items, length: items.length })),
      )
    }
    case 'record':
    case 'object': {
      const whole = valid(def) as fc.Arbitrary<Record<string, unknown>>
      const parts: fc.WeightedArbitrary<unknown>[] = [
        { weight: 1, arbitrary: wrongType },
        { weight: 2, arbitrary: oddObjects(whole) },
      ]
      const shape = def.shape ?? {}
      const keys = Object.keys(shape)
      if (keys.length > 0) {
        // Mostly one field broken (recursively), or missing, or `undefined`, or inherited.
        const field = fc.constantFrom(...keys)
        parts.push(
          {
            weight: 8,
            arbitrary: fc
              .tuple(whole, field)
              .chain(([value, key]) => broken(shape[key] as Def).map((bad) => ({ ...value, [key]: bad }))),
          },
          {
            weight: 2,
            arbitrary: fc.tuple(whole, field).map(([value, key]) => {
              const { [key]: _dropped, ...rest } = value
              return rest
            }),
          },
          { weight: 1, arbitrary: fc.tuple(whole, field).map(([value, key]) => ({ ...value, [key]: undefined })) },
          {
            weight: 1,
            arbitrary: fc.tuple(whole, field).map(([value, key]) => {
              const { [key]: inherited, ...rest } = value
              return Object.assign(Object.create({ [key]: inherited }), rest)
            }),
          },
        )
      }
      return fc.oneof(...parts)
    }
    default:
      throw new Error(`The schema has a ${def.type} these tests do not know: teach them, and the guard`)
  }
}

const validRow = valid(rowShape) as fc.Arbitrary<Record<string, unknown>>
/** JSON text of a value, as a server would send it (BigInts, which JSON cannot hold, as strings). */
const toJson = (value: unknown): string | undefined =>
  JSON.stringify(value, (_key, item) => (typeof item === 'bigint' ? String(item) : item))
const jsonRoundTrip = (value: unknown): unknown => JSON.parse(toJson(value) ?? 'null')
/** Rows of every kind: valid ones, broken ones, and rows that only JSON could have made. */
const row = fc.oneof(
  { weight: 3, arbitrary: validRow },
  { weight: 6, arbitrary: broken(rowShape) },
  { weight: 1, arbitrary: validRow.map(jsonRoundTrip) },
  // JSON.parse makes `__proto__` an own key (zod leaves it out of its copy), deep inside too.
  {
    weight: 1,
    arbitrary: fc
      .tuple(validRow, fc.constantFrom('row', 'integration_config', 'external_config'))
      .map(([value, where]) => {
        const copy = jsonRoundTrip(value) as Record<string, Record<string, unknown>>
        const target = where === 'row' ? copy : copy[where]
        Object.defineProperty(target, '__proto__', {
          value: { x: 1 },
          enumerable: true,
          writable: true,
          configurable: true,
        })
        return copy
      }),
  },
)
const rows = fc.oneof(
  { weight: 4, arbitrary: fc.array(row, { maxLength: 8 }) },
  { weight: 1, arbitrary: fc.sparseArray(row, { maxLength: 6 }) },
)

/** JSON text as a response body holds it, without `__proto__` keys (zod drops those, so the guard leaves them to it). */
const jsonRow = row
  .map(toJson)
  .filter((json): json is string => json !== undefined && !json.includes('"__proto__"'))
  .map((json) => JSON.parse(json) as unknown)

/**
 * Whether an array inside `value` has keys besides its items. JSON cannot make one; zod's copy
 * drops those keys while the guard keeps the array as it is (checking for them doubled the time
 * of a parse from JSON), so such rows are compared without them.
 */
function hasArrayWithExtraKeys(value: unknown, depth = 0): boolean {
  if (typeof value !== 'object' || value === null || depth > 4) return false
  if (Array.isArray(value) && Object.keys(value).some((key) => !/^(0|[1-9]\d*)$/.test(key))) return true
  if (!Array.isArray(value) && Object.getPrototypeOf(value) !== Object.prototype) return false
  return Object.values(value).some((item) => hasArrayWithExtraKeys(item, depth + 1))
}

/** `value` with plain objects and arrays rebuilt, arrays without their extra keys. */
function withoutArrayExtras(value: unknown, depth = 0): unknown {
  if (typeof value !== 'object' || value === null || depth > 4) return value
  if (Array.isArray(value)) return value.slice().map((item) => withoutArrayExtras(item, depth + 1))
  if (Object.getPrototypeOf(value) !== Object.prototype) return value
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withoutArrayExtras(item, depth + 1)]))
}

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

describe('the row shape these tests generate from', () => {
  it('has exactly the fields of the schema (public .shape), nested ones too', () => {
    expect(Object.keys(rowShape.shape ?? {}).sort()).toEqual(Object.keys(integrationWebhookSchema.shape).sort())
    expect(Object.keys(rowShape.shape?.external_config?.shape ?? {}).sort()).toEqual(
      Object.keys(externalConfigSchema.shape).sort(),
    )
  })

  it('generates valid rows the schema accepts (a new rule in the schema fails this)', () => {
    fc.assert(
      fc.property(validRow, (value) => {
        const result = integrationWebhookSchema.safeParse(value)
        expect(result.success ? [] : formatIssues(result.error.issues)).toEqual([])
      }),
      runs,
    )
  })
})

describe('parseWebhookList with the row guard', () => {
  it('gives exactly the valid rows and the report that the schema alone gives', () => {
    fc.assert(
      fc.property(rows, fc.boolean(), (list, envelope) => {
        fc.pre(!hasArrayWithExtraKeys(list))
        const result = parseWebhookList(envelope ? { webhooks: list, source: 'saved' } : list)
        const expected = parseWithSchemaOnly(list)
        expect(result.webhooks).toStrictEqual(expected.webhooks)
        expect(result.invalid).toStrictEqual(expected.invalid)
        expect(result.source).toBe(envelope ? 'saved' : undefined)
      }),
      // Each run is a whole list, parsed twice: 100 lists are hundreds of rows. 200 took 3.4 s
      // alone at load average 20, and 8.6–9.7 s with a second suite running.
      { numRuns: 100 },
    )
  })

  it('keeps a valid row as the same object, not a copy', () => {
    const row = makeWebhook({ integration_config: { channel: 'C1' } })
    const rowFromJson = JSON.parse(JSON.stringify(row))
    expect(parseWebhookList([row]).webhooks[0]).toBe(row)
    expect(parseWebhookList({ webhooks: [rowFromJson] }).webhooks[0]).toBe(rowFromJson)
  })

  it('leaves a row with an own "__proto__" key to zod, which leaves the key out', () => {
    const row = JSON.parse(`{"__proto__":{"polluted":true},${JSON.stringify(makeWebhook()).slice(1)}`)
    const [parsed] = parseWebhookList([row]).webhooks
    expect(parsed).not.toBe(row)
    expect(Object.hasOwn(parsed ?? {}, '__proto__')).toBe(false)
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined()
  })
})

describe('isPlainValidWebhook', () => {
  it('passes only rows the schema accepts, and whose parsed copy equals the row', () => {
    fc.assert(
      fc.property(row, (value) => {
        if (!isPlainValidWebhook(value)) return
        const result = integrationWebhookSchema.safeParse(value)
        expect(result.success).toBe(true)
        // Rebuilt objects are compared without their types: an own `constructor` key is one.
        if (hasArrayWithExtraKeys(value)) expect(withoutArrayExtras(result.data)).toEqual(withoutArrayExtras(value))
        else expect(result.data).toStrictEqual(value)
      }),
      runs,
    )
  })

  it('passes every row of JSON data the schema accepts, so the fast path is the usual one', () => {
    fc.assert(
      fc.property(jsonRow, (value) => {
        const result = integrationWebhookSchema.safeParse(value)
        expect(isPlainValidWebhook(value)).toBe(result.success && isDeepStrictEqual(result.data, value))
      }),
      runs,
    )
  })
})
