// Trello (body + callback URL), HubSpot v3 (method + URI + body + timestamp), Box (two
// headers, two keys, a delivery timestamp) and Discord (Ed25519).

import { verifyKey } from 'discord-interactions'
import { describe, expect, it } from 'vitest'
import { box } from '../../../src/server/schemes/box'
import { concat, hmac, toBase64, toHex } from '../../../src/server/schemes/crypto'
import { discord } from '../../../src/server/schemes/discord'
import { hubspot, hubspotUri } from '../../../src/server/schemes/hubspot'
import { trello } from '../../../src/server/schemes/trello'
import { context, enc, handshaker, NOW, request, type Signer, schemeContract, URL_ } from './contract'

schemeContract(trello, {
  body: JSON.stringify({ action: { id: '5f1', type: 'createCard', data: { card: { name: 'Ünïcödé – card' } } } }),
  eventName: 'createCard',
  required: ['X-Trello-Webhook'],
  timestamped: false,
})
schemeContract(hubspot, {
  body: JSON.stringify([
    { eventId: 100, subscriptionType: 'contact.creation', objectId: 123, occurredAt: 1733400000000 },
  ]),
  eventName: 'contact.creation',
  required: ['X-HubSpot-Signature-v3', 'X-HubSpot-Request-Timestamp'],
  timestamped: true,
})
schemeContract(box, {
  body: JSON.stringify({
    type: 'webhook_event',
    id: 'e1',
    trigger: 'FILE.UPLOADED',
    source: { id: '1', type: 'file' },
  }),
  eventName: 'FILE.UPLOADED',
  required: ['box-delivery-timestamp'],
  timestamped: true,
})

// Discord: we hold only the public key; the test holds the private key and signs as Discord does.
const keys = new Map<string, CryptoKey>()
async function keyPair(): Promise<string> {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair
  const publicHex = toHex(new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey)))
  keys.set(publicHex, pair.privateKey)
  return publicHex
}
const discordSigner: Signer = async ({ body, secret, now }) => {
  const key = keys.get(secret)
  if (!key) throw new Error('no private key for this public key')
  const timestamp = String(Math.floor(now.getTime() / 1000))
  const signature = new Uint8Array(
    await crypto.subtle.sign({ name: 'Ed25519' }, key, concat(timestamp, body) as BufferSource),
  )
  return { headers: { 'X-Signature-Ed25519': toHex(signature), 'X-Signature-Timestamp': timestamp } }
}
const discordPairs: [string, string][] = []
schemeContract(discord, {
  body: JSON.stringify({ id: '786008729715212338', type: 2, token: 'A_UNIQUE_TOKEN', data: { name: 'cardsearch' } }),
  eventName: 'APPLICATION_COMMAND interaction',
  required: ['X-Signature-Ed25519', 'X-Signature-Timestamp'],
  timestamped: true,
  signer: discordSigner,
  secrets: () => {
    const pair = discordPairs.shift()
    if (!pair) throw new Error('make the key pairs first')
    return pair
  },
  numRuns: 25,
})

describe('discord', () => {
  it('PING (interaction) → {"type":1}, webhook-event PING → 204, each only once verified', async () => {
    const publicKey = await keyPair()
    const ping = JSON.stringify({ id: '1', type: 1, token: 't', application_id: '2', version: 1 })
    const signed = await discordSigner({
      body: enc(ping),
      secret: publicKey,
      url: URL_,
      now: NOW,
      deliveryId: '',
      eventName: '',
    })
    const req = request({ headers: signed.headers, body: ping })
    expect(await handshaker(discord)(req, context([publicKey]))).toEqual({
      status: 200,
      body: '{"type":1}',
      contentType: 'application/json',
    })
    expect(await handshaker(discord)(request({ body: ping }), context([publicKey]))).toBeNull()
    expect(await handshaker(discord)(req, context([await keyPair()]))).toBeNull()

    const eventPing = JSON.stringify({ version: 1, application_id: '2', type: 0 })
    const signedEvent = await discordSigner({
      body: enc(eventPing),
      secret: publicKey,
      url: URL_,
      now: NOW,
      deliveryId: '',
      eventName: '',
    })
    expect(
      await handshaker(discord)(request({ headers: signedEvent.headers, body: eventPing }), context([publicKey])),
    ).toEqual({ status: 204 })
  })
  it('agrees with discord-interactions verifyKey (signed, tampered, other key)', async () => {
    const publicKey = await keyPair()
    const body = JSON.stringify({ id: '3', type: 2, token: 't', data: { name: 'blep' } })
    const signed = await discordSigner({
      body: enc(body),
      secret: publicKey,
      url: URL_,
      now: NOW,
      deliveryId: '',
      eventName: '',
    })
    const signature = signed.headers['X-Signature-Ed25519'] ?? ''
    const timestamp = signed.headers['X-Signature-Timestamp'] ?? ''
    const cases: [string, string][] = [
      [body, publicKey],
      [`${body} `, publicKey],
      [body, await keyPair()],
    ]
    for (const [sent, key] of cases) {
      const theirs = await verifyKey(sent, signature, timestamp, key)
      const ours = await discord.verify(request({ headers: signed.headers, body: sent }), context([key]))
      expect(ours.ok).toBe(theirs)
    }
    expect(await verifyKey(body, signature, timestamp, publicKey)).toBe(true)
  })

  it('names webhook events by their type; a malformed public key is refused with a reason', async () => {
    const authorized = { version: 1, application_id: '2', type: 1, event: { type: 'APPLICATION_AUTHORIZED', data: {} } }
    expect(discord.eventName(request({}), authorized)).toBe('APPLICATION_AUTHORIZED')
    expect(discord.deliveryId(request({}), authorized)).toBeNull()
    const publicKey = await keyPair()
    const signed = await discordSigner({
      body: enc('{}'),
      secret: publicKey,
      url: URL_,
      now: NOW,
      deliveryId: '',
      eventName: '',
    })
    const result = await discord.verify(request({ headers: signed.headers, body: '{}' }), context(['not-a-key']))
    expect(result).toEqual({
      ok: false,
      reason: 'the public key set for this webhook is not 64 hexadecimal characters',
    })
    expect(discord.sign).toBeUndefined()
  })
})

// The contract's Discord suite takes its key pairs from here, made before the suites run.
await Promise.all(Array.from({ length: 12 }, async () => discordPairs.push([await keyPair(), await keyPair()])))

describe('trello', () => {
  it('signs the body followed by the callback URL; HEAD is answered 200', async () => {
    const secret = trello.secret.generate()
    const body = '{"action":{"id":"1","type":"updateCard"}}'
    const digest = toBase64(await hmac('SHA-1', secret, body + URL_.href))
    expect(await trello.verify(request({ headers: { 'X-Trello-Webhook': digest }, body }), context([secret]))).toEqual({
      ok: true,
    })
    const elsewhere = request({ url: 'https://other.example/receive/x', headers: { 'X-Trello-Webhook': digest }, body })
    expect((await trello.verify(elsewhere, context([secret]))).ok).toBe(false)
    // The URL Trello was given, when the host registered another spelling of it.
    expect(await trello.verify(elsewhere, context([secret], { config: { callback_url: URL_.href } }))).toEqual({
      ok: true,
    })
    expect(await handshaker(trello)(request({ method: 'HEAD' }), context([]))).toEqual({ status: 200 })
    expect(await handshaker(trello)(request({ method: 'POST' }), context([]))).toBeNull()
  })
  it('accepts the "binary" (low 8 bits) encoding Trello documents for non-ASCII text', async () => {
    const secret = trello.secret.generate()
    const body = '{"action":{"type":"commentCard","data":{"text":"a – b"}}}'
    const latin = Uint8Array.from(body + URL_.href, (c) => c.charCodeAt(0) & 0xff)
    const digest = toBase64(await hmac('SHA-1', secret, latin))
    expect(await trello.verify(request({ headers: { 'X-Trello-Webhook': digest }, body }), context([secret]))).toEqual({
      ok: true,
    })
  })
})

describe('hubspot', () => {
  it('signs method + URI + body + timestamp (ms), with the listed percent-encodings decoded', async () => {
    const secret = hubspot.secret.generate()
    const url = new URL('https://hooks.example.com/receive/tok?a=%3A%2F%40&b=%20')
    expect(hubspotUri(url)).toBe('https://hooks.example.com/receive/tok?a=:/@&b=%20')
    const body = '[{"eventId":1,"subscriptionType":"deal.creation"}]'
    const timestamp = String(NOW.getTime())
    const signature = toBase64(await hmac('SHA-256', secret, `POST${hubspotUri(url)}${body}${timestamp}`))
    const req = request({
      url,
      headers: { 'X-HubSpot-Signature-v3': signature, 'X-HubSpot-Request-Timestamp': timestamp },
      body,
    })
    expect(await hubspot.verify(req, context([secret]))).toEqual({ ok: true })
    expect((await hubspot.verify({ ...req, method: 'PUT' }, context([secret]))).ok).toBe(false)
    expect(hubspot.deliveryId(req, JSON.parse(body))).toBe('1')
    expect(hubspot.deliveryId(req, [{ eventId: 1 }, { eventId: 2 }])).toBe('1+1')
    expect(hubspot.eventName(req, JSON.parse(body))).toBe('deal.creation')
  })
})

describe('box', () => {
  it('either header verifies with either key (primary and secondary keys in rotation)', async () => {
    const [primaryKey, secondaryKey] = [box.secret.generate(), box.secret.generate()]
    const body = '{"trigger":"FILE.TRASHED"}'
    const timestamp = '2026-12-05T13:59:00-08:00'
    const at = new Date(Date.parse(timestamp))
    const sig = async (key: string) => toBase64(await hmac('SHA-256', key, body + timestamp))
    const headers = (primary: string, secondary: string) => ({
      'box-delivery-id': 'f96bb54b-ee16-4fc5-aa65-8c2d9e5b546f',
      'box-delivery-timestamp': timestamp,
      'box-signature-algorithm': 'HmacSHA256',
      'box-signature-version': '1',
      'box-signature-primary': primary,
      'box-signature-secondary': secondary,
    })
    const both = headers(await sig(primaryKey), await sig(secondaryKey))
    expect(await box.verify(request({ headers: both, body }), context([primaryKey], { now: at }))).toEqual({ ok: true })
    expect(await box.verify(request({ headers: both, body }), context([secondaryKey], { now: at }))).toEqual({
      ok: true,
    })
    const neither = headers(await sig('x'.repeat(32)), await sig('y'.repeat(32)))
    expect((await box.verify(request({ headers: neither, body }), context([primaryKey], { now: at }))).ok).toBe(false)
    const none = { 'box-delivery-timestamp': timestamp }
    expect(await box.verify(request({ headers: none, body }), context([primaryKey], { now: at }))).toEqual({
      ok: false,
      reason: 'missing box-signature-primary header',
    })
    const v2 = { ...both, 'box-signature-version': '2' }
    expect((await box.verify(request({ headers: v2, body }), context([primaryKey], { now: at }))).ok).toBe(false)
    expect(box.deliveryId(request({ headers: both }), {})).toBe('f96bb54b-ee16-4fc5-aa65-8c2d9e5b546f')
  })
})
