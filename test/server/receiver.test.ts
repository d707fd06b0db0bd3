import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { schemes } from '../../src/server/schemes/index'
import { BASE, call, countRows, type OpenStore, ORIGIN, openStore, storeKinds, testServer } from './support'

const encoder = new TextEncoder()

/** A request signed the provider's way, to the webhook's receiving URL. */
async function signed(
  schemeId: string,
  url: string,
  payload: unknown,
  secret: string,
  options: { deliveryId?: string; eventName?: string; now?: Date; tamper?: boolean; drop?: string } = {},
) {
  const scheme = schemes[schemeId]
  if (!scheme?.sign) throw new Error(`cannot sign ${schemeId}`)
  const body = encoder.encode(JSON.stringify(payload))
  const { headers } = await scheme.sign({
    body,
    secret,
    url: new URL(url),
    now: options.now ?? new Date(),
    deliveryId: options.deliveryId ?? crypto.randomUUID(),
    eventName: options.eventName ?? 'push',
  })
  const sent = new Headers(headers)
  if (options.drop) sent.delete(options.drop)
  const bytes = options.tamper ? encoder.encode(JSON.stringify({ ...(payload as object), tampered: true })) : body
  return new Request(url, { method: 'POST', headers: sent, body: bytes })
}

describe.each(storeKinds)('the receiver on %s', (kind) => {
  let open: OpenStore
  let server: ReturnType<typeof testServer>
  beforeAll(async () => {
    open = await openStore(kind)
    server = testServer(open.store)
  })
  afterAll(async () => {
    await server?.close()
    await open?.dispose()
  })
  beforeEach(async () => {
    await open.reset()
  })

  async function setUp(provider_id: string, user = 'user_a') {
    const { webhook } = (await call(server, 'POST', '', { user, body: { provider_id } })).json
    return webhook as { id: string; webhook_url: string; signing: { source: string; secret_set: boolean } }
  }
  const reveal = async (id: string, user = 'user_a') => (await call(server, 'GET', `/${id}/secret`, { user })).json

  it('GitHub: a generated secret, revealed; a signed push is recorded (202) and counted', async () => {
    const webhook = await setUp('github')
    expect(webhook.signing).toMatchObject({ source: 'generated', secret_set: true })
    const { secret } = await reveal(webhook.id)
    expect(secret).toEqual(expect.any(String))
    const response = await server.handle(
      await signed('github', webhook.webhook_url, { ref: 'refs/heads/main', after: 'abc' }, secret, {
        deliveryId: 'd-1',
      }),
    )
    expect(response.status).toBe(202)
    const { execution_id } = await response.json()
    const page = (await call(server, 'GET', `/executions/${webhook.id}`)).json
    expect(page.executions).toHaveLength(1)
    expect(page.executions[0]).toMatchObject({
      id: execution_id,
      status: 'pending',
      trigger_type: 'github_trigger_push',
      provider_event_id: 'd-1',
      payload: { ref: 'refs/heads/main', after: 'abc' },
    })
    const saved = (await call(server, 'GET', `/${webhook.id}`)).json.webhook
    expect(saved).toMatchObject({ trigger_count: 1 })
    expect(saved.external_config.setup_required).toBe(false)
  })

  it('answers 404 for an unknown token, writing nothing', async () => {
    const response = await server.handle(
      new Request(`${ORIGIN}${BASE}/receive/${'x'.repeat(43)}`, { method: 'POST', body: '{}' }),
    )
    expect(response.status).toBe(404)
    expect(await countRows(open.store)).toEqual({ webhooks: 0, executions: 0 })
  })

  describe.each([
    ['github', 'github'],
    ['stripe', 'stripe'],
    ['slack', 'slack'],
    ['standard-webhooks', 'ai'],
  ])('%s: every forged or stale request is 401 and writes nothing', (schemeId, provider) => {
    let webhook: Awaited<ReturnType<typeof setUp>>
    let secret: string
    beforeEach(async () => {
      webhook = await setUp(provider)
      secret = (await reveal(webhook.id)).secret
      if (!secret) {
        secret = (schemes[schemeId] as NonNullable<(typeof schemes)[string]>).secret.generate()
        expect((await call(server, 'PUT', `/${webhook.id}/secret`, { body: { secret } })).status).toBe(200)
      }
    })
    const payload = { id: 'evt_1', type: 'invoice.paid', event: { type: 'message' } }
    const stale = new Date(Date.now() - 10 * 60_000)
    const forged: [string, () => Promise<Request>][] = [
      ['a tampered body', () => signed(schemeId, webhook.webhook_url, payload, secret, { tamper: true })],
      [
        'a wrong secret',
        () => signed(schemeId, webhook.webhook_url, payload, schemes[schemeId]?.secret.generate() ?? 'x'),
      ],
      ['no signature', async () => new Request(webhook.webhook_url, { method: 'POST', body: JSON.stringify(payload) })],
    ]
    if (schemeId !== 'github')
      forged.push(['a stale timestamp', () => signed(schemeId, webhook.webhook_url, payload, secret, { now: stale })])

    it.each(forged)('%s', async (_name, make) => {
      const before = await countRows(open.store)
      const response = await server.handle(await make())
      expect(response.status).toBe(401)
      const body = await response.json()
      expect(body.code).toBe('invalid_signature')
      expect(JSON.stringify(body)).not.toContain(secret)
      expect(await countRows(open.store)).toEqual(before)
      expect((await call(server, 'GET', `/${webhook.id}`)).json.webhook.trigger_count).toBe(0)
    })

    it('a correctly signed one is accepted', async () => {
      const response = await server.handle(await signed(schemeId, webhook.webhook_url, payload, secret))
      expect(response.status).toBe(202)
    })
  })

  it('refuses events until a provider-issued secret is set (Stripe), then checks its form', async () => {
    const webhook = await setUp('stripe')
    expect(webhook.signing).toMatchObject({ source: 'provider', secret_set: false })
    expect((await call(server, 'GET', `/${webhook.id}`)).json.webhook.external_config.setup_required).toBe(true)
    const secret = schemes.stripe?.secret.generate() as string
    const early = await server.handle(
      await signed('stripe', webhook.webhook_url, { id: 'evt_1', type: 'invoice.paid' }, secret),
    )
    expect(early.status).toBe(401)
    expect((await early.json()).code).toBe('secret_missing')
    const wrongForm = await call(server, 'PUT', `/${webhook.id}/secret`, {
      body: { secret: 'sk_live_not_a_webhook_secret' },
    })
    expect(wrongForm.status).toBe(400)
    expect(wrongForm.json.code).toBe('invalid_secret')
    expect(wrongForm.json.error).toContain('whsec_')
    const set = await call(server, 'PUT', `/${webhook.id}/secret`, { body: { secret } })
    expect(set.json.webhook.signing.secret_set).toBe(true)
    const late = await server.handle(
      await signed('stripe', webhook.webhook_url, { id: 'evt_2', type: 'invoice.paid' }, secret),
    )
    expect(late.status).toBe(202)
    expect((await call(server, 'POST', `/${webhook.id}/secret/rotate`, { body: {} })).json.code).toBe('not_rotatable')
    expect(await countRows(open.store)).toEqual({ webhooks: 1, executions: 1 })
  })

  it('a delivery id already recorded: 200 { duplicate: true }, no second execution, even 10 at once', async () => {
    const webhook = await setUp('github')
    const { secret } = await reveal(webhook.id)
    const requests = await Promise.all(
      Array.from({ length: 10 }, () =>
        signed('github', webhook.webhook_url, { zen: 'x' }, secret, { deliveryId: 'same' }),
      ),
    )
    const responses = await Promise.all(requests.map((request) => server.handle(request)))
    expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 202])
    const duplicate = await responses.find((r) => r.status === 200)?.json()
    expect(duplicate).toMatchObject({ duplicate: true })
    expect(await countRows(open.store)).toEqual({ webhooks: 1, executions: 1 })
  })

  it('100 concurrent signed events: exactly 100 executions and trigger_count 100', async () => {
    const webhook = await setUp('github')
    const { secret } = await reveal(webhook.id)
    const requests = await Promise.all(
      Array.from({ length: 100 }, (_, i) => signed('github', webhook.webhook_url, { n: i }, secret)),
    )
    const responses = await Promise.all(requests.map((request) => server.handle(request)))
    expect(responses.every((r) => r.status === 202)).toBe(true)
    expect(await countRows(open.store)).toEqual({ webhooks: 1, executions: 100 })
    expect((await call(server, 'GET', `/${webhook.id}`)).json.webhook.trigger_count).toBe(100)
  })

  it('a body over the limit is 413 without reading on, and writes nothing', async () => {
    const small = testServer(open.store, { maxEventBytes: 1024 })
    const webhook = await setUp('github')
    let pulled = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++
        controller.enqueue(new Uint8Array(512))
        if (pulled > 100) controller.close()
      },
    })
    const response = await small.handle(
      new Request(webhook.webhook_url, { method: 'POST', body, duplex: 'half' } as RequestInit),
    )
    expect(response.status).toBe(413)
    expect(pulled).toBeLessThan(5)
    expect((await countRows(open.store)).executions).toBe(0)
  })

  it("a disabled webhook's event is recorded as an error, not dispatched", async () => {
    const webhook = await setUp('github')
    const { secret } = await reveal(webhook.id)
    await call(server, 'PATCH', `/${webhook.id}`, { body: { status: 'inactive' } })
    const response = await server.handle(await signed('github', webhook.webhook_url, { zen: 'x' }, secret))
    expect(response.status).toBe(202)
    const [execution] = (await call(server, 'GET', `/executions/${webhook.id}`)).json.executions
    expect(execution).toMatchObject({ status: 'error', error_message: 'the webhook is disabled: not dispatched' })
    expect((await call(server, 'GET', `/${webhook.id}`)).json.webhook).toMatchObject({
      trigger_count: 1,
      error_count: 1,
    })
  })

  it('masks credentials and cookies in the recorded headers', async () => {
    const webhook = await setUp('github')
    const { secret } = await reveal(webhook.id)
    const request = await signed('github', webhook.webhook_url, { zen: 'x' }, secret)
    const headers = new Headers(request.headers)
    headers.set('authorization', 'Bearer abc.def')
    headers.set('cookie', 'session=s3cr3t')
    headers.set('x-api-token', 'tok_123')
    await server.handle(new Request(request.url, { method: 'POST', headers, body: await request.arrayBuffer() }))
    const [execution] = (await call(server, 'GET', `/executions/${webhook.id}`)).json.executions
    expect(execution.headers['x-github-event']).toBe('push')
    for (const name of ['authorization', 'cookie', 'x-api-token']) expect(execution.headers[name]).toBe('••••••')
    expect(JSON.stringify(execution)).not.toMatch(/s3cr3t|tok_123|abc\.def/)
  })

  it('GET on an event-only receiver is 405 with Allow: POST', async () => {
    const webhook = await setUp('github')
    const response = await server.handle(new Request(webhook.webhook_url))
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('POST')
  })

  it("GitHub's ping (sent when the webhook is created in GitHub) is answered 200 once verified: not recorded, so never dispatched", async () => {
    const webhook = await setUp('github')
    const { secret } = await reveal(webhook.id)
    const ping = { zen: 'Design for failure.', hook_id: 12345678, hook: { type: 'Repository', events: ['push'] } }
    const response = await server.handle(
      await signed('github', webhook.webhook_url, ping, secret, { eventName: 'ping' }),
    )
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ received: true, ping: true })
    const forged = await server.handle(
      await signed('github', webhook.webhook_url, ping, 'f'.repeat(32), { eventName: 'ping' }),
    )
    expect(forged.status).toBe(401)
    expect(await countRows(open.store)).toEqual({ webhooks: 1, executions: 0 })
    // A push after it is an event as ever.
    expect((await server.handle(await signed('github', webhook.webhook_url, { ref: 'x' }, secret))).status).toBe(202)
    expect(await countRows(open.store)).toEqual({ webhooks: 1, executions: 1 })
  })

  it('stores the payload as received: its keys in the order sent, a \\u0000 in a string kept', async () => {
    const webhook = await setUp('github')
    const { secret } = await reveal(webhook.id)
    // jsonb would give issue, action, sender, repository (shortest key first) and refuse the NUL.
    const payload = { action: 'opened', issue: { title: 'nul \u0000 byte', number: 1 }, repository: {}, sender: {} }
    const response = await server.handle(await signed('github', webhook.webhook_url, payload, secret))
    expect(response.status).toBe(202)
    const [stored] = (await call(server, 'GET', `/executions/${webhook.id}`)).json.executions
    expect(Object.keys(stored.payload)).toEqual(['action', 'issue', 'repository', 'sender'])
    expect(Object.keys(stored.payload.issue)).toEqual(['title', 'number'])
    expect(stored.payload).toEqual(payload)
  })

  it("Slack's url_verification is answered with its challenge, after verifying, and writes nothing", async () => {
    const webhook = await setUp('slack')
    const secret = schemes.slack?.secret.generate() as string
    await call(server, 'PUT', `/${webhook.id}/secret`, { body: { secret } })
    const payload = { type: 'url_verification', challenge: 'ch4llenge', token: 'x' }
    const response = await server.handle(await signed('slack', webhook.webhook_url, payload, secret))
    expect(response.status).toBe(200)
    expect(await response.text()).toContain('ch4llenge')
    const forged = await server.handle(await signed('slack', webhook.webhook_url, payload, 'f'.repeat(32)))
    expect(forged.status).toBe(401)
    expect((await countRows(open.store)).executions).toBe(0)
  })

  describe('secrets', () => {
    it('are sealed at rest with the encryptionKey: the table never holds one in the clear', async () => {
      const webhook = await setUp('github')
      const { secret } = await reveal(webhook.id)
      const rows = await open.store.driver.query<{ signing_secret: string }>(
        'SELECT signing_secret FROM integration_webhooks',
      )
      expect(rows[0]?.signing_secret.startsWith('v1.')).toBe(true)
      expect(JSON.stringify(rows)).not.toContain(secret)
      const list = await call(server, 'GET', '')
      expect(list.text).not.toContain(secret)
    })

    it('a rotated secret: the old one verifies during the grace period and is refused after it', async () => {
      let now = Date.now()
      const clocked = testServer(open.store, { now: () => new Date(now) })
      const webhook = (await call(clocked, 'POST', '', { body: { provider_id: 'github' } })).json.webhook
      const old = (await call(clocked, 'GET', `/${webhook.id}/secret`)).json.secret
      const rotated = await call(clocked, 'POST', `/${webhook.id}/secret/rotate`, { body: { grace_seconds: 3600 } })
      expect(rotated.status).toBe(200)
      expect(rotated.json.secret).not.toBe(old)
      expect(Date.parse(rotated.json.previous_expires_at)).toBe(now + 3_600_000)
      const send = async (secret: string) =>
        (await clocked.handle(await signed('github', webhook.webhook_url, { zen: 'x' }, secret))).status
      expect(await send(old)).toBe(202)
      expect(await send(rotated.json.secret)).toBe(202)
      now += 3_601_000
      expect(await send(old)).toBe(401)
      expect(await send(rotated.json.secret)).toBe(202)
      expect((await call(clocked, 'GET', `/${webhook.id}/secret`)).json.previous_expires_at).toBeNull()
    })

    it('rotating at once drops the old secret immediately', async () => {
      const webhook = await setUp('github')
      const old = (await reveal(webhook.id)).secret
      await call(server, 'POST', `/${webhook.id}/secret/rotate`)
      expect((await server.handle(await signed('github', webhook.webhook_url, {}, old))).status).toBe(401)
    })

    it('a receiver that read the webhook before (its cache) follows what another instance changed since', async () => {
      const webhook = await setUp('github')
      const old = (await reveal(webhook.id)).secret
      const other = testServer(open.store)
      try {
        const send = async (secret: string, deliveryId: string = crypto.randomUUID()) =>
          (await server.handle(await signed('github', webhook.webhook_url, { zen: 'x' }, secret, { deliveryId })))
            .status
        expect(await send(old)).toBe(202)
        // Rotated at once on the other instance: the old secret is refused here too, and nothing is written.
        const rotated = await call(other, 'POST', `/${webhook.id}/secret/rotate`)
        expect(rotated.status).toBe(200)
        const before = await countRows(open.store)
        expect(await send(old)).toBe(401)
        expect(await countRows(open.store)).toEqual(before)
        expect(await send(rotated.json.secret)).toBe(202)
        // Disabled on the other instance: the next event is kept as an error, not dispatched.
        expect((await call(other, 'PATCH', `/${webhook.id}`, { body: { status: 'inactive' } })).status).toBe(200)
        expect(await send(rotated.json.secret, 'after-disable')).toBe(202)
        const page = (await call(server, 'GET', `/executions/${webhook.id}`)).json
        expect(page.executions[0]).toMatchObject({
          provider_event_id: 'after-disable',
          status: 'error',
          error_message: 'the webhook is disabled: not dispatched',
        })
        // Deleted on the other instance: 404, nothing written.
        expect((await call(other, 'DELETE', `/${webhook.id}`)).status).toBe(204)
        expect(await send(rotated.json.secret)).toBe(404)
        expect(await countRows(open.store)).toEqual({ webhooks: 0, executions: 0 })
      } finally {
        await other.close()
      }
    })

    it("another user's secret is a 404 on every secret route", async () => {
      const webhook = await setUp('github', 'owner')
      for (const [method, path, body] of [
        ['GET', `/${webhook.id}/secret`, undefined],
        ['PUT', `/${webhook.id}/secret`, { secret: 'x'.repeat(32) }],
        ['POST', `/${webhook.id}/secret/rotate`, {}],
      ] as const) {
        expect((await call(server, method, path, { user: 'intruder', body })).status).toBe(404)
      }
      expect((await reveal(webhook.id, 'owner')).secret).toEqual(expect.any(String))
    })

    it('bad grace periods are 400 and change nothing', async () => {
      const webhook = await setUp('github')
      const before = (await reveal(webhook.id)).secret
      for (const grace_seconds of [-1, 1.5, 31 * 86400, '3600']) {
        const response = await call(server, 'POST', `/${webhook.id}/secret/rotate`, { body: { grace_seconds } })
        expect(response.status).toBe(400)
      }
      expect((await reveal(webhook.id)).secret).toBe(before)
    })
  })

  describe('test events and retries', () => {
    it('POST /{id}/test signs a sample with the current secret and sends it through the receiver', async () => {
      const webhook = await setUp('github')
      const response = await call(server, 'POST', `/${webhook.id}/test`)
      expect(response.status).toBe(202)
      expect(response.json.execution).toMatchObject({ webhook_id: webhook.id, status: 'pending' })
      expect(response.json.execution.headers['x-hub-signature-256']).toMatch(/^sha256=/)
      expect(response.json.execution.headers['x-integration-webhooks-test']).toBe('1')
      // One Content-Type: the scheme's, not the sample's and the scheme's joined.
      expect(response.json.execution.headers['content-type']).toBe('application/json')
    })

    it('works for every provider of the catalog whose scheme can sign, once its secret is set', async () => {
      const { defaultCatalog } = await import('integration-webhooks/core')
      const { schemeFor } = await import('../../src/server/schemes/index')
      const tried: string[] = []
      for (const integration of defaultCatalog.integrations.filter((entry) => entry.isAvailable)) {
        const scheme = schemeFor(integration)
        if (!scheme.sign) continue
        const webhook = await setUp(integration.id)
        if (!webhook.signing.secret_set && scheme.secret.source !== 'url-token') {
          const set = await call(server, 'PUT', `/${webhook.id}/secret`, { body: { secret: scheme.secret.generate() } })
          expect(set.status, integration.id).toBe(200)
        }
        const response = await call(server, 'POST', `/${webhook.id}/test`)
        expect([integration.id, response.status, response.json.error]).toEqual([integration.id, 202, undefined])
        tried.push(integration.id)
      }
      expect(tried).toEqual(
        expect.arrayContaining(['github', 'stripe', 'slack', 'teams', 'facebook', 'dropbox', 'notion']),
      )
    })

    it("Meta's verify token is made on creation and answers its GET challenge", async () => {
      const webhook = await setUp('facebook')
      const saved = (await call(server, 'GET', `/${webhook.id}`)).json.webhook
      const token = saved.integration_config.verify_token
      expect(token).toEqual(expect.any(String))
      const url = `${webhook.webhook_url}?hub.mode=subscribe&hub.verify_token=${token}&hub.challenge=1158201444`
      const response = await server.handle(new Request(url))
      expect(response.status).toBe(200)
      expect(await response.text()).toBe('1158201444')
      const wrong = await server.handle(
        new Request(`${webhook.webhook_url}?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1`),
      )
      expect(wrong.status).not.toBe(200)
      expect((await countRows(open.store)).executions).toBe(0)
    })

    it('no secret yet: 409 with what to do', async () => {
      const webhook = await setUp('stripe')
      const response = await call(server, 'POST', `/${webhook.id}/test`)
      expect(response.status).toBe(409)
      expect(response.json.code).toBe('secret_required')
      expect(response.json.error).toContain('whsec_')
      expect((await countRows(open.store)).executions).toBe(0)
    })

    it('a retry is a new execution linked to the first', async () => {
      const webhook = await setUp('github')
      const first = (await call(server, 'POST', `/${webhook.id}/test`)).json.execution
      await open.store.driver.exec(`UPDATE webhook_executions SET status = 'error'`)
      const retry = await call(server, 'POST', `/executions/${webhook.id}/${first.id}/retry`)
      expect(retry.status).toBe(202)
      expect(retry.json.execution).toMatchObject({ retry_of: first.id, status: 'pending', payload: first.payload })
      expect(retry.json.execution.id).not.toBe(first.id)
      const pending = await call(server, 'POST', `/executions/${webhook.id}/${retry.json.execution.id}/retry`)
      expect(pending.json.code).toBe('already_pending')
      await call(server, 'PATCH', `/${webhook.id}`, { body: { status: 'inactive' } })
      expect((await call(server, 'POST', `/executions/${webhook.id}/${first.id}/retry`)).json.code).toBe(
        'webhook_disabled',
      )
      expect((await call(server, 'POST', `/executions/${webhook.id}/nope/retry`)).status).toBe(404)
    })
  })
})
