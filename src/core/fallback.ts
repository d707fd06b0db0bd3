import { defaultCatalog, type IntegrationCatalog } from './catalog/catalog'
import type { Integration } from './catalog/define'
import { buildWebhookUrl, fillSetupSteps, numberSteps, type WebhookUrlOption } from './catalog/lookups'
import type { IntegrationWebhook } from './schemas'

/** Options of {@link generateFallbackWebhooks}. */
export interface FallbackOptions {
  /**
   * The integrations to generate rows for (unavailable ones are skipped).
   * @defaultValue every integration of {@link defaultCatalog}
   */
  integrations?: readonly Integration[] | IntegrationCatalog
  /** The user the rows belong to. */
  userId: string
  /** Where providers must send events; see {@link WebhookUrlOption}. */
  webhookUrl?: WebhookUrlOption
  /** The host's origin, for the default webhook URL. */
  origin?: string
  /**
   * The time stamped on `created_at` / `updated_at`; pass it for reproducible output.
   * @defaultValue the current time
   */
  now?: Date | string | number
}

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
  const { userId, integrations = defaultCatalog } = options
  if (typeof userId !== 'string') throw new TypeError('generateFallbackWebhooks: userId must be a string')
  const now = options.now === undefined ? new Date() : new Date(options.now)
  if (Number.isNaN(now.getTime())) throw new TypeError(`generateFallbackWebhooks: invalid "now" ${String(options.now)}`)
  const stamp = now.toISOString()
  const list = 'integrations' in integrations ? integrations.integrations : integrations
  return list
    .filter((integration) => integration.isAvailable)
    .map((integration) => {
      const webhookUrl = buildWebhookUrl(integration, options)
      return {
        id: `${integration.id}-webhook`,
        user_id: userId,
        provider_id: integration.id,
        webhook_url: webhookUrl,
        trigger_types: integration.triggers.map((trigger) => trigger.type),
        integration_config: {},
        external_config: {
          type: integration.delivery,
          setup_required: true,
          instructions: numberSteps(fillSetupSteps(integration, webhookUrl)),
          integration_name: integration.name,
          category: integration.category,
          capabilities: [...integration.capabilities],
          ...(integration.docsUrl ? { docs_url: integration.docsUrl } : {}),
        },
        status: 'inactive',
        last_triggered: null,
        trigger_count: 0,
        error_count: 0,
        created_at: stamp,
        updated_at: stamp,
      }
    })
}
