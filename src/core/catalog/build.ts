import { unknownBrandColor } from './brand-colors'
import type { Integration } from './define'
import { toTriggerType } from './derive'

/** A set of integrations, looked up by provider id. */
export interface IntegrationCatalog {
  /** Every integration, in display order. */
  readonly integrations: readonly Integration[]
  /** The entry for `providerId`, or `undefined`. */
  get(providerId: string): Integration | undefined
  /** The entry for `providerId`, or a sensible default for a provider the catalog does not know. */
  resolve(providerId: string): Integration
}

function titleCase(id: string): string {
  return id
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((word) => word[0]?.toUpperCase() + word.slice(1))
    .join(' ')
}

/**
 * The entry used for a provider id no catalog knows: a generic webhook with one
 * `{id}_trigger_event` trigger and generic setup steps. Never throws.
 *
 * @example
 * ```ts
 * unknownIntegration('acme-crm').name // 'Acme Crm'
 * ```
 */
export function unknownIntegration(providerId: string): Integration {
  const id = String(providerId)
  const slug =
    id
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'unknown'
  return {
    id,
    name: titleCase(slug) || id,
    description: `Webhooks from ${id}`,
    category: 'other',
    capabilities: [],
    scopes: [],
    isAvailable: true,
    color: unknownBrandColor,
    authType: 'none',
    delivery: 'webhook',
    webhookPath: slug,
    triggers: [{ type: toTriggerType(slug, 'event'), event: 'event', label: 'Event' }],
    setupSteps: [
      "Open the provider's developer or admin settings and find its webhooks (or notifications) section",
      'Create a webhook that sends events to {webhookUrl}',
      'Copy its signing secret, if it has one, into this integration',
      'Send a test event and check it appears in the execution history',
    ],
  }
}

/**
 * @internal A catalog over entries that are already complete (no validation): the
 * built-in catalog and {@link createCatalog} use it.
 */
export function catalogFrom(integrations: Iterable<Integration>): IntegrationCatalog {
  const byId = new Map<string, Integration>()
  for (const integration of integrations) byId.set(integration.id, integration)
  const list = Object.freeze([...byId.values()])
  return {
    integrations: list,
    get: (providerId) => byId.get(providerId),
    resolve: (providerId) => byId.get(providerId) ?? unknownIntegration(providerId),
  }
}
