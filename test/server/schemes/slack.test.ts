import { describe, expect, it } from 'vitest'
import { slack } from '../../../src/server/schemes/slack'
import { context, enc, handshaker, NOW, request, schemeContract, signer } from './contract'

// https://docs.slack.dev/authentication/verifying-requests-from-slack/ — the worked example.
const DOC_SECRET = '8f742231b10e8888abcd99yyyzzz85a5'
const DOC_TIMESTAMP = '1531420618'
const DOC_BODY =
  'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c'
const DOC_SIGNATURE = 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503'
const docNow = new Date(Number(DOC_TIMESTAMP) * 1000)

describe('slack', () => {
  it("verifies Slack's published example, and signs it byte for byte", async () => {
    const req = request({
      headers: { 'X-Slack-Signature': DOC_SIGNATURE, 'X-Slack-Request-Timestamp': DOC_TIMESTAMP },
      body: DOC_BODY,
    })
    expect(await slack.verify(req, context([DOC_SECRET], { now: docNow }))).toEqual({ ok: true })
    // The same request five minutes and one second later is a replay.
    const later = await slack.verify(req, context([DOC_SECRET], { now: new Date(docNow.getTime() + 301_000) }))
    expect(later.ok).toBe(false)
    const signed = await signer(slack)({
      body: enc(DOC_BODY),
      secret: DOC_SECRET,
      url: req.url,
      now: docNow,
      deliveryId: '',
      eventName: '',
    })
    expect(signed.headers['X-Slack-Signature']).toBe(DOC_SIGNATURE)
  })

  it('url_verification: the challenge is echoed only after the request verified', async () => {
    const secret = slack.secret.generate()
    const body = JSON.stringify({
      token: 'Jhj5dZrVaK7ZwHHjRyZWjbDl',
      challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P',
      type: 'url_verification',
    })
    const signed = await signer(slack)({
      body: enc(body),
      secret,
      url: new URL('https://x.example/'),
      now: NOW,
      deliveryId: '',
      eventName: '',
    })
    const req = request({ headers: signed.headers, body })
    expect(await handshaker(slack)(req, context([secret]))).toEqual({
      status: 200,
      body: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P',
      contentType: 'text/plain; charset=utf-8',
    })
    // Unsigned, wrongly signed, or no secret yet: no handshake (the receiver's verify refuses it).
    expect(await handshaker(slack)(request({ body }), context([secret]))).toBeNull()
    expect(await handshaker(slack)(req, context([slack.secret.generate()]))).toBeNull()
    expect(await handshaker(slack)(req, context([]))).toBeNull()
    // An ordinary event is not a handshake.
    const event = JSON.stringify({ type: 'event_callback', event_id: 'Ev1', event: { type: 'reaction_added' } })
    expect(await handshaker(slack)(request({ headers: signed.headers, body: event }), context([secret]))).toBeNull()
  })

  it('reads event_id, and names events as Slack subscriptions do (message.channels, reaction_added)', () => {
    const req = request({})
    const message = {
      type: 'event_callback',
      event_id: 'Ev08MFMKH6',
      event: { type: 'message', channel_type: 'channel' },
    }
    expect(slack.deliveryId(req, message)).toBe('Ev08MFMKH6')
    expect(slack.eventName(req, message)).toBe('message.channels')
    expect(slack.eventName(req, { ...message, event: { type: 'message', channel_type: 'im' } })).toBe('message.im')
    expect(slack.eventName(req, { type: 'event_callback', event: { type: 'reaction_added' } })).toBe('reaction_added')
    expect(slack.eventName(req, { type: 'url_verification' })).toBe('url_verification')
    expect(slack.deliveryId(req, undefined)).toBeNull()
  })

  it('the secret form: 32 hexadecimal characters', () => {
    expect(slack.secret.validate('5fda67310335054b87ec6142e5f8282d')).toBeNull()
    expect(slack.secret.validate('xoxb-123')).not.toBeNull()
  })
})

schemeContract(slack, {
  body: JSON.stringify({
    type: 'event_callback',
    event_id: 'Ev1',
    event: { type: 'reaction_added', reaction: 'tada' },
  }),
  eventName: 'reaction_added',
  required: ['X-Slack-Signature', 'X-Slack-Request-Timestamp'],
  timestamped: true,
})
