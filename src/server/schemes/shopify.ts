// Shopify: `X-Shopify-Hmac-Sha256: <base64 HMAC-SHA256(app client secret, body)>`. The secret
// is Shopify's (the app's client secret, or the webhook signing key an admin-created webhook
// shows). Retries keep `X-Shopify-Webhook-Id`; the topic is `X-Shopify-Topic`.
// https://shopify.dev/docs/apps/build/webhooks/subscribe/https#step-2-validate-the-origin-of-your-webhook-to-ensure-its-coming-from-shopify

import { header, plainToken, secretSpec, signHmacHeader, verifyHmacHeader } from './crypto'
import type { SignatureScheme } from './types'

const options = { header: 'X-Shopify-Hmac-Sha256', hash: 'SHA-256', encoding: 'base64' } as const

export const shopify: SignatureScheme = {
  id: 'shopify',
  label: 'Shopify (X-Shopify-Hmac-Sha256)',
  secret: secretSpec('provider', "the app's client secret (or the webhook signing key Shopify shows)", plainToken(16)),
  verify: (request, context) => verifyHmacHeader(request, context, options),
  deliveryId: (request) =>
    header(request.headers, 'X-Shopify-Webhook-Id') ?? header(request.headers, 'X-Shopify-Event-Id'),
  eventName: (request) => header(request.headers, 'X-Shopify-Topic'),
  async sign({ body, secret, now, deliveryId, eventName }) {
    return {
      headers: {
        'Content-Type': 'application/json',
        'X-Shopify-Topic': eventName,
        'X-Shopify-Webhook-Id': deliveryId,
        'X-Shopify-Event-Id': deliveryId,
        'X-Shopify-Shop-Domain': 'example.myshopify.com',
        'X-Shopify-API-Version': '2025-10',
        'X-Shopify-Triggered-At': now.toISOString(),
        'X-Shopify-Hmac-Sha256': await signHmacHeader(secret, body, options),
      },
    }
  },
}
