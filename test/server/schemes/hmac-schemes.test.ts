// The schemes that sign the body with one HMAC header, beyond the first four: the contract
// table for each, then what is particular to each (handshakes, header forms, names).

import { describe, expect, it } from 'vitest'
import { airtable } from '../../../src/server/schemes/airtable'
import { hmac, toBase64, toHex } from '../../../src/server/schemes/crypto'
import { dropbox } from '../../../src/server/schemes/dropbox'
import { linkedin } from '../../../src/server/schemes/linkedin'
import { meta } from '../../../src/server/schemes/meta'
import { notion } from '../../../src/server/schemes/notion'
import { shopify } from '../../../src/server/schemes/shopify'
import { tiktok } from '../../../src/server/schemes/tiktok'
import { websub } from '../../../src/server/schemes/websub'
import { x } from '../../../src/server/schemes/x'
import { context, enc, handshaker, request, schemeContract, signer, URL_ } from './contract'

const json = (value: unknown) => JSON.stringify(value)

schemeContract(shopify, {
  body: json({ id: 820982911946154500, email: 'jon@example.com', total_price: '403.00' }),
  eventName: 'orders/create',
  required: ['X-Shopify-Hmac-Sha256'],
  timestamped: false,
})
schemeContract(meta, {
  body: json({ object: 'page', entry: [{ id: '0', time: 1733400000, changes: [{ field: 'feed', value: {} }] }] }),
  eventName: 'feed',
  required: ['X-Hub-Signature-256'],
  timestamped: false,
})
schemeContract(dropbox, {
  body: json({ list_folder: { accounts: ['dbid:AAH4f99T0taONIb-OurWxbNQ6ywGRopQngc'] }, delta: { users: [12345678] } }),
  eventName: 'list_folder',
  required: ['X-Dropbox-Signature'],
  timestamped: false,
  secrets: () => ['abcdefghij0123456', 'zyxwvutsrq9876543'],
})
schemeContract(websub, {
  body: '<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom"><entry><yt:videoId>VIDEO_ID</yt:videoId></entry></feed>',
  eventName: 'Atom entry (new video)',
  required: ['X-Hub-Signature'],
  timestamped: false,
})
schemeContract(x, {
  body: json({ for_user_id: '2244994945', tweet_create_events: [{ id_str: '1' }] }),
  eventName: 'tweet_create_events',
  required: ['x-twitter-webhooks-signature'],
  timestamped: false,
  secrets: () => ['A'.repeat(20) + 'b'.repeat(30), 'C'.repeat(50)],
})
schemeContract(linkedin, {
  body: json({
    type: 'ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS',
    notifications: [{ action: 'COMMENT', notificationId: 1 }],
  }),
  eventName: 'COMMENT',
  required: ['X-LI-Signature'],
  timestamped: false,
})
schemeContract(tiktok, {
  body: json({
    client_key: 'bwo2m45353a6k85',
    event: 'post.publish.complete',
    create_time: 1733400000,
    user_openid: 'act.1',
    content: '{}',
  }),
  eventName: 'post.publish.complete',
  required: ['TikTok-Signature'],
  timestamped: true,
})
schemeContract(notion, {
  body: json({ id: '367cba44-b6f3-4c92-81e7-6a2e9659efd4', type: 'page.created', entity: { id: 'p', type: 'page' } }),
  eventName: 'page.created',
  required: ['X-Notion-Signature'],
  timestamped: false,
})
schemeContract(airtable, {
  body: json({ base: { id: 'appXXX' }, webhook: { id: 'achYYY' }, timestamp: '2026-12-05T14:00:00.000Z' }),
  eventName: 'ping',
  required: ['X-Airtable-Content-MAC'],
  timestamped: false,
})

describe('shopify', () => {
  it('reads the webhook id and the topic', () => {
    const req = request({
      headers: { 'X-Shopify-Webhook-Id': 'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043', 'X-Shopify-Topic': 'orders/create' },
    })
    expect(shopify.deliveryId(req, {})).toBe('b54557e4-bdd9-4b37-8a5f-bf7d70bcd043')
    expect(shopify.eventName(req, {})).toBe('orders/create')
  })
  it('compares base64 digests as bytes (the same digest without padding verifies; hex does not)', async () => {
    const secret = 'shpss_0123456789abcdef0123456789abcdef'
    const body = '{"id":1}'
    const digest = await hmac('SHA-256', secret, body)
    const ok = request({ headers: { 'X-Shopify-Hmac-Sha256': toBase64(digest).replace(/=+$/, '') }, body })
    expect(await shopify.verify(ok, context([secret]))).toEqual({ ok: true })
    const hex = request({ headers: { 'X-Shopify-Hmac-Sha256': toHex(digest) }, body })
    expect((await shopify.verify(hex, context([secret]))).ok).toBe(false)
  })
})

describe('meta', () => {
  const url = (query: string) => new URL(`${URL_.href}?${query}`)
  const config = { verify_token: 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718' }
  it('GET hub.challenge is echoed when hub.verify_token equals config.verify_token; refused otherwise', async () => {
    const ok = request({
      method: 'GET',
      url: url(`hub.mode=subscribe&hub.verify_token=${config.verify_token}&hub.challenge=1158201444`),
    })
    expect(await handshaker(meta)(ok, context([], { config }))).toEqual({
      status: 200,
      body: '1158201444',
      contentType: 'text/plain; charset=utf-8',
    })
    const wrong = request({
      method: 'GET',
      url: url('hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1158201444'),
    })
    const refused = await handshaker(meta)(wrong, context([], { config }))
    expect(refused?.status).toBe(403)
    expect(refused?.body).not.toContain(config.verify_token)
    expect((await handshaker(meta)(ok, context([], { config: {} })))?.status).toBe(403)
    expect(await handshaker(meta)(request({ method: 'GET' }), context([], { config }))).toBeNull()
    expect(await handshaker(meta)(request({ method: 'POST', url: ok.url }), context([], { config }))).toBeNull()
  })
  it('makes a verify token at creation', () => {
    const made = meta.initialConfig?.()
    expect(made?.verify_token).toMatch(/^[0-9a-f]{48}$/)
    expect(meta.initialConfig?.().verify_token).not.toBe(made?.verify_token)
  })
  it('names events by changed field, or messages', () => {
    const req = request({})
    expect(meta.eventName(req, { object: 'instagram', entry: [{ changes: [{ field: 'comments' }] }] })).toBe('comments')
    expect(meta.eventName(req, { object: 'page', entry: [{ messaging: [{}] }] })).toBe('messages')
  })
})

describe('dropbox', () => {
  it('GET challenge is echoed as text/plain with nosniff', async () => {
    const req = request({ method: 'GET', url: `${URL_.href}?challenge=Qkcz9HlW8j4QhAnWUNLR` })
    expect(await handshaker(dropbox)(req, context([]))).toEqual({
      status: 200,
      body: 'Qkcz9HlW8j4QhAnWUNLR',
      contentType: 'text/plain',
      headers: { 'X-Content-Type-Options': 'nosniff' },
    })
    expect(await handshaker(dropbox)(request({ method: 'GET' }), context([]))).toBeNull()
  })
})

describe('websub (YouTube)', () => {
  it('GET hub.challenge is echoed for subscribe and unsubscribe; another topic is refused when one is set', async () => {
    const topic = 'https://www.youtube.com/xml/feeds/videos.xml?channel_id=UC_x5XG1OV2P6uZZ5FSM9Ttw'
    const url = (mode: string, t = topic) =>
      `${URL_.href}?hub.mode=${mode}&hub.topic=${encodeURIComponent(t)}&hub.challenge=14011967&hub.lease_seconds=432000`
    for (const mode of ['subscribe', 'unsubscribe']) {
      const result = await handshaker(websub)(
        request({ method: 'GET', url: url(mode) }),
        context([], { config: { topic } }),
      )
      expect(result).toMatchObject({ status: 200, body: '14011967' })
    }
    const other = await handshaker(websub)(
      request({ method: 'GET', url: url('subscribe', 'https://evil.example/') }),
      context([], { config: { topic } }),
    )
    expect(other?.status).toBe(404)
    expect(await handshaker(websub)(request({ method: 'GET', url: url('denied') }), context([]))).toBeNull()
  })
  it('accepts the sha256 form too, and tells new videos from updates', async () => {
    const secret = websub.secret.generate()
    const body =
      '<feed><entry><yt:videoId>v1</yt:videoId><published>2026-12-05T13:59:00+00:00</published><updated>2026-12-05T14:00:00+00:00</updated></entry></feed>'
    const digest = toHex(await hmac('SHA-256', secret, body))
    const req = request({ headers: { 'X-Hub-Signature': `sha256=${digest}` }, body })
    expect(await websub.verify(req, context([secret]))).toEqual({ ok: true })
    expect(websub.eventName(req, null)).toBe('Atom entry (new video)')
    expect(websub.deliveryId(req, null)).toBe('v1@2026-12-05T14:00:00+00:00')
    const updated = request({ body: body.replace('2026-12-05T13:59', '2026-11-01T10:00') })
    expect(websub.eventName(updated, null)).toBe('Atom entry (title/description)')
  })
})

describe('x (Twitter)', () => {
  it('CRC: response_token is sha256= base64 HMAC of crc_token with the consumer secret', async () => {
    const secret = 'C'.repeat(50)
    const req = request({ method: 'GET', url: `${URL_.href}?crc_token=challenge-abc&nonce=1` })
    const result = await handshaker(x)(req, context([secret]))
    const expected = `sha256=${toBase64(await hmac('SHA-256', secret, 'challenge-abc'))}`
    expect(result).toEqual({
      status: 200,
      body: JSON.stringify({ response_token: expected }),
      contentType: 'application/json',
    })
    expect(await handshaker(x)(req, context([]))).toBeNull()
  })
})

describe('linkedin', () => {
  it('GET challengeCode: challengeResponse is the hex HMAC of the code with the client secret', async () => {
    const secret = linkedin.secret.generate()
    const code = '890e4665-4dfe-4ab1-b689-ed553bceeed0'
    const result = await handshaker(linkedin)(
      request({ method: 'GET', url: `${URL_.href}?challengeCode=${code}` }),
      context([secret]),
    )
    expect(JSON.parse(result?.body ?? '')).toEqual({
      challengeCode: code,
      challengeResponse: toHex(await hmac('SHA-256', secret, code)),
    })
  })
  it('accepts a header with the hmacsha256= prefix and a digest of the bare body', async () => {
    const secret = linkedin.secret.generate()
    const body = '{"type":"X"}'
    const req = request({
      headers: { 'X-LI-Signature': `hmacsha256=${toHex(await hmac('SHA-256', secret, body))}` },
      body,
    })
    expect(await linkedin.verify(req, context([secret]))).toEqual({ ok: true })
  })
})

describe('tiktok', () => {
  it('reads the documented header form (t=…,s=…)', async () => {
    const secret = tiktok.secret.generate()
    const body = '{"event":"post.publish.complete"}'
    const t = String(Math.floor(Date.now() / 1000))
    const s = toHex(await hmac('SHA-256', secret, `${t}.${body}`))
    const req = request({ headers: { 'Tiktok-Signature': `t=${t},s=${s}` }, body })
    expect(await tiktok.verify(req, context([secret], { now: new Date() }))).toEqual({ ok: true })
  })
})

describe('notion', () => {
  const token = 'secret_tMrlL1qK5vuQAh1b6cZGhFChZTSYJlce98V0pYn7yBl'
  const first = request({ body: json({ verification_token: token }) })
  it('the first unsigned POST with verification_token is answered 200 and its token stored', async () => {
    expect(await handshaker(notion)(first, context([]))).toEqual({ status: 200, storeSecret: token })
  })
  it('once a token is stored, another is not taken (the receiver then refuses it unsigned)', async () => {
    expect(await handshaker(notion)(first, context([token]))).toBeNull()
    expect((await notion.verify(first, context([token]))).ok).toBe(false)
  })
  it('an event is not a handshake, nor a body with more than the token', async () => {
    expect(
      await handshaker(notion)(
        request({ body: json({ verification_token: token, type: 'page.created' }) }),
        context([]),
      ),
    ).toBeNull()
    expect(await handshaker(notion)(request({ body: json({ type: 'page.created' }) }), context([]))).toBeNull()
    expect(await handshaker(notion)(request({ body: 'not json' }), context([]))).toBeNull()
  })
  it('signs with the stored token', async () => {
    const body = json({ id: 'e1', type: 'comment.created' })
    const signed = await signer(notion)({
      body: enc(body),
      secret: token,
      url: URL_,
      now: new Date(),
      deliveryId: 'e1',
      eventName: '',
    })
    expect(await notion.verify(request({ headers: signed.headers, body }), context([token]))).toEqual({ ok: true })
    expect(notion.deliveryId(request({}), JSON.parse(body))).toBe('e1')
  })
})

describe('airtable', () => {
  it('the key is the base64-decoded macSecretBase64, not its text', async () => {
    const secret = airtable.secret.generate()
    const body = json({ base: { id: 'app1' }, webhook: { id: 'ach1' }, timestamp: '2026-12-05T14:00:00.000Z' })
    const asText = toHex(await hmac('SHA-256', secret, body))
    const req = request({ headers: { 'X-Airtable-Content-MAC': `hmac-sha256=${asText}` }, body })
    expect((await airtable.verify(req, context([secret]))).ok).toBe(false)
    expect(airtable.deliveryId(req, JSON.parse(body))).toBe('ach1:2026-12-05T14:00:00.000Z')
  })
})
