import { formatIssues } from 'integration-webhooks/core'
import * as z from 'zod/mini'
import { type RouteContext, receivePrefix, toApiWebhook } from '../context'
import { HttpError, webhookNotFound } from '../errors'
import { json, readJsonBody } from '../http'
import { schemeFor } from '../schemes/index'

/** The longest grace period a rotated secret may keep verifying: 30 days. */
export const MAX_GRACE_SECONDS = 30 * 24 * 3600

const grace = () =>
  z.optional(
    z
      .number()
      .check(
        z.refine(Number.isInteger, { message: 'expected a whole number of seconds' }),
        z.gte(0),
        z.lte(MAX_GRACE_SECONDS),
      ),
  )
const setBody = z.strictObject({ secret: z.string().check(z.minLength(1), z.maxLength(4096)), grace_seconds: grace() })
const rotateBody = z.strictObject({ grace_seconds: grace() })

async function body<T>(context: RouteContext, schema: z.ZodMiniType<T>, optional: boolean): Promise<T> {
  const hasBody = context.request.headers.get('content-length') !== '0' && context.request.body !== null
  const raw = optional && !hasBody ? {} : await readJsonBody(context.request, context.settings.maxBodyBytes)
  const result = schema.safeParse(raw)
  if (!result.success)
    throw new HttpError('invalid_body', 'The request body is not valid', { issues: formatIssues(result.error.issues) })
  return result.data
}

async function webhookOf(context: RouteContext) {
  const record = await context.store.getWebhook(context.userId, context.params.id as string)
  if (!record) throw webhookNotFound()
  return { record, scheme: schemeFor(context.catalog.resolve(record.provider_id)) }
}

const expiry = (context: RouteContext, seconds: number | undefined) =>
  seconds ? new Date(context.settings.now().getTime() + seconds * 1000).toISOString() : null

/** `GET {basePath}/{id}/secret`: reveal. The only route that returns a secret. */
export async function revealSecret(context: RouteContext): Promise<Response> {
  await webhookOf(context)
  const stored = await context.store.getSecrets(context.userId, context.params.id as string)
  if (!stored) throw webhookNotFound()
  const live = stored.previous_expires_at && Date.parse(stored.previous_expires_at) > context.settings.now().getTime()
  return json({
    secret: stored.secret ? await context.parts.secrets.open(stored.secret) : null,
    previous_expires_at: live ? stored.previous_expires_at : null,
  })
}

/**
 * `PUT {basePath}/{id}/secret` `{ secret, grace_seconds? }`: a secret the provider issued,
 * checked for its expected form. With `grace_seconds`, the one it replaces keeps verifying
 * that long (the provider may still sign with it while its own rotation rolls out).
 */
export async function setSecret(context: RouteContext): Promise<Response> {
  const { secret, grace_seconds } = await body(context, setBody, false)
  const { scheme } = await webhookOf(context)
  const value = secret.trim()
  const problem = scheme.secret.validate(value)
  if (problem)
    throw new HttpError('invalid_secret', `This is not a ${scheme.label} secret: ${problem}`, {
      issues: [`secret: ${problem}`],
    })
  const current = await context.store.getSecrets(context.userId, context.params.id as string)
  const keep = grace_seconds && current?.secret ? current.secret : null
  const record = await context.store.setSecrets(context.userId, context.params.id as string, {
    secret: await context.parts.secrets.seal(value),
    previous: keep,
    previousExpiresAt: keep ? expiry(context, grace_seconds) : null,
  })
  if (!record) throw webhookNotFound()
  return json({ webhook: toApiWebhook(record, receivePrefix(context), context.catalog) })
}

/**
 * `POST {basePath}/{id}/secret/rotate` `{ grace_seconds? }`: a new secret, for schemes whose
 * secret we issue; the previous one verifies for `grace_seconds` more (0: not at all).
 */
export async function rotateSecret(context: RouteContext): Promise<Response> {
  const { grace_seconds } = await body(context, rotateBody, true)
  const { record, scheme } = await webhookOf(context)
  if (scheme.secret.source !== 'generated') {
    const provider = String(record.external_config.integration_name ?? record.provider_id)
    throw new HttpError(
      'not_rotatable',
      `${provider} issues this secret: roll it in ${provider}'s settings, then paste the new one here`,
    )
  }
  const current = await context.store.getSecrets(context.userId, record.id)
  const secret = scheme.secret.generate()
  const keep = grace_seconds && current?.secret ? current.secret : null
  const previousExpiresAt = keep ? expiry(context, grace_seconds) : null
  const updated = await context.store.setSecrets(context.userId, record.id, {
    secret: await context.parts.secrets.seal(secret),
    previous: keep,
    previousExpiresAt,
  })
  if (!updated) throw webhookNotFound()
  return json({ secret, previous_expires_at: previousExpiresAt })
}
