import type { Integration, IntegrationDefinition } from './define'

/**
 * Builds the trigger type of an event: `{provider_id with '-' → '_'}_trigger_{event}`.
 *
 * @example
 * ```ts
 * toTriggerType('microsoft-outlook', 'new_email') // 'microsoft_outlook_trigger_new_email'
 * ```
 */
export function toTriggerType(providerId: string, event: string): string {
  return `${providerId.replace(/-/g, '_')}_trigger_${event}`
}

/** Entries that are already complete `Integration`s, so they are not validated or derived twice. */
const derived = new WeakSet<object>()

/** Whether `value` came out of {@link deriveIntegration} (or `defineIntegration`). */
export function isDerivedIntegration(value: unknown): value is Integration {
  return typeof value === 'object' && value !== null && derived.has(value)
}

/**
 * @internal Turns a definition that is already known to be valid into an `Integration`:
 * the webhook path defaults to the id and every trigger gets its type. No schema here, so
 * the built-in catalog does not carry the definition schema into every bundle; the
 * test suite validates every built-in entry against it instead (test/core/catalog-data.test.ts).
 */
export function deriveIntegration(definition: IntegrationDefinition): Integration {
  const { triggers, webhookPath, ...rest } = definition
  const integration: Integration = {
    ...rest,
    webhookPath: webhookPath ?? rest.id,
    triggers: triggers.map((trigger) => ({ ...trigger, type: toTriggerType(rest.id, trigger.event) })),
  }
  derived.add(integration)
  return integration
}
