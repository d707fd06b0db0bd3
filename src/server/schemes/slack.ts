// Slack: `X-Slack-Signature: v0=<hex HMAC-SHA256(signing secret, "v0:{timestamp}:{body}")>` with
// `X-Slack-Request-Timestamp` (seconds) inside the tolerance. The signing secret is Slack's
// (Basic Information → App Credentials). The Events API's `url_verification` is answered with
// its challenge only after the request verified.
// https://docs.slack.dev/authentication/verifying-requests-from-slack/
// https://docs.slack.dev/reference/events/url_verification/

import {
  checkTimestamp,
  concat,
  header,
  integerHeader,
  missingHeader,
  noSecret,
  parseJson,
  randomBytes,
  secretSpec,
  signHmacHeader,
  stringField,
  toHex,
  verifyHmacHeader,
} from './crypto'
import type { SchemeRequest, SignatureScheme } from './types'

const SIGNATURE = 'X-Slack-Signature'
const TIMESTAMP = 'X-Slack-Request-Timestamp'
const options = { header: SIGNATURE, prefix: 'v0=', hash: 'SHA-256', encoding: 'hex' } as const
const content = (timestamp: string, body: Uint8Array) => concat(`v0:${timestamp}:`, body)

/** `message` events are subscribed to per conversation type: `message.channels`, `message.im`, … */
const messageSubscription: Record<string, string> = {
  channel: 'message.channels',
  group: 'message.groups',
  im: 'message.im',
  mpim: 'message.mpim',
}

function eventName(_request: SchemeRequest, json: unknown): string | null {
  const type = stringField(json, 'type')
  if (type !== 'event_callback') return type // url_verification, app_rate_limited, block_actions…
  const event = stringField(json, 'event', 'type')
  if (event === 'message') return messageSubscription[stringField(json, 'event', 'channel_type') ?? ''] ?? event
  return event
}

export const slack: SignatureScheme = {
  id: 'slack',
  label: 'Slack (X-Slack-Signature v0)',
  secret: secretSpec(
    'provider',
    "the app's Signing Secret: 32 hexadecimal characters",
    (secret) => /^[0-9a-f]{32}$/i.test(secret),
    () => toHex(randomBytes(16)),
  ),
  async verify(request, context) {
    const timestamp = header(request.headers, TIMESTAMP)
    if (!timestamp) return missingHeader(TIMESTAMP)
    if (!header(request.headers, SIGNATURE)) return missingHeader(SIGNATURE)
    if (context.secrets.length === 0) return noSecret()
    const stale = checkTimestamp(integerHeader(timestamp), context, TIMESTAMP)
    if (stale) return stale
    return verifyHmacHeader(request, context, { ...options, content: content(timestamp, request.body) })
  },
  async handshake(request, context) {
    if (request.method !== 'POST') return null
    const json = parseJson(request.body)
    const challenge = stringField(json, 'challenge')
    if (stringField(json, 'type') !== 'url_verification' || !challenge) return null
    // Unverified: not a handshake; the receiver's verify then refuses it.
    if (!(await slack.verify(request, context)).ok) return null
    return { status: 200, body: challenge, contentType: 'text/plain; charset=utf-8' }
  },
  /** The Events API's `event_id` (Slack retries with the same one); none for slash commands. */
  deliveryId: (_request, json) => stringField(json, 'event_id'),
  eventName,
  async sign({ body, secret, now }) {
    const timestamp = String(Math.floor(now.getTime() / 1000))
    return {
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
        [TIMESTAMP]: timestamp,
        [SIGNATURE]: await signHmacHeader(secret, content(timestamp, body), options),
      },
    }
  },
}
