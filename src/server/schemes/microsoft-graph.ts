// Microsoft Graph change notifications (Teams, Outlook, OneDrive): no signature header; each
// notification in `value[]` carries the `clientState` we generated and gave Graph when
// subscribing, compared in constant time, every item (one wrong item refuses the batch).
// Creating or renewing a subscription POSTs `?validationToken=…` first, unsigned, answered
// 200 with the token as text/plain within 10 seconds.
// https://learn.microsoft.com/en-us/graph/change-notifications-delivery-webhooks#notificationurl-validation
// https://learn.microsoft.com/en-us/graph/change-notifications-delivery-webhooks#receive-notifications

import {
  accepted,
  anySecretEquals,
  field,
  noSecret,
  parseJson,
  plainToken,
  randomBytes,
  refuse,
  secretSpec,
  stringField,
  toBase64,
  utf8,
} from './crypto'
import type { SignatureScheme } from './types'

const resourceType = (item: unknown): string | null => {
  const odata = stringField(item, 'resourceData', '@odata.type')
  if (odata) {
    const name = odata.replace(/^#?microsoft\.graph\./i, '')
    return name.charAt(0).toLowerCase() + name.slice(1)
  }
  const resource = stringField(item, 'resource') ?? ''
  return /drive/i.test(resource) ? 'driveItem' : null
}

export const microsoftGraph: SignatureScheme = {
  id: 'microsoft-graph',
  label: 'Microsoft Graph (clientState)',
  // clientState: at most 128 characters.
  secret: secretSpec('generated', '16 to 128 characters', plainToken(16, 128), () =>
    toBase64(randomBytes(32)).replace(/[+/=]/g, ''),
  ),
  async verify(request, context) {
    const value = field(parseJson(request.body), 'value')
    if (!Array.isArray(value) || value.length === 0) return refuse('not a change notification: no value[]')
    if (context.secrets.length === 0) return noSecret('client state')
    let all = true
    for (const item of value) {
      const state = stringField(item, 'clientState')
      if (!state || !(await anySecretEquals(state, context.secrets))) all = false
    }
    return all ? accepted : refuse('clientState does not match in every notification')
  },
  async handshake(request) {
    const token = request.url.searchParams.get('validationToken')
    if (token === null) return null
    return { status: 200, body: token, contentType: 'text/plain; charset=utf-8' }
  },
  deliveryId: () => null,
  /** `message created`, `chatMessage created`, `driveItem updated`: the resource type and the change. */
  eventName(_request, json) {
    const item = field(json, 'value', 0)
    const change = stringField(item, 'lifecycleEvent') ?? stringField(item, 'changeType')
    if (!change) return null
    const type = resourceType(item)
    // Teams: a chat's messages (`chats/{id}/messages/{id}`) apart from a channel's.
    const chat = type === 'chatMessage' && /^\/?chats\(|^\/?chats\//i.test(stringField(item, 'resource') ?? '')
    return type ? `${type} ${change}${chat ? ' (chat)' : ''}` : change
  },
  /** Graph puts the proof in the body: the returned body has `clientState` set on every notification. */
  async sign({ body, secret }) {
    const json = parseJson(body)
    const value = field(json, 'value')
    if (!Array.isArray(value)) throw new TypeError('a Graph notification body has a value[] array')
    const signed = { ...(json as object), value: value.map((item) => ({ ...(item as object), clientState: secret })) }
    return { headers: { 'Content-Type': 'application/json; charset=utf-8' }, body: utf8(JSON.stringify(signed)) }
  },
}
