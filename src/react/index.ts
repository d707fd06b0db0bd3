'use client'
// integration-webhooks/react — headless hooks on swr: no markup, no CSS.

export type { ExecutionsRegistry } from './executions-registry'
export type { LiveState } from './live-registry'
export type { ControllableStateProps } from './use-controllable-state'
export { useControllableState } from './use-controllable-state'
export type { CopyToClipboardState, UseCopyToClipboardOptions } from './use-copy-to-clipboard'
export { useCopyToClipboard } from './use-copy-to-clipboard'
export type {
  IntegrationWebhooksState,
  UseIntegrationWebhooksOptions,
  WebhooksSnapshot,
} from './use-integration-webhooks'
export { useIntegrationWebhooks } from './use-integration-webhooks'
export type {
  ActionResult,
  CreateWebhookActionOptions,
  SecretActionOptions,
  UseWebhookActionsOptions,
  WebhookAction,
  WebhookActionsState,
} from './use-webhook-actions'
export { useWebhookActions } from './use-webhook-actions'
export type { UseWebhookExecutionsOptions, WebhookExecutionsState } from './use-webhook-executions'
export { useWebhookExecutions } from './use-webhook-executions'
export type {
  UseOneWebhookStatsOptions,
  UseWebhookStatsOptions,
  UseWebhooksStatsOptions,
  WebhookStatsState,
  WebhooksStatsState,
} from './use-webhook-stats'
export { useWebhookStats, useWebhooksStats } from './use-webhook-stats'
export type { UseWebhookTableOptions, WebhookTableFeatures, WebhookTableState } from './use-webhook-table'
export { useWebhookTable, webhookColumnDefs } from './use-webhook-table'
export type { FallbackSettings, WebhooksContextValue, WebhooksProviderProps } from './webhooks-provider'
export { useWebhooksContext, WebhooksProvider } from './webhooks-provider'
