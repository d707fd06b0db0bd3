import { HttpResponse, http } from 'msw'
import { describe, expect, it } from 'vitest'
import { createWebhookClient, MAX_GRACE_SECONDS, type WebhookClientOptions } from '../../src/core/client'
import { API, failure, setupMswServer } from '../support/msw'
import { makeExecution, makeWebhook } from './fixtures'

const server = setupMswServer()
const client = (options: WebhookClientOptions = {}) =>
  createWebhookClient({ apiUrl: API, retry: { baseDelayMs: 1, maxDelayMs: 5 }, ...options })

const signing = {
  scheme: 'stripe',
  label: 'Stripe (Stripe-Signature)',
  source: 'provider',
  form_hint: 'starts with whsec_',
  secret_set: true,
  previous_expires_at: null,
} as const
const EXPIRES = '2026-12-06T15:00:00.000Z'

describe('signing secrets in the client', () => {
  describe('the signing field of a webhook', () => {
    it('is typed and kept when the server sends it', async () => {
      server.use(http.get(`${API}/wh_1`, () => HttpResponse.json({ webhook: makeWebhook({ id: 'wh_1', signing }) })))
      const webhook = await client().getWebhook('wh_1')
      const source: 'generated' | 'provider' | 'handshake' | 'host-verifier' | 'url-token' | undefined =
        webhook.signing?.source
      expect(source).toBe('provider')
      expect(webhook.signing).toEqual(signing)
    })

    it('is optional (generated rows and older servers have none)', async () => {
      server.use(http.get(`${API}/wh_1`, () => HttpResponse.json({ webhook: makeWebhook({ id: 'wh_1' }) })))
      expect((await client().getWebhook('wh_1')).signing).toBeUndefined()
    })

    it('makes the row invalid when malformed (reported, the other rows kept)', async () => {
      server.use(
        http.get(API, () =>
          HttpResponse.json({
            webhooks: [{ ...makeWebhook({ id: 'a' }), signing: { source: 42 } }, makeWebhook({ id: 'b', signing })],
          }),
        ),
      )
      const list = await client().listWebhooks()
      expect(list.webhooks.map((w) => w.id)).toEqual(['b'])
      expect(list.invalid.map((row) => row.id)).toEqual(['a'])
    })

    it('keeps the delivery fields of an execution typed', async () => {
      const execution = makeExecution({ id: 'ex_2', webhook_id: 'wh_1' })
      server.use(
        http.post(`${API}/executions/wh_1/ex_1/retry`, () =>
          HttpResponse.json(
            {
              execution: {
                ...execution,
                provider_event_id: 'd-1',
                attempt: 2,
                retry_of: 'ex_1',
                payload_truncated: false,
              },
            },
            { status: 202 },
          ),
        ),
      )
      const retried = await client().retryExecution('wh_1', 'ex_1')
      const retryOf: string | null | undefined = retried.retry_of
      expect(retryOf).toBe('ex_1')
      expect(retried).toMatchObject({ provider_event_id: 'd-1', attempt: 2, payload_truncated: false })
    })
  })

  describe('revealSecret', () => {
    it('GETs {apiUrl}/{id}/secret and returns { secret, previous_expires_at }', async () => {
      server.use(
        http.get(`${API}/wh_1/secret`, () => HttpResponse.json({ secret: 's3cr3t', previous_expires_at: EXPIRES })),
      )
      expect(await client().revealSecret('wh_1')).toEqual({ secret: 's3cr3t', previous_expires_at: EXPIRES })
    })

    it('returns a null secret while none is set', async () => {
      server.use(http.get(`${API}/wh_1/secret`, () => HttpResponse.json({ secret: null, previous_expires_at: null })))
      expect((await client().revealSecret('wh_1')).secret).toBeNull()
    })

    it('maps 404 to not-found', async () => {
      server.use(
        http.get(`${API}/wh_1/secret`, () =>
          HttpResponse.json({ error: 'Webhook not found', code: 'not_found' }, { status: 404 }),
        ),
      )
      expect(await failure(client().revealSecret('wh_1'))).toMatchObject({ kind: 'not-found', code: 'not_found' })
    })

    it('retries a 503 (a read) and then succeeds', async () => {
      let count = 0
      server.use(
        http.get(`${API}/wh_1/secret`, () =>
          ++count === 1
            ? HttpResponse.json({ error: 'busy' }, { status: 503 })
            : HttpResponse.json({ secret: 'x', previous_expires_at: null }),
        ),
      )
      expect((await client().revealSecret('wh_1')).secret).toBe('x')
      expect(count).toBe(2)
    })

    it('rejects a malformed body as invalid-response with issues', async () => {
      server.use(http.get(`${API}/wh_1/secret`, () => HttpResponse.json({ secret: 42 })))
      const error = await failure(client().revealSecret('wh_1'))
      expect(error.kind).toBe('invalid-response')
      expect(error.issues.join('\n')).toMatch(/secret/)
    })

    it('maps a network failure to network', async () => {
      server.use(http.get(`${API}/wh_1/secret`, () => HttpResponse.error()))
      expect((await failure(client({ retry: false }).revealSecret('wh_1'))).kind).toBe('network')
    })
  })

  describe('setSecret', () => {
    it('PUTs { secret, grace_seconds } and returns the webhook', async () => {
      let body: unknown
      let method = ''
      server.use(
        http.put(`${API}/wh_1/secret`, async ({ request }) => {
          method = request.method
          body = await request.json()
          return HttpResponse.json({ webhook: makeWebhook({ id: 'wh_1', signing }) })
        }),
      )
      const webhook = await client().setSecret('wh_1', 'whsec_abc', { graceSeconds: 3600 })
      expect(method).toBe('PUT')
      expect(body).toEqual({ secret: 'whsec_abc', grace_seconds: 3600 })
      expect(webhook.signing?.secret_set).toBe(true)
    })

    it('sends no grace_seconds when none is given', async () => {
      let body: unknown
      server.use(
        http.put(`${API}/wh_1/secret`, async ({ request }) => {
          body = await request.json()
          return HttpResponse.json({ webhook: makeWebhook({ id: 'wh_1' }) })
        }),
      )
      await client().setSecret('wh_1', 'whsec_abc')
      expect(body).toEqual({ secret: 'whsec_abc' })
    })

    it("keeps the server's code and sentence of a 400 invalid_secret", async () => {
      const sentence = 'This is not a Stripe (Stripe-Signature) secret: expected starts with whsec_'
      server.use(
        http.put(`${API}/wh_1/secret`, () =>
          HttpResponse.json(
            { error: sentence, code: 'invalid_secret', issues: ['secret: expected starts with whsec_'] },
            { status: 400 },
          ),
        ),
      )
      expect(await failure(client().setSecret('wh_1', 'nope'))).toMatchObject({
        kind: 'bad-request',
        status: 400,
        code: 'invalid_secret',
        serverMessage: sentence,
        issues: ['secret: expected starts with whsec_'],
      })
    })

    it('maps 404 to not-found', async () => {
      server.use(http.put(`${API}/wh_1/secret`, () => HttpResponse.json({ error: 'gone' }, { status: 404 })))
      expect((await failure(client().setSecret('wh_1', 'whsec_abc'))).kind).toBe('not-found')
    })

    it('is not repeated after a 500 when a grace period is asked (a repeat would drop the old secret)', async () => {
      let count = 0
      server.use(
        http.put(`${API}/wh_1/secret`, () => {
          count++
          return HttpResponse.json({ error: 'boom' }, { status: 500 })
        }),
      )
      expect((await failure(client().setSecret('wh_1', 'whsec_abc', { graceSeconds: 60 }))).kind).toBe('server')
      expect(count).toBe(1)
    })

    it('rejects a blank secret and a bad grace period without a request', async () => {
      await expect(client().setSecret('wh_1', '  ')).rejects.toThrow(TypeError)
      await expect(client().setSecret('wh_1', 'x', { graceSeconds: -1 })).rejects.toThrow(/graceSeconds/)
      await expect(client().setSecret('wh_1', 'x', { graceSeconds: MAX_GRACE_SECONDS + 1 })).rejects.toThrow(
        /graceSeconds/,
      )
      await expect(client().setSecret('wh_1', 'x', { graceSeconds: 1.5 })).rejects.toThrow(/graceSeconds/)
    })
  })

  describe('rotateSecret', () => {
    it('POSTs { grace_seconds } to {apiUrl}/{id}/secret/rotate and returns the new secret', async () => {
      let body: unknown
      server.use(
        http.post(`${API}/wh_1/secret/rotate`, async ({ request }) => {
          body = await request.json()
          return HttpResponse.json({ secret: 'new', previous_expires_at: EXPIRES })
        }),
      )
      expect(await client().rotateSecret('wh_1', { graceSeconds: 86400 })).toEqual({
        secret: 'new',
        previous_expires_at: EXPIRES,
      })
      expect(body).toEqual({ grace_seconds: 86400 })
    })

    it('sends {} for an immediate rotation', async () => {
      let body: unknown
      server.use(
        http.post(`${API}/wh_1/secret/rotate`, async ({ request }) => {
          body = await request.json()
          return HttpResponse.json({ secret: 'new', previous_expires_at: null })
        }),
      )
      await client().rotateSecret('wh_1')
      expect(body).toEqual({})
    })

    it('maps 409 not_rotatable to conflict with the code and sentence', async () => {
      server.use(
        http.post(`${API}/wh_1/secret/rotate`, () =>
          HttpResponse.json(
            { error: "Stripe issues this secret: roll it in Stripe's settings", code: 'not_rotatable' },
            { status: 409 },
          ),
        ),
      )
      expect(await failure(client().rotateSecret('wh_1'))).toMatchObject({
        kind: 'conflict',
        code: 'not_rotatable',
        serverMessage: "Stripe issues this secret: roll it in Stripe's settings",
      })
    })

    it('is never repeated after a 503', async () => {
      let count = 0
      server.use(
        http.post(`${API}/wh_1/secret/rotate`, () => {
          count++
          return HttpResponse.json({ error: 'busy' }, { status: 503 })
        }),
      )
      expect((await failure(client().rotateSecret('wh_1'))).kind).toBe('server')
      expect(count).toBe(1)
    })

    it('maps a 400 invalid_body (grace out of range on the server) to bad-request', async () => {
      server.use(
        http.post(`${API}/wh_1/secret/rotate`, () =>
          HttpResponse.json({ error: 'The request body is not valid', code: 'invalid_body' }, { status: 400 }),
        ),
      )
      expect((await failure(client().rotateSecret('wh_1'))).code).toBe('invalid_body')
    })
  })

  describe('sendTest without a secret', () => {
    it('maps 409 secret_required and cannot_sign to conflict with their codes', async () => {
      for (const code of ['secret_required', 'cannot_sign']) {
        server.use(
          http.post(`${API}/wh_1/test`, () => HttpResponse.json({ error: `why: ${code}`, code }, { status: 409 })),
        )
        expect(await failure(client().sendTest('wh_1'))).toMatchObject({
          kind: 'conflict',
          code,
          serverMessage: `why: ${code}`,
        })
      }
    })
  })

  it('uses overridden routes', async () => {
    const seen: string[] = []
    server.use(
      http.all(`${API}/*`, ({ request }) => {
        seen.push(`${request.method} ${new URL(request.url).pathname}`)
        return HttpResponse.json({ secret: 'x', previous_expires_at: null })
      }),
    )
    const c = client({ routes: { secret: (id) => `keys/${id}`, rotateSecret: (id) => `keys/${id}/roll` } })
    await c.revealSecret('wh_1')
    await c.rotateSecret('wh_1')
    expect(seen).toEqual(['GET /api/integration-webhooks/keys/wh_1', 'POST /api/integration-webhooks/keys/wh_1/roll'])
  })
})
