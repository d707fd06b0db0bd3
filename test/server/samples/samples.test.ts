import { describe, expect, it } from 'vitest'
import { availableIntegrations } from '../../../src/core/catalog/builtin'
import { listSampleEvents, sampleBytes, sampleEvent } from '../../../src/server/samples/index'
import { schemeFor } from '../../../src/server/schemes/index'
import { context, request, URL_ } from '../schemes/contract'

/**
 * Provider events of the catalog that no notification can name: the provider only says
 * "something changed" (Calendar's `exists`, Gmail's history id, Airtable's ping, Dropbox's
 * account list, OneDrive's `updated`), and the host learns what from the provider's API.
 */
const notNamedByTheNotification = new Set([
  'google-calendar:exists (new)',
  'google-calendar:exists (changed)',
  'google-calendar:exists (cancelled)',
  'gmail:history (messageAdded)',
  'gmail:history (labelAdded)',
  'airtable:tableData add',
  'airtable:tableData update',
  'airtable:tableData remove',
  'dropbox:list_folder (file)',
  'dropbox:list_folder (deleted)',
  'onedrive:driveItem updated (deleted)',
])

describe('sample events', () => {
  it('every catalog entry has samples, and one per provider event its notifications can name', () => {
    const missing: string[] = []
    for (const integration of availableIntegrations) {
      const names = listSampleEvents(integration.id)
      expect(names.length, integration.id).toBeGreaterThan(0)
      for (const trigger of integration.triggers) {
        const name = trigger.providerEvent ?? trigger.event
        if (!names.includes(name)) missing.push(`${integration.id}:${name}`)
      }
    }
    expect(new Set(missing)).toEqual(notNamedByTheNotification)
  })

  it('each sample, signed with its scheme, verifies and reads back its own event name', async () => {
    for (const integration of availableIntegrations) {
      const scheme = schemeFor(integration)
      for (const name of listSampleEvents(integration.id)) {
        const sample = sampleEvent(integration.id, name)
        if (!sample) throw new Error(`${integration.id}: ${name}`)
        const json = sample.contentType === 'application/json' ? sample.body : undefined
        let req = request({ body: sampleBytes(sample), headers: { 'Content-Type': sample.contentType } })
        if (scheme.sign) {
          const secret = scheme.secret.generate()
          const signed = await scheme.sign({
            body: sampleBytes(sample),
            secret,
            url: URL_,
            now: new Date(),
            deliveryId: '42',
            eventName: sample.eventName,
          })
          req = request({ url: signed.url ?? URL_, headers: signed.headers, body: signed.body ?? sampleBytes(sample) })
          const config = scheme.initialConfig?.() ?? {}
          const verified = await scheme.verify(req, context([secret], { now: new Date(), config }))
          expect(verified, `${integration.id} ${name}`).toEqual({ ok: true })
        }
        const readBack = scheme.eventName(req, signedJson(req, json))
        expect(readBack, `${integration.id} ${name}`).toBe(sample.eventName)
      }
    }
  })

  it('two samples are two deliveries (fresh ids), and a given id and clock make the same body', () => {
    for (const integration of availableIntegrations) {
      const scheme = schemeFor(integration)
      const now = Date.now()
      const [a, b] = [
        sampleEvent(integration.id, undefined, { now: new Date(now) }),
        sampleEvent(integration.id, undefined, { now: new Date(now + 1) }),
      ]
      const idOf = (s: typeof a) => scheme.deliveryId(request({ body: sampleBytes(s ?? { body: '' }) }), s?.body)
      const first = idOf(a)
      if (first !== null) expect(idOf(b), integration.id).not.toBe(first)
      const fixed = { id: '0123456789abcdef0123456789abcdef', now: new Date('2026-12-05T14:00:00Z') }
      expect(sampleEvent(integration.id, undefined, fixed)).toEqual(sampleEvent(integration.id, undefined, fixed))
    }
  })

  it('an unknown provider gets a Standard Webhooks test event; an unknown event name gets null', () => {
    expect(listSampleEvents('my-tool')).toEqual(['test'])
    expect(sampleEvent('my-tool')).toMatchObject({
      eventName: 'test',
      body: { type: 'test' },
      contentType: 'application/json',
    })
    expect(sampleEvent('github', 'no.such.event')).toBeNull()
    expect(sampleEvent('toString')?.eventName).toBe('test')
  })

  it('main triggers come first', () => {
    expect(sampleEvent('github')?.eventName).toBe('push')
    expect(sampleEvent('stripe')?.eventName).toBe('payment_intent.succeeded')
    expect(sampleEvent('slack')?.eventName).toBe('message.channels')
    expect(sampleEvent('mailchimp')?.contentType).toBe('application/x-www-form-urlencoded')
    expect(sampleEvent('youtube')?.contentType).toBe('application/atom+xml')
  })
})

/** The JSON the receiver would parse from the request that is sent (Graph's body is rewritten by sign). */
function signedJson(req: ReturnType<typeof request>, fallback: unknown): unknown {
  if (fallback === undefined) return undefined
  try {
    return JSON.parse(new TextDecoder().decode(req.body))
  } catch {
    return fallback
  }
}
