import type { IntegrationCatalog } from './build'
import type { Integration } from './define'

/**
 * Where a provider must send its events: a template string, a base URL, or a function.
 *
 * - a string with `{provider_id}` or `{path}` placeholders is filled in;
 * - any other string is a base URL, and the integration's path is appended;
 * - a function gets the integration and returns the URL.
 */
export type WebhookUrlOption = string | ((integration: Integration) => string)

/** Options of {@link getWebhookUrl} and the functions that build on it. */
export interface WebhookUrlOptions {
  /**
   * How to build the URL.
   * @defaultValue `{origin}/api/integration-webhooks/{path}`
   */
  webhookUrl?: WebhookUrlOption
  /**
   * The host's origin, e.g. `https://app.example.com`.
   * @defaultValue `location.origin` in a browser; none elsewhere (the URL is then root-relative)
   */
  origin?: string
  /** @defaultValue the built-in catalog (`defaultCatalog`) */
  catalog?: IntegrationCatalog
}

/**
 * The default path of the host's receiving endpoint.
 *
 * @example
 * ```ts
 * `${location.origin}${DEFAULT_WEBHOOK_BASE_PATH}/gmail`
 * ```
 */
export const DEFAULT_WEBHOOK_BASE_PATH = '/api/integration-webhooks'

/**
 * {@link getWebhookUrl} for an integration already at hand.
 *
 * @example
 * ```ts
 * buildWebhookUrl(defaultCatalog.resolve('stripe'), { origin: 'https://app.example.com' })
 * // 'https://app.example.com/api/integration-webhooks/stripe'
 * ```
 */
export function buildWebhookUrl(integration: Integration, options: Omit<WebhookUrlOptions, 'catalog'> = {}): string {
  const { webhookUrl } = options
  if (typeof webhookUrl === 'function') return webhookUrl(integration)
  const origin = (options.origin ?? (globalThis as { location?: { origin?: string } }).location?.origin ?? '').replace(
    /\/+$/,
    '',
  )
  const template = webhookUrl ?? `${origin}${DEFAULT_WEBHOOK_BASE_PATH}`
  if (/\{(provider_id|path)\}/.test(template)) {
    return template
      .replace(/\{provider_id\}/g, encodeURIComponent(integration.id))
      .replace(/\{path\}/g, integration.webhookPath)
  }
  return `${template.replace(/\/+$/, '')}/${integration.webhookPath}`
}

/**
 * The integration's steps with `{webhookUrl}` replaced by `webhookUrl` (taken literally, `$` and all).
 *
 * @example
 * ```ts
 * fillSetupSteps(defaultCatalog.resolve('github'), 'https://app.example.com/hooks/github')
 * ```
 */
export function fillSetupSteps(integration: Integration, webhookUrl: string): string[] {
  return integration.setupSteps.map((step) => step.replace(/\{webhookUrl\}/g, () => webhookUrl))
}

/**
 * Steps as numbered lines (`1. …\n2. …`), the form `external_config.instructions` carries.
 *
 * @example
 * ```ts
 * numberSteps(['Open settings', 'Add the URL']) // '1. Open settings\n2. Add the URL'
 * ```
 */
export function numberSteps(steps: readonly string[]): string {
  return steps.map((step, index) => `${index + 1}. ${step}`).join('\n')
}

/**
 * Splits `external_config.instructions` back into steps: numbered lines, or
 * any non-empty lines when they are not numbered.
 *
 * @example
 * ```ts
 * parseInstructions('1. Open settings\n2. Add the URL') // ['Open settings', 'Add the URL']
 * ```
 */
export function parseInstructions(instructions: string): string[] {
  return instructions
    .split(/\r?\n/)
    .map((line) => line.trim().replace(/^\d+[.)]\s*/, ''))
    .filter(Boolean)
}
