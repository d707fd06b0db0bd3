// Trello: `X-Trello-Webhook: <base64 HMAC-SHA1(app secret, body + callbackURL)>`, the callback
// URL exactly as given when the webhook was created (ours, as the provider called it; or
// `config.callback_url` when the host registered another spelling). Trello's own note says
// the signed text was once hashed as a "binary" string (each character's low 8 bits) rather
// than UTF-8: both are accepted (they differ only for non-ASCII text). Creating the webhook
// starts with a HEAD request that must answer 200.
// https://developer.atlassian.com/cloud/trello/guides/rest-api/webhooks/#webhook-signatures

import {
  accepted,
  anyHmacMatches,
  concat,
  fromBase64,
  header,
  hmac,
  malformedHeader,
  mismatch,
  missingHeader,
  noSecret,
  randomBytes,
  secretSpec,
  stringField,
  text,
  toBase64,
  toHex,
} from './crypto'
import type { SchemeContext, SchemeRequest, SignatureScheme } from './types'

const HEADER = 'X-Trello-Webhook'

const callbackUrl = (request: SchemeRequest, context: Pick<SchemeContext, 'config'>) => {
  const configured = context.config.callback_url
  return typeof configured === 'string' && configured ? configured : request.url.href
}

/** Node's old "binary" encoding: each UTF-16 code unit's low 8 bits. */
const binary = (value: string) => Uint8Array.from(value, (char) => char.charCodeAt(0) & 0xff)

export const trello: SignatureScheme = {
  id: 'trello',
  label: 'Trello (X-Trello-Webhook)',
  secret: secretSpec(
    'provider',
    "the app's Secret (Power-Up admin → API key → Secret): 64 hexadecimal characters",
    (secret) => /^[0-9a-f]{64}$/i.test(secret),
    () => toHex(randomBytes(32)),
  ),
  async verify(request, context) {
    const value = header(request.headers, HEADER)
    if (!value) return missingHeader(HEADER)
    if (context.secrets.length === 0) return noSecret()
    const digest = fromBase64(value)
    if (digest?.length !== 20) return malformedHeader(HEADER)
    const url = callbackUrl(request, context)
    let matched = false
    for (const content of [concat(request.body, url), binary(text(request.body) + url)]) {
      if (await anyHmacMatches(context.secrets, (secret) => hmac('SHA-1', secret, content), [digest])) matched = true
    }
    return matched ? accepted : mismatch(HEADER)
  },
  async handshake(request) {
    return request.method === 'HEAD' ? { status: 200 } : null
  },
  /** The action's id (Trello retries the same action). */
  deliveryId: (_request, json) => stringField(json, 'action', 'id'),
  eventName: (_request, json) => stringField(json, 'action', 'type'),
  async sign({ body, secret, url }) {
    return {
      headers: {
        'Content-Type': 'application/json',
        [HEADER]: toBase64(await hmac('SHA-1', secret, concat(body, url.href))),
      },
    }
  },
}
