import { formatIssues, generateFallbackWebhooks, numberSteps } from 'integration-webhooks/core'
import * as z from 'zod/mini'
import { publicOrigin, type RouteContext, receivePrefix, toApiWebhook } from '../context'
import { HttpError, webhookNotFound } from '../errors'
import { empty, json, readJsonBody } from '../http'
import { newId, newReceiveToken } from '../ids'
import { schemeFor } from '../schemes/index'

// C0 and C1 controls, and the bidirectional formatting characters that can make a name
// read differently from what it is (U+202A–U+202E, U+2066–U+2069), plus U+200E/U+200F.
const unsafeText = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/u

const createBody = z.strictObject({
  provider_id: z.string().check(z.minLength(1), z.maxLength(64)),
  name: z.optional(
    z.string().check(
      z.trim(),
      z.minLength(1),
      z.maxLength(200),
      z.refine((value) => !unsafeText.test(value), {
        message: 'must not contain control or bidirectional formatting characters',
      }),
    ),
  ),
})

const statusBody = z.strictObject({ status: z.enum(['active', 'inactive']) })

function parseBody<T>(schema: z.ZodMiniType<T>, body: unknown): T {
  const result = schema.safeParse(body)
  if (!result.success) {
    throw new HttpError('invalid_body', 'The request body is not valid', { issues: formatIssues(result.error.issues) })
  }
  return result.data
}

/** `GET {basePath}`: the user's saved webhooks; the catalog's suggestions when nothing is saved. */
export async function listWebhooks(context: RouteContext): Promise<Response> {
  const records = await context.store.listWebhooks(context.userId)
  if (records.length === 0 && context.settings.fallback) {
    const webhooks = generateFallbackWebhooks({
      catalog: context.catalog,
      userId: context.userId,
      webhookUrl: `${publicOrigin(context)}${context.settings.basePath}`,
      now: context.settings.now(),
    })
    return json({ webhooks, source: 'generated' })
  }
  const prefix = receivePrefix(context)
  return json({ webhooks: records.map((record) => toApiWebhook(record, prefix, context.catalog)), source: 'saved' })
}

/** `POST {basePath}` `{ provider_id, name? }`: saves a webhook from a catalog entry, with its own receiving URL. */
export async function createWebhook(context: RouteContext): Promise<Response> {
  const body = parseBody(createBody, await readJsonBody(context.request, context.settings.maxBodyBytes))
  const integration = context.catalog.get(body.provider_id)
  if (!integration) {
    throw new HttpError(
      'unknown_provider',
      `Unknown provider_id "${body.provider_id}": the catalog has no such integration`,
    )
  }
  if (!integration.isAvailable) {
    throw new HttpError('unknown_provider', `The integration "${body.provider_id}" is not available`)
  }
  // Where we issue the secret (GitHub, GitLab, Standard Webhooks, channel tokens…), it is made
  // now, so the setup steps can show it; a provider-issued one is pasted in later.
  const scheme = schemeFor(integration)
  const secret =
    scheme.secret.source === 'generated' ? await context.parts.secrets.seal(scheme.secret.generate()) : null
  // Meta checks the URL with a verify token the user pastes into the app's settings.
  const integrationConfig: Record<string, unknown> =
    scheme.id === 'meta' ? { verify_token: newReceiveToken().slice(0, 32) } : {}
  const created = await context.store.createWebhook(
    {
      id: newId(),
      user_id: context.userId,
      provider_id: integration.id,
      name: body.name ?? integration.name,
      receive_token: newReceiveToken(),
      trigger_types: integration.triggers.map((trigger) => trigger.type),
      integration_config: integrationConfig,
      signing_secret: secret,
      // The steps keep their {webhookUrl} placeholder: the URL is filled in when read, so a
      // change of publicUrl never leaves stale steps behind.
      external_config: {
        type: integration.delivery,
        instructions: numberSteps(integration.setupSteps),
        integration_name: integration.name,
        category: integration.category,
        capabilities: [...integration.capabilities],
        ...(integration.docsUrl ? { docs_url: integration.docsUrl } : {}),
      },
      status: 'active',
      setup_required: true,
    },
    { maxPerUser: context.settings.maxWebhooksPerUser },
  )
  if (created === 'limit_reached') {
    throw new HttpError(
      'limit_reached',
      `You have ${context.settings.maxWebhooksPerUser} webhooks, the most allowed: delete one to create another`,
    )
  }
  return json({ webhook: toApiWebhook(created, receivePrefix(context), context.catalog) }, 201, {
    location: `${context.settings.basePath}/${encodeURIComponent(created.id)}`,
  })
}

/** `GET {basePath}/{id}` */
export async function getWebhook(context: RouteContext): Promise<Response> {
  const record = await context.store.getWebhook(context.userId, context.params.id as string)
  if (!record) throw webhookNotFound()
  return json({ webhook: toApiWebhook(record, receivePrefix(context), context.catalog) })
}

/** `PATCH {basePath}/{id}` `{ status: 'active' | 'inactive' }` */
export async function setWebhookStatus(context: RouteContext): Promise<Response> {
  const body = parseBody(statusBody, await readJsonBody(context.request, context.settings.maxBodyBytes))
  const record = await context.store.setWebhookStatus(context.userId, context.params.id as string, body.status)
  if (!record) throw webhookNotFound()
  return json({ webhook: toApiWebhook(record, receivePrefix(context), context.catalog) })
}

/** `DELETE {basePath}/{id}`: the webhook and its executions. */
export async function deleteWebhook(context: RouteContext): Promise<Response> {
  const deleted = await context.store.deleteWebhook(context.userId, context.params.id as string)
  if (!deleted) throw webhookNotFound()
  return empty(204)
}
