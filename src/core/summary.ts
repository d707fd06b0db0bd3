import type { IntegrationCatalog } from './catalog/build'
import { integrationCategories } from './catalog/categories'
import type { Integration } from './catalog/define'
import type { IntegrationWebhook } from './schemas'

/** What {@link summarizeWebhooks} counts: the numbers a list's header shows. */
export interface WebhookSummary {
  /** Every row. */
  readonly total: number
  /** Rows whose status is `active`. */
  readonly active: number
  /** Rows whose status is `error`. */
  readonly failing: number
  /** Rows whose `external_config.setup_required` is true. */
  readonly needsSetup: number
}

/**
 * Counts a list for its header: every row, the active ones, the failing ones (status
 * `error`) and those that still need setup. One walk; pure.
 *
 * @example
 * ```ts
 * const { total, failing } = summarizeWebhooks(webhooks)
 * if (failing > 0) console.warn(`${failing} of ${total} webhooks are failing`)
 * ```
 */
export function summarizeWebhooks(webhooks: readonly IntegrationWebhook[]): WebhookSummary {
  let active = 0
  let failing = 0
  let needsSetup = 0
  for (const webhook of webhooks) {
    if (webhook.status === 'active') active++
    else if (webhook.status === 'error') failing++
    if (webhook.external_config.setup_required) needsSetup++
  }
  return { total: webhooks.length, active, failing, needsSetup }
}

const catalogOrder: ReadonlyMap<string, number> = new Map(integrationCategories.map((c, index) => [c.id, index]))

/**
 * The categories a list holds, in display order: the catalog's categories in the catalog's
 * order ({@link integrationCategories}), then any others in the order the list first names
 * them, then any of `selected` the list does not hold (a host's filter stays choosable), each once.
 *
 * A category filter offers these: the options follow the list, not the current matches, so
 * they stay while the user types.
 *
 * @example
 * ```ts
 * webhookCategories(webhooks) // ['communication', 'development', 'crm']
 * webhookCategories(webhooks, ['storage']) // ['communication', 'development', 'crm', 'storage']
 * ```
 */
export function webhookCategories(webhooks: readonly IntegrationWebhook[], selected: readonly string[] = []): string[] {
  const listed = new Set<string>()
  for (const webhook of webhooks) listed.add(webhook.external_config.category)
  const known: string[] = []
  const others: string[] = []
  for (const id of listed) (catalogOrder.has(id) ? known : others).push(id)
  known.sort((a, b) => (catalogOrder.get(a) ?? 0) - (catalogOrder.get(b) ?? 0))
  const ordered = [...known, ...others]
  for (const id of selected) {
    if (!listed.has(id)) {
      listed.add(id)
      ordered.push(id)
    }
  }
  return ordered
}

/** The integrations of one category that a list has no webhook for yet: see {@link addableIntegrations}. */
export interface AddableGroup {
  category: string
  integrations: readonly Integration[]
}

/**
 * The catalog's available integrations that no webhook of the list uses yet, by category in the
 * catalog's order ({@link integrationCategories}). What an "Add integration" choice offers.
 *
 * @example
 * ```ts
 * addableIntegrations(catalog, webhooks) // [{ category: 'communication', integrations: [slack, …] }, …]
 * ```
 */
export function addableIntegrations(
  catalog: IntegrationCatalog,
  webhooks: readonly IntegrationWebhook[],
): AddableGroup[] {
  const taken = new Set(webhooks.map((webhook) => webhook.provider_id))
  const byCategory = new Map<string, Integration[]>()
  for (const integration of catalog.integrations) {
    if (!integration.isAvailable || taken.has(integration.id)) continue
    const group = byCategory.get(integration.category)
    if (group) group.push(integration)
    else byCategory.set(integration.category, [integration])
  }
  const rank = (id: string) => catalogOrder.get(id) ?? catalogOrder.size
  return [...byCategory]
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([category, integrations]) => ({ category, integrations }))
}
