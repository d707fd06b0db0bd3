import { createPgliteStore, createPostgresStore, type NewExecution, type SqlStore } from 'integration-webhooks/server'
import pg from 'pg'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { schemes } from '../../src/server/schemes/index'
import { call, countRows, freshDatabase, signedPush, storeKinds, templatePglite, testServer } from './support'

/** The statements that record executions (each INSERT INTO webhook_executions), counted as the driver sends them. */
const isRecording = (text: unknown) => typeof text === 'string' && text.includes('INSERT INTO webhook_executions')

/** A store of the given kind whose recording statements are counted. */
async function countingStore(kind: 'pglite' | 'postgres') {
  const counter = { recordings: 0 }
  if (kind === 'pglite') {
    const db = await templatePglite()
    const query = db.query.bind(db)
    db.query = ((text: string, ...rest: unknown[]) => {
      if (isRecording(text)) counter.recordings++
      return (query as (...args: unknown[]) => unknown)(text, ...rest)
    }) as typeof db.query
    const store = await createPgliteStore({ db })
    return {
      store,
      counter,
      async dispose() {
        await store.close()
        await db.close()
      },
    }
  }
  const database = await freshDatabase()
  const pool = new pg.Pool({ connectionString: database.url, max: 5 })
  const query = pool.query.bind(pool)
  pool.query = ((text: unknown, ...rest: unknown[]) => {
    if (isRecording(text)) counter.recordings++
    return (query as (...args: unknown[]) => unknown)(text, ...rest)
  }) as typeof pool.query
  const store = await createPostgresStore({ pool })
  return {
    store,
    counter,
    async dispose() {
      await store.close()
      await pool.end()
      await database.drop()
    },
  }
}

// Group commit: concurrent events are recorded by a few statements, each row decided as if alone.
describe.each(storeKinds)('recording in batches on %s', (kind) => {
  let open: Awaited<ReturnType<typeof countingStore>>
  let store: SqlStore
  beforeAll(async () => {
    open = await countingStore(kind)
    store = open.store
  })
  afterAll(async () => {
    await open?.dispose()
  })
  beforeEach(async () => {
    await store.driver.exec('TRUNCATE integration_webhooks CASCADE')
    for (const id of ['wh', 'wh2']) {
      await store.createWebhook(
        {
          id,
          user_id: 'u',
          provider_id: 'github',
          name: 'GitHub',
          receive_token: `tok-${id}`,
          trigger_types: [],
          integration_config: {},
          external_config: {},
          status: 'active',
          setup_required: true,
          signing_secret: 'sealed.s1',
        },
        { maxPerUser: 10 },
      )
    }
    open.counter.recordings = 0
  })

  let serial = 0
  const event = (overrides: Partial<NewExecution> = {}): NewExecution => ({
    id: `ex_${++serial}`,
    webhook_id: 'wh',
    user_id: 'u',
    provider_id: 'github',
    trigger_type: 'github_trigger_push',
    payload: { ref: 'refs/heads/main', n: serial },
    headers: { 'x-github-event': 'push' },
    status: 'pending',
    error_message: null,
    provider_event_id: null,
    retry_of: null,
    expected_secrets: { secret: 'sealed.s1', previous: null },
    ...overrides,
  })

  const counters = async (id: string) => {
    const webhook = await store.getWebhook('u', id)
    return { trigger_count: webhook?.trigger_count, error_count: webhook?.error_count }
  }
  const loggedExecutions = async () =>
    (
      await store.driver.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM integration_webhook_events WHERE kind = 'execution'",
      )
    )[0]?.n

  it('100 concurrent events over two webhooks: far fewer than 100 statements, 100 executions, each counted and logged', async () => {
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => store.recordExecution(event({ webhook_id: i % 2 ? 'wh' : 'wh2' }), 'id')),
    )
    expect(results.every((result) => result.recorded && result.execution.status === 'pending')).toBe(true)
    expect(new Set(results.map((result) => result.execution?.id)).size).toBe(100)
    expect(open.counter.recordings).toBeLessThanOrEqual(10)
    expect(await countRows(store)).toEqual({ webhooks: 2, executions: 100 })
    expect(await counters('wh')).toEqual({ trigger_count: 50, error_count: 0 })
    expect(await counters('wh2')).toEqual({ trigger_count: 50, error_count: 0 })
    expect(await loggedExecutions()).toBe(100)
    const [webhook] = await store.driver.query<{ setup_required: boolean; last: boolean }>(
      `SELECT setup_required, last_triggered = (SELECT max(triggered_at) FROM webhook_executions WHERE webhook_id = 'wh') AS last
       FROM integration_webhooks WHERE id = 'wh'`,
    )
    expect(webhook).toEqual({ setup_required: false, last: true })
  })

  it('reads back whole rows for the callers that ask (a retry), batched too', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => store.recordExecution(event())))
    expect(open.counter.recordings).toBeLessThan(20)
    for (const result of results) {
      expect(result.recorded).toBe(true)
      expect(result.execution).toEqual(await store.getExecution('u', 'wh', result.execution?.id as string))
    }
  })

  it('the same delivery 10 times at once: one execution, counted once; the nine others are duplicates with its id', async () => {
    const [first, ...others] = await Promise.all([
      store.recordExecution(event(), 'id'),
      ...Array.from({ length: 10 }, () => store.recordExecution(event({ provider_event_id: 'delivery-1' }), 'id')),
      store.recordExecution(event(), 'id'),
    ])
    expect(first?.recorded).toBe(true)
    const same = others.slice(0, 10)
    const recorded = same.filter((result) => result.recorded)
    expect(recorded).toHaveLength(1)
    const id = recorded[0]?.execution?.id
    expect(same.filter((result) => !result.recorded)).toEqual(
      Array.from({ length: 9 }, () => ({ recorded: false, execution: { id, status: 'pending' } })),
    )
    expect(await counters('wh')).toEqual({ trigger_count: 3, error_count: 0 })
    expect(await countRows(store)).toEqual({ webhooks: 2, executions: 3 })
    expect(open.counter.recordings).toBeLessThan(12)
  })

  it('one row the database refuses (a \\u0000 in its trigger type, a text column) fails alone: the 15 others are recorded', async () => {
    const bad = event({ trigger_type: 'nul \u0000 byte' })
    const good = Array.from({ length: 15 }, () => event())
    const lone = store.recordExecution(event(), 'id')
    const settled = await Promise.allSettled([
      ...good.slice(0, 7).map((e) => store.recordExecution(e, 'id')),
      store.recordExecution(bad, 'id'),
      ...good.slice(7).map((e) => store.recordExecution(e, 'id')),
    ])
    expect((await lone).recorded).toBe(true)
    expect(settled[7]).toMatchObject({
      status: 'rejected',
      reason: expect.objectContaining({ message: expect.any(String) }),
    })
    const others = settled.filter((_, i) => i !== 7)
    expect(others.every((result) => result.status === 'fulfilled' && result.value.recorded)).toBe(true)
    expect(await countRows(store)).toEqual({ webhooks: 2, executions: 16 })
    expect(await counters('wh')).toEqual({ trigger_count: 16, error_count: 0 })
    expect(await store.getExecution('u', 'wh', bad.id)).toBeNull()
    // A batch with the bad row failed and was run again row by row: more statements than rows.
    expect(open.counter.recordings).toBeGreaterThan(17)
  })

  it('secrets changed mid-batch: the rows verified with the old ones are stale, the others recorded, in one statement', async () => {
    await store.setSecrets('u', 'wh', { secret: 'sealed.s2', previous: null, previousExpiresAt: null })
    const lone = store.recordExecution(event({ webhook_id: 'wh2' }), 'id')
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        store.recordExecution(
          event({ expected_secrets: { secret: i % 2 ? 'sealed.s1' : 'sealed.s2', previous: null } }),
          'id',
        ),
      ),
    )
    expect((await lone).recorded).toBe(true)
    expect(results.map((result) => (result.recorded ? 'recorded' : result.stale ? 'stale' : 'duplicate'))).toEqual(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? 'stale' : 'recorded')),
    )
    expect(open.counter.recordings).toBeLessThanOrEqual(2)
    expect(await counters('wh')).toEqual({ trigger_count: 5, error_count: 0 })
  })

  it('a disabled webhook in a batch: its pending events are recorded as errors and counted so, the other webhook’s not', async () => {
    await store.setWebhookStatus('u', 'wh2', 'inactive')
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => store.recordExecution(event({ webhook_id: i % 2 ? 'wh' : 'wh2' }), 'id')),
    )
    expect(results.map((result) => result.execution?.status)).toEqual(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? 'pending' : 'error')),
    )
    expect(await counters('wh')).toEqual({ trigger_count: 5, error_count: 0 })
    expect(await counters('wh2')).toEqual({ trigger_count: 5, error_count: 5 })
    const [message] = await store.driver.query<{ error_message: string }>(
      "SELECT DISTINCT error_message FROM webhook_executions WHERE webhook_id = 'wh2'",
    )
    expect(message?.error_message).toBe('the webhook is disabled: not dispatched')
  })

  it('the receiver: an event the database refuses answers 500 as alone, and the events batched with it are recorded', async () => {
    const server = testServer(store)
    try {
      // Stripe: the delivery id is the event's `id`, a text column, where a \u0000 cannot go.
      const { webhook } = (await call(server, 'POST', '', { user: 'u', body: { provider_id: 'stripe' } })).json
      const stripe = schemes.stripe
      if (!stripe?.sign) throw new Error('the stripe scheme signs')
      const secret = stripe.secret.generate()
      expect((await call(server, 'PUT', `/${webhook.id}/secret`, { user: 'u', body: { secret } })).status).toBe(200)
      const signedEvent = async (id: string) => {
        const body = new TextEncoder().encode(JSON.stringify({ id, type: 'invoice.paid' }))
        const { headers } = await (stripe.sign as NonNullable<typeof stripe.sign>)({
          body,
          secret,
          url: new URL(webhook.webhook_url),
          now: new Date(),
          deliveryId: id,
          eventName: 'invoice.paid',
        })
        return new Request(webhook.webhook_url, { method: 'POST', headers, body })
      }
      // The receiver has read the webhook (its cache): the requests go straight to the store.
      expect((await server.handle(await signedEvent('evt_0'))).status).toBe(202)
      const requests = await Promise.all(Array.from({ length: 15 }, (_, i) => signedEvent(`evt_${i + 1}`)))
      requests.splice(8, 0, await signedEvent('evt_nul \u0000 byte'))
      open.counter.recordings = 0
      const responses = await Promise.all(requests.map((request) => server.handle(request)))
      expect(responses.map((response) => response.status)).toEqual(
        Array.from({ length: 16 }, (_, i) => (i === 8 ? 500 : 202)),
      )
      expect(await responses[8]?.json()).toEqual({ error: 'Internal server error', code: 'internal' })
      expect(await countRows(store)).toEqual({ webhooks: 3, executions: 16 })
      expect((await call(server, 'GET', `/${webhook.id}`, { user: 'u' })).json.webhook.trigger_count).toBe(16)
      // A batch with the bad row failed, and was run again row by row.
      expect(open.counter.recordings).toBeGreaterThan(16)
    } finally {
      await server.close()
    }
  })

  it('the receiver: events signed with a rotated secret, in one batch with events signed with the old one (cached)', async () => {
    const server = testServer(store)
    const other = testServer(store)
    try {
      const { webhook } = (await call(server, 'POST', '', { user: 'u', body: { provider_id: 'github' } })).json
      const old = (await call(server, 'GET', `/${webhook.id}/secret`, { user: 'u' })).json.secret
      expect((await server.handle(await signedPush(webhook.webhook_url, old, 0))).status).toBe(202)
      // Another instance rotates at once: this one's cache still has the old secret.
      const rotated = (await call(other, 'POST', `/${webhook.id}/secret/rotate`, { user: 'u' })).json.secret
      open.counter.recordings = 0
      const requests = await Promise.all(
        Array.from({ length: 10 }, (_, i) => signedPush(webhook.webhook_url, i % 2 ? old : rotated, i + 1)),
      )
      const responses = await Promise.all(requests.map((request) => server.handle(request)))
      expect(responses.map((response) => response.status)).toEqual(
        Array.from({ length: 10 }, (_, i) => (i % 2 ? 401 : 202)),
      )
      expect((await call(server, 'GET', `/${webhook.id}`, { user: 'u' })).json.webhook.trigger_count).toBe(6)
      expect(await countRows(store)).toEqual({ webhooks: 3, executions: 6 })
      // The stale rows (verified with the cached secret) were decided in a batch, then verified again.
      expect(open.counter.recordings).toBeLessThan(10)
    } finally {
      await server.close()
      await other.close()
    }
  })
})
