import type { IntegrationWebhook, WebhookExecution } from 'integration-webhooks/core'

/**
 * Rows of the `malformed` scenario that fail `integrationWebhookSchema`, each in one
 * way an API really gets wrong, and where they go in the list.
 */
export function malformedWebhookRows(
  template: IntegrationWebhook | undefined,
): Array<{ readonly index: number; readonly row: unknown }> {
  if (!template) return []
  const copy = (overrides: Record<string, unknown>) => ({ ...structuredClone(template), ...overrides })
  const { id: _id, ...withoutId } = structuredClone(template)
  return [
    { index: 1, row: copy({ id: 'malformed-status', status: 'paused' }) },
    { index: 4, row: { ...withoutId, provider_id: 'slack' } },
    { index: 8, row: copy({ id: 'malformed-counts', trigger_count: -3, error_count: -1 }) },
    { index: 13, row: 'not a webhook' },
    { index: 19, row: null },
    { index: 26, row: copy({ id: 'malformed-date', last_triggered: 'yesterday' }) },
    { index: 33, row: copy({ id: 'malformed-config', external_config: 'see the docs' }) },
  ]
}

/** Rows of the `malformed` scenario that fail `webhookExecutionSchema`, added to each first page. */
export function malformedExecutionRows(template: WebhookExecution): unknown[] {
  const { triggered_at: _triggeredAt, ...withoutTime } = structuredClone(template)
  return [
    { ...structuredClone(template), id: `${template.webhook_id}-malformed-status`, status: 'done' },
    42,
    { ...withoutTime, id: `${template.webhook_id}-malformed-time`, execution_time_ms: -12 },
  ]
}
