// Notion: `X-Notion-Signature: sha256=<hex HMAC-SHA256(verification token, body)>`. The
// verification token is Notion's, sent once as the first, unsigned POST `{ "verification_token": … }`
// when the subscription is created: answered 200 and stored (`storeSecret`) while the webhook
// has no secret yet, for the user to paste back into Notion to verify the subscription.
// https://developers.notion.com/reference/webhooks#step-2-verifying-the-subscription
// https://developers.notion.com/reference/webhooks#validating-event-payloads-recommended

import {
  header,
  parseJson,
  randomBytes,
  secretSpec,
  signHmacHeader,
  stringField,
  toHex,
  verifyHmacHeader,
} from './crypto'
import type { SignatureScheme } from './types'

const options = { header: 'X-Notion-Signature', prefix: 'sha256=', hash: 'SHA-256', encoding: 'hex' } as const

export const notion: SignatureScheme = {
  id: 'notion',
  label: 'Notion (X-Notion-Signature, verification token)',
  secret: secretSpec(
    'handshake',
    'the verification_token Notion sends: secret_ followed by letters and digits',
    (secret) => /^secret_[A-Za-z0-9]{16,}$/.test(secret),
    () => `secret_${toHex(randomBytes(24))}`,
  ),
  verify: (request, context) => verifyHmacHeader(request, context, options),
  async handshake(request, context) {
    // Only the first token is taken: once one is stored, a new one would be someone else's.
    if (request.method !== 'POST' || context.secrets.length > 0) return null
    if (header(request.headers, options.header)) return null
    const json = parseJson(request.body)
    const token = stringField(json, 'verification_token')
    if (!token || !/^secret_[A-Za-z0-9]{16,}$/.test(token)) return null
    if (Object.keys(json as object).length !== 1) return null
    return { status: 200, storeSecret: token }
  },
  deliveryId: (_request, json) => stringField(json, 'id'),
  eventName: (_request, json) => stringField(json, 'type'),
  async sign({ body, secret }) {
    return {
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'notion-api',
        [options.header]: await signHmacHeader(secret, body, options),
      },
    }
  },
}
