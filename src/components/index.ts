'use client'
// integration-webhooks — the published UI. Import 'integration-webhooks/styles.css' for the default theme.

export type {
  ExecutionStatus,
  IntegrationCatalog,
  IntegrationWebhook,
  InvalidRow,
  WebhookApiErrorKind,
  WebhookClient,
  WebhookClientOptions,
  WebhookExecution,
  WebhookSource,
  WebhookStatus,
} from 'integration-webhooks/core'
export { createWebhookClient, isWebhookApiError, WebhookApiError } from 'integration-webhooks/core'
export type {
  FallbackSettings,
  UseWebhookTableOptions,
  WebhooksProviderProps,
  WebhookTableState,
} from 'integration-webhooks/react'
export {
  useCopyToClipboard,
  useIntegrationWebhooks,
  useWebhookActions,
  useWebhookExecutions,
  useWebhookTable,
  WebhooksProvider,
} from 'integration-webhooks/react'
export type { ConfirmDialogProps } from './confirm-dialog'
export { ConfirmDialog } from './confirm-dialog'
export type { CopyButtonProps } from './copy-button'
export { CopyButton } from './copy-button'
export type { ExecutionHistoryProps } from './execution-history'
export { ExecutionHistory } from './execution-history'
export type { IntegrationWebhookManagerProps, WebhookManagerClassNames } from './integration-webhook-manager'
export { IntegrationWebhookManager } from './integration-webhook-manager'
export type { PartialLabels, WebhookManagerLabels } from './labels'
export { defaultLabels, mergeLabels } from './labels'
export { germanLabels, localizedGermanLabels } from './labels-de'
export type { WebhookDetailsDialogProps } from './webhook-details-dialog'
export { WebhookDetailsDialog } from './webhook-details-dialog'
export type { WebhookStatusBadgeProps } from './webhook-status-badge'
export { WebhookStatusBadge } from './webhook-status-badge'
export type { WebhookTableProps } from './webhook-table'
export { WebhookTable, webhookTableColumnIds } from './webhook-table'
