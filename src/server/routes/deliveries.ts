import { needsSecretFor, type RouteContext, receivePrefix } from '../context'
import { HttpError, webhookNotFound } from '../errors'
import { json } from '../http'
import { newId } from '../ids'
import { sampleBytes, sampleEvent } from '../samples/index'
import { schemeFor } from '../schemes/index'

/**
 * `POST {basePath}/{id}/test`: a realistic sample event of the provider, signed with the
 * webhook's current secret by the provider's scheme, sent through the receiver itself — the
 * same code path as a real delivery — and answered with the execution it recorded.
 */
export async function sendTestEvent(context: RouteContext): Promise<Response> {
  const record = await context.store.getWebhook(context.userId, context.params.id as string)
  if (!record) throw webhookNotFound()
  const integration = context.catalog.resolve(record.provider_id)
  const scheme = schemeFor(integration)
  if (!scheme.sign) {
    throw new HttpError(
      'cannot_sign',
      `${integration.name} events are proved by ${integration.name} itself (${scheme.label}): send a test event from ${integration.name}'s console`,
    )
  }
  const stored = await context.store.getSecrets(context.userId, record.id)
  const secret = stored?.secret ? await context.parts.secrets.open(stored.secret) : null
  if (needsSecretFor(scheme.secret.source) && !secret) {
    throw new HttpError(
      'secret_required',
      `Set this webhook's signing secret first (${scheme.secret.formHint}): test events are signed with it, like ${integration.name}'s`,
    )
  }
  const sample = sampleEvent(integration.id, undefined, { now: context.settings.now() })
  if (!sample) throw new HttpError('cannot_sign', `There is no sample event for ${integration.name}`)
  const body = sampleBytes(sample)
  const url = new URL(`${receivePrefix(context)}${record.receive_token}`)
  const signed = await scheme.sign({
    body,
    secret: secret ?? '',
    url,
    now: context.settings.now(),
    deliveryId: `test_${newId()}`,
    eventName: sample.eventName,
  })
  // The scheme's headers win over the sample's media type (one Content-Type, not two joined).
  const headers = new Headers({ 'content-type': sample.contentType })
  for (const [name, value] of Object.entries(signed.headers)) headers.set(name, value)
  headers.set('x-integration-webhooks-test', '1')
  const response = await context.parts.receive(
    // Microsoft Graph has no signature header: its proof (clientState) goes into the body.
    new Request(signed.url ?? url, { method: 'POST', headers, body: (signed.body ?? body) as BodyInit }),
    record.receive_token,
  )
  const answer = (await response.json().catch(() => ({}))) as { execution_id?: string; error?: string }
  if (response.status !== 202 || !answer.execution_id) {
    throw new HttpError(
      'test_refused',
      `The receiver refused the test event: ${answer.error ?? `status ${response.status}`}`,
    )
  }
  const execution = await context.store.getExecution(context.userId, record.id, answer.execution_id)
  return json({ execution }, 202)
}

/**
 * `POST {basePath}/executions/{webhookId}/{executionId}/retry`: dispatches the stored event
 * again as a new execution linked to the first (`retry_of`).
 */
export async function retryExecution(context: RouteContext): Promise<Response> {
  const webhookId = context.params.webhookId as string
  const webhook = await context.store.getWebhook(context.userId, webhookId)
  if (!webhook) throw webhookNotFound()
  const original = await context.store.getExecution(context.userId, webhookId, context.params.executionId as string)
  if (!original) throw new HttpError('not_found', 'No execution with this id')
  if (webhook.status === 'inactive') {
    throw new HttpError('webhook_disabled', 'The webhook is disabled: enable it, then retry')
  }
  if (original.payload_truncated) {
    throw new HttpError(
      'conflict',
      'This execution kept only the first 256 KiB of its payload: it cannot be sent again whole',
    )
  }
  if (original.status === 'pending') {
    throw new HttpError('already_pending', 'This execution is still being delivered: wait for it to finish')
  }
  const result = await context.store.recordExecution({
    id: newId(),
    webhook_id: webhookId,
    user_id: context.userId,
    provider_id: original.provider_id,
    trigger_type: original.trigger_type,
    payload: original.payload,
    headers: original.headers,
    status: 'pending',
    error_message: null,
    provider_event_id: null,
    retry_of: original.id,
  })
  if (!result.recorded) throw new HttpError('conflict', 'The retry could not be recorded')
  const { dispatcher, dispatchMode } = context.parts
  if (dispatcher) {
    if (dispatchMode === 'inline') await dispatcher.dispatchNow(result.execution.id)
    else dispatcher.wake()
  }
  const execution =
    dispatchMode === 'inline'
      ? ((await context.store.getExecution(context.userId, webhookId, result.execution.id)) ?? result.execution)
      : result.execution
  return json({ execution }, 202)
}
