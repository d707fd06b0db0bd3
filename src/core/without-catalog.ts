// What the ESM builds of integration-webhooks/react and of the components' first load import
// from core (tsup's pointClientFilesAtCoreWithoutCatalog points their imports of 'integration-webhooks/core' here; types come from
// the public entry). Nothing here imports the built-in catalog statically, so an app loads
// it with the import() in loadWebhooks (fallback rows) or with the details dialog's chunk,
// and not before: a bundler ties a file to the first chunk if any file of that chunk imports
// it statically, used or not. Not a public entry: import 'integration-webhooks/core'.
// test/package/entry.test.ts fails if a layer needs a name that is not listed here.
export { brandColorOf, unknownBrandColor } from './catalog/brand-colors'
export { integrationCategories } from './catalog/categories'
export { createWebhookClient, DEFAULT_API_URL, defaultWebhookRoutes } from './client'
export { isWebhookApiError, WebhookApiError } from './errors'
export { countWebhookFacets, filterWebhooks, prepareSearch } from './filter'
export { formatCount, formatDateTime, formatDuration, formatNumber, formatRelativeTime } from './format'
export { loadDefaultCatalog, loadWebhooks } from './load'
export { displayText, limitDepth, maskSecrets, maskSecretText, toDisplayText } from './safety'
export { statsWindows } from './schemas'
export { prepareSort, sortWebhooks } from './sort'
export { sparklinePaths } from './sparkline'
export {
  axisLabelIndexes,
  formatBucketLabel,
  formatSuccessRate,
  scaleStatsBars,
  statsHealth,
  worstBucketIndex,
} from './stats'
export { sortWebhooksWithStats } from './stats-sort'
export { webhookStatuses } from './statuses'
export { addableIntegrations, summarizeWebhooks, webhookCategories } from './summary'
