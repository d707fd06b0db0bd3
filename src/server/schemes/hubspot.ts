// HubSpot (v3): `X-HubSpot-Signature-v3: <base64 HMAC-SHA256(client secret, method + URI + body
// + timestamp)>` with `X-HubSpot-Request-Timestamp` in milliseconds, inside the tolerance
// (HubSpot says five minutes). The URI is the full URL HubSpot called, with the
// percent-encodings HubSpot lists decoded.
// https://developers.hubspot.com/docs/apps/legacy-apps/authentication/validating-requests#validate-the-v3-request-signature

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
  plainToken,
  secretSpec,
  stringField,
  toBase64,
} from './crypto'
import type { SignatureScheme } from './types'

const SIGNATURE = 'X-HubSpot-Signature-v3'
const TIMESTAMP = 'X-HubSpot-Request-Timestamp'

const decoded: Record<string, string> = {
  '%3A': ':',
  '%2F': '/',
  '%3F': '?',
  '%40': '@',
  '%21': '!',
  '%24': '$',
  '%27': "'",
  '%28': '(',
  '%29': ')',
  '%2A': '*',
  '%2C': ',',
  '%3B': ';',
}

/** The URI as HubSpot signs it: the listed percent-encodings decoded, nothing else. */
export const hubspotUri = (url: URL) =>
  url.href.replace(/%(3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)/gi, (m) => decoded[m.toUpperCase()] ?? m)

const content = (method: string, url: URL, body: Uint8Array, timestamp: string) =>
  concat(`${method.toUpperCase()}${hubspotUri(url)}`, body, timestamp)

export const hubspot: SignatureScheme = {
  id: 'hubspot',
  label: 'HubSpot (X-HubSpot-Signature-v3)',
  secret: secretSpec('provider', "the app's Client secret (Auth tab)", plainToken(16, 128)),
  async verify(request, context) {
    const signature = header(request.headers, SIGNATURE)
    if (!signature) return missingHeader(SIGNATURE)
    const timestamp = header(request.headers, TIMESTAMP)
    if (!timestamp) return missingHeader(TIMESTAMP)
    if (context.secrets.length === 0) return noSecret()
    const stale = checkTimestamp(integerHeader(timestamp) / 1000, context, TIMESTAMP)
    if (stale) return stale
    const digest = fromBase64(signature)
    if (!digest) return malformedHeader(SIGNATURE)
    const signed = content(request.method, request.url, request.body, timestamp)
    const matched = await anyHmacMatches(context.secrets, (secret) => hmac('SHA-256', secret, signed), [digest])
    return matched ? accepted : mismatch(SIGNATURE)
  },
  /** A batch's first eventId (with how many more), as HubSpot retries the same batch. */
  deliveryId(_request, json) {
    const first = stringField(json, 0, 'eventId')
    if (!first || !Array.isArray(json)) return null
    return json.length > 1 ? `${first}+${json.length - 1}` : first
  },
  /** The subscription type of the batch's first event (`contact.creation`, `deal.propertyChange`). */
  eventName: (_request, json) => stringField(json, 0, 'subscriptionType'),
  async sign({ body, secret, url, now }) {
    const timestamp = String(now.getTime())
    return {
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'HubSpot Connect 2.0 (http://dev.hubspot.com/)',
        [TIMESTAMP]: timestamp,
        [SIGNATURE]: toBase64(await hmac('SHA-256', secret, content('POST', url, body, timestamp))),
      },
    }
  },
}
