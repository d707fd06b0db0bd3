// X (Twitter) Account Activity: `x-twitter-webhooks-signature: sha256=<base64 HMAC-SHA256(
// consumer secret, body)>`; the CRC check is a GET with `crc_token`, answered with
// `{"response_token":"sha256=<base64 HMAC-SHA256(consumer secret, crc_token)>"}` (it needs
// the secret: without one it is not answered).
// https://docs.x.com/x-api/webhooks/introduction (Challenge-Response Checks, Signature header validation)

import { hmac, secretSpec, signHmacHeader, toBase64, verifyHmacHeader } from './crypto'
import type { SignatureScheme } from './types'

const options = {
  header: 'x-twitter-webhooks-signature',
  prefix: 'sha256=',
  hash: 'SHA-256',
  encoding: 'base64',
} as const

export const x: SignatureScheme = {
  id: 'x',
  label: 'X (x-twitter-webhooks-signature, CRC)',
  secret: secretSpec('provider', "the app's API Key Secret (consumer secret)", (secret) =>
    /^[A-Za-z0-9]{32,64}$/.test(secret),
  ),
  verify: (request, context) => verifyHmacHeader(request, context, options),
  async handshake(request, context) {
    const token = request.method === 'GET' ? request.url.searchParams.get('crc_token') : null
    const secret = context.secrets[0]
    if (!token || !secret) return null
    const responseToken = `sha256=${toBase64(await hmac('SHA-256', secret, token))}`
    return { status: 200, body: JSON.stringify({ response_token: responseToken }), contentType: 'application/json' }
  },
  deliveryId: () => null,
  /** The activity's key: `tweet_create_events`, `follow_events`, `direct_message_events`, … */
  eventName(_request, json) {
    if (typeof json !== 'object' || json === null) return null
    return Object.keys(json).find((key) => key.endsWith('_events')) ?? null
  },
  async sign({ body, secret }) {
    return {
      headers: { 'Content-Type': 'application/json', [options.header]: await signHmacHeader(secret, body, options) },
    }
  },
}
