// Discord: Ed25519 over `X-Signature-Timestamp + body`, `X-Signature-Ed25519` hex, checked
// with the application's public key (hex, from the Developer Portal; not a secret, but ours
// to be given). Both interactions and webhook events are signed so. An interaction PING
// (type 1) is answered `{"type":1}`, a webhook-event PING (type 0) 204, each only after the
// request verified (Discord itself sends badly signed requests and expects 401).
// https://discord.com/developers/docs/interactions/overview#setting-up-an-endpoint-validating-security-request-headers
// https://discord.com/developers/docs/events/webhook-events#responding-to-webhook-events
// We hold only the public key, so we cannot sign: no `sign` (test events cannot be sent).

import {
  checkTimestamp,
  concat,
  field,
  fromHex,
  header,
  integerHeader,
  malformedHeader,
  mismatch,
  missingHeader,
  noSecret,
  parseJson,
  randomBytes,
  refuse,
  secretSpec,
  stringField,
  toHex,
} from './crypto'
import type { SignatureScheme, Verification } from './types'

const SIGNATURE = 'X-Signature-Ed25519'
const TIMESTAMP = 'X-Signature-Timestamp'

const interactionTypes: Record<number, string> = {
  1: 'PING',
  2: 'APPLICATION_COMMAND',
  3: 'MESSAGE_COMPONENT',
  4: 'APPLICATION_COMMAND_AUTOCOMPLETE',
  5: 'MODAL_SUBMIT',
}

/** Whether the body is a webhook event (`{ version, application_id, type: 0 | 1, event? }`) rather than an interaction. */
const isWebhookEvent = (json: unknown) => field(json, 'version') !== undefined && field(json, 'token') === undefined

async function verifyEd25519(publicKey: Uint8Array, signature: Uint8Array, data: Uint8Array): Promise<boolean> {
  try {
    const key = await crypto.subtle.importKey('raw', publicKey as BufferSource, { name: 'Ed25519' }, false, ['verify'])
    return await crypto.subtle.verify({ name: 'Ed25519' }, key, signature as BufferSource, data as BufferSource)
  } catch {
    return false
  }
}

export const discord: SignatureScheme = {
  id: 'discord',
  label: 'Discord (Ed25519 with the public key)',
  secret: secretSpec(
    'provider',
    "the application's Public Key: 64 hexadecimal characters",
    (secret) => /^[0-9a-f]{64}$/i.test(secret),
    () => toHex(randomBytes(32)),
  ),
  async verify(request, context): Promise<Verification> {
    const signatureHex = header(request.headers, SIGNATURE)
    if (!signatureHex) return missingHeader(SIGNATURE)
    const timestamp = header(request.headers, TIMESTAMP)
    if (!timestamp) return missingHeader(TIMESTAMP)
    if (context.secrets.length === 0) return noSecret('public key')
    const stale = checkTimestamp(integerHeader(timestamp), context, TIMESTAMP)
    if (stale) return stale
    const signature = fromHex(signatureHex)
    if (signature?.length !== 64) return malformedHeader(SIGNATURE)
    const signed = concat(timestamp, request.body)
    let matched = false
    let usable = false
    for (const secret of context.secrets) {
      const key = fromHex(secret)
      if (key?.length !== 32) continue
      usable = true
      if (await verifyEd25519(key, signature, signed)) matched = true
    }
    if (!usable) return refuse('the public key set for this webhook is not 64 hexadecimal characters')
    return matched ? { ok: true } : mismatch(SIGNATURE)
  },
  async handshake(request, context) {
    if (request.method !== 'POST') return null
    const json = parseJson(request.body)
    const type = field(json, 'type')
    const webhookPing = isWebhookEvent(json) && type === 0
    const interactionPing = !isWebhookEvent(json) && type === 1
    if (!webhookPing && !interactionPing) return null
    if (!(await discord.verify(request, context)).ok) return null
    return webhookPing ? { status: 204 } : { status: 200, body: '{"type":1}', contentType: 'application/json' }
  },
  /** The interaction's id; webhook events carry none. */
  deliveryId: (_request, json) => (isWebhookEvent(json) ? null : stringField(json, 'id')),
  /** `APPLICATION_COMMAND interaction` (by interaction type), or the webhook event's type (`APPLICATION_AUTHORIZED`). */
  eventName(_request, json) {
    if (isWebhookEvent(json)) return stringField(json, 'event', 'type') ?? (field(json, 'type') === 0 ? 'PING' : null)
    const type = field(json, 'type')
    const name = typeof type === 'number' ? interactionTypes[type] : undefined
    return name ? `${name} interaction` : null
  },
}
