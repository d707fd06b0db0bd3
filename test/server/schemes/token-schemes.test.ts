// Schemes whose proof is not a body HMAC: GitLab's token, Google channel tokens, Microsoft
// Graph's clientState, Mailchimp's URL token, and the host-verified providers.

import { describe, expect, it } from 'vitest'
import { gitlab } from '../../../src/server/schemes/gitlab'
import { googleChannel } from '../../../src/server/schemes/google-channel'
import { googlePubsub, paypal } from '../../../src/server/schemes/host-verifier'
import { schemeFor } from '../../../src/server/schemes/index'
import { mailchimp } from '../../../src/server/schemes/mailchimp'
import { microsoftGraph } from '../../../src/server/schemes/microsoft-graph'
import { context, enc, handshaker, request, schemeContract, signer, URL_ } from './contract'

schemeContract(gitlab, {
  body: JSON.stringify({ object_kind: 'push', ref: 'refs/heads/main' }),
  eventName: 'Push Hook',
  required: ['X-Gitlab-Token'],
  timestamped: false,
  bodySigned: false,
})
schemeContract(googleChannel, {
  body: '',
  eventName: 'exists',
  required: ['X-Goog-Channel-Token', 'X-Goog-Resource-State'],
  timestamped: false,
  bodySigned: false,
})

const graphBody = JSON.stringify({
  value: [
    {
      subscriptionId: '7f105c7d-2dc5-4530-97cd-4e7ae6534c07',
      changeType: 'created',
      resource: 'Users/{user-id}/Messages/{message-id}',
      resourceData: { '@odata.type': '#Microsoft.Graph.Message', id: 'AAMkAGUw' },
      clientState: 'placeholder',
      tenantId: '84bd8158-6d4d-4958-8b9f-9d6445542f95',
    },
  ],
})
schemeContract(microsoftGraph, {
  body: graphBody,
  eventName: 'message created',
  required: [],
  timestamped: false,
  bodySigned: false,
})

describe('gitlab', () => {
  it('compares the token in constant time (a prefix or a longer value is refused)', async () => {
    const secret = gitlab.secret.generate()
    for (const token of [secret.slice(0, -1), `${secret}x`, secret.toUpperCase()]) {
      const result = await gitlab.verify(request({ headers: { 'X-Gitlab-Token': token } }), context([secret]))
      expect(result).toEqual({ ok: false, reason: 'X-Gitlab-Token does not match' })
    }
  })
  it('reads Idempotency-Key first, and names events with their action', () => {
    const req = request({
      headers: { 'Idempotency-Key': 'k1', 'X-Gitlab-Event-UUID': 'u1', 'X-Gitlab-Event': 'Issue Hook' },
    })
    expect(gitlab.deliveryId(req, {})).toBe('k1')
    expect(gitlab.deliveryId(request({ headers: { 'X-Gitlab-Event-UUID': 'u1' } }), {})).toBe('u1')
    expect(gitlab.eventName(req, { object_attributes: { action: 'open' } })).toBe('Issue Hook (open)')
  })
})

describe('google-channel', () => {
  const headers = (token: string, state = 'exists') => ({
    'X-Goog-Channel-ID': '01234567-89ab-cdef-0123456789ab',
    'X-Goog-Channel-Token': token,
    'X-Goog-Message-Number': '10',
    'X-Goog-Resource-State': state,
  })
  it('the sync message is answered 200 once its token verified', async () => {
    const secret = googleChannel.secret.generate()
    expect(await handshaker(googleChannel)(request({ headers: headers(secret, 'sync') }), context([secret]))).toEqual({
      status: 200,
    })
    expect(
      await handshaker(googleChannel)(request({ headers: headers('wrong-token-000000', 'sync') }), context([secret])),
    ).toBeNull()
    expect(await handshaker(googleChannel)(request({ headers: headers(secret) }), context([secret]))).toBeNull()
  })
  it('delivery id is the channel and the message number; the name carries X-Goog-Changed', () => {
    const req = request({
      headers: { ...headers('t'), 'X-Goog-Resource-State': 'update', 'X-Goog-Changed': 'content' },
    })
    expect(googleChannel.deliveryId(req, null)).toBe('01234567-89ab-cdef-0123456789ab:10')
    expect(googleChannel.eventName(req, null)).toBe('update (content)')
  })
})

describe('microsoft-graph', () => {
  it('POST ?validationToken is echoed as text/plain, unsigned', async () => {
    const token = 'Validation: Testing client application reachability for subscription Request-Id: 1'
    const req = request({ url: `${URL_.href}?validationToken=${encodeURIComponent(token)}` })
    expect(await handshaker(microsoftGraph)(req, context([]))).toEqual({
      status: 200,
      body: token,
      contentType: 'text/plain; charset=utf-8',
    })
    expect(await handshaker(microsoftGraph)(request({ body: graphBody }), context([]))).toBeNull()
  })
  it('every item must carry the clientState: one wrong item refuses the batch', async () => {
    const secret = microsoftGraph.secret.generate()
    const item = (clientState?: string) => ({ changeType: 'updated', resource: '/me/drive/root', clientState })
    const body = (items: unknown[]) => JSON.stringify({ value: items })
    expect(
      await microsoftGraph.verify(request({ body: body([item(secret), item(secret)]) }), context([secret])),
    ).toEqual({ ok: true })
    for (const items of [[item(secret), item('wrong-state-0000000')], [item(secret), item()], []]) {
      const result = await microsoftGraph.verify(request({ body: body(items) }), context([secret]))
      expect(result.ok).toBe(false)
      expect(JSON.stringify(result)).not.toContain(secret)
    }
    expect((await microsoftGraph.verify(request({ body: 'not json' }), context([secret]))).ok).toBe(false)
  })
  it('names events by resource type and change; sign puts the clientState in the body', async () => {
    const secret = microsoftGraph.secret.generate()
    const signed = await signer(microsoftGraph)({
      body: enc(graphBody),
      secret,
      url: URL_,
      now: new Date(),
      deliveryId: '',
      eventName: '',
    })
    const body = JSON.parse(new TextDecoder().decode(signed.body))
    expect(body.value[0].clientState).toBe(secret)
    expect(microsoftGraph.eventName(request({}), body)).toBe('message created')
    expect(
      microsoftGraph.eventName(request({}), { value: [{ changeType: 'updated', resource: '/me/drive/root' }] }),
    ).toBe('driveItem updated')
    expect(
      microsoftGraph.eventName(request({}), {
        value: [{ changeType: 'created', resourceData: { '@odata.type': '#microsoft.graph.chatMessage' } }],
      }),
    ).toBe('chatMessage created')
  })
})

describe('mailchimp (url-token)', () => {
  it('no signature exists: any POST to the secret URL verifies; the GET check is answered 200', async () => {
    const body =
      'type=subscribe&fired_at=2009-03-26+21%3A35%3A57&data%5Bid%5D=8a25ff1d98&data%5Bemail%5D=api%40mailchimp.com'
    const req = request({ body, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } })
    expect(await mailchimp.verify(req, context([]))).toEqual({ ok: true })
    expect(mailchimp.eventName(req, undefined)).toBe('subscribe')
    expect(await handshaker(mailchimp)(request({ method: 'GET' }), context([]))).toEqual({ status: 200 })
    expect(await handshaker(mailchimp)(req, context([]))).toBeNull()
    expect(mailchimp.secret.source).toBe('url-token')
  })
})

describe('host-verified (Gmail through Pub/Sub, PayPal)', () => {
  const push = {
    message: {
      data: btoa(JSON.stringify({ emailAddress: 'user@example.com', historyId: '9876543210' })),
      messageId: '2070443601311540',
      publishTime: '2021-02-26T19:13:55.749Z',
    },
    subscription: 'projects/myproject/subscriptions/mysubscription',
  }
  it('without a verifier: refused, naming the provider and the option', async () => {
    const gmail = schemeFor({ id: 'gmail', name: 'Gmail', signature: { scheme: 'google-pubsub' } })
    const result = await gmail.verify(request({ body: JSON.stringify(push) }), context([]))
    expect(result).toEqual({
      ok: false,
      reason: `Gmail events are proved by Google's OIDC token: pass a verifier for "gmail" (verifiers option) — refused, never accepted unverified`,
    })
    const pp = await schemeFor({ id: 'paypal', name: 'PayPal', signature: { scheme: 'paypal' } }).verify(
      request({}),
      context([]),
    )
    expect(pp.ok === false && pp.reason).toMatch(
      /^PayPal events are proved by PayPal's verify-webhook-signature API: pass a verifier for "paypal"/,
    )
  })
  it('with one: its answer decides; a throwing verifier refuses', async () => {
    const req = request({
      body: JSON.stringify(push),
      headers: { Authorization: 'Bearer eyJhbGciOiJSUzI1NiJ9.e30.sig' },
    })
    expect(await googlePubsub.verify(req, context([], { hostVerifier: async () => true }))).toEqual({ ok: true })
    expect((await googlePubsub.verify(req, context([], { hostVerifier: async () => false }))).ok).toBe(false)
    const thrown = await googlePubsub.verify(
      req,
      context([], {
        hostVerifier: async () => {
          throw new Error('network')
        },
      }),
    )
    expect(thrown.ok).toBe(false)
    let seen: unknown
    await paypal.verify(
      req,
      context([], {
        hostVerifier: async (r) => {
          seen = r
          return true
        },
      }),
    )
    expect(seen).toBe(req)
  })
  it('cannot sign; reads the Pub/Sub message id and PayPal event id', () => {
    expect(googlePubsub.sign).toBeUndefined()
    expect(paypal.sign).toBeUndefined()
    expect(googlePubsub.deliveryId(request({}), push)).toBe('2070443601311540')
    expect(googlePubsub.eventName(request({}), push)).toBe('history')
    const event = { id: 'WH-2WR32451HC0233532-67976317FL4543714', event_type: 'PAYMENT.CAPTURE.COMPLETED' }
    expect(paypal.deliveryId(request({}), event)).toBe('WH-2WR32451HC0233532-67976317FL4543714')
    expect(paypal.eventName(request({}), event)).toBe('PAYMENT.CAPTURE.COMPLETED')
  })
})
