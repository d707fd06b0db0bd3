import { integrationCategories } from './catalog/categories'
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
  const time = value === null ? Number.NaN : Date.parse(value)
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

// The columns compared with a collator. Comparing strings with Intl.Collator is slow, and a
// list of 10,000 webhooks holds few distinct names: rank each distinct value once, then sort
// by the integer rank (profiled in BENCHMARKS.md).
const textValue: Partial<Record<WebhookSortKey, (row: IntegrationWebhook) => string>> = {
  name: (row) => row.external_config.integration_name,
  provider: (row) => row.provider_id,
  category: (row) => row.external_config.category,
  webhookUrl: (row) => row.webhook_url,
}

/** A list ranked by one text column, and its sorted orders once asked for (each made once). */
interface Ranked {
  ranks: Int32Array
  ascending?: IntegrationWebhook[]
  descending?: IntegrationWebhook[]
}

// Per list, column and locale: a second click on a header (the other direction) or a
// re-render with the same rows does not call the collator again, and a third click does
// not sort again.
const rankCache = /* @__PURE__ */ createListCache<IntegrationWebhook, Ranked>()

function rankedFor(
  rows: readonly IntegrationWebhook[],
  id: WebhookSortKey,
  value: (row: IntegrationWebhook) => string,
  compare: (a: IntegrationWebhook, b: IntegrationWebhook, locale?: string) => number,
  locale: string | undefined,
): Ranked {
  return rankCache.get(rows, `${id}\u0000${locale ?? ''}`, () => {
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
    return { ranks: Int32Array.from(rows, (row) => rankOfValue.get(value(row)) ?? 0) }
  })
}

/** The rows in the order of one ranked column: sorted on the first call per direction, copied after. */
function orderOf(rows: readonly IntegrationWebhook[], ranked: Ranked, desc: boolean): IntegrationWebhook[] {
  if (desc) ranked.descending ??= sortByRank(rows, ranked.ranks, true)
  else ranked.ascending ??= sortByRank(rows, ranked.ranks, false)
  return ((desc ? ranked.descending : ranked.ascending) as IntegrationWebhook[]).slice()
}

/**
 * Ranks and sorts the rows by text columns, both ways, ahead of time (kept while the list's
 * array lives), so a click on one of their headers over a long list only copies an order:
 * the collator and the sort run here, not in the click. Call it when a list arrives, at idle time; numeric
 * columns need nothing.
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
    const value = textValue[id]
    if (!value) continue
    const ranked = rankedFor(
      rows,
      id,
      value,
      webhookComparators[id as Exclude<WebhookSortKey, 'lastTriggered'>],
      locale,
    )
    orderOf(rows, ranked, false)
    orderOf(rows, ranked, true)
  }
}

/**
 * A stable counting sort of the rows by integer rank, in O(rows + ranks): what one click on
 * a text column's header costs. Descending walks the ranks from the top; rows of one rank keep
 * their order either way, as with {@link compareWebhooks}.
 */
function sortByRank(rows: readonly IntegrationWebhook[], ranks: Int32Array, desc: boolean): IntegrationWebhook[] {
  const count = rows.length
  let top = 0
  for (let index = 0; index < count; index++) if ((ranks[index] as number) > top) top = ranks[index] as number
  // Descending: bucket top - rank, so the highest rank comes first.
  const flip = desc ? top : 0
  const sign = desc ? -1 : 1
  // starts[b] ends up as the first output index of bucket b (a prefix sum of the counts).
  const starts = new Int32Array(top + 2)
  for (let index = 0; index < count; index++) (starts[flip + sign * (ranks[index] as number) + 1] as number)++
  for (let bucket = 1; bucket < starts.length; bucket++) (starts[bucket] as number) += starts[bucket - 1] as number
  const sorted = new Array<IntegrationWebhook>(count)
  for (let index = 0; index < count; index++) {
    sorted[(starts[flip + sign * (ranks[index] as number)] as number)++] = rows[index] as IntegrationWebhook
  }
  return sorted
}

/**
 * Returns a new array sorted by the rules; stable (equal rows keep their order), and the
 * same order as sorting with {@link compareWebhooks}.
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
  const onlyValue = only && textValue[only.id]
  if (only && onlyValue && only.id !== 'lastTriggered') {
    const ranked = rankedFor(rows, only.id, onlyValue, webhookComparators[only.id], locale)
    return orderOf(rows, ranked, Boolean(only.desc))
  }
  const compareIndex = rules.map((rule): ((a: number, b: number) => number) => {
    const sign = rule.desc ? -1 : 1
    if (rule.id === 'lastTriggered') {
      const times = rows.map((row) => timeOf(row.last_triggered))
      return (a, b) => {
        const ta = times[a] ?? null
        const tb = times[b] ?? null
        // Never-triggered rows go last whichever the direction.
        if (ta === null || tb === null) return ta === tb ? 0 : ta === null ? 1 : -1
        return sign * (ta - tb)
      }
    }
    const comparator = webhookComparators[rule.id]
    if (!comparator) throw new TypeError(`Unknown sort column "${String(rule.id)}"`)
    const value = textValue[rule.id]
    if (value) {
      const { ranks } = rankedFor(rows, rule.id, value, comparator, locale)
      return (a, b) => sign * ((ranks[a] ?? 0) - (ranks[b] ?? 0))
    }
    return (a, b) => sign * comparator(rows[a] as IntegrationWebhook, rows[b] as IntegrationWebhook, locale)
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
