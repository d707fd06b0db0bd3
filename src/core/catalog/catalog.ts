import { defineIntegration, type Integration, type IntegrationDefinition, toTriggerType } from './define'
import { availableIntegrations } from './integrations'

/** A set of integrations, looked up by provider id. */
export interface IntegrationCatalog {
  /** Every integration, in display order. */
  readonly integrations: readonly Integration[]
  /** The entry for `providerId`, or `undefined`. */
  get(providerId: string): Integration | undefined
  /** The entry for `providerId`, or a sensible default for a provider the catalog does not know. */
  resolve(providerId: string): Integration
}

/** Options of {@link createCatalog}. */
export interface CreateCatalogOptions {
  /**
   * The catalog to extend; entries with the same id are replaced in place, new ones are appended.
   * `null` starts from nothing.
   * @defaultValue {@link defaultCatalog}
   */
  base?: IntegrationCatalog | null
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
    color: '#64748B',
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
 * Builds a catalog from integration definitions, extending the default one unless told otherwise.
 *
 * @throws {IntegrationDefinitionError} for an invalid entry; `TypeError` for a duplicate id in `integrations`.
 * @example
 * ```ts
 * const catalog = createCatalog([
 *   defineIntegration({ id: 'linear', name: 'Linear', … }),        // added
 *   { ...defaultCatalog.get('slack')!, color: '#000000' },         // overridden in place
 * ])
 * catalog.get('linear')?.triggers[0].type
 * ```
 */
export function createCatalog(
  integrations: Iterable<IntegrationDefinition | Integration>,
  options: CreateCatalogOptions = {},
): IntegrationCatalog {
  const base = options.base === undefined ? defaultCatalog : options.base
  const byId = new Map<string, Integration>()
  for (const integration of base?.integrations ?? []) byId.set(integration.id, integration)
  const added = new Set<string>()
  for (const entry of integrations) {
    const integration = defineIntegration(entry as IntegrationDefinition)
    if (added.has(integration.id)) throw new TypeError(`createCatalog: integration "${integration.id}" is listed twice`)
    added.add(integration.id)
    byId.set(integration.id, integration)
  }
  const list = Object.freeze([...byId.values()])
  return {
    integrations: list,
    get: (providerId) => byId.get(providerId),
    resolve: (providerId) => byId.get(providerId) ?? unknownIntegration(providerId),
  }
}

/**
 * The catalog of the 30 integrations the product offers.
 *
 * @example
 * ```ts
 * defaultCatalog.get('github')?.docsUrl // 'https://docs.github.com/en/webhooks'
 * ```
 */
export const defaultCatalog: IntegrationCatalog = /* @__PURE__ */ createCatalog(availableIntegrations, { base: null })
