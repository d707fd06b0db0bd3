// LinkedIn: `X-LI-Signature` is the hex HMAC-SHA256, with the app's client secret, of the body
// prefixed by `hmacsha256=` (LinkedIn's wording; a header carrying the prefix itself, or a
// digest of the bare body, is accepted too, since integrations read the sentence both ways).
// The endpoint is validated (and re-validated every few hours) by a GET with `challengeCode`,
// answered with `{ challengeCode, challengeResponse: hex HMAC-SHA256(client secret, challengeCode) }`.
// https://learn.microsoft.com/en-us/linkedin/shared/api-guide/webhook-validation

import {
  accepted,
  anyHmacMatches,
  concat,
  fromHex,
  header,
  hmac,
  malformedHeader,
  mismatch,
  missingHeader,
  noSecret,
  plainToken,
  secretSpec,
  stringField,
  toHex,
} from './crypto'
import type { SignatureScheme } from './types'

const HEADER = 'X-LI-Signature'
const PREFIX = 'hmacsha256='

export const linkedin: SignatureScheme = {
  id: 'linkedin',
  label: 'LinkedIn (X-LI-Signature)',
  secret: secretSpec('provider', "the app's Primary Client Secret", plainToken(16, 128)),
  async verify(request, context) {
    const value = header(request.headers, HEADER)
    if (!value) return missingHeader(HEADER)
    if (context.secrets.length === 0) return noSecret()
    const digest = fromHex(value.toLowerCase().startsWith(PREFIX) ? value.slice(PREFIX.length) : value)
    if (!digest) return malformedHeader(HEADER)
    const prefixed = concat(PREFIX, request.body)
    let matched = await anyHmacMatches(context.secrets, (secret) => hmac('SHA-256', secret, prefixed), [digest])
    if (!matched) matched = await anyHmacMatches(context.secrets, (s) => hmac('SHA-256', s, request.body), [digest])
    return matched ? accepted : mismatch(HEADER)
  },
  async handshake(request, context) {
    const challengeCode = request.method === 'GET' ? request.url.searchParams.get('challengeCode') : null
    const secret = context.secrets[0]
    if (!challengeCode || !secret) return null
    const challengeResponse = toHex(await hmac('SHA-256', secret, challengeCode))
    return { status: 200, body: JSON.stringify({ challengeCode, challengeResponse }), contentType: 'application/json' }
  },
  deliveryId: (_request, json) => stringField(json, 'notifications', 0, 'notificationId'),
  /** The social action (`COMMENT`, `LIKE`, `SHARE_MENTION`), else the notification type. */
  eventName: (_request, json) => stringField(json, 'notifications', 0, 'action') ?? stringField(json, 'type'),
  async sign({ body, secret }) {
    return {
      headers: {
        'Content-Type': 'application/json',
        [HEADER]: toHex(await hmac('SHA-256', secret, concat(PREFIX, body))),
      },
    }
  },
}
