// SWR cache keys. The namespace and the apiUrl keep two endpoints (or two libraries) apart
// in one cache; the userId keeps one user's generated rows from showing for another.
const NAMESPACE = 'integration-webhooks'

export type WebhooksKey = readonly [typeof NAMESPACE, string, 'webhooks', string]
export type ExecutionsKey = readonly [typeof NAMESPACE, string, 'executions', string, number, string | null]

export const webhooksKey = (apiUrl: string, userId: string | undefined): WebhooksKey => [
  NAMESPACE,
  apiUrl,
  'webhooks',
  userId ?? '',
]

export const executionsKey = (
  apiUrl: string,
  webhookId: string,
  pageSize: number,
  cursor: string | null,
): ExecutionsKey => [NAMESPACE, apiUrl, 'executions', webhookId, pageSize, cursor]

export type StatsKey = readonly [typeof NAMESPACE, string, 'stats', string, string]
export type AllStatsKey = readonly [typeof NAMESPACE, string, 'all-stats', string]

export const statsKey = (apiUrl: string, webhookId: string, window: string): StatsKey => [
  NAMESPACE,
  apiUrl,
  'stats',
  webhookId,
  window,
]

export const allStatsKey = (apiUrl: string, window: string): AllStatsKey => [NAMESPACE, apiUrl, 'all-stats', window]
