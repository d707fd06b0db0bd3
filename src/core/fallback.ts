import { defaultCatalog } from './catalog/builtin'
import { type FallbackOptions, fallbackRows } from './fallback-rows'
import type { IntegrationWebhook } from './schemas'

export type { FallbackOptions, FallbackSettings } from './fallback-rows'

/**
 * Suggested webhook configurations for integrations that have nothing saved.
 *
 * Pure and deterministic: the same options give the same rows (ids
 * `{provider_id}-webhook`). Every row is `inactive`, `setup_required: true`, with
 * zero counts and `last_triggered: null`: a suggestion, never a claim that
 * something is configured. `external_config` also carries `docs_url` and `delivery`.
 *
 * @example
 * ```ts
 * const rows = generateFallbackWebhooks({
 *   userId: 'user_1',
 *   origin: 'https://app.example.com',
 *   now: '2026-01-01T00:00:00.000Z',
 * })
 * rows[0].webhook_url // 'https://app.example.com/api/integration-webhooks/gmail'
 * ```
 */
export function generateFallbackWebhooks(options: FallbackOptions): IntegrationWebhook[] {
  return fallbackRows(options.catalog ?? defaultCatalog, options)
}
