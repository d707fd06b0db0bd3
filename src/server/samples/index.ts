// Sample events for test deliveries: `sampleEvent(providerId, eventName?)` gives a body shaped
// as the provider documents it, with fresh ids and timestamps, for the test route to sign
// with the webhook's scheme and send through the receiver. Server-only.

import { type SampleContext, type SampleDefinition, sampleDefinitions } from './events'

export type { SampleContext } from './events'

/** One sample delivery: the provider's event name and the body (JSON value, or text). */
export interface SampleEvent {
  readonly eventName: string
  readonly body: unknown
  /** The media type to send it with: `application/json` unless the provider sends XML, forms or nothing. */
  readonly contentType: string
}

/** Internal and unknown providers: a Standard Webhooks envelope. */
const fallback: SampleDefinition = {
  eventName: 'test',
  body: (c) => ({
    type: 'test',
    timestamp: c.now.toISOString(),
    data: { message: 'A test event from integration-webhooks' },
  }),
}

const definitionsOf = (providerId: string): readonly SampleDefinition[] =>
  (Object.hasOwn(sampleDefinitions, providerId) ? sampleDefinitions[providerId] : undefined) ?? [fallback]

/** The provider event names that have a sample, main trigger first (`['test']` for an unknown provider). */
export function listSampleEvents(providerId: string): string[] {
  return definitionsOf(providerId).map((definition) => definition.eventName)
}

const freshId = () =>
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('')

/**
 * A sample event of the provider: the one named (a provider event name from
 * `listSampleEvents`), or its main trigger's. Null when the provider has no sample by that name.
 *
 * @example
 * ```ts
 * sampleEvent('github') // { eventName: 'push', body: { ref: 'refs/heads/main', … }, contentType: 'application/json' }
 * sampleEvent('stripe', 'invoice.paid')?.body // { id: 'evt_…', type: 'invoice.paid', … }
 * ```
 */
export function sampleEvent(
  providerId: string,
  eventName?: string,
  context: Partial<SampleContext> = {},
): SampleEvent | null {
  const definitions = definitionsOf(providerId)
  const definition = eventName === undefined ? definitions[0] : definitions.find((d) => d.eventName === eventName)
  if (!definition) return null
  const body = definition.body({ id: context.id ?? freshId(), now: context.now ?? new Date() })
  return { eventName: definition.eventName, body, contentType: definition.contentType ?? 'application/json' }
}

/** The bytes to send for a sample: text as is, anything else as JSON. */
export function sampleBytes(sample: Pick<SampleEvent, 'body'>): Uint8Array {
  return new TextEncoder().encode(typeof sample.body === 'string' ? sample.body : JSON.stringify(sample.body))
}
