import * as z from 'zod/mini'
import { formatIssues } from '../issues'
import { type IntegrationCategory, integrationCategories } from './categories'
import { deriveIntegration, isDerivedIntegration } from './derive'

export { toTriggerType } from './derive'

/**
 * How a provider delivers its events to the host:
 * - `webhook`: the provider POSTs signed HTTP requests to the webhook URL;
 * - `google-pubsub`: Gmail-style watch that publishes to a Google Cloud Pub/Sub topic whose push subscription targets the webhook URL;
 * - `google-watch-channel`: a Google API `watch` channel (Calendar, Drive) whose notifications POST to the webhook URL;
 * - `microsoft-graph`: a Microsoft Graph change-notification subscription whose `notificationUrl` is the webhook URL;
 * - `polling`: the provider offers no push for these events; the host polls and records executions itself;
 * - `internal`: events come from inside the workflow product (AI agent, logic), not from an outside provider.
 */
export type DeliveryMethod =
  | 'webhook'
  | 'google-pubsub'
  | 'google-watch-channel'
  | 'microsoft-graph'
  | 'polling'
  | 'internal'

/** How the product authenticates against the provider. */
export type AuthType = 'oauth' | 'api_key' | 'none'

const deliveryMethods = [
  'webhook',
  'google-pubsub',
  'google-watch-channel',
  'microsoft-graph',
  'polling',
  'internal',
] as const satisfies readonly DeliveryMethod[]

const kebabCase = () =>
  z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'must be kebab-case (a-z, 0-9, -)' }))
const nonEmpty = () => z.string().check(z.trim(), z.minLength(1))
const httpsUrl = () =>
  z
    .string()
    .check(z.refine((value) => /^https:\/\/[^\s/]+\.[^\s/]+/.test(value), { message: 'must be an https:// URL' }))

// Each schema is built inside a function called once with a /* @__PURE__ */ mark: the calls
// nested in a schema literal are not marked pure, so a bundler would otherwise keep the whole
// schema in every bundle of core, used or not (most apps never define an integration).
const triggerSchema = () =>
  z.object({
    /** Event name in snake_case, e.g. `new_email`; the trigger type is derived from it. */
    event: z.string().check(z.regex(/^[a-z0-9]+(?:_[a-z0-9]+)*$/, { message: 'must be snake_case (a-z, 0-9, _)' })),
    /** Human label, e.g. "New email". */
    label: nonEmpty(),
    /** The provider's own name for the event (e.g. `issues.opened`, `invoice.paid`). */
    providerEvent: z.optional(nonEmpty()),
  })

/**
 * The zod schema of one trigger of a catalog entry (input side).
 *
 * @example
 * ```ts
 * integrationTriggerSchema.parse({ event: 'push', label: 'Push', providerEvent: 'push' })
 * ```
 */
export const integrationTriggerSchema = /* @__PURE__ */ triggerSchema()

const definitionSchema = (trigger: ReturnType<typeof triggerSchema>) =>
  z.object({
    id: kebabCase(),
    name: nonEmpty(),
    description: nonEmpty(),
    category: z.enum(integrationCategories.map((c) => c.id) as [IntegrationCategory, ...IntegrationCategory[]]),
    capabilities: z.array(nonEmpty()),
    scopes: z.array(nonEmpty()),
    isAvailable: z.boolean(),
    /** Name of the environment variable that holds the OAuth client id, if any. */
    requiresClientId: z.optional(nonEmpty()),
    /** Name of the environment variable that holds the OAuth client secret, if any. */
    requiresClientSecret: z.optional(nonEmpty()),
    /** Brand colour as `#rrggbb`. */
    color: z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/, { message: 'must be a #rrggbb colour' })),
    authType: z.enum(['oauth', 'api_key', 'none']),
    /**
     * The provider's official documentation of its webhooks / change notifications.
     * Required unless `delivery` is `internal` (there is no outside provider then).
     */
    docsUrl: z.optional(httpsUrl()),
    delivery: z.enum(deliveryMethods),
    triggers: z.array(trigger).check(z.minLength(1)),
    /** Ordered steps a user follows in the provider's console. `{webhookUrl}` is replaced by the URL. */
    setupSteps: z.array(nonEmpty()).check(z.minLength(1)),
    /**
     * How the provider signs its events: the id of a signature scheme of the server
     * (`integration-webhooks/server`), e.g. `github`, `stripe`. Unknown or absent → `standard-webhooks`.
     */
    signature: z.optional(
      z.object({
        scheme: kebabCase(),
      }),
    ),
    /** Path segment of the host's receiving endpoint; defaults to `id`. */
    webhookPath: z.optional(
      z.string().check(z.regex(/^[A-Za-z0-9._~-]+(?:\/[A-Za-z0-9._~-]+)*$/, { message: 'must be a URL path' })),
    ),
  })

/**
 * The zod schema of a catalog entry, as accepted by {@link defineIntegration}.
 * Everything about one integration lives in one entry.
 *
 * @example
 * ```ts
 * integrationDefinitionSchema.safeParse(entryFromAConfigFile).success
 * ```
 */
export const integrationDefinitionSchema = /* @__PURE__ */ definitionSchema(integrationTriggerSchema)

/** What {@link defineIntegration} accepts. */
export type IntegrationDefinition = z.input<typeof integrationDefinitionSchema>

/** One trigger of an integration, with its derived `type`. */
export interface IntegrationTrigger {
  /** The trigger type, `{provider_id with '-' → '_'}_trigger_{event}`. */
  readonly type: string
  readonly event: string
  readonly label: string
  readonly providerEvent?: string
}

/** A validated catalog entry: everything the library knows about one integration. */
export interface Integration extends Omit<IntegrationDefinition, 'triggers' | 'webhookPath'> {
  readonly triggers: readonly IntegrationTrigger[]
  /** Path segment of the host's receiving endpoint. */
  readonly webhookPath: string
}

/**
 * Thrown by {@link defineIntegration} for an entry that does not match the schema.
 *
 * @example
 * ```ts
 * try {
 *   defineIntegration(entry)
 * } catch (error) {
 *   if (error instanceof IntegrationDefinitionError) console.error(error.issues.join('\n'))
 * }
 * ```
 */
export class IntegrationDefinitionError extends TypeError {
  override readonly name = 'IntegrationDefinitionError'
  /** Each problem as `path: message`. */
  readonly issues: readonly string[]
  constructor(id: unknown, issues: readonly string[]) {
    super(`Invalid integration definition${typeof id === 'string' ? ` "${id}"` : ''}:\n  ${issues.join('\n  ')}`)
    this.issues = issues
  }
}

/**
 * Validates one catalog entry and derives its trigger types.
 *
 * Adding an integration is one call: name, category, colour, docs, triggers
 * and setup steps all live here, not in separate maps.
 *
 * @throws {IntegrationDefinitionError} listing every problem as `path: message`.
 * @example
 * ```ts
 * const linear = defineIntegration({
 *   id: 'linear', name: 'Linear', description: 'Issue tracking', category: 'development',
 *   capabilities: ['issues'], scopes: ['read'], isAvailable: true, color: '#5E6AD2',
 *   authType: 'oauth', docsUrl: 'https://linear.app/developers/webhooks', delivery: 'webhook',
 *   triggers: [{ event: 'issue_created', label: 'Issue created', providerEvent: 'Issue create' }],
 *   setupSteps: ['Open Settings → API → Webhooks', 'Paste {webhookUrl} as the URL'],
 * })
 * linear.triggers[0].type // 'linear_trigger_issue_created'
 * ```
 */
export function defineIntegration(definition: IntegrationDefinition): Integration {
  if (isDerivedIntegration(definition)) return definition
  const result = integrationDefinitionSchema.safeParse(definition)
  if (!result.success) {
    throw new IntegrationDefinitionError(
      (definition as { id?: unknown } | null | undefined)?.id,
      formatIssues(result.error.issues),
    )
  }
  const data = result.data
  if (data.delivery !== 'internal' && !data.docsUrl) {
    throw new IntegrationDefinitionError(data.id, ['docsUrl: required unless delivery is "internal"'])
  }
  const seen = new Set<string>()
  for (const trigger of data.triggers) {
    if (seen.has(trigger.event)) {
      throw new IntegrationDefinitionError(data.id, [`triggers: duplicate event "${trigger.event}"`])
    }
    seen.add(trigger.event)
  }
  return deriveIntegration(data)
}
