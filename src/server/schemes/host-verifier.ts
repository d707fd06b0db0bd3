// Providers whose proof needs a call out (Google Pub/Sub push for Gmail: an OIDC token signed
// by Google, checked against Google's keys; PayPal: its verify-webhook-signature API). The
// host supplies the verifier (`verifiers` option of the server, given here as
// `context.hostVerifier`); without one the event is refused, never accepted unverified. No
// `sign`: we cannot make Google's or PayPal's proof.
// https://cloud.google.com/pubsub/docs/authenticate-push-subscriptions
// https://developer.paypal.com/api/rest/webhooks/rest/#link-verifysignature

import { field, header, refuse, secretSpec, stringField, text } from './crypto'
import type { SchemeRequest, SignatureScheme } from './types'

export interface HostVerifiedOptions {
  readonly id: string
  readonly label: string
  /** The provider's id in the catalog (the key of its verifier), e.g. `gmail`. */
  readonly provider: string
  /** The provider's name, e.g. `Gmail`. */
  readonly providerName: string
  /** What proves its events, e.g. "Google's OIDC token". */
  readonly proof: string
  readonly deliveryId: (request: SchemeRequest, json: unknown) => string | null
  readonly eventName: (request: SchemeRequest, json: unknown) => string | null
}

/** A scheme whose `verify` is the host's verifier. */
export function hostVerified(options: HostVerifiedOptions): SignatureScheme {
  return {
    id: options.id,
    label: options.label,
    secret: secretSpec(
      'host-verifier',
      `no secret: ${options.proof} is checked by the host's verifier`,
      () => true,
      () => '',
    ),
    async verify(request, context) {
      if (!context.hostVerifier) {
        return refuse(
          `${options.providerName} events are proved by ${options.proof}: pass a verifier for "${options.provider}" (verifiers option) — refused, never accepted unverified`,
        )
      }
      let verified = false
      try {
        verified = await context.hostVerifier(request)
      } catch {
        return refuse(`the host's verifier for "${options.provider}" failed`)
      }
      return verified === true
        ? { ok: true }
        : refuse(`the host's verifier for "${options.provider}" refused the event`)
    },
    deliveryId: options.deliveryId,
    eventName: options.eventName,
  }
}

/** The Gmail notification inside a Pub/Sub push: `message.data` is base64 JSON `{ emailAddress, historyId }`. */
function pubsubData(json: unknown): unknown {
  const data = stringField(json, 'message', 'data')
  if (!data) return undefined
  try {
    return JSON.parse(text(Uint8Array.from(atob(data), (c) => c.charCodeAt(0))))
  } catch {
    return undefined
  }
}

const pubsubOptions: HostVerifiedOptions = {
  id: 'google-pubsub',
  label: 'Google Pub/Sub push (OIDC token, verified by the host)',
  provider: 'gmail',
  providerName: 'Gmail',
  proof: "Google's OIDC token",
  deliveryId: (_request, json) =>
    stringField(json, 'message', 'messageId') ?? stringField(json, 'message', 'message_id'),
  // Gmail says only that the mailbox changed (a new historyId); the host reads history.list.
  eventName: (_request, json) => (field(pubsubData(json), 'historyId') !== undefined ? 'history' : null),
}

const paypalOptions: HostVerifiedOptions = {
  id: 'paypal',
  label: 'PayPal (verify-webhook-signature, by the host)',
  provider: 'paypal',
  providerName: 'PayPal',
  proof: "PayPal's verify-webhook-signature API",
  // The event id (`WH-…`) stays the same across retries; the transmission id does not.
  deliveryId: (request, json) => stringField(json, 'id') ?? header(request.headers, 'PAYPAL-TRANSMISSION-ID'),
  eventName: (_request, json) => stringField(json, 'event_type'),
}

/** Google Pub/Sub push (Gmail's watch): the message id is the delivery id. */
export const googlePubsub: SignatureScheme = /* @__PURE__ */ hostVerified(pubsubOptions)

/** PayPal: the event id is the delivery id; the event type its name. */
export const paypal: SignatureScheme = /* @__PURE__ */ hostVerified(paypalOptions)

const byId: Readonly<Record<string, HostVerifiedOptions>> = { 'google-pubsub': pubsubOptions, paypal: paypalOptions }

/**
 * A host-verified scheme naming the catalog entry it serves (its refusal says which verifier
 * to pass), or null when `schemeId` is not host-verified.
 */
export function hostVerifiedFor(schemeId: string, provider: string, providerName: string): SignatureScheme | null {
  const options = Object.hasOwn(byId, schemeId) ? byId[schemeId] : undefined
  return options ? hostVerified({ ...options, provider, providerName }) : null
}
