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
