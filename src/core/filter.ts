import type { IntegrationWebhook, WebhookStatus } from './schemas'
import { webhookStatuses } from './statuses'

/** What to show: a text query and facet selections (an empty or missing list means "all"). */
export interface WebhookFilter {
  /** Words matched against name, provider id, trigger types and webhook URL; all must match. */
  query?: string
  /** Category ids to keep. */
  categories?: readonly string[]
  /** Statuses to keep. */
  statuses?: readonly WebhookStatus[]
  /** Keep only rows that still need setup on the provider's side. */
  setupRequired?: boolean
}

/** Facet counts for a filter UI. */
export interface WebhookFacetCounts {
  /** Rows per category among the rows matching every other part of the filter. */
  categories: Record<string, number>
  /** Rows per status among the rows matching every other part of the filter. */
  statuses: Record<WebhookStatus, number>
  /** Rows that need setup among the rows matching every other part of the filter. */
  setupRequired: number
}

/**
 * Folds text for matching: lower case, no diacritics, compatibility forms.
 *
 * @example
 * ```ts
 * normalizeSearchText('Crème BRÛLÉE') // 'creme brulee'
 * normalizeSearchText('Straße') // 'strasse'
 * ```
 */
export function normalizeSearchText(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      // Lower case is not case folding: Greek Σ lowers to ς or σ depending on position, and ß has no capital.
      .replace(/ς/g, 'σ')
      .replace(/ß/g, 'ss')
  )
}

// Normalising is the costly part of a search; rows are immutable values (a change makes a
// new object), so each row's text is normalised once, whatever the number of keystrokes.
const searchable = new WeakMap<IntegrationWebhook, string>()
function searchableText(row: IntegrationWebhook): string {
  let text = searchable.get(row)
  if (text === undefined) {
    text = normalizeSearchText(
      [row.external_config.integration_name, row.provider_id, row.webhook_url, ...row.trigger_types].join('\n'),
    )
    searchable.set(row, text)
  }
  return text
}

/**
 * Prepares rows for text search ahead of time (each row's folded text is kept while the row
 * object lives), so the first keystroke over a long list is as fast as the next ones.
 * Call it when a list arrives, at idle time.
 *
 * @example
 * ```ts
 * requestIdleCallback(() => prepareSearch(webhooks))
 * ```
 */
export function prepareSearch(rows: readonly IntegrationWebhook[]): void {
  for (const row of rows) searchableText(row)
}

function matchesQuery(row: IntegrationWebhook, terms: readonly string[]): boolean {
  if (terms.length === 0) return true
  const text = searchableText(row)
  return terms.every((term) => text.includes(term))
}

const termsOf = (query: string | undefined) =>
  normalizeSearchText(query ?? '')
    .split(/\s+/)
    .filter(Boolean)

/**
 * Tells whether a webhook passes a filter.
 *
 * @example
 * ```ts
 * matchesWebhookFilter(row, { query: 'new email', statuses: ['active'] })
 * ```
 */
export function matchesWebhookFilter(row: IntegrationWebhook, filter: WebhookFilter): boolean {
  return matches(row, filter, termsOf(filter.query))
}

function matches(row: IntegrationWebhook, filter: WebhookFilter, terms: readonly string[]): boolean {
  if (filter.categories?.length && !filter.categories.includes(row.external_config.category)) return false
  if (filter.statuses?.length && !filter.statuses.includes(row.status)) return false
  if (filter.setupRequired && !row.external_config.setup_required) return false
  return matchesQuery(row, terms)
}

/**
 * The rows that pass a filter, in their original order.
 *
 * @example
 * ```ts
 * filterWebhooks(webhooks, { categories: ['development'] }).map((w) => w.provider_id) // ['github', 'gitlab']
 * ```
 */
export function filterWebhooks(rows: readonly IntegrationWebhook[], filter: WebhookFilter): IntegrationWebhook[] {
  const terms = termsOf(filter.query)
  return rows.filter((row) => matches(row, filter, terms))
}

/**
 * Counts per facet value, each facet counted over the rows that match the rest of
 * the filter (so a user sees how many rows picking that value would show).
 *
 * @example
 * ```ts
 * countWebhookFacets(webhooks, { query: 'google' }).categories.productivity // 4
 * ```
 */
export function countWebhookFacets(
  rows: readonly IntegrationWebhook[],
  filter: WebhookFilter = {},
): WebhookFacetCounts {
  const terms = termsOf(filter.query)
  const counts: WebhookFacetCounts = {
    // No prototype: a category named "__proto__" from the API must count, not rewire the object.
    categories: Object.create(null) as Record<string, number>,
    statuses: Object.fromEntries(webhookStatuses.map((s) => [s, 0])) as Record<WebhookStatus, number>,
    setupRequired: 0,
  }
  for (const row of rows) {
    if (!matchesQuery(row, terms)) continue
    const inCategory = !filter.categories?.length || filter.categories.includes(row.external_config.category)
    const inStatus = !filter.statuses?.length || filter.statuses.includes(row.status)
    const inSetup = !filter.setupRequired || row.external_config.setup_required
    if (inStatus && inSetup) {
      const category = row.external_config.category
      counts.categories[category] = (counts.categories[category] ?? 0) + 1
    }
    if (inCategory && inSetup && row.status in counts.statuses) counts.statuses[row.status] += 1
    if (inCategory && inStatus && row.external_config.setup_required) counts.setupRequired += 1
  }
  return counts
}
