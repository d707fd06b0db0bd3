// Google API watch channels (Calendar, Drive, and Sheets and Docs through Drive): no signature;
// `X-Goog-Channel-Token` carries the token we generated and set on the channel, compared in
// constant time. `X-Goog-Message-Number` numbers a channel's messages (the delivery id, with
// the channel id). The first message, `X-Goog-Resource-State: sync`, only says the channel
// works: answered 200 once its token verified. Bodies are empty; the host then lists changes.
// https://developers.google.com/workspace/calendar/api/guides/push#receiving-notifications
// https://developers.google.com/workspace/drive/api/guides/push#understanding-drive-api-notification-events

import { accepted, anySecretEquals, header, missingHeader, noSecret, plainToken, refuse, secretSpec } from './crypto'
import type { SignatureScheme } from './types'

const TOKEN = 'X-Goog-Channel-Token'

export const googleChannel: SignatureScheme = {
  id: 'google-channel',
  label: 'Google watch channel (X-Goog-Channel-Token)',
  // A channel token is at most 256 characters.
  secret: secretSpec('generated', '16 to 256 characters', plainToken(16, 256)),
  async verify(request, context) {
    const token = header(request.headers, TOKEN)
    if (!token) return missingHeader(TOKEN)
    if (!header(request.headers, 'X-Goog-Resource-State')) return missingHeader('X-Goog-Resource-State')
    if (context.secrets.length === 0) return noSecret('channel token')
    return (await anySecretEquals(token, context.secrets)) ? accepted : refuse(`${TOKEN} does not match`)
  },
  async handshake(request, context) {
    if (header(request.headers, 'X-Goog-Resource-State') !== 'sync') return null
    return (await googleChannel.verify(request, context)).ok ? { status: 200 } : null
  },
  deliveryId(request) {
    const channel = header(request.headers, 'X-Goog-Channel-ID')
    const number = header(request.headers, 'X-Goog-Message-Number')
    return channel && number ? `${channel}:${number}` : null
  },
  /** The resource state, with Drive's `X-Goog-Changed` when sent: `exists`, `update (content)`, `trash`. */
  eventName(request) {
    const state = header(request.headers, 'X-Goog-Resource-State')
    if (!state) return null
    const changed = header(request.headers, 'X-Goog-Changed')
    return changed ? `${state} (${changed})` : state
  },
  async sign({ secret, deliveryId, eventName, now }) {
    const match = /^([a-z_]+)(?: \((.+)\))?$/.exec(eventName)
    const headers: Record<string, string> = {
      'X-Goog-Channel-ID': 'channel-integration-webhooks',
      'X-Goog-Channel-Token': secret,
      'X-Goog-Channel-Expiration': new Date(now.getTime() + 7 * 86_400_000).toUTCString(),
      'X-Goog-Message-Number': /^\d+$/.test(deliveryId) ? deliveryId : String(now.getTime()),
      'X-Goog-Resource-ID': 'ret08u3rv24htgh289g',
      'X-Goog-Resource-URI': 'https://www.googleapis.com/calendar/v3/calendars/primary/events?alt=json',
      'X-Goog-Resource-State': match?.[1] ?? 'exists',
    }
    if (match?.[2]) headers['X-Goog-Changed'] = match[2]
    return { headers }
  },
}
