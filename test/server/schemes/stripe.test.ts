import Stripe from 'stripe'
import { describe, expect, it } from 'vitest'
import { stripe } from '../../../src/server/schemes/stripe'
import { context, enc, request, schemeContract, signer } from './contract'

const stripeClient = new Stripe('sk_test_not_used_for_any_call')
const SECRET = 'whsec_test_secret_for_cross_checks_0123'

describe('stripe', () => {
  // Stripe publishes no fixed vector; its library's test header helper is the reference
  // (https://docs.stripe.com/webhooks#verify-official-libraries, generateTestHeaderString).
  it("verifies a header made by stripe-node's generateTestHeaderString", async () => {
    const payload = JSON.stringify({ id: 'evt_1', object: 'event', type: 'invoice.paid' })
    const timestamp = Math.floor(Date.now() / 1000)
    const headerValue = stripeClient.webhooks.generateTestHeaderString({ payload, secret: SECRET, timestamp })
    const req = request({ headers: { 'Stripe-Signature': headerValue }, body: payload })
    expect(await stripe.verify(req, context([SECRET], { now: new Date(timestamp * 1000) }))).toEqual({ ok: true })
  })

  it('signs what stripe-node constructEvent accepts', async () => {
    const payload = JSON.stringify({ id: 'evt_2', object: 'event', type: 'payment_intent.succeeded', data: {} })
    const signed = await signer(stripe)({
      body: enc(payload),
      secret: SECRET,
      url: new URL('https://x.example/'),
      now: new Date(),
      deliveryId: 'evt_2',
      eventName: 'payment_intent.succeeded',
    })
    const event = stripeClient.webhooks.constructEvent(payload, signed.headers['Stripe-Signature'] ?? '', SECRET)
    expect(event.id).toBe('evt_2')
  })

  it('checks every v1: one matching signature among several verifies; v0 alone does not', async () => {
    const payload = '{"id":"evt_3","type":"invoice.paid"}'
    const t = Math.floor(Date.now() / 1000)
    const good = stripeClient.webhooks.generateTestHeaderString({ payload, secret: SECRET, timestamp: t })
    const goodV1 = good.split(',v1=')[1] ?? ''
    const now = new Date(t * 1000)
    const several = `t=${t},v1=${'0'.repeat(64)},v1=${goodV1},v0=${'1'.repeat(64)}`
    expect(
      await stripe.verify(
        request({ headers: { 'Stripe-Signature': several }, body: payload }),
        context([SECRET], { now }),
      ),
    ).toEqual({
      ok: true,
    })
    const v0Only = `t=${t},v0=${goodV1}`
    const result = await stripe.verify(
      request({ headers: { 'Stripe-Signature': v0Only }, body: payload }),
      context([SECRET], { now }),
    )
    expect(result).toEqual({ ok: false, reason: 'malformed Stripe-Signature header' })
  })

  it('reads the event id and type from the body', () => {
    const req = request({})
    expect(stripe.deliveryId(req, { id: 'evt_1NG8Du2eZvKYlo2CUI79vXWy', type: 'invoice.paid' })).toBe(
      'evt_1NG8Du2eZvKYlo2CUI79vXWy',
    )
    expect(stripe.eventName(req, { id: 'evt_1', type: 'invoice.paid' })).toBe('invoice.paid')
  })

  it('the secret form: whsec_…', () => {
    expect(stripe.secret.validate('whsec_1234567890abcdefABCDEF')).toBeNull()
    expect(stripe.secret.validate('sk_live_1234567890abcdef')).toMatch(/whsec_/)
  })
})

schemeContract(stripe, {
  body: JSON.stringify({ id: 'evt_9', object: 'event', type: 'invoice.paid', data: { object: { id: 'in_1' } } }),
  eventName: 'invoice.paid',
  required: ['Stripe-Signature'],
  timestamped: true,
})
