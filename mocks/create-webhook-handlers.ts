import type { HttpHandler } from 'msw'
import { createWebhookMockStore, type WebhookMockOptions } from './store'

/**
 * MSW handlers for the whole HTTP contract of the webhook endpoint, with a
 * scenario's data and behaviour. Works with `setupServer` (Node) and `setupWorker`
 * (browser, Storybook).
 *
 * Stateful per call: a webhook disabled through `PATCH` stays disabled in the next
 * `GET`, a test event or redelivery is prepended to the executions, a created webhook
 * joins the list and a deleted one leaves it with its executions. Call it
 * again (or use {@link createWebhookMockStore} and `reset()`) for fresh data.
 *
 * - `GET {apiUrl}` → `{ webhooks, source: 'saved' }`
 * - `POST {apiUrl}` with `{ provider_id, name? }` → 201 `{ webhook }`, with a receiving URL
 *   `{origin}{apiUrl}/receive/{token}` of its own; 400 `{ error, code, issues? }` for a bad body
 *   or a provider the catalog does not offer
 * - `GET {apiUrl}/:webhookId` → `{ webhook }`; `DELETE {apiUrl}/:webhookId` → 204 (404 `{ error, code }` for an unknown id)
 * - `GET {apiUrl}/executions/:webhookId?limit=&cursor=` → `{ executions, next_cursor }`, newest first
 * - `PATCH {apiUrl}/:webhookId` with `{ status }` → `{ webhook }`
 * - `POST {apiUrl}/:webhookId/test` → 202 `{ execution }`
 * - `POST {apiUrl}/executions/:webhookId/:executionId/retry` → 202 `{ execution }`
 * - `GET {apiUrl}/stream` → Server-Sent Events of every change above (`execution`, `webhook`,
 *   `reset`), resumable with `Last-Event-ID`; `stream: 'none'` makes it a 404, `'dropping'` a 503
 *
 * @example
 * ```ts
 * // Node tests
 * const server = setupServer(...createWebhookHandlers({ apiUrl: 'http://app.test/api/integration-webhooks' }))
 * // Storybook / the browser
 * const worker = setupWorker(...createWebhookHandlers({ scenario: 'slow' }))
 * await worker.start()
 * ```
 */
export function createWebhookHandlers(options: WebhookMockOptions = {}): HttpHandler[] {
  return createWebhookMockStore(options).handlers
}
