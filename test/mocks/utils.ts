import { createWebhookClient, type WebhookClientOptions } from 'integration-webhooks/core'
import { API } from '../support/msw'

export { API, failure, setupMswServer } from '../support/msw'

/** The real client against the mocked endpoint, without retries so every request shows. */
export const makeClient = (options: WebhookClientOptions = {}) =>
  createWebhookClient({ apiUrl: API, retry: false, ...options })

/** A raw request to the mocked endpoint, for what the client refuses to send. */
export async function raw(path: string, init: RequestInit = {}): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${API}${path}`, init)
  return { status: response.status, body: await response.json() }
}
