import { createWebhookClient, defaultCatalog } from 'integration-webhooks/core'
import { HttpResponse, http } from 'msw'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createWebhookHandlers, createWebhookMockStore, mockExecutions, mockWebhooks } from '../../mocks'
import { schemeFor, schemes } from '../../src/server/schemes/index'
import { API, failure, makeClient, raw, setupMswServer } from './utils'

const server = setupMswServer()

/** A fresh default-scenario store, mounted on the server. */
function mount(options: Parameters<typeof createWebhookMockStore>[0] = {}) {
  const store = createWebhookMockStore({ apiUrl: API, ...options })
  server.use(...store.handlers)
  return { store, client: makeClient() }
}

describe('createWebhookHandlers', () => {
  it('returns the handlers of a fresh store on every call', async () => {
    server.use(...createWebhookHandlers({ apiUrl: API }))
    await makeClient().setStatus('github-webhook', 'inactive')
    server.resetHandlers(...createWebhookHandlers({ apiUrl: API }))
    const list = await makeClient().listWebhooks()
    expect(list.webhooks.find((w) => w.id === 'github-webhook')?.status).toBe('active')
  })

  it('matches a relative apiUrl on any origin in Node', async () => {
    server.use(...createWebhookHandlers())
    const client = createWebhookClient({ apiUrl: 'http://other.test/api/integration-webhooks', retry: false })
    expect((await client.listWebhooks()).webhooks).toHaveLength(30)
  })

  describe('in a browser (a page location exists)', () => {
    afterEach(() => {
      vi.unstubAllGlobals()
    })

    it('matches a relative apiUrl against the page origin only', async () => {
      vi.stubGlobal('location', new URL('http://localhost:6006/iframe.html?id=webhooks--default'))
      const elsewhere = http.get('*/api/integration-webhooks', () => HttpResponse.json({ webhooks: [] }))
      server.use(...createWebhookHandlers(), elsewhere)
      const client = createWebhookClient({ retry: false }) // the default relative apiUrl
      expect((await client.listWebhooks()).webhooks).toHaveLength(30)
      const other = createWebhookClient({ apiUrl: 'http://other.test/api/integration-webhooks', retry: false })
      expect((await other.listWebhooks()).webhooks).toEqual([])
    })
  })

  it('rejects an empty apiUrl', () => {
    expect(() => createWebhookHandlers({ apiUrl: ' ' })).toThrow(TypeError)
  })

  it('accepts an apiUrl with a trailing slash', async () => {
    server.use(...createWebhookHandlers({ apiUrl: `${API}/` }))
    expect((await makeClient().listExecutions('slack-webhook', { limit: 1 })).executions).toHaveLength(1)
  })
})

describe('statefulness', () => {
  describe('when a webhook is disabled', () => {
    it('stays disabled in the next list, with a newer updated_at', async () => {
      const { client, store } = mount()
      const before = store.getWebhook('github-webhook')
      const updated = await client.setStatus('github-webhook', 'inactive')
      expect(updated.status).toBe('inactive')
      expect(Date.parse(updated.updated_at)).toBeGreaterThan(Date.parse(before?.updated_at ?? ''))
      const again = await client.listWebhooks()
      expect(again.webhooks.find((w) => w.id === 'github-webhook')).toEqual(updated)
      expect(store.getWebhook('github-webhook')?.status).toBe('inactive')
    })

    it('re-enables a webhook in error', async () => {
      const { client } = mount()
      expect((await client.setStatus('stripe-webhook', 'active')).status).toBe('active')
    })
  })

  describe('when a test event is sent', () => {
    it('prepends an execution of the first trigger type, dispatched once as the server does, and bumps the counts', async () => {
      const { client } = mount()
      const before = (await client.listWebhooks()).webhooks.find((w) => w.id === 'github-webhook')
      const execution = await client.sendTest('github-webhook')
      expect(execution).toMatchObject({
        webhook_id: 'github-webhook',
        provider_id: 'github',
        trigger_type: before?.trigger_types[0],
        status: 'success',
        // onEvent's outcome, not an HTTP answer: no response code, at most what onEvent returned.
        response_code: null,
        error_message: null,
        attempt: 1,
        attempts: [expect.objectContaining({ attempt: 1, status: 'success', error: null, next_attempt_at: null })],
      })
      expect(execution.payload).toMatchObject({ ref: 'refs/heads/main', commits: expect.any(Array) })
      expect(execution.headers).toMatchObject({ 'x-github-event': 'push', 'x-integration-webhooks-test': '1' })
      const after = (await client.listWebhooks()).webhooks.find((w) => w.id === 'github-webhook')
      expect(after?.trigger_count).toBe((before?.trigger_count ?? 0) + 1)
      expect(after?.error_count).toBe(before?.error_count)
      expect(after?.last_triggered).toBe(execution.triggered_at)
      expect(Date.parse(execution.triggered_at)).toBeGreaterThan(Date.parse(before?.last_triggered ?? ''))
      expect((await client.listExecutions('github-webhook', { limit: 1 })).executions[0]).toEqual(execution)
    })

    it('records it through a disabled webhook as the server does: an error, not dispatched, counted', async () => {
      const { client, store } = mount()
      const before = store.getWebhook('youtube-webhook')
      const execution = await client.sendTest('youtube-webhook')
      expect(execution).toMatchObject({
        status: 'error',
        error_message: 'the webhook is disabled: not dispatched',
        response_code: null,
        response_body: null,
        execution_time_ms: null,
        attempt: 1,
        attempts: null,
      })
      expect(store.getWebhook('youtube-webhook')).toMatchObject({
        trigger_count: (before?.trigger_count ?? 0) + 1,
        error_count: (before?.error_count ?? 0) + 1,
        last_triggered: execution.triggered_at,
      })
    })

    it('fails its first attempt through a webhook in error the way its deliveries fail, and retries it later', async () => {
      const { client, store } = mount()
      const before = store.getWebhook('stripe-webhook')
      const execution = await client.sendTest('stripe-webhook')
      // Answered after one attempt (inline dispatch): still pending, its second attempt due in 5 s ±20 %.
      expect(execution).toMatchObject({
        status: 'pending',
        response_code: null,
        response_body: null,
        error_message: 'Could not enqueue the event: connect ECONNREFUSED 10.0.3.7:5432',
        attempt: 2,
      })
      const [first] = execution.attempts ?? []
      expect(execution.attempts).toHaveLength(1)
      expect(first).toMatchObject({ attempt: 1, status: 'error', error: execution.error_message })
      const wait = Date.parse(first?.next_attempt_at ?? '') - Date.parse(first?.ended_at ?? '')
      expect(wait).toBeGreaterThanOrEqual(4000)
      expect(wait).toBeLessThanOrEqual(6000)
      // Not an error yet: the server counts it when its last attempt fails.
      expect(store.getWebhook('stripe-webhook')?.error_count).toBe(before?.error_count)
    })

    it('keeps paging stable: a test event between two pages repeats no row', async () => {
      const { client } = mount()
      const first = await client.listExecutions('slack-webhook', { limit: 3 })
      await client.sendTest('slack-webhook')
      const second = await client.listExecutions('slack-webhook', { limit: 3, cursor: first.nextCursor })
      const ids = [...first.executions, ...second.executions].map((e) => e.id)
      expect(new Set(ids).size).toBe(6)
    })
  })

  describe('when an execution is redelivered', () => {
    it('refuses it for a disabled webhook, as the server does (409 webhook_disabled), and records nothing', async () => {
      const { store } = mount()
      const [original] = store.getExecutions('youtube-webhook')
      if (!original) throw new Error('youtube-webhook should have executions')
      const before = store.getExecutions('youtube-webhook').length
      const response = await raw(`/executions/youtube-webhook/${original.id}/retry`, { method: 'POST' })
      expect(response).toEqual({
        status: 409,
        body: { error: 'The webhook is disabled: enable it, then retry', code: 'webhook_disabled' },
      })
      expect(store.getExecutions('youtube-webhook')).toHaveLength(before)
    })

    it('creates a new successful execution with the payload and trigger of the original', async () => {
      const { client, store } = mount()
      const [original] = store.getExecutions('hubspot-webhook').filter((e) => e.status === 'error')
      if (!original) throw new Error('hubspot-webhook should have failed executions')
      const count = store.getWebhook('hubspot-webhook')?.trigger_count ?? 0
      const retried = await client.retryExecution('hubspot-webhook', original.id)
      expect(retried.id).not.toBe(original.id)
      expect(retried).toMatchObject({
        status: 'success',
        response_code: null,
        retry_of: original.id,
        provider_event_id: null,
        trigger_type: original.trigger_type,
        payload: original.payload,
        headers: original.headers,
      })
      const executions = store.getExecutions('hubspot-webhook')
      expect(executions[0]).toEqual(retried)
      expect(executions.map((e) => e.id)).toContain(original.id)
      expect(store.getWebhook('hubspot-webhook')?.trigger_count).toBe(count + 1)
    })
  })

  it('forgets every change on reset()', async () => {
    const { client, store } = mount()
    const initial = store.getWebhooks()
    await client.setStatus('slack-webhook', 'inactive')
    await client.sendTest('github-webhook')
    store.reset()
    expect(store.getWebhooks()).toEqual(initial)
    expect(store.getExecutions('github-webhook')).toEqual(mockExecutions('github-webhook'))
    expect(store.getStats().requests).toBe(0)
  })

  it('hands out copies, so a test cannot change the store by accident', () => {
    const { store } = mount()
    const [first] = store.getWebhooks()
    if (first) first.status = 'error'
    expect(store.getWebhooks()[0]?.status).not.toBe('error')
  })
})

describe('not found', () => {
  it.each([
    ['listExecutions', (c: ReturnType<typeof makeClient>) => c.listExecutions('nope')],
    ['setStatus', (c: ReturnType<typeof makeClient>) => c.setStatus('nope', 'active')],
    ['sendTest', (c: ReturnType<typeof makeClient>) => c.sendTest('nope')],
    ['retryExecution', (c: ReturnType<typeof makeClient>) => c.retryExecution('nope', 'x')],
  ])('answers 404 "No webhook with this id" (as the server) to %s of an unknown webhook', async (_, call) => {
    const { client } = mount()
    const error = await failure(call(client))
    expect(error).toMatchObject({ kind: 'not-found', status: 404 })
    expect(error.message).toContain('No webhook with this id')
  })

  it('answers 404 "No execution with this id" (as the server) to a retry of an unknown execution', async () => {
    const { client } = mount()
    const error = await failure(client.retryExecution('github-webhook', 'nope'))
    expect(error).toMatchObject({ kind: 'not-found' })
    expect(error.message).toContain('No execution with this id')
  })
})

describe('bad requests', () => {
  it.each(['abc', '-1', '1.5', '2e3', '0', '101', '500'])('answers 400 invalid_query to limit=%s', async (limit) => {
    mount()
    const { status, body } = await raw(`/executions/github-webhook?limit=${limit}`)
    expect(status).toBe(400)
    expect(body).toMatchObject({ error: 'limit must be a whole number from 1 to 100', code: 'invalid_query' })
  })

  it('takes a limit from 1 to 100 and defaults it to 20', async () => {
    const [template] = mockExecutions('gmail-webhook')
    if (!template) throw new Error('no fixture')
    const executions = Array.from({ length: 150 }, (_, i) => ({ ...template, id: `e${150 - i}` }))
    mount({ webhooks: mockWebhooks().slice(0, 1), executions: { 'gmail-webhook': executions } })
    const size = async (query: string) =>
      ((await raw(`/executions/gmail-webhook${query}`)).body as { executions: unknown[] }).executions.length
    expect(await size('')).toBe(20)
    expect(await size('?limit=1')).toBe(1)
    expect(await size('?limit=100')).toBe(100)
  })

  it('answers 400 to a cursor it never handed out', async () => {
    mount()
    const { status, body } = await raw('/executions/github-webhook?cursor=forged')
    expect(status).toBe(400)
    expect(body).toEqual({
      error: 'The cursor is not valid for this webhook: start from the first page',
      code: 'invalid_cursor',
    })
  })

  it.each([
    ['a wrong status', JSON.stringify({ status: 'paused' })],
    ['no status', JSON.stringify({})],
    ['a body that is not JSON', 'status=active'],
    ['JSON null', 'null'],
  ])('answers 400 invalid_body to a PATCH with %s', async (_, body) => {
    const { store } = mount()
    const response = await raw('/github-webhook', {
      method: 'PATCH',
      body,
      headers: { 'content-type': 'application/json' },
    })
    expect(response.status).toBe(400)
    expect(response.body).toMatchObject({
      error: expect.any(String),
      code: expect.stringMatching(/^invalid_(body|json)$/),
    })
    expect(store.getWebhook('github-webhook')?.status).toBe('active')
  })
})

describe('route order', () => {
  it('keeps executions/… routes apart from a webhook whose id is "executions"', async () => {
    // GitHub's: its test event is signed (Gmail's, the first row, is proved by Google).
    const template = mockWebhooks().find((webhook) => webhook.provider_id === 'github')
    if (!template) throw new Error('no fixture')
    const webhooks = [{ ...template, id: 'executions' }, template]
    const { client, store } = mount({ webhooks, executions: {} })
    expect((await client.setStatus('executions', 'inactive')).id).toBe('executions')
    expect((await client.sendTest('executions')).webhook_id).toBe('executions')
    const page = await client.listExecutions('executions')
    expect(page.executions).toHaveLength(1)
    // A disabled webhook's executions are retried once it is enabled again.
    expect((await client.setStatus('executions', 'active')).status).toBe('active')
    const retried = await client.retryExecution('executions', page.executions[0]?.id ?? '')
    expect(retried.webhook_id).toBe('executions')
    expect(store.getWebhook(template.id)?.trigger_count).toBe(template.trigger_count)
  })
})

describe('custom data', () => {
  it('serves the webhooks and executions it is given, and leaves the inputs untouched', async () => {
    // Slack and Discord: a test event of Slack's is signed (Gmail's, first in the list, is proved by Google).
    const webhooks = mockWebhooks().slice(1, 3)
    const executions = { [webhooks[0]?.id ?? '']: mockExecutions(webhooks[0]?.id ?? '').slice(0, 2) }
    const snapshot = structuredClone({ webhooks, executions })
    const { client } = mount({ webhooks, executions })
    expect((await client.listWebhooks()).webhooks).toEqual(webhooks)
    expect((await client.listExecutions(webhooks[0]?.id ?? '')).executions).toHaveLength(2)
    expect((await client.listExecutions(webhooks[1]?.id ?? '')).executions).toEqual([])
    await client.sendTest(webhooks[0]?.id ?? '')
    expect({ webhooks, executions }).toEqual(snapshot)
  })

  it('dates what it creates now with the real clock, after the fixtures', async () => {
    const { client } = mount()
    const before = Date.now()
    const execution = await client.sendTest('github-webhook')
    expect(Date.parse(execution.triggered_at)).toBeGreaterThanOrEqual(before)
    expect(Date.parse(execution.triggered_at)).toBeLessThanOrEqual(Date.now())
  })

  it('dates new executions after `now`', async () => {
    const { client } = mount({ now: '2030-01-01T00:00:00.000Z' })
    const execution = await client.sendTest('github-webhook')
    expect(execution.triggered_at).toBe('2030-01-01T00:00:01.000Z')
  })
})

describe('creating, reading and deleting webhooks', () => {
  it('POST saves a webhook from the catalog with a receiving URL of its own, and the list holds it', async () => {
    const { client, store } = mount({ scenario: 'empty' })
    const first = await client.createWebhook('github')
    const second = await client.createWebhook('github', { name: 'GitHub (staging)' })

    expect(first).toMatchObject({
      provider_id: 'github',
      // Active at once, as the real server saves it.
      status: 'active',
      name: 'GitHub',
      user_id: 'user_mock_1',
      trigger_count: 0,
      external_config: { integration_name: 'GitHub', setup_required: true },
    })
    expect(second.name).toBe('GitHub (staging)')
    // Several per provider, each with its own unguessable URL under {origin}{apiUrl}/receive/.
    expect(first.id).not.toBe(second.id)
    expect(first.webhook_url).toMatch(/^http:\/\/app\.test\/api\/integration-webhooks\/receive\/[\w-]{43}$/)
    expect(second.webhook_url).not.toBe(first.webhook_url)
    expect(first.external_config.instructions).toContain(first.webhook_url)

    const list = await client.listWebhooks()
    expect(list.source).toBe('saved')
    expect(list.webhooks.map((w) => w.id)).toEqual([first.id, second.id])
    expect(await client.getWebhook(first.id)).toEqual(first)
    expect(store.getExecutions(first.id)).toEqual([])
  })

  it('builds the receiving URL on the origin option for a relative apiUrl', async () => {
    const store = createWebhookMockStore({ scenario: 'empty', origin: 'https://hooks.example.org' })
    server.use(...store.handlers)
    const webhook = await makeClient().createWebhook('slack')
    expect(webhook.webhook_url).toMatch(
      /^https:\/\/hooks\.example\.org\/api\/integration-webhooks\/receive\/[\w-]{43}$/,
    )
  })

  it('answers a bad body or an unknown provider with 400 { error, code, issues } and saves nothing', async () => {
    const { store } = mount({ scenario: 'empty' })
    const post = (body: string) => raw('', { method: 'POST', headers: { 'content-type': 'application/json' }, body })
    expect(await post('{nope')).toMatchObject({ status: 400, body: { code: 'invalid_json' } })
    expect(await post('{"provider_id": 7, "name": ""}')).toEqual({
      status: 400,
      body: {
        error: 'The request body is not valid',
        code: 'invalid_body',
        issues: ['provider_id: expected a non-empty string', 'name: expected a string of 1 to 200 characters'],
      },
    })
    expect(await post('{"provider_id": "no-such-provider"}')).toEqual({
      status: 400,
      body: {
        error: 'Unknown provider_id "no-such-provider": the catalog has no such integration',
        code: 'unknown_provider',
      },
    })
    // An integration the catalog lists as unavailable cannot be set up either.
    expect(await post('{"provider_id": "tiktok"}')).toMatchObject({ status: 400, body: { code: 'unknown_provider' } })
    expect(store.getWebhooks()).toEqual([])
  })

  it('DELETE answers 204, and the webhook and its executions are gone', async () => {
    const { client, store } = mount()
    expect(store.getExecutions('github-webhook').length).toBeGreaterThan(0)
    await client.deleteWebhook('github-webhook')
    expect(store.getWebhook('github-webhook')).toBeUndefined()
    expect(store.getExecutions('github-webhook')).toEqual([])
    expect((await client.listWebhooks()).webhooks.map((w) => w.id)).not.toContain('github-webhook')
    expect((await failure(client.getWebhook('github-webhook'))).kind).toBe('not-found')
    const again = await failure(client.deleteWebhook('github-webhook'))
    expect(again).toMatchObject({ kind: 'not-found', code: 'not_found' })
  })

  it('brings the deleted and created webhooks back to the initial data on reset', async () => {
    const { client, store } = mount()
    await client.deleteWebhook('github-webhook')
    await client.createWebhook('slack')
    store.reset()
    expect(store.getWebhooks()).toHaveLength(30)
    expect(store.getWebhook('github-webhook')).toBeDefined()
  })

  it('fails the new routes like the others in a failing scenario', async () => {
    mount({ scenario: 'server-error' })
    expect((await failure(makeClient().createWebhook('github'))).kind).toBe('server')
    expect((await failure(makeClient().deleteWebhook('github-webhook'))).kind).toBe('server')
  })
})

describe('signing secrets', () => {
  it('a GitHub webhook gets a generated secret: revealed, rotated with a grace period, and a test event is sent', async () => {
    const { client } = mount({ scenario: 'empty' })
    const created = await client.createWebhook('github')
    expect(created.signing).toMatchObject({ source: 'generated', secret_set: true, previous_expires_at: null })
    const { secret } = await client.revealSecret(created.id)
    expect(secret).toMatch(/^\w{40}$/)
    const rotated = await client.rotateSecret(created.id, { graceSeconds: 3600 })
    expect(rotated.secret).not.toBe(secret)
    expect(rotated.previous_expires_at).not.toBeNull()
    expect((await client.revealSecret(created.id)).secret).toBe(rotated.secret)
    expect((await client.getWebhook(created.id)).signing?.previous_expires_at).toBe(rotated.previous_expires_at)
    expect((await client.sendTest(created.id)).webhook_id).toBe(created.id)
  })

  it('a Stripe webhook waits for its pasted secret: test 409, rotate 409, a wrong form 400, then whsec_ is kept', async () => {
    const { client } = mount({ scenario: 'empty' })
    const created = await client.createWebhook('stripe')
    // Read from the server's own scheme, as the real server reports it (no list of providers in the mock).
    const stripe = schemes.stripe as NonNullable<(typeof schemes)['stripe']>
    expect(created.signing).toEqual({
      scheme: 'stripe',
      label: stripe.label,
      source: 'provider',
      form_hint: stripe.secret.formHint,
      secret_set: false,
      previous_expires_at: null,
    })
    expect((await client.revealSecret(created.id)).secret).toBeNull()
    expect(await failure(client.sendTest(created.id))).toMatchObject({ kind: 'conflict', code: 'secret_required' })
    expect(await failure(client.rotateSecret(created.id))).toMatchObject({ code: 'not_rotatable' })
    const wrong = await failure(client.setSecret(created.id, 'sk_live_nope'))
    expect(wrong).toMatchObject({ kind: 'bad-request', code: 'invalid_secret' })
    expect(wrong.serverMessage).toMatch(/^This is not a Stripe \(Stripe-Signature\) secret: /)
    // The scheme's own check: too short after whsec_ is refused, as by the server.
    expect(await failure(client.setSecret(created.id, 'whsec_abcdefgh1234'))).toMatchObject({ code: 'invalid_secret' })
    const saved = await client.setSecret(created.id, 'whsec_abcdefgh12345678')
    expect(saved.signing?.secret_set).toBe(true)
    expect((await client.revealSecret(created.id)).secret).toBe('whsec_abcdefgh12345678')
    expect((await client.sendTest(created.id)).status).toBeDefined()
  })

  it('each provider gets the signing its scheme says: generated, pasted, handshake, host-verified or URL-token', async () => {
    const { client } = mount({ scenario: 'empty' })
    for (const [providerId, source, rotates] of [
      ['github', 'generated', true],
      ['slack', 'provider', false],
      ['notion', 'handshake', false],
      ['gmail', 'host-verifier', false],
      ['mailchimp', 'url-token', false],
    ] as const) {
      const created = await client.createWebhook(providerId)
      const scheme = schemeFor(defaultCatalog.resolve(providerId))
      expect(created.signing).toMatchObject({ scheme: scheme.id, source, label: scheme.label })
      const rotated = client.rotateSecret(created.id)
      if (rotates) expect((await rotated).secret).toEqual(expect.any(String))
      else expect(await failure(rotated)).toMatchObject({ code: 'not_rotatable' })
    }
  })

  it("every fixture webhook carries the server's signing, and its test event is accepted, refused or not signable as on the server", async () => {
    const { client } = mount()
    const { webhooks } = await client.listWebhooks()
    expect(webhooks).toHaveLength(30)
    const outcomes: Record<string, string[]> = {}
    for (const webhook of webhooks) {
      const scheme = schemeFor(defaultCatalog.resolve(webhook.provider_id))
      const { source } = scheme.secret
      const needsSecret = source === 'generated' || source === 'provider' || source === 'handshake'
      expect(webhook.signing, webhook.id).toEqual({
        scheme: scheme.id,
        label: scheme.label,
        source,
        form_hint: scheme.secret.formHint,
        // Rows still in setup wait for the secret their provider issues; host-verified and URL-token schemes keep none.
        secret_set: needsSecret && !(webhook.external_config.setup_required && source === 'provider'),
        previous_expires_at: null,
      })
      // The store holds the secret of every row that has one, in the form its scheme checks.
      const { secret } = await client.revealSecret(webhook.id)
      if (webhook.signing?.secret_set) expect(scheme.secret.validate(secret ?? ''), webhook.id).toBeNull()
      else expect(secret).toBeNull()
      const outcome = await client.sendTest(webhook.id).then(
        (execution) => (execution.webhook_id === webhook.id ? 'accepted' : 'wrong webhook'),
        (error: { code?: string }) => error.code ?? 'unknown',
      )
      outcomes[outcome] = [...(outcomes[outcome] ?? []), webhook.provider_id]
    }
    // As the real server: Google's, PayPal's and Discord's proofs cannot be made here; TikTok and
    // LinkedIn (in setup) wait for their pasted secret; every other test event is signed and accepted.
    expect(outcomes.cannot_sign?.sort()).toEqual(['discord', 'gmail', 'paypal'])
    expect(outcomes.secret_required?.sort()).toEqual(['linkedin', 'tiktok'])
    expect(outcomes.accepted).toHaveLength(25)
  })

  it('a missing secret refuses test events until it is pasted (the TikTok row in setup)', async () => {
    const { client } = mount()
    const tiktok = await client.getWebhook('tiktok-webhook')
    expect(tiktok.external_config.setup_required).toBe(true)
    expect(tiktok.signing).toMatchObject({ source: 'provider', secret_set: false })
    const refused = await failure(client.sendTest('tiktok-webhook'))
    expect(refused).toMatchObject({ kind: 'conflict', code: 'secret_required' })
    expect(refused.serverMessage).toMatch(/^Set this webhook's signing secret first \(/)
    const scheme = schemeFor(defaultCatalog.resolve('tiktok'))
    const candidates = ['a'.repeat(32), 'a'.repeat(64), `whsec_${'a'.repeat(32)}`]
    const valid = candidates.find((candidate) => scheme.secret.validate(candidate) === null) as string
    expect((await client.setSecret('tiktok-webhook', valid)).signing?.secret_set).toBe(true)
    expect((await client.sendTest('tiktok-webhook')).webhook_id).toBe('tiktok-webhook')
  })

  it('answers 404 for the secret of an unknown webhook', async () => {
    const { client } = mount({ scenario: 'empty' })
    expect((await failure(client.revealSecret('nope'))).kind).toBe('not-found')
  })
})
