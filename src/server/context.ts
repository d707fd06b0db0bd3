import type { IntegrationCatalog, IntegrationWebhook } from 'integration-webhooks/core'
import type { createDispatcher } from './dispatch'
import { schemeFor } from './schemes/index'
import type { SchemeRequest } from './schemes/types'
import type { SecretBox } from './secrets'
import type { WebhookRecord, WebhookStore } from './store'
import type { createLiveStreams } from './stream'

/** What routes share of the server beyond its settings. @internal */
export interface ServerParts {
  readonly secrets: SecretBox
  /** The dispatcher, when the server has an `onEvent`. */
  readonly dispatcher: ReturnType<typeof createDispatcher> | null
  readonly dispatchMode: 'background' | 'inline'
  /** The live streams (`GET {basePath}/stream`). */
  readonly live: ReturnType<typeof createLiveStreams>
  /** Host-supplied verifiers by provider id (Google Pub/Sub OIDC, PayPal). */
  readonly verifiers: Readonly<Record<string, (request: SchemeRequest) => Promise<boolean>>>
  /** The receiver itself, for test events: the same code path as a real delivery. */
  receive(request: Request, token: string): Promise<Response>
}

/** What every route gets: the request, its user, its path parameters and the server's settings. @internal */
export interface RouteContext {
  readonly request: Request
  readonly url: URL
  readonly userId: string
  readonly params: Readonly<Record<string, string>>
  readonly store: WebhookStore
  readonly catalog: IntegrationCatalog
  readonly settings: ServerSettings
  readonly parts: ServerParts
}

/** The server's options, resolved once. @internal */
export interface ServerSettings {
  readonly basePath: string
  /** `publicUrl` without a trailing slash, or null: the request's own origin then. */
  readonly publicUrl: string | null
  readonly fallback: boolean
  readonly maxBodyBytes: number
  readonly maxWebhooksPerUser: number
  /** The largest event body the receiver reads, in bytes. */
  readonly maxEventBytes: number
  /** How far a provider's signed timestamp may be from now, in seconds. */
  readonly toleranceSeconds: number
  readonly now: () => Date
}

/** Where providers reach this server: `publicUrl`, or the request's origin. @internal */
export function publicOrigin(context: Pick<RouteContext, 'settings' | 'url'>): string {
  return context.settings.publicUrl ?? context.url.origin
}

/** The receiving URL of a saved webhook, up to its token. @internal */
export function receivePrefix(context: Pick<RouteContext, 'settings' | 'url'>): string {
  return `${publicOrigin(context)}${context.settings.basePath}/receive/`
}

/**
 * A stored webhook as the contract shows it: its receiving URL built from the token
 * (which appears nowhere else), the URL filled into its setup steps.
 * @internal
 */
export function toApiWebhook(record: WebhookRecord, prefix: string, catalog: IntegrationCatalog): IntegrationWebhook {
  const url = prefix + record.receive_token
  const scheme = schemeFor(catalog.resolve(record.provider_id))
  // The stored object is this row's own (fresh from the driver): completed in place rather
  // than copied, which keeps a 10,000-row list close to the cost of serialising the rows.
  const external = record.external_config
  if (typeof external.type !== 'string') external.type = 'webhook'
  if (typeof external.integration_name !== 'string') external.integration_name = record.name
  if (typeof external.category !== 'string') external.category = 'other'
  if (!Array.isArray(external.capabilities)) external.capabilities = []
  const instructions = typeof external.instructions === 'string' ? external.instructions : ''
  external.instructions = instructions.includes('{webhookUrl}')
    ? instructions.replaceAll('{webhookUrl}', url)
    : instructions
  // Set up once the first verified event arrived, and only while the secret it needs is there.
  external.setup_required = record.setup_required || (needsSecretFor(scheme.secret.source) && !record.secret_set)
  return {
    id: record.id,
    user_id: record.user_id,
    provider_id: record.provider_id,
    name: record.name,
    webhook_url: url,
    trigger_types: record.trigger_types,
    integration_config: record.integration_config,
    external_config: external as IntegrationWebhook['external_config'],
    signing: {
      scheme: scheme.id,
      label: scheme.label,
      source: scheme.secret.source,
      form_hint: scheme.secret.formHint,
      secret_set: record.secret_set,
      previous_expires_at: record.previous_secret_expires_at,
    },
    status: record.status,
    last_triggered: record.last_triggered,
    trigger_count: record.trigger_count,
    error_count: record.error_count,
    created_at: record.created_at,
    updated_at: record.updated_at,
  }
}

/** Whether a scheme's secret source means events are refused until a secret is set. @internal */
export function needsSecretFor(source: string): boolean {
  return source === 'generated' || source === 'provider' || source === 'handshake'
}
