import type { IntegrationCatalog } from './catalog/build'
import type { Integration } from './catalog/define'
import { buildWebhookUrl, fillSetupSteps, numberSteps, type WebhookUrlOption } from './catalog/lookups'
import type { IntegrationWebhook } from './schemas'

/** Options of {@link generateFallbackWebhooks}. */
export interface FallbackOptions {
  /**
   * The integrations to generate rows for (unavailable ones are skipped): a catalog or a list.
   * @defaultValue the built-in catalog (`defaultCatalog`)
   */
  catalog?: readonly Integration[] | IntegrationCatalog
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
 * When and how generated rows stand in for integrations that have nothing saved: the
 * `fallback` option of {@link loadWebhooks}, `WebhooksProvider` and the manager alike.
 */
export interface FallbackSettings {
  /**
   * Show generated rows when the API answers with an empty list.
   * @defaultValue true
   */
  enabled?: boolean
  /**
   * Also when the endpoint answers 404 (an API that does not exist yet).
   * @defaultValue false
   */
  onNotFound?: boolean
  /** The user the generated rows belong to (in the hooks, also part of the cache key). */
  userId?: string
  /** Where providers must send events (template, base URL or function). */
  webhookUrl?: WebhookUrlOption
  /**
   * The host's origin for generated webhook URLs.
   * @defaultValue `location.origin` in the hooks
   */
  origin?: string
  /**
   * The time stamped on the generated rows' `created_at` / `updated_at`.
   * @defaultValue the current time
   */
  now?: Date | string | number
}

/** @internal {@link generateFallbackWebhooks} for a given catalog: `loadWebhooks` loads the built-in one only when it needs it. */
export function fallbackRows(
  catalog: readonly Integration[] | IntegrationCatalog,
  options: FallbackOptions,
): IntegrationWebhook[] {
  const { userId } = options
  if (typeof userId !== 'string') throw new TypeError('generateFallbackWebhooks: userId must be a string')
  const now = options.now === undefined ? new Date() : new Date(options.now)
  if (Number.isNaN(now.getTime())) throw new TypeError(`generateFallbackWebhooks: invalid "now" ${String(options.now)}`)
  const stamp = now.toISOString()
  const list = 'integrations' in catalog ? catalog.integrations : catalog
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
