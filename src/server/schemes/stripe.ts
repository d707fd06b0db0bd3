// Stripe: `Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "{t}.{body}")>[,v1=…]`,
// the secret being the endpoint's `whsec_…` string as Stripe shows it (its UTF-8 bytes are the
// key). Every v1 is checked (Stripe sends one per active secret while one rolls); v0 is ignored.
// https://docs.stripe.com/webhooks#verify-manually

import {
  accepted,
  anyHmacMatches,
  checkTimestamp,
  concat,
  fromHex,
  header,
  hmac,
  integerHeader,
  malformedHeader,
  mismatch,
  missingHeader,
  noSecret,
  randomBytes,
  secretSpec,
  stringField,
  toBase64,
  toHex,
} from './crypto'
import type { SignatureScheme } from './types'

const HEADER = 'Stripe-Signature'

/** The `t` and every `v1` of a Stripe-Signature header. */
export function parseStripeSignature(value: string): { timestamp: string | null; v1: string[] } {
  let timestamp: string | null = null
  const v1: string[] = []
  for (const item of value.split(',')) {
    const at = item.indexOf('=')
    if (at < 0) continue
    const key = item.slice(0, at).trim()
    const entry = item.slice(at + 1).trim()
    if (key === 't') timestamp = entry
    else if (key === 'v1') v1.push(entry)
  }
  return { timestamp, v1 }
}

export const stripe: SignatureScheme = {
  id: 'stripe',
  label: 'Stripe (Stripe-Signature)',
  secret: secretSpec(
    'provider',
    'whsec_ followed by the signing secret Stripe shows for the endpoint',
    (secret) => /^whsec_[A-Za-z0-9+/=_-]{16,}$/.test(secret),
    () => `whsec_${toBase64(randomBytes(32)).replace(/[+/=]/g, '')}`,
  ),
  async verify(request, context) {
    const value = header(request.headers, HEADER)
    if (!value) return missingHeader(HEADER)
    if (context.secrets.length === 0) return noSecret()
    const { timestamp, v1 } = parseStripeSignature(value)
    if (!timestamp || v1.length === 0) return malformedHeader(HEADER)
    const stale = checkTimestamp(integerHeader(timestamp), context, `${HEADER} timestamp`)
    if (stale) return stale
    const signed = concat(`${timestamp}.`, request.body)
    const matched = await anyHmacMatches(
      context.secrets,
      (secret) => hmac('SHA-256', secret, signed),
      v1.map((digest) => fromHex(digest)),
    )
    return matched ? accepted : mismatch(HEADER)
  },
  /** The event's `id` (`evt_…`): Stripe retries an event with the same id. */
  deliveryId: (_request, json) => stringField(json, 'id'),
  eventName: (_request, json) => stringField(json, 'type'),
  async sign({ body, secret, now }) {
    const timestamp = String(Math.floor(now.getTime() / 1000))
    const digest = toHex(await hmac('SHA-256', secret, concat(`${timestamp}.`, body)))
    return {
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
        [HEADER]: `t=${timestamp},v1=${digest}`,
      },
    }
  },
}
