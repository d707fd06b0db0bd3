// Lookups by provider id in a catalog that defaults to the built-in one. They live apart
// from lookups.ts because they import the built-in catalog's data statically.

import type { IntegrationCatalog } from './build'
import { defaultCatalog } from './builtin'
import { buildWebhookUrl, fillSetupSteps, numberSteps, type WebhookUrlOptions } from './lookups'

/**
 * The URL a provider must send its events to: the host's receiving endpoint,
 * never the provider's own API address.
 *
 * @example
 * ```ts
 * getWebhookUrl('gmail', { origin: 'https://app.example.com' })
 * // 'https://app.example.com/api/integration-webhooks/gmail'
 * getWebhookUrl('gmail', { webhookUrl: 'https://hooks.example.com/in/{provider_id}' })
 * // 'https://hooks.example.com/in/gmail'
 * ```
 */
export function getWebhookUrl(providerId: string, options: WebhookUrlOptions = {}): string {
  const integration = (options.catalog ?? defaultCatalog).resolve(providerId)
  return buildWebhookUrl(integration, options)
}

/**
 * The trigger types of a provider, `{provider_id with '-' → '_'}_trigger_{event}`.
 *
 * @example
 * ```ts
 * getTriggerTypes('gmail') // ['gmail_trigger_new_email', …]
 * ```
 */
export function getTriggerTypes(providerId: string, catalog: IntegrationCatalog = defaultCatalog): string[] {
  return catalog.resolve(providerId).triggers.map((trigger) => trigger.type)
}

/**
 * The ordered setup steps of a provider, with `{webhookUrl}` filled in.
 *
 * @example
 * ```ts
 * getSetupSteps('github', { origin: 'https://app.example.com' })[1]
 * // 'Set Payload URL to https://app.example.com/api/integration-webhooks/github and …'
 * ```
 */
export function getSetupSteps(providerId: string, options: WebhookUrlOptions = {}): string[] {
  const integration = (options.catalog ?? defaultCatalog).resolve(providerId)
  return fillSetupSteps(integration, buildWebhookUrl(integration, options))
}

/**
 * The setup steps as numbered lines (`1. …\n2. …`), the form `external_config.instructions` carries.
 *
 * @example
 * ```ts
 * getSetupInstructions('stripe', { origin: 'https://app.example.com' }).split('\n')[0]
 * // '1. Open the Stripe Dashboard → Developers → Webhooks'
 * ```
 */
export function getSetupInstructions(providerId: string, options: WebhookUrlOptions = {}): string {
  return numberSteps(getSetupSteps(providerId, options))
}
