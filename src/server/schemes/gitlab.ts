// GitLab: the secret token we generate is sent back as is in `X-Gitlab-Token` (no signature
// over the body exists in GitLab's classic webhooks), compared in constant time. Deliveries
// are identified by `Idempotency-Key` (the same across retries), else `X-Gitlab-Event-UUID`.
// https://docs.gitlab.com/user/project/integrations/webhooks/#create-a-webhook (Secret token)
// https://docs.gitlab.com/user/project/integrations/webhook_events/

import {
  accepted,
  anySecretEquals,
  header,
  missingHeader,
  noSecret,
  printable,
  refuse,
  secretSpec,
  stringField,
} from './crypto'
import type { SignatureScheme } from './types'

const TOKEN = 'X-Gitlab-Token'

export const gitlab: SignatureScheme = {
  id: 'gitlab',
  label: 'GitLab (X-Gitlab-Token)',
  secret: secretSpec('generated', '16 to 255 characters', printable(16, 255)),
  async verify(request, context) {
    const token = header(request.headers, TOKEN)
    if (!token) return missingHeader(TOKEN)
    if (context.secrets.length === 0) return noSecret('secret token')
    return (await anySecretEquals(token, context.secrets)) ? accepted : refuse(`${TOKEN} does not match`)
  },
  deliveryId: (request) => header(request.headers, 'Idempotency-Key') ?? header(request.headers, 'X-Gitlab-Event-UUID'),
  /** `Push Hook`, or `Issue Hook (open)` / `Merge Request Hook (merge)` with the object's action. */
  eventName(request, json) {
    const event = header(request.headers, 'X-Gitlab-Event')
    if (!event) return null
    const action = stringField(json, 'object_attributes', 'action')
    return action ? `${event} (${action})` : event
  },
  async sign({ secret, deliveryId, eventName }) {
    const event = eventName.replace(/ \(.*\)$/, '')
    return {
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'GitLab/integration-webhooks',
        [TOKEN]: secret,
        'X-Gitlab-Event': event,
        'X-Gitlab-Event-UUID': deliveryId,
        'X-Gitlab-Webhook-UUID': deliveryId,
        'Idempotency-Key': deliveryId,
      },
    }
  },
}
