import { type Integration, isSecretKey, toTriggerType } from 'integration-webhooks/core'
import { needsSecretFor, type RouteContext, receivePrefix, type ServerParts } from '../context'
import { HttpError } from '../errors'
import { json, readBodyBytes } from '../http'
import { newId } from '../ids'
import { schemeFor } from '../schemes/index'
import type { Handshake, SchemeRequest } from '../schemes/types'
import type { ReceivingWebhook } from '../store'

/** Headers whose values are credentials, whatever their name says. */
const credentialHeaders = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key'])

/** Signatures are proofs, not credentials (X-Hub-Signature-256, X-Shopify-Hmac-Sha256): kept for the record. */
const proofHeader = /(^|-)(signature|hmac|mac)(-|$)/

/** The headers an execution keeps: every one, with credentials, cookies and tokens masked. @internal */
export function recordedHeaders(headers: Headers): Record<string, string> {
  const kept: Record<string, string> = {}
  headers.forEach((value, name) => {
    const secret = credentialHeaders.has(name) || (isSecretKey(name) && !proofHeader.test(name))
    kept[name] = secret ? '••••••' : value.slice(0, 2048)
  })
  return kept
}

/**
 * The payload to store: JSON as itself (`json`: the text as received, stored as it is), a
 * form as its fields, anything else as text. @internal
 */
export function parsePayload(body: Uint8Array, contentType: string | null): { value: unknown; json?: string } {
  const text = new TextDecoder().decode(body)
  const type = contentType?.split(';')[0]?.trim().toLowerCase() ?? ''
  if (type === 'application/x-www-form-urlencoded') {
    const fields: Record<string, string> = {}
    for (const [key, value] of new URLSearchParams(text)) fields[key] = value
    return { value: fields }
  }
  const json = text.trim()
  if (json === '') return { value: null }
  try {
    return { value: JSON.parse(json), json }
  } catch {
    return { value: text }
  }
}

const snake = (value: string) =>
  value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '') || 'event'

/**
 * The trigger type of a provider's event: the catalog trigger whose `providerEvent` (or
 * event) it is — `issues.opened` matches a trigger for `issues.opened`, else one for
 * `issues` — or `{provider}_trigger_{event}` for an event the catalog does not list.
 * @internal
 */
export function triggerTypeFor(integration: Integration, eventName: string | null): string {
  if (!eventName) return integration.triggers[0]?.type ?? toTriggerType(integration.id, 'event')
  const exact = integration.triggers.find((t) => t.providerEvent === eventName || t.event === snake(eventName))
  if (exact) return exact.type
  const family = integration.triggers.find((t) => t.providerEvent && eventName.startsWith(`${t.providerEvent}.`))
  return family?.type ?? toTriggerType(integration.id, snake(eventName))
}

function handshakeResponse(handshake: Handshake): Response {
  return new Response(handshake.body ?? null, {
    status: handshake.status,
    headers: {
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      ...(handshake.body !== undefined ? { 'content-type': handshake.contentType ?? 'text/plain; charset=utf-8' } : {}),
      ...handshake.headers,
    },
  })
}

/** A webhook as the receiver verifies with it: its row (sealed secrets) and those secrets opened. */
interface Receiver {
  readonly webhook: ReceivingWebhook
  readonly secret: string | null
  readonly previous: string | null
}

/**
 * The receivers read lately, by token, per server: an event then costs one statement, not
 * two, and no decryption. Never trusted alone: the event is recorded only if the webhook's
 * stored secrets are still the ones read here (`expected_secrets`), and its status is read
 * as the row is written; otherwise it is read again and verified again.
 */
const caches = new WeakMap<ServerParts, Map<string, Receiver>>()
const CACHED_RECEIVERS = 1000

function cacheOf(parts: ServerParts): Map<string, Receiver> {
  let cache = caches.get(parts)
  if (!cache) {
    cache = new Map()
    caches.set(parts, cache)
  }
  return cache
}

async function readReceiver(context: RouteContext, token: string): Promise<Receiver> {
  const webhook = await context.store.findWebhookByToken(token)
  if (!webhook) throw new HttpError('not_found', 'No webhook receives at this URL')
  const { secrets } = context.parts
  return {
    webhook,
    secret: webhook.signing_secret ? await secrets.open(webhook.signing_secret) : null,
    previous: webhook.previous_secret ? await secrets.open(webhook.previous_secret) : null,
  }
}

/** The secrets that verify now: the current one, and the previous one until its grace period ends. */
function secretsNow(context: RouteContext, receiver: Receiver): string[] {
  const secrets: string[] = []
  if (receiver.secret !== null) secrets.push(receiver.secret)
  const expires = receiver.webhook.previous_secret_expires_at
  if (receiver.previous !== null && expires && Date.parse(expires) > context.settings.now().getTime()) {
    secrets.push(receiver.previous)
  }
  return secrets
}

/**
 * `POST|GET|HEAD {basePath}/receive/{token}`: the inbound receiver. No session: the
 * provider's proof instead. In order: the webhook by its token (404), the body up to the
 * limit (413), the provider's handshake, the secret it needs (401 until set), the
 * signature on the raw bytes (401), then the event is recorded with its counters in one
 * statement and acknowledged (202), or found already recorded by its delivery id (200).
 * Nothing is written for a request that fails.
 */
export async function receiveEvent(context: RouteContext): Promise<Response> {
  const token = context.params.token as string
  // Handshakes (GET, HEAD, Notion's first POST) may store a secret: events only use the cache.
  const cache = context.request.method === 'POST' ? cacheOf(context.parts) : null
  let receiver = cache?.get(token)
  let cached = receiver !== undefined
  receiver ??= await readReceiver(context, token)
  const body = await readBodyBytes(context.request, context.settings.maxEventBytes)
  for (let reads = 0; ; reads++) {
    let answer: Response | null
    try {
      answer = await verifyAndRecord(context, receiver, token, body)
    } catch (error) {
      // A cached read refuses nothing: the secret may have been set or rotated since.
      if (!(cached && error instanceof HttpError && refusals.has(error.code))) throw error
      answer = null
    }
    if (answer) {
      if (cache && !cached) {
        if (cache.size >= CACHED_RECEIVERS) cache.delete(cache.keys().next().value as string)
        cache.set(token, receiver)
      }
      return answer
    }
    // The secrets changed since they were read (rotated, pasted) or the webhook is gone.
    cache?.delete(token)
    if (reads >= 2) throw new HttpError('conflict', 'The webhook changed while this event was verified: send it again')
    receiver = await readReceiver(context, token)
    cached = false
  }
}

/** The refusals a cached read of the webhook must confirm with a fresh one. */
const refusals = new Set(['invalid_signature', 'secret_missing'])

/** Verifies one request against one read of its webhook and records it; null when that read is stale. */
async function verifyAndRecord(
  context: RouteContext,
  receiver: Receiver,
  token: string,
  body: Uint8Array,
): Promise<Response | null> {
  const { webhook } = receiver
  const integration = context.catalog.resolve(webhook.provider_id)
  const scheme = schemeFor(integration)
  const request: SchemeRequest = {
    method: context.request.method,
    url: new URL(`${receivePrefix(context)}${token}${context.url.search}`),
    headers: context.request.headers,
    body,
  }
  const schemeContext = {
    secrets: secretsNow(context, receiver),
    now: context.settings.now(),
    toleranceSeconds: context.settings.toleranceSeconds,
    config: webhook.integration_config,
    hostVerifier: context.parts.verifiers[webhook.provider_id],
  }

  const handshake = await scheme.handshake?.(request, schemeContext)
  if (handshake) {
    if (handshake.storeSecret) {
      await context.store.setSecrets(webhook.user_id, webhook.id, {
        secret: await context.parts.secrets.seal(handshake.storeSecret),
        previous: null,
        previousExpiresAt: null,
      })
    }
    return handshakeResponse(handshake)
  }
  if (context.request.method !== 'POST') {
    throw new HttpError('method_not_allowed', `${context.request.method} is not an event: providers POST them`, {
      headers: { allow: 'POST' },
    })
  }
  if (needsSecretFor(scheme.secret.source) && schemeContext.secrets.length === 0) {
    throw new HttpError(
      'secret_missing',
      `This webhook has no signing secret yet, so its events cannot be verified: set it in the webhook's settings (${scheme.secret.formHint})`,
    )
  }
  const verification = await scheme.verify(request, schemeContext)
  if (!verification.ok) {
    throw new HttpError('invalid_signature', `Signature verification failed: ${verification.reason}`)
  }

  const { value: payload, json: payloadJson } = parsePayload(body, context.request.headers.get('content-type'))
  const deliveryId = scheme.deliveryId(request, payload)
  // The answer needs the execution's id (and its status, to dispatch): not the row read back.
  const result = await context.store.recordExecution(
    {
      id: newId(),
      webhook_id: webhook.id,
      user_id: webhook.user_id,
      provider_id: webhook.provider_id,
      trigger_type: triggerTypeFor(integration, scheme.eventName(request, payload)),
      payload,
      ...(payloadJson !== undefined ? { payload_json: payloadJson } : {}),
      headers: recordedHeaders(context.request.headers),
      // A disabled webhook's event is kept (the store decides as it writes the row), as an
      // error that can be retried once it is enabled.
      status: 'pending',
      error_message: null,
      provider_event_id: deliveryId ? deliveryId.slice(0, 256) : null,
      retry_of: null,
      expected_secrets: { secret: webhook.signing_secret, previous: webhook.previous_secret },
    },
    'id',
  )
  if (!result.recorded) {
    if (result.stale) return null
    return json({ duplicate: true, execution_id: result.execution?.id ?? null }, 200)
  }
  const { execution } = result
  if (execution.status === 'pending' && context.parts.dispatcher) {
    if (context.parts.dispatchMode === 'inline') await context.parts.dispatcher.dispatchNow(execution.id)
    else context.parts.dispatcher.wake()
  }
  return json({ received: true, execution_id: execution.id }, 202)
}
