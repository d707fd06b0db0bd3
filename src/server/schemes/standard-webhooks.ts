// Standard Webhooks (https://www.standardwebhooks.com, the spec Svix, Resend, Clerk, Supabase
// and others implement): `webhook-signature: v1,<base64 HMAC-SHA256(key, "{id}.{timestamp}.{body}")>`
// (a space-separated list: every one is checked), the key being the base64 after `whsec_`.
// Also our scheme for internal and unknown providers. Svix's `svix-*` headers are read too.
// https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md

import {
  accepted,
  anyHmacMatches,
  checkTimestamp,
  concat,
  fromBase64,
  header,
  hmac,
  integerHeader,
  malformedHeader,
  mismatch,
  missingHeader,
  noSecret,
  randomBytes,
  secretSpec,
  toBase64,
} from './crypto'
import type { SchemeRequest, SignatureScheme } from './types'

/** The HMAC key of a `whsec_…` secret (the prefix is optional), or null when it is not base64. */
export function standardWebhooksKey(secret: string): Uint8Array | null {
  const key = fromBase64(secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret)
  return key && key.length > 0 ? key : null
}

/** `webhook-*`, or Svix's `svix-*` when those are what came. */
function read(request: SchemeRequest, name: 'id' | 'timestamp' | 'signature'): string | null {
  return header(request.headers, `webhook-${name}`) ?? header(request.headers, `svix-${name}`)
}

const content = (id: string, timestamp: string, body: Uint8Array) => concat(`${id}.${timestamp}.`, body)

export const standardWebhooks: SignatureScheme = {
  id: 'standard-webhooks',
  label: 'Standard Webhooks (webhook-signature)',
  secret: secretSpec(
    'generated',
    'whsec_ followed by the base64 of 24 to 64 bytes',
    (secret) => {
      const key = secret.startsWith('whsec_') ? standardWebhooksKey(secret) : null
      return key !== null && key.length >= 24 && key.length <= 64
    },
    () => `whsec_${toBase64(randomBytes(32))}`,
  ),
  async verify(request, context) {
    const id = read(request, 'id')
    if (!id) return missingHeader('webhook-id')
    const timestamp = read(request, 'timestamp')
    if (!timestamp) return missingHeader('webhook-timestamp')
    const signatures = read(request, 'signature')
    if (!signatures) return missingHeader('webhook-signature')
    if (context.secrets.length === 0) return noSecret()
    const stale = checkTimestamp(integerHeader(timestamp), context, 'webhook-timestamp')
    if (stale) return stale
    // Only v1 (symmetric) signatures; others (v1a, asymmetric) are not ours to check.
    const received = signatures
      .split(' ')
      .filter((entry) => entry.startsWith('v1,'))
      .map((entry) => fromBase64(entry.slice(3)))
    if (!received.some(Boolean)) return malformedHeader('webhook-signature')
    const signed = content(id, timestamp, request.body)
    const matched = await anyHmacMatches(
      context.secrets,
      async (secret) => {
        const key = standardWebhooksKey(secret)
        return key ? hmac('SHA-256', key, signed) : null
      },
      received,
    )
    return matched ? accepted : mismatch('webhook-signature')
  },
  deliveryId: (request) => read(request, 'id'),
  /** The payload's `type` (the spec's recommended envelope: `{ type, timestamp, data }`). */
  eventName(_request, json) {
    const type = typeof json === 'object' && json !== null ? (json as { type?: unknown }).type : undefined
    return typeof type === 'string' && type ? type : null
  },
  async sign({ body, secret, now, deliveryId }) {
    const key = standardWebhooksKey(secret)
    if (!key) throw new TypeError('the secret is not a whsec_ base64 key')
    const timestamp = String(Math.floor(now.getTime() / 1000))
    const signature = toBase64(await hmac('SHA-256', key, content(deliveryId, timestamp, body)))
    return {
      headers: {
        'Content-Type': 'application/json',
        'webhook-id': deliveryId,
        'webhook-timestamp': timestamp,
        'webhook-signature': `v1,${signature}`,
      },
    }
  },
}
