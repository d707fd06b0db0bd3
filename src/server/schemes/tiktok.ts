// TikTok: `TikTok-Signature: t=<unix seconds>,s=<hex HMAC-SHA256(client secret, "{t}.{body}")>`,
// the timestamp inside the tolerance.
// https://developers.tiktok.com/doc/webhooks-verification

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
  plainToken,
  secretSpec,
  stringField,
  toHex,
} from './crypto'
import type { SignatureScheme } from './types'

const HEADER = 'TikTok-Signature'

export const tiktok: SignatureScheme = {
  id: 'tiktok',
  label: 'TikTok (TikTok-Signature)',
  secret: secretSpec('provider', "the app's Client secret", plainToken(16, 128)),
  async verify(request, context) {
    const value = header(request.headers, HEADER)
    if (!value) return missingHeader(HEADER)
    if (context.secrets.length === 0) return noSecret()
    const parts = new Map(
      value
        .split(',')
        .map((item) => [item.slice(0, item.indexOf('=')).trim(), item.slice(item.indexOf('=') + 1).trim()]),
    )
    const timestamp = parts.get('t')
    const signature = parts.get('s')
    if (!timestamp || !signature) return malformedHeader(HEADER)
    const stale = checkTimestamp(integerHeader(timestamp), context, `${HEADER} timestamp`)
    if (stale) return stale
    const signed = concat(`${timestamp}.`, request.body)
    const matched = await anyHmacMatches(context.secrets, (secret) => hmac('SHA-256', secret, signed), [
      fromHex(signature),
    ])
    return matched ? accepted : mismatch(HEADER)
  },
  /** TikTok sends no event id: the user, the event and its creation time stand for one. */
  deliveryId(_request, json) {
    const user = stringField(json, 'user_openid')
    const event = stringField(json, 'event')
    const created = stringField(json, 'create_time')
    return user && event && created ? `${user}:${event}:${created}` : null
  },
  eventName: (_request, json) => stringField(json, 'event'),
  async sign({ body, secret, now }) {
    const t = String(Math.floor(now.getTime() / 1000))
    return {
      headers: {
        'Content-Type': 'application/json',
        [HEADER]: `t=${t},s=${toHex(await hmac('SHA-256', secret, concat(`${t}.`, body)))}`,
      },
    }
  },
}
