import type { IntegrationDefinition } from '../../src/core/catalog/define'
import type { IntegrationWebhook, StatsWindow, WebhookExecution, WebhookStats } from '../../src/core/schemas'

/**
 * A valid webhook row (it passes `integrationWebhookSchema`), GitHub by default.
 * `name`, `category` and `setupRequired` go into `external_config`; an
 * `external_config` override is merged over the default one.
 */
export function makeWebhook(
  overrides: Partial<IntegrationWebhook> & { name?: string; category?: string; setupRequired?: boolean } = {},
): IntegrationWebhook {
  const { name, category, setupRequired, external_config, ...row } = overrides
  const providerId = row.provider_id ?? 'github'
  return {
    id: `${providerId}-webhook`,
    user_id: 'user_1',
    provider_id: providerId,
    webhook_url: `https://app.example.com/api/integration-webhooks/${providerId}`,
    trigger_types: [`${providerId.replace(/-/g, '_')}_trigger_push`],
    integration_config: {},
    status: 'active',
    last_triggered: null,
    trigger_count: 0,
    error_count: 0,
    created_at: '2026-01-01T00:00:00.000Z',
    updated_at: '2026-01-01T00:00:00.000Z',
    ...row,
    external_config: {
      type: 'webhook',
      setup_required: false,
      instructions: '1. Add the webhook URL',
      integration_name: 'GitHub',
      category: 'development',
      capabilities: [],
      ...external_config,
      ...(name === undefined ? {} : { integration_name: name }),
      ...(category === undefined ? {} : { category }),
      ...(setupRequired === undefined ? {} : { setup_required: setupRequired }),
    },
  }
}

/** A valid execution row (it passes `webhookExecutionSchema`): a successful GitHub push. */
export function makeExecution(overrides: Partial<WebhookExecution> = {}): WebhookExecution {
  return {
    id: 'exec-1',
    webhook_id: 'github-webhook',
    user_id: 'user_1',
    provider_id: 'github',
    trigger_type: 'github_trigger_push',
    payload: { ref: 'refs/heads/main' },
    headers: { 'x-github-event': 'push' },
    status: 'success',
    response_code: 200,
    response_body: 'ok',
    error_message: null,
    execution_time_ms: 42,
    triggered_at: '2026-01-01T00:00:00.000Z',
    ...overrides,
  }
}

/** A valid catalog entry the built-in catalog does not have (Linear). */
export const linearDefinition: IntegrationDefinition = {
  id: 'linear',
  name: 'Linear',
  description: 'Issue tracking',
  category: 'development',
  capabilities: ['issues'],
  scopes: ['read'],
  isAvailable: true,
  color: '#5E6AD2',
  authType: 'oauth',
  docsUrl: 'https://linear.app/developers/webhooks',
  delivery: 'webhook',
  triggers: [{ event: 'issue_created', label: 'Issue created', providerEvent: 'Issue create' }],
  setupSteps: ['Open Settings → API → Webhooks', 'Paste {webhookUrl} as the URL'],
}

/**
 * Valid statistics of one webhook (they pass `webhookStatsSchema`) for `window`, ending in the hour
 * (24h) or day of `end`: `outcomes[i]` gives bucket i's `[success, error]` (oldest first, zeros
 * for the rest); the totals, rate and percentiles follow from them.
 */
export function makeStats(
  window: StatsWindow = '24h',
  outcomes: readonly (readonly [number, number])[] = [],
  end = '2026-12-05T15:00:00.000Z',
): WebhookStats {
  const hours = window === '24h'
  const count = hours ? 24 : window === '7d' ? 7 : 30
  const step = hours ? 3600_000 : 86_400_000
  const last = Math.floor(Date.parse(end) / step) * step
  const buckets = Array.from({ length: count }, (_, i) => {
    const [success, error] = outcomes[i] ?? [0, 0]
    return { start: new Date(last - (count - 1 - i) * step).toISOString(), success, error }
  })
  const success = buckets.reduce((n, b) => n + b.success, 0)
  const error = buckets.reduce((n, b) => n + b.error, 0)
  const finished = success + error
  return {
    window,
    total: finished,
    success,
    error,
    pending: 0,
    success_rate: finished ? success / finished : null,
    p50_ms: finished ? 120 : null,
    p95_ms: finished ? 840 : null,
    buckets,
  }
}
