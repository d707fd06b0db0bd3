// Dropbox: `X-Dropbox-Signature: <hex HMAC-SHA256(app secret, body)>`; the endpoint is confirmed
// by a GET with `?challenge=…`, echoed back as text/plain with `X-Content-Type-Options: nosniff`.
// Notifications only say which accounts changed (`list_folder.accounts`); the host then calls
// /files/list_folder/continue.
// https://www.dropbox.com/developers/reference/webhooks

import { field, secretSpec, signHmacHeader, verifyHmacHeader } from './crypto'
import type { SignatureScheme } from './types'

const options = { header: 'X-Dropbox-Signature', hash: 'SHA-256', encoding: 'hex' } as const

export const dropbox: SignatureScheme = {
  id: 'dropbox',
  label: 'Dropbox (X-Dropbox-Signature)',
  secret: secretSpec('provider', "the app's App secret (App Console → Settings)", (secret) =>
    /^[A-Za-z0-9]{10,64}$/.test(secret),
  ),
  verify: (request, context) => verifyHmacHeader(request, context, options),
  async handshake(request) {
    const challenge = request.method === 'GET' ? request.url.searchParams.get('challenge') : null
    if (!challenge) return null
    return {
      status: 200,
      body: challenge,
      contentType: 'text/plain',
      headers: { 'X-Content-Type-Options': 'nosniff' },
    }
  },
  deliveryId: () => null,
  eventName: (_request, json) => (field(json, 'list_folder') !== undefined ? 'list_folder' : null),
  async sign({ body, secret }) {
    return {
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'DropboxWebhooks/1.0',
        'X-Dropbox-Signature': await signHmacHeader(secret, body, options),
      },
    }
  },
}
