// GitHub: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(secret, body)>`, the secret chosen by
// us and pasted into the repository's webhook settings.
// https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries

import { header, printable, secretSpec, signHmacHeader, stringField, verifyHmacHeader } from './crypto'
import type { SignatureScheme } from './types'

const signature = { header: 'X-Hub-Signature-256', prefix: 'sha256=', hash: 'SHA-256', encoding: 'hex' } as const

export const github: SignatureScheme = {
  id: 'github',
  label: 'GitHub (X-Hub-Signature-256)',
  secret: secretSpec('generated', '16 to 512 characters', printable(16)),
  verify: (request, context) => verifyHmacHeader(request, context, signature),
  /**
   * GitHub's `ping`, sent when the webhook is created in GitHub (and on "Redeliver" of it): a
   * signed hello, not an event a workflow should run for. Answered 200 once verified, and
   * neither recorded nor dispatched; an unverified one goes on to the event path and its 401.
   * https://docs.github.com/en/webhooks/webhook-events-and-payloads#ping
   */
  async handshake(request, context) {
    if (request.method !== 'POST' || header(request.headers, 'X-GitHub-Event') !== 'ping') return null
    if (!(await verifyHmacHeader(request, context, signature)).ok) return null
    return { status: 200, body: '{"received":true,"ping":true}', contentType: 'application/json' }
  },
  deliveryId: (request) => header(request.headers, 'X-GitHub-Delivery'),
  /** `push`, or `{event}.{action}` (`issues.opened`) when the payload has an action. */
  eventName(request, json) {
    const event = header(request.headers, 'X-GitHub-Event')
    if (!event) return null
    const action = stringField(json, 'action')
    return action ? `${event}.${action}` : event
  },
  async sign({ body, secret, deliveryId, eventName }) {
    const [event] = eventName.split('.')
    return {
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'GitHub-Hookshot/integration-webhooks',
        'X-GitHub-Delivery': deliveryId,
        'X-GitHub-Event': event ?? eventName,
        'X-Hub-Signature-256': await signHmacHeader(secret, body, signature),
      },
    }
  },
}
