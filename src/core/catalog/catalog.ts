import { catalogFrom, type IntegrationCatalog } from './build'
import { defaultCatalog } from './builtin'
import { defineIntegration, type Integration, type IntegrationDefinition } from './define'

/** Options of {@link createCatalog}. */
export interface CreateCatalogOptions {
  /**
   * The catalog to extend; entries with the same id are replaced in place, new ones are appended.
   * `null` starts from nothing.
   * @defaultValue {@link defaultCatalog}
   */
  base?: IntegrationCatalog | null
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
  const added = new Map<string, Integration>()
  for (const entry of integrations) {
    const integration = defineIntegration(entry as IntegrationDefinition)
    if (added.has(integration.id)) throw new TypeError(`createCatalog: integration "${integration.id}" is listed twice`)
    added.set(integration.id, integration)
  }
  // An id already in the base keeps its place with the new entry; new ids come after.
  return catalogFrom([...(base?.integrations ?? []), ...added.values()])
}
