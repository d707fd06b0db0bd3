// Box: `box-signature-primary` and `box-signature-secondary`, each the base64 HMAC-SHA256 of
// the body followed by `box-delivery-timestamp`, with the app's primary and secondary
// signature keys (either header with either key verifies, so keys can be rotated on Box's
// side). Box's SDKs refuse messages older than ten minutes; here the timestamp is checked
// against the receiver's tolerance. Only `box-signature-version: 1` / `HmacSHA256` exist.
// https://developer.box.com/guides/webhooks/v2/signatures-v2/

import {
  accepted,
  anyHmacMatches,
  checkTimestamp,
  concat,
  fromBase64,
  header,
  hmac,
  malformedHeader,
  mismatch,
  missingHeader,
  noSecret,
  plainToken,
  refuse,
  secretSpec,
  stringField,
  toBase64,
} from './crypto'
import type { SignatureScheme } from './types'

const TIMESTAMP = 'box-delivery-timestamp'

export const box: SignatureScheme = {
  id: 'box',
  label: 'Box (box-signature-primary / secondary)',
  secret: secretSpec(
    'provider',
    'a signature key (Developer Console → Webhooks → Manage signature keys)',
    plainToken(16, 128),
  ),
  async verify(request, context) {
    const primary = header(request.headers, 'box-signature-primary')
    const secondary = header(request.headers, 'box-signature-secondary')
    if (!primary && !secondary) return missingHeader('box-signature-primary')
    const timestamp = header(request.headers, TIMESTAMP)
    if (!timestamp) return missingHeader(TIMESTAMP)
    const version = header(request.headers, 'box-signature-version')
    const algorithm = header(request.headers, 'box-signature-algorithm')
    if ((version && version !== '1') || (algorithm && algorithm !== 'HmacSHA256')) {
      return refuse('unsupported box-signature-version or box-signature-algorithm')
    }
    if (context.secrets.length === 0) return noSecret()
    const at = Date.parse(timestamp)
    if (!/^\d{4}-\d{2}-\d{2}T/.test(timestamp) || Number.isNaN(at)) return malformedHeader(TIMESTAMP)
    const stale = checkTimestamp(at / 1000, context, TIMESTAMP)
    if (stale) return stale
    const signed = concat(request.body, timestamp)
    const received = [primary, secondary].filter((v): v is string => v !== null).map((v) => fromBase64(v))
    const matched = await anyHmacMatches(context.secrets, (secret) => hmac('SHA-256', secret, signed), received)
    return matched ? accepted : mismatch('box-signature-primary')
  },
  deliveryId: (request) => header(request.headers, 'box-delivery-id'),
  eventName: (_request, json) => stringField(json, 'trigger'),
  async sign({ body, secret, now, deliveryId }) {
    const timestamp = now.toISOString().replace(/\.\d{3}Z$/, '+00:00')
    const signature = toBase64(await hmac('SHA-256', secret, concat(body, timestamp)))
    return {
      headers: {
        'Content-Type': 'application/json',
        'box-delivery-id': deliveryId,
        [TIMESTAMP]: timestamp,
        'box-signature-algorithm': 'HmacSHA256',
        'box-signature-version': '1',
        'box-signature-primary': signature,
        'box-signature-secondary': signature,
      },
    }
  },
}
