// The built-in catalog: its own file in dist (an entry of the core build), so that code
// which only needs it for fallback rows can load it with import() when the API has nothing saved.
import { catalogFrom, type IntegrationCatalog } from './build'
import { availableIntegrations } from './integrations'

export { availableIntegrations } from './integrations'

/**
 * The catalog of the 30 integrations the product offers.
 *
 * @example
 * ```ts
 * defaultCatalog.get('github')?.docsUrl // 'https://docs.github.com/en/webhooks'
 * ```
 */
export const defaultCatalog: IntegrationCatalog = /* @__PURE__ */ catalogFrom(availableIntegrations)
