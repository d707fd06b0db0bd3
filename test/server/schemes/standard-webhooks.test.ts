import { Webhook } from 'standardwebhooks'
import { describe, expect, it } from 'vitest'
import { standardWebhooks } from '../../../src/server/schemes/standard-webhooks'
import { context, enc, request, schemeContract, signer } from './contract'

// The specification's test vector (standard-webhooks/standard-webhooks, libraries' tests;
// Svix's manual-verification docs repeat it).
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'
const ID = 'msg_p5jXN8AQM9LWM0D4loKWxJek'
const TIMESTAMP = 1614265330
const PAYLOAD = '{"test": 2432232314}'
const SIGNATURE = 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE='
const at = new Date(TIMESTAMP * 1000)

const vectorHeaders = (signature = SIGNATURE) => ({
  'webhook-id': ID,
  'webhook-timestamp': String(TIMESTAMP),
  'webhook-signature': signature,
})

describe('standard-webhooks', () => {
  it("verifies the specification's test vector, and signs it byte for byte", async () => {
    const req = request({ headers: vectorHeaders(), body: PAYLOAD })
    expect(await standardWebhooks.verify(req, context([SECRET], { now: at }))).toEqual({ ok: true })
    const signed = await signer(standardWebhooks)({
      body: enc(PAYLOAD),
      secret: SECRET,
      url: req.url,
      now: at,
      deliveryId: ID,
      eventName: 'test',
    })
    expect(signed.headers['webhook-signature']).toBe(SIGNATURE)
  })

  it('the vector: a secret without whsec_, several signatures (any one), Svix headers', async () => {
    const ctx = context([SECRET.slice('whsec_'.length)], { now: at })
    expect(await standardWebhooks.verify(request({ headers: vectorHeaders(), body: PAYLOAD }), ctx)).toEqual({
      ok: true,
    })
    const several = `v1a,AAAA v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= ${SIGNATURE}`
    expect(await standardWebhooks.verify(request({ headers: vectorHeaders(several), body: PAYLOAD }), ctx)).toEqual({
      ok: true,
    })
    const svix = { 'svix-id': ID, 'svix-timestamp': String(TIMESTAMP), 'svix-signature': SIGNATURE }
    expect(await standardWebhooks.verify(request({ headers: svix, body: PAYLOAD }), ctx)).toEqual({ ok: true })
    // The vector's signature does not cover another id or timestamp.
    const otherId = request({ headers: { ...vectorHeaders(), 'webhook-id': 'msg_other' }, body: PAYLOAD })
    expect((await standardWebhooks.verify(otherId, ctx)).ok).toBe(false)
  })

  it('agrees with the standardwebhooks library both ways', async () => {
    const secret = standardWebhooks.secret.generate()
    const lib = new Webhook(secret)
    const payload = JSON.stringify({ type: 'invoice.paid', data: { id: 'in_1', note: 'ünïcödé' } })
    const now = new Date()
    const theirs = lib.sign('msg_lib', now, payload)
    const req = request({
      headers: {
        'webhook-id': 'msg_lib',
        'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
        'webhook-signature': theirs,
      },
      body: payload,
    })
    expect(await standardWebhooks.verify(req, context([secret], { now }))).toEqual({ ok: true })
    const ours = await signer(standardWebhooks)({
      body: enc(payload),
      secret,
      url: req.url,
      now,
      deliveryId: 'msg_ours',
      eventName: 'invoice.paid',
    })
    expect(lib.verify(payload, ours.headers)).toEqual(JSON.parse(payload))
  })

  it('reads the delivery id from webhook-id and the event name from the envelope type', () => {
    const req = request({ headers: vectorHeaders() })
    expect(standardWebhooks.deliveryId(req, {})).toBe(ID)
    expect(standardWebhooks.eventName(req, { type: 'user.created', data: {} })).toBe('user.created')
    expect(standardWebhooks.eventName(req, [])).toBeNull()
  })

  it('the secret form: whsec_ and 24 to 64 bytes of base64', () => {
    expect(standardWebhooks.secret.validate(SECRET)).toBeNull()
    expect(standardWebhooks.secret.validate('whsec_c2hvcnQ=')).not.toBeNull()
    expect(standardWebhooks.secret.validate('MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw')).not.toBeNull()
    expect(standardWebhooks.secret.validate('whsec_not base64!')).not.toBeNull()
  })
})

schemeContract(standardWebhooks, {
  body: JSON.stringify({ type: 'agent.completed', timestamp: '2026-12-05T14:00:00Z', data: { run: 'r_1' } }),
  eventName: 'agent.completed',
  required: ['webhook-id', 'webhook-timestamp', 'webhook-signature'],
  timestamped: true,
})
