// Airtable: `X-Airtable-Content-MAC: hmac-sha256=<hex HMAC-SHA256(key, body)>`, the key being
// the base64-decoded `macSecretBase64` Airtable returned when the webhook was created. A
// notification only says that the base changed; the host lists the payloads through the API.
// https://airtable.com/developers/web/api/webhooks-overview#webhook-notification-delivery

import {
  field,
  fromBase64,
  randomBytes,
  secretSpec,
  signHmacHeader,
  stringField,
  toBase64,
  verifyHmacHeader,
} from './crypto'
import type { SignatureScheme } from './types'

const macKey = (secret: string) => {
  const key = fromBase64(secret)
  return key && key.length > 0 ? key : null
}
const options = {
  header: 'X-Airtable-Content-MAC',
  prefix: 'hmac-sha256=',
  hash: 'SHA-256',
  encoding: 'hex',
  key: macKey,
} as const

export const airtable: SignatureScheme = {
  id: 'airtable',
  label: 'Airtable (X-Airtable-Content-MAC)',
  secret: secretSpec(
    'provider',
    "the webhook's macSecretBase64 (base64, as Airtable returned it)",
    (secret) => (macKey(secret)?.length ?? 0) >= 16,
    () => toBase64(randomBytes(32)),
  ),
  verify: (request, context) => verifyHmacHeader(request, context, options),
  /** One notification per webhook and timestamp. */
  deliveryId(_request, json) {
    const webhook = stringField(json, 'webhook', 'id')
    const timestamp = stringField(json, 'timestamp')
    return webhook && timestamp ? `${webhook}:${timestamp}` : null
  },
  /** Airtable's ping names no event (the payloads do): `ping` when it is one. */
  eventName: (_request, json) => (field(json, 'webhook', 'id') !== undefined ? 'ping' : null),
  async sign({ body, secret }) {
    return {
      headers: { 'Content-Type': 'application/json', [options.header]: await signHmacHeader(secret, body, options) },
    }
  },
}
