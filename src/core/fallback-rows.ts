import type { IntegrationCatalog } from './catalog/build'
import type { Integration } from './catalog/define'
import { buildWebhookUrl, fillSetupSteps, numberSteps, type WebhookUrlOption } from './catalog/lookups'
import type { IntegrationWebhook } from './schemas'

/** Options of {@link generateFallbackWebhooks}. */
export interface FallbackOptions {
  /**
   * The integrations to generate rows for (unavailable ones are skipped).
   * @defaultValue every integration of the built-in catalog (`defaultCatalog`)
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

/** @internal {@link generateFallbackWebhooks} for a given catalog: `loadWebhooks` loads the built-in one only when it needs it. */
export function fallbackRows(
  integrations: readonly Integration[] | IntegrationCatalog,
  options: FallbackOptions,
): IntegrationWebhook[] {
  const { userId } = options
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
