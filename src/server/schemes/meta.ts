// Meta (Facebook, Instagram, WhatsApp, Messenger): `X-Hub-Signature-256: sha256=<hex
// HMAC-SHA256(app secret, body)>`, the app secret being Meta's (App settings → Basic). The
// subscription is confirmed by a GET with `hub.mode=subscribe`, `hub.verify_token` (which must
// equal the `verify_token` we generated at creation, `config.verify_token`) and
// `hub.challenge`, echoed back.
// https://developers.facebook.com/docs/graph-api/webhooks/getting-started#verification-requests
// https://developers.facebook.com/docs/graph-api/webhooks/getting-started#validate-payloads

import {
  field,
  randomBytes,
  secretEquals,
  secretSpec,
  signHmacHeader,
  stringField,
  toHex,
  verifyHmacHeader,
} from './crypto'
import type { SignatureScheme } from './types'

const options = { header: 'X-Hub-Signature-256', prefix: 'sha256=', hash: 'SHA-256', encoding: 'hex' } as const

const refused = (body: string) => ({ status: 403, body, contentType: 'text/plain; charset=utf-8' })

export const meta: SignatureScheme = {
  id: 'meta',
  label: 'Meta (X-Hub-Signature-256 with the app secret)',
  secret: secretSpec(
    'provider',
    "the app's App Secret: 32 hexadecimal characters",
    (secret) => /^[0-9a-f]{32}$/i.test(secret),
    () => toHex(randomBytes(16)),
  ),
  initialConfig: () => ({ verify_token: toHex(randomBytes(24)) }),
  verify: (request, context) => verifyHmacHeader(request, context, options),
  async handshake(request, context) {
    if (request.method !== 'GET') return null
    const query = request.url.searchParams
    if (query.get('hub.mode') !== 'subscribe') return null
    const challenge = query.get('hub.challenge')
    const token = query.get('hub.verify_token')
    const expected = context.config.verify_token
    if (!challenge || !token) return refused('hub.challenge and hub.verify_token are required')
    if (typeof expected !== 'string' || !expected) return refused('no verify token is set for this webhook')
    if (!(await secretEquals(token, expected))) return refused('hub.verify_token does not match')
    return { status: 200, body: challenge, contentType: 'text/plain; charset=utf-8' }
  },
  deliveryId: () => null,
  /** The changed field (`feed`, `mention`, `comments`), or `messages` for Messenger and Instagram messaging. */
  eventName(_request, json) {
    const entry = field(json, 'entry', 0)
    if (Array.isArray(field(entry, 'messaging'))) return 'messages'
    return stringField(entry, 'changes', 0, 'field') ?? stringField(json, 'object')
  },
  async sign({ body, secret }) {
    return {
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'facebookexternalua',
        'X-Hub-Signature-256': await signHmacHeader(secret, body, options),
      },
    }
  },
}
