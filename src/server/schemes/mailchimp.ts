// Mailchimp: no signature exists for its webhooks. The proof is the receiving URL itself,
// whose token is 256 random bits (`newReceiveToken`): only Mailchimp, given the URL, can
// post to it. So `verify` accepts any POST to the URL; the receiver's replay and size limits
// still apply. Mailchimp checks the URL with a GET when the webhook is saved: answered 200.
// Events are form-encoded (`type=subscribe&fired_at=…&data[email]=…`).
// https://mailchimp.com/developer/marketing/guides/sync-audience-data-webhooks/#securing-your-webhook

import { secretSpec, text } from './crypto'
import type { SignatureScheme } from './types'

const form = (body: Uint8Array) => new URLSearchParams(text(body))

export const mailchimp: SignatureScheme = {
  id: 'mailchimp',
  label: 'Mailchimp (no signature: the secret receiving URL is the proof)',
  secret: secretSpec(
    'url-token',
    'no secret: the receiving URL is the proof',
    () => true,
    () => '',
  ),
  async verify() {
    return { ok: true }
  },
  async handshake(request) {
    return request.method === 'GET' || request.method === 'HEAD' ? { status: 200 } : null
  },
  deliveryId: () => null,
  /** `subscribe`, `unsubscribe`, `profile`, `upemail`, `cleaned`, `campaign`. */
  eventName: (request) => form(request.body).get('type'),
  async sign() {
    return { headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'User-Agent': 'MailChimp' } }
  },
}
