// integration-webhooks/core — framework-agnostic: no React, no "use client".
// Runs in Node, browsers, workers and React Server Components.

export * from './base'
// What needs the built-in catalog's data (src/core/catalog/builtin.ts) when it loads:
export { availableIntegrations, defaultCatalog } from './catalog/builtin'
export type { CreateCatalogOptions } from './catalog/catalog'
export { createCatalog } from './catalog/catalog'
export { getSetupInstructions, getSetupSteps, getTriggerTypes, getWebhookUrl } from './catalog/provider-lookups'
export { generateFallbackWebhooks } from './fallback'
