// integration-webhooks/core — framework-agnostic: no React, no "use client".
// Runs in Node, browsers, workers and React Server Components.

export { brandColorOf, builtinBrandColors, unknownBrandColor } from './catalog/brand-colors'
export type { IntegrationCatalog } from './catalog/build'
export { unknownIntegration } from './catalog/build'
// What needs the built-in catalog's data (src/core/catalog/builtin.ts) when it loads:
export { availableIntegrations, defaultCatalog } from './catalog/builtin'
export type { CreateCatalogOptions } from './catalog/catalog'
export { createCatalog } from './catalog/catalog'
export type { IntegrationCategory } from './catalog/categories'
export { integrationCategories } from './catalog/categories'
export type {
  AuthType,
  DeliveryMethod,
  Integration,
  IntegrationDefinition,
  IntegrationTrigger,
} from './catalog/define'
export {
  defineIntegration,
  IntegrationDefinitionError,
  integrationDefinitionSchema,
  toTriggerType,
} from './catalog/define'
export type { WebhookUrlOption, WebhookUrlOptions } from './catalog/lookups'
export {
  buildWebhookUrl,
  DEFAULT_WEBHOOK_BASE_PATH,
  fillSetupSteps,
  numberSteps,
  parseInstructions,
} from './catalog/lookups'
export { getSetupInstructions, getSetupSteps, getTriggerTypes, getWebhookUrl } from './catalog/provider-lookups'
export type {
  CreateWebhookOptions,
  ListExecutionsOptions,
  RequestOptions,
  SecretOptions,
  StatsOptions,
  WebhookClient,
  WebhookClientOptions,
  WebhookRoutes,
} from './client'
export { createWebhookClient, DEFAULT_API_URL, defaultWebhookRoutes, MAX_GRACE_SECONDS } from './client'
export { isDateTimeString, parseDateTime } from './date-time'
export type { WebhookApiErrorDetails, WebhookApiErrorKind } from './errors'
export { errorKindForStatus, isWebhookApiError, WebhookApiError } from './errors'
export { generateFallbackWebhooks } from './fallback'
export type { FallbackOptions, FallbackSettings } from './fallback-rows'
export type { WebhookFacetCounts, WebhookFilter } from './filter'
export { countWebhookFacets, filterWebhooks, matchesWebhookFilter, normalizeSearchText, prepareSearch } from './filter'
export type { DateInput, DateTimeOptions, RelativeTimeOptions } from './format'
export { formatCount, formatDateTime, formatDuration, formatNumber, formatRelativeTime } from './format'
export type { SchemaIssue } from './issues'
export { formatIssue, formatIssues } from './issues'
export type { LoadedWebhooks, LoadWebhooksOptions } from './load'
export { loadDefaultCatalog, loadWebhooks } from './load'
export type { ExecutionsPage, InvalidRow, WebhookList } from './parse'
export { parseExecutionsPage, parseWebhookList } from './parse'
export type { RetryPolicy } from './retry'
export { backoffDelay, defaultRetryPolicy, isRetryableKind, MAX_TIMER_MS, parseRetryAfter } from './retry'
export type { DocsLink } from './safety'
export {
  displayText,
  docsLinkFor,
  isLinkableUrl,
  isSafeHttpUrl,
  isSecretKey,
  limitDepth,
  MAX_MASK_DEPTH,
  maskSecrets,
  maskSecretText,
  SECRET_MASK,
  toDisplayText,
} from './safety'
export type {
  AllWebhookStats,
  ExecutionAttempt,
  ExecutionStatus,
  IntegrationWebhook,
  SigningSecret,
  SigningSecretSource,
  StatsBucket,
  StatsWindow,
  WebhookExecution,
  WebhookSigning,
  WebhookSource,
  WebhookStats,
  WebhookStatsFigures,
  WebhookStatus,
} from './schemas'
export {
  allWebhookStatsSchema,
  executionAttemptSchema,
  executionEventSchema,
  executionsPageEnvelopeSchema,
  externalConfigSchema,
  integrationWebhookSchema,
  signingSecretSchema,
  signingSecretSources,
  statsBucketSchema,
  statsWindows,
  webhookEventSchema,
  webhookExecutionSchema,
  webhookListEnvelopeSchema,
  webhookSigningSchema,
  webhookStatsFiguresSchema,
  webhookStatsSchema,
} from './schemas'
export type { WebhookSortKey, WebhookSortRule } from './sort'
export { compareWebhooks, prepareSort, sortWebhooks, webhookComparators, webhookStatusRank } from './sort'
export type { SparklineOptions, SparklinePaths } from './sparkline'
export { sparklinePaths } from './sparkline'
export type { SseEvent, SseMessage, SseRetry, SseState } from './sse'
export { feedSse, initialSseState } from './sse'
export type { BucketLabelOptions, StatsBar, StatsBarScale, StatsHealth } from './stats'
export {
  axisLabelIndexes,
  formatBucketLabel,
  formatSuccessRate,
  niceCeiling,
  scaleStatsBars,
  statsHealth,
  worstBucketIndex,
} from './stats'
export type {
  SuccessCounts,
  WebhookStatsSortKey,
  WebhookTableSortKey,
  WebhookTableSortRule,
} from './stats-sort'
export { sortWebhooksWithStats, successRateKey } from './stats-sort'
export { executionStatuses, webhookStatuses } from './statuses'
export type {
  InvalidStreamEvent,
  SubscribeOptions,
  WebhookStreamEnd,
  WebhookStreamEvent,
  WebhookStreamState,
  WebhookStreamStateDetail,
} from './stream'
export type { AddableGroup, WebhookSummary } from './summary'
export { addableIntegrations, summarizeWebhooks, webhookCategories } from './summary'
