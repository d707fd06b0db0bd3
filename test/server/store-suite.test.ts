import type { NewExecution, SqlStore } from 'integration-webhooks/server'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { type OpenStore, openStore, storeKinds } from './support'

// What every store must do for the receiver and the dispatch workers, on both stores.
describe.each(storeKinds)('the store on %s: recording and dispatch', (kind) => {
  let open: OpenStore
  let store: SqlStore
  beforeAll(async () => {
    open = await openStore(kind)
    store = open.store
  })
  afterAll(async () => {
    await open?.dispose()
  })
  beforeEach(async () => {
    await open.reset()
    await store.createWebhook(
      {
        id: 'wh',
        user_id: 'u',
        provider_id: 'github',
        name: 'GitHub',
        receive_token: 'tok',
        trigger_types: [],
        integration_config: {},
        external_config: {},
        status: 'active',
        setup_required: true,
      },
      { maxPerUser: 10 },
    )
  })

  let serial = 0
  const event = (overrides: Partial<NewExecution> = {}): NewExecution => ({
    id: `ex_${++serial}`,
    webhook_id: 'wh',
    user_id: 'u',
    provider_id: 'github',
    trigger_type: 'github_trigger_push',
    payload: { ref: 'refs/heads/main' },
    headers: { 'x-github-event': 'push' },
    status: 'pending',
    error_message: null,
    provider_event_id: null,
    retry_of: null,
    ...overrides,
  })

  it('finds a webhook by its token, with its sealed secrets', async () => {
    await store.setSecrets('u', 'wh', { secret: 'plain.s1', previous: null, previousExpiresAt: null })
    expect(await store.findWebhookByToken('tok')).toMatchObject({
      id: 'wh',
      signing_secret: 'plain.s1',
      previous_secret: null,
    })
    expect(await store.findWebhookByToken('nope')).toBeNull()
    expect(await store.getSecrets('other', 'wh')).toBeNull()
  })

  it('records an event and counts it atomically; setup is done', async () => {
    const result = await store.recordExecution(event())
    expect(result.recorded).toBe(true)
    const webhook = await store.getWebhook('u', 'wh')
    expect(webhook).toMatchObject({ trigger_count: 1, error_count: 0, setup_required: false })
    expect(webhook?.last_triggered).toBe(result.execution?.triggered_at)
  })

  it('an error execution (a disabled webhook) counts as an error too', async () => {
    await store.recordExecution(event({ status: 'error', error_message: 'the webhook is disabled: not dispatched' }))
    expect(await store.getWebhook('u', 'wh')).toMatchObject({ trigger_count: 1, error_count: 1 })
    expect(await store.claimExecutions('w1', 10, 60_000)).toEqual([])
  })

  it('records only while the secrets the event was verified with are still the webhook’s (else stale, nothing written)', async () => {
    await store.setSecrets('u', 'wh', { secret: 'plain.s2', previous: 'plain.s1', previousExpiresAt: null })
    for (const expected of [
      { secret: 'plain.s1', previous: null },
      { secret: 'plain.s2', previous: null },
      { secret: null, previous: null },
    ]) {
      expect(await store.recordExecution(event({ expected_secrets: expected }))).toEqual({
        recorded: false,
        execution: null,
        stale: true,
      })
    }
    expect(await store.getWebhook('u', 'wh')).toMatchObject({ trigger_count: 0 })
    const [none] = await store.driver.query<{ n: number }>('SELECT count(*)::int AS n FROM webhook_executions')
    expect(none?.n).toBe(0)
    const result = await store.recordExecution(
      event({ expected_secrets: { secret: 'plain.s2', previous: 'plain.s1' } }),
    )
    expect(result.recorded).toBe(true)
    expect(await store.recordExecution(event({ webhook_id: 'gone' }))).toMatchObject({ recorded: false, stale: true })
  })

  it('a pending event for a webhook disabled as it is written is kept as an error, not dispatched', async () => {
    await store.setWebhookStatus('u', 'wh', 'inactive')
    const result = await store.recordExecution(event())
    expect(result.execution).toMatchObject({
      status: 'error',
      error_message: 'the webhook is disabled: not dispatched',
    })
    expect(await store.getWebhook('u', 'wh')).toMatchObject({ trigger_count: 1, error_count: 1 })
    expect(await store.claimExecutions('w1', 10, 60_000)).toEqual([])
  })

  it('100 concurrent events: 100 executions and trigger_count 100', async () => {
    await Promise.all(Array.from({ length: 100 }, () => store.recordExecution(event())))
    expect(await store.getWebhook('u', 'wh')).toMatchObject({ trigger_count: 100 })
    const [row] = await store.driver.query<{ n: number }>('SELECT count(*)::int AS n FROM webhook_executions')
    expect(row?.n).toBe(100)
  })

  it('the same delivery 10 times at once: one execution, counted once, the others told which', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, () => store.recordExecution(event({ provider_event_id: 'delivery-1' }))),
    )
    const recorded = results.filter((r) => r.recorded)
    expect(recorded).toHaveLength(1)
    for (const duplicate of results.filter((r) => !r.recorded)) {
      expect(duplicate.execution?.id).toBe(recorded[0]?.execution?.id)
    }
    expect(await store.getWebhook('u', 'wh')).toMatchObject({ trigger_count: 1 })
  })

  it("with 'id' (the receiver's answer): records and counts the same, reads back only the id and status", async () => {
    const recorded = await store.recordExecution(event({ provider_event_id: 'delivery-2' }), 'id')
    expect(recorded).toEqual({ recorded: true, execution: { id: `ex_${serial}`, status: 'pending' } })
    expect(await store.getExecution('u', 'wh', `ex_${serial}`)).toMatchObject({
      payload: { ref: 'refs/heads/main' },
      headers: { 'x-github-event': 'push' },
      provider_event_id: 'delivery-2',
    })
    const first = `ex_${serial}`
    expect(await store.recordExecution(event({ provider_event_id: 'delivery-2' }), 'id')).toEqual({
      recorded: false,
      execution: { id: first, status: 'pending' },
    })
    await store.setWebhookStatus('u', 'wh', 'inactive')
    expect(await store.recordExecution(event(), 'id')).toEqual({
      recorded: true,
      execution: { id: `ex_${serial}`, status: 'error' },
    })
    expect(await store.getWebhook('u', 'wh')).toMatchObject({ trigger_count: 2, error_count: 1 })
  })

  it('workers claiming at once never share an execution', async () => {
    await Promise.all(Array.from({ length: 30 }, () => store.recordExecution(event())))
    const claims = await Promise.all(['a', 'b', 'c'].map((worker) => store.claimExecutions(worker, 15, 60_000)))
    const ids = claims.flat().map((row) => row.id)
    expect(ids).toHaveLength(30)
    expect(new Set(ids).size).toBe(30)
  })

  it('a claim whose lease ran out is taken over, and the late worker can no longer finish it', async () => {
    await store.recordExecution(event())
    const [first] = await store.claimExecutions('dead', 1, 1)
    expect(first).toBeDefined()
    await new Promise((resolve) => setTimeout(resolve, 20))
    const [again] = await store.claimExecutions('alive', 1, 60_000)
    expect(again?.id).toBe(first?.id)
    expect(
      await store.finishExecution(first?.id as string, 'dead', {
        status: 'success',
        durationMs: 1,
        responseBody: null,
      }),
    ).toBe(false)
    expect(
      await store.finishExecution(first?.id as string, 'alive', {
        status: 'success',
        durationMs: 3,
        responseBody: '{"ok":true}',
      }),
    ).toBe(true)
    expect(await store.getExecution('u', 'wh', first?.id as string)).toMatchObject({
      status: 'success',
      execution_time_ms: 3,
      response_body: '{"ok":true}',
    })
  })

  it('a retry reschedules: not claimable before it is due, one attempt more', async () => {
    await store.recordExecution(event())
    const [claimed] = await store.claimExecutions('w', 1, 60_000)
    const later = new Date(Date.now() + 60_000)
    await store.finishExecution(claimed?.id as string, 'w', {
      status: 'retry',
      durationMs: 2,
      error: 'boom',
      nextAttemptAt: later,
    })
    expect(await store.claimExecutions('w', 1, 60_000)).toEqual([])
    expect(await store.getExecution('u', 'wh', claimed?.id as string)).toMatchObject({
      status: 'pending',
      attempt: 2,
      error_message: 'boom',
    })
  })

  it('consecutive failures turn the webhook to error; a success makes it active again', async () => {
    for (let i = 0; i < 3; i++) {
      await store.recordExecution(event())
      const [claimed] = await store.claimExecutions('w', 1, 60_000)
      await store.finishExecution(claimed?.id as string, 'w', {
        status: 'error',
        durationMs: 1,
        error: 'down',
        failureThreshold: 3,
      })
      expect((await store.getWebhook('u', 'wh'))?.status).toBe(i < 2 ? 'active' : 'error')
    }
    expect(await store.getWebhook('u', 'wh')).toMatchObject({ error_count: 3, trigger_count: 3 })
    await store.recordExecution(event())
    const [claimed] = await store.claimExecutions('w', 1, 60_000)
    await store.finishExecution(claimed?.id as string, 'w', { status: 'success', durationMs: 1, responseBody: null })
    expect((await store.getWebhook('u', 'wh'))?.status).toBe('active')
  })

  it('a disabled webhook stays disabled through failures and successes', async () => {
    await store.recordExecution(event())
    const [claimed] = await store.claimExecutions('w', 1, 60_000)
    expect(claimed).toBeDefined()
    await store.setWebhookStatus('u', 'wh', 'inactive')
    await store.finishExecution(claimed?.id as string, 'w', {
      status: 'error',
      durationMs: 1,
      error: 'x',
      failureThreshold: 1,
    })
    expect((await store.getWebhook('u', 'wh'))?.status).toBe('inactive')
  })

  it('a dispatched payload over 256 KiB is stored cut and marked; a pending one is kept whole', async () => {
    const big = { data: 'x'.repeat(300 * 1024) }
    const { execution } = await store.recordExecution(event({ payload: big }))
    expect((await store.getExecution('u', 'wh', execution?.id as string))?.payload).toEqual(big)
    const [claimed] = await store.claimExecutions('w', 1, 60_000)
    expect(claimed?.payload).toEqual(big)
    await store.finishExecution(claimed?.id as string, 'w', { status: 'success', durationMs: 1, responseBody: null })
    const stored = await store.getExecution('u', 'wh', execution?.id as string)
    expect(stored?.payload_truncated).toBe(true)
    expect(typeof stored?.payload).toBe('string')
    expect(String(stored?.payload).length).toBe(256 * 1024)
  })

  it('prunes by age and by a cap per webhook, never pending executions', async () => {
    for (let i = 0; i < 6; i++) await store.recordExecution(event())
    for (const row of await store.claimExecutions('w', 5, 60_000)) {
      await store.finishExecution(row.id, 'w', { status: 'success', durationMs: 1, responseBody: null })
    }
    expect(await store.pruneExecutions({ olderThan: null, perWebhook: 2 })).toBe(3)
    const [row] = await store.driver.query<{ n: number; pending: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE status = 'pending')::int AS pending FROM webhook_executions`,
    )
    expect(row).toEqual({ n: 3, pending: 1 })
    expect(await store.pruneExecutions({ olderThan: new Date(Date.now() + 60_000), perWebhook: null })).toBe(2)
  })

  it('notifies subscribers with ids only', async () => {
    const seen: unknown[] = []
    const unsubscribe = await (store.subscribe as NonNullable<SqlStore['subscribe']>)((n) => seen.push(n))
    const { execution } = await store.recordExecution(event())
    for (let i = 0; i < 100 && seen.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20))
    await unsubscribe()
    expect(seen).toEqual([{ type: 'execution', userId: 'u', webhookId: 'wh', executionId: execution?.id }])
  })
})
