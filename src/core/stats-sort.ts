// Sorting by a column whose values are not in the webhook but in its statistics (issue 14: the
// table's "Success (24h)" column). Kept apart from sort.ts: every other column sorts by the row
// alone, and this one only adds itself on top of sortWebhooks and compareWebhooks.
import type { IntegrationWebhook } from './schemas'
import { compareWebhooks, sortWebhooks, type WebhookSortKey, type WebhookSortRule } from './sort'

/** The columns whose values come from the statistics (`GET {apiUrl}/stats`), not from the row. */
export type WebhookStatsSortKey = 'successRate'

/** Every column the webhook table can sort by: the row's own, and the statistics'. */
export type WebhookTableSortKey = WebhookSortKey | WebhookStatsSortKey

/** One sort rule of the table, in TanStack Table's `{ id, desc }` shape. */
export interface WebhookTableSortRule {
  id: WebhookTableSortKey
  desc?: boolean
}

/** What the success-rate sort reads of a webhook's statistics. */
export interface SuccessCounts {
  success: number
  error: number
}

/**
 * The sort key of the success-rate column: successes over finished executions (0..1), or `null`
 * when nothing finished in the window (no statistics for the row, or only pending ones).
 *
 * @example
 * ```ts
 * successRateKey({ success: 3, error: 1 }) // 0.75
 * successRateKey({ success: 0, error: 0 }) // null
 * ```
 */
export function successRateKey(counts: SuccessCounts | undefined): number | null {
  if (!counts) return null
  const { success, error } = counts
  const finished = success + error
  if (!(finished > 0) || !Number.isFinite(finished) || !(success >= 0) || !(error >= 0)) return null
  return success / finished
}

const isStatsRule = (rule: WebhookTableSortRule) => rule.id === 'successRate'

/**
 * Each row's rank under one success-rate rule: equal rates share a rank, lower ranks sort
 * first in the rule's direction, and rows without a rate rank after every other row either way.
 */
function successRanks(
  rows: readonly IntegrationWebhook[],
  stats: Readonly<Record<string, SuccessCounts>> | undefined,
  desc: boolean,
): Int32Array {
  const keys = Float64Array.from(rows, (row) => {
    const counts = stats && Object.hasOwn(stats, row.id) ? stats[row.id] : undefined
    return successRateKey(counts) ?? Number.NaN
  })
  // A typed-array sort compares numbers and puts NaN (no rate) last.
  const distinct: number[] = []
  for (const key of keys.slice().sort()) {
    if (Number.isNaN(key)) break
    if (distinct.length === 0 || distinct[distinct.length - 1] !== key) distinct.push(key)
  }
  const rankOf = new Map<number, number>()
  distinct.forEach((key, index) => {
    rankOf.set(key, desc ? distinct.length - 1 - index : index)
  })
  return Int32Array.from(keys, (key) => rankOf.get(key) ?? distinct.length)
}

/** Each row's rank under one of the row's own rules, read off core's sorted order. */
function rowRanks(rows: readonly IntegrationWebhook[], rule: WebhookSortRule, locale: string | undefined): Int32Array {
  const sorted = sortWebhooks(rows, [rule], locale)
  const rankOf = new Map<IntegrationWebhook, number>()
  let rank = 0
  sorted.forEach((row, index) => {
    if (index > 0 && compareWebhooks(sorted[index - 1] as IntegrationWebhook, row, [rule], locale) !== 0) rank++
    rankOf.set(row, rank)
  })
  return Int32Array.from(rows, (row) => rankOf.get(row) ?? 0)
}

/**
 * Sorts webhooks by the table's rules, where a rule may be a statistics column
 * (`successRate`, read from `stats` by webhook id). Rows without a success rate (no statistics,
 * or nothing finished in the window) sort last in both directions; equal rows keep their order
 * (stable). Without a statistics rule it is exactly {@link sortWebhooks}.
 *
 * @example
 * ```ts
 * const { stats } = await client.getAllStats({ window: '24h' })
 * sortWebhooksWithStats(webhooks, [{ id: 'successRate' }, { id: 'name' }], stats) // worst first
 * ```
 */
export function sortWebhooksWithStats(
  rows: readonly IntegrationWebhook[],
  rules: readonly WebhookTableSortRule[],
  stats: Readonly<Record<string, SuccessCounts>> | undefined,
  locale?: string,
): IntegrationWebhook[] {
  if (!rules.some(isStatsRule)) return sortWebhooks(rows, rules as readonly WebhookSortRule[], locale)
  // Every rule as an integer rank per row, then one sort of the row indexes over them.
  const ranks = rules.map((rule) =>
    isStatsRule(rule) ? successRanks(rows, stats, Boolean(rule.desc)) : rowRanks(rows, rule as WebhookSortRule, locale),
  )
  const order = Array.from(rows, (_, index) => index)
  order.sort((a, b) => {
    for (const rank of ranks) {
      const difference = (rank[a] as number) - (rank[b] as number)
      if (difference !== 0) return difference
    }
    return a - b
  })
  return order.map((index) => rows[index] as IntegrationWebhook)
}
