import { integrationCategories } from './catalog/categories'
import { parseDateTime } from './date-time'
import { createListCache } from './list-cache'
import type { IntegrationWebhook, WebhookStatus } from './schemas'

/** The columns webhooks can be sorted by. */
export type WebhookSortKey =
  | 'name'
  | 'provider'
  | 'category'
  | 'status'
  | 'webhookUrl'
  | 'triggerTypes'
  | 'lastTriggered'
  | 'triggerCount'
  | 'errorCount'

/** One sort rule, in TanStack Table's `{ id, desc }` shape. */
export interface WebhookSortRule {
  id: WebhookSortKey
  desc?: boolean
}

/**
 * Sort rank of each status: problems first.
 *
 * @example
 * ```ts
 * webhookStatusRank.error < webhookStatusRank.active // true
 * ```
 */
export const webhookStatusRank: Readonly<Record<WebhookStatus, number>> = { error: 0, active: 1, inactive: 2 }

const collators = new Map<string, Intl.Collator>()
function collator(locale: string | undefined): Intl.Collator {
  const key = locale ?? ''
  let found = collators.get(key)
  if (!found) {
    found = new Intl.Collator(locale, { sensitivity: 'base', numeric: true })
    collators.set(key, found)
  }
  return found
}

const categoryOrder = new Map<string, number>(integrationCategories.map((c, i) => [c.id, i]))
const rankOf = (status: string) => webhookStatusRank[status as WebhookStatus] ?? 3
const timeOf = (value: string | null) => {
  const time = value === null ? Number.NaN : parseDateTime(value)
  return Number.isNaN(time) ? null : time
}

/**
 * Compares two webhooks by one column, ascending. `lastTriggered` is not here:
 * it keeps never-triggered rows last in both directions (see {@link compareWebhooks}).
 *
 * @example
 * ```ts
 * rows.sort((a, b) => webhookComparators.errorCount(a, b))
 * ```
 */
export const webhookComparators: Readonly<
  Record<
    Exclude<WebhookSortKey, 'lastTriggered'>,
    (a: IntegrationWebhook, b: IntegrationWebhook, locale?: string) => number
  >
> = {
  name: (a, b, locale) =>
    collator(locale).compare(a.external_config.integration_name, b.external_config.integration_name),
  provider: (a, b, locale) => collator(locale).compare(a.provider_id, b.provider_id),
  category: (a, b, locale) =>
    (categoryOrder.get(a.external_config.category) ?? categoryOrder.size) -
      (categoryOrder.get(b.external_config.category) ?? categoryOrder.size) ||
    collator(locale).compare(a.external_config.category, b.external_config.category),
  status: (a, b) => rankOf(a.status) - rankOf(b.status),
  webhookUrl: (a, b, locale) => collator(locale).compare(a.webhook_url, b.webhook_url),
  triggerTypes: (a, b) => a.trigger_types.length - b.trigger_types.length,
  triggerCount: (a, b) => a.trigger_count - b.trigger_count,
  errorCount: (a, b) => a.error_count - b.error_count,
}

/**
 * Compares two webhooks by a list of rules (the first that differs decides).
 * Rows never triggered sort last whichever way `lastTriggered` goes.
 *
 * @example
 * ```ts
 * compareWebhooks(a, b, [{ id: 'status' }, { id: 'lastTriggered', desc: true }])
 * ```
 */
export function compareWebhooks(
  a: IntegrationWebhook,
  b: IntegrationWebhook,
  rules: readonly WebhookSortRule[],
  locale?: string,
): number {
  for (const rule of rules) {
    let result: number
    if (rule.id === 'lastTriggered') {
      const ta = timeOf(a.last_triggered)
      const tb = timeOf(b.last_triggered)
      if (ta === null || tb === null) {
        result = ta === tb ? 0 : ta === null ? 1 : -1
        if (result !== 0) return result
        continue
      }
      result = ta - tb
    } else {
      const comparator = webhookComparators[rule.id]
      if (!comparator) throw new TypeError(`Unknown sort column "${String(rule.id)}"`)
      result = comparator(a, b, locale)
    }
    if (result !== 0) return rule.desc ? -result : result
  }
  return 0
}

// Every column sorts by an integer rank per row, computed once per list: comparing strings
// with Intl.Collator is slow, and a list of 10,000 webhooks holds few distinct names, so a
// text column ranks each distinct value once; the other columns rank a number (a count, a
// status rank, a time) with a typed-array sort. Then a sort is a counting sort over ranks.
type Column =
  | { kind: 'text'; value: (row: IntegrationWebhook) => string }
  /** `null`: a row with no value (never triggered), last in both directions. */
  | { kind: 'number'; key: (row: IntegrationWebhook) => number | null }
const text = (value: (row: IntegrationWebhook) => string): Column => ({ kind: 'text', value })
const numeric = (key: (row: IntegrationWebhook) => number | null): Column => ({ kind: 'number', key })
const columns: Readonly<Record<WebhookSortKey, Column>> = {
  name: /* @__PURE__ */ text((row) => row.external_config.integration_name),
  provider: /* @__PURE__ */ text((row) => row.provider_id),
  category: /* @__PURE__ */ text((row) => row.external_config.category),
  webhookUrl: /* @__PURE__ */ text((row) => row.webhook_url),
  status: /* @__PURE__ */ numeric((row) => rankOf(row.status)),
  triggerTypes: /* @__PURE__ */ numeric((row) => row.trigger_types.length),
  lastTriggered: /* @__PURE__ */ numeric((row) => timeOf(row.last_triggered)),
  triggerCount: /* @__PURE__ */ numeric((row) => row.trigger_count),
  errorCount: /* @__PURE__ */ numeric((row) => row.error_count),
}

/** A list ranked by one column (-1: no value), and its sorted orders once asked for (each made once). */
interface Ranked {
  ranks: Int32Array
  ascending?: IntegrationWebhook[]
  descending?: IntegrationWebhook[]
}

// Per list, column and locale: a second click on a header (the other direction) or a
// re-render with the same rows does not rank again, and a third click does not sort again.
// Both orders are made at idle time (prepareSort), so a click copies one: the counting sort
// run in the click itself is the page's first run of that code, not yet optimised, and took
// most of a sort's script in Chromium (BENCHMARKS.md), where warm in Node it takes 0.07 ms.
const rankCache = /* @__PURE__ */ createListCache<IntegrationWebhook, Ranked>()

function columnOf(id: WebhookSortKey): Column {
  const column = Object.hasOwn(columns, id) ? columns[id] : undefined
  if (!column) throw new TypeError(`Unknown sort column "${String(id)}"`)
  return column
}

function rankText(
  rows: readonly IntegrationWebhook[],
  value: (row: IntegrationWebhook) => string,
  compare: (a: IntegrationWebhook, b: IntegrationWebhook, locale?: string) => number,
  locale: string | undefined,
): Int32Array {
  const firstOf = new Map<string, IntegrationWebhook>()
  for (const row of rows) if (!firstOf.has(value(row))) firstOf.set(value(row), row)
  const distinct = [...firstOf.values()].sort((a, b) => compare(a, b, locale))
  const rankOfValue = new Map<string, number>()
  let rank = 0
  distinct.forEach((row, index) => {
    // Values the comparator calls equal (e.g. "Gmail" and "gmail") share a rank.
    if (index > 0 && compare(distinct[index - 1] as IntegrationWebhook, row, locale) !== 0) rank++
    rankOfValue.set(value(row), rank)
  })
  return Int32Array.from(rows, (row) => rankOfValue.get(value(row)) ?? 0)
}

function rankNumbers(rows: readonly IntegrationWebhook[], key: (row: IntegrationWebhook) => number | null): Int32Array {
  const keys = Float64Array.from(rows, (row) => key(row) ?? Number.NaN)
  // The distinct values in order (a typed-array sort compares numbers; NaN, "no value", sorts last and is left out).
  const sorted = keys.slice().sort()
  const rankOfValue = new Map<number, number>()
  for (const value of sorted)
    if (!Number.isNaN(value) && !rankOfValue.has(value)) rankOfValue.set(value, rankOfValue.size)
  return Int32Array.from(keys, (value) => rankOfValue.get(value) ?? -1)
}

function rankedFor(rows: readonly IntegrationWebhook[], id: WebhookSortKey, locale: string | undefined): Ranked {
  const column = columnOf(id)
  // Numbers do not depend on the locale: one entry per list and column.
  const cacheKey = column.kind === 'text' ? `${id}\u0000${locale ?? ''}` : id
  return rankCache.get(rows, cacheKey, () => ({
    ranks:
      column.kind === 'text'
        ? rankText(rows, column.value, webhookComparators[id as Exclude<WebhookSortKey, 'lastTriggered'>], locale)
        : rankNumbers(rows, column.key),
  }))
}

/** The rows in the order of one ranked column: sorted on the first call per direction, copied after. */
function orderOf(rows: readonly IntegrationWebhook[], ranked: Ranked, desc: boolean): IntegrationWebhook[] {
  if (desc) ranked.descending ??= sortByRank(rows, ranked.ranks, true)
  else ranked.ascending ??= sortByRank(rows, ranked.ranks, false)
  return ((desc ? ranked.descending : ranked.ascending) as IntegrationWebhook[]).slice()
}

/**
 * Ranks and sorts the rows by columns, both ways, ahead of time (kept while the list's array
 * lives), so a click on one of their headers over a long list only copies an order: the
 * collator and the sort run here, not in the click. Call it when a list arrives, at idle time.
 *
 * @example
 * ```ts
 * requestIdleCallback(() => prepareSort(webhooks, ['name']))
 * ```
 */
export function prepareSort(
  rows: readonly IntegrationWebhook[],
  columns: readonly WebhookSortKey[] = ['name', 'webhookUrl'],
  locale?: string,
): void {
  for (const id of columns) {
    const ranked = rankedFor(rows, id, locale)
    orderOf(rows, ranked, false)
    orderOf(rows, ranked, true)
  }
}

/**
 * A stable counting sort of the rows by integer rank, in O(rows + ranks): what one click on
 * a header costs. Descending walks the ranks from the top; rows of one rank keep their order
 * either way, as with {@link compareWebhooks}, and rows with no value (rank -1) come last
 * either way.
 */
function sortByRank(rows: readonly IntegrationWebhook[], ranks: Int32Array, desc: boolean): IntegrationWebhook[] {
  const count = rows.length
  let top = 0
  for (let index = 0; index < count; index++) if ((ranks[index] as number) > top) top = ranks[index] as number
  // Bucket of a rank: itself ascending, top - rank descending; no value: top + 1.
  const bucketOf = (rank: number) => (rank < 0 ? top + 1 : desc ? top - rank : rank)
  // starts[b] ends up as the first output index of bucket b (a prefix sum of the counts).
  const starts = new Int32Array(top + 3)
  for (let index = 0; index < count; index++) (starts[bucketOf(ranks[index] as number) + 1] as number)++
  for (let bucket = 1; bucket < starts.length; bucket++) (starts[bucket] as number) += starts[bucket - 1] as number
  const sorted = new Array<IntegrationWebhook>(count)
  for (let index = 0; index < count; index++) {
    sorted[(starts[bucketOf(ranks[index] as number)] as number)++] = rows[index] as IntegrationWebhook
  }
  return sorted
}

/**
 * Returns a new array sorted by the rules; stable (equal rows keep their order), and the
 * same order as sorting with {@link compareWebhooks} for rows as the schema defines them
 * (finite counts, as every parsed row has).
 *
 * @example
 * ```ts
 * sortWebhooks(webhooks, [{ id: 'errorCount', desc: true }, { id: 'name' }])
 * ```
 */
export function sortWebhooks(
  rows: readonly IntegrationWebhook[],
  rules: readonly WebhookSortRule[],
  locale?: string,
): IntegrationWebhook[] {
  if (rules.length === 0) return [...rows]
  const only = rules.length === 1 ? rules[0] : undefined
  if (only) return orderOf(rows, rankedFor(rows, only.id, locale), Boolean(only.desc))
  const compareIndex = rules.map((rule): ((a: number, b: number) => number) => {
    const sign = rule.desc ? -1 : 1
    const { ranks } = rankedFor(rows, rule.id, locale)
    return (a, b) => {
      const ra = ranks[a] as number
      const rb = ranks[b] as number
      // No value (never triggered) goes last whichever the direction.
      if (ra < 0 || rb < 0) return ra === rb ? 0 : ra < 0 ? 1 : -1
      return sign * (ra - rb)
    }
  })
  const order = rows.map((_, index) => index)
  // Array.prototype.sort is stable since ES2019; the index tie-break keeps it explicit.
  order.sort((a, b) => {
    for (const compare of compareIndex) {
      const result = compare(a, b)
      if (result !== 0) return result
    }
    return a - b
  })
  return order.map((index) => rows[index] as IntegrationWebhook)
}
