import type { WebhookEvent } from 'integration-webhooks/server'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { call, type OpenStore, openStore, storeKinds, testServer, until } from './support'

describe.each(storeKinds)('dispatch to onEvent on %s', (kind) => {
  let open: OpenStore
  let servers: ReturnType<typeof testServer>[] = []
  beforeAll(async () => {
    open = await openStore(kind)
  })
  afterAll(async () => {
    await open?.dispose()
  })
  beforeEach(async () => {
    await open.reset()
  })
  afterEach(async () => {
    await Promise.all(servers.map((server) => server.close()))
    servers = []
  })
  const serve = (options: Parameters<typeof testServer>[1]) => {
    const server = testServer(open.store, { pollIntervalMs: 50, ...options })
    servers.push(server)
    return server
  }
  const executions = async (server: ReturnType<typeof testServer>, id: string) =>
    (await call(server, 'GET', `/executions/${id}?limit=100`)).json.executions as {
      id: string
      status: string
      attempt: number
      error_message: string | null
      response_body: string | null
      execution_time_ms: number | null
      attempts: {
        attempt: number
        status: string
        ended_at: string
        duration_ms: number
        error: string | null
        next_attempt_at: string | null
      }[]
    }[]

  it('hands each event to onEvent with the webhook, the execution (its idempotency key) and the payload; records the result', async () => {
    const seen: WebhookEvent[] = []
    const server = serve({
      onEvent: (event) => {
        seen.push(event)
        return { workflow_run: 'run_1' }
      },
    })
    const webhook = (await call(server, 'POST', '', { body: { provider_id: 'github' } })).json.webhook
    const sent = (await call(server, 'POST', `/${webhook.id}/test`)).json.execution
    await until(async () => (await executions(server, webhook.id))[0]?.status === 'success', 'the success')
    expect(seen).toHaveLength(1)
    expect(seen[0]?.execution.id).toBe(sent.id)
    expect(seen[0]?.webhook).toMatchObject({ id: webhook.id, webhook_url: webhook.webhook_url })
    expect(seen[0]?.event).toMatchObject({
      provider_id: 'github',
      trigger_type: sent.trigger_type,
      payload: sent.payload,
    })
    const [done] = await executions(server, webhook.id)
    expect(done?.response_body).toBe('{"workflow_run":"run_1"}')
    expect(done?.attempts).toEqual([
      {
        attempt: 1,
        status: 'success',
        ended_at: expect.any(String),
        duration_ms: done?.execution_time_ms,
        error: null,
        next_attempt_at: null,
      },
    ])
    expect(done?.execution_time_ms).toEqual(expect.any(Number))
    const saved = (await call(server, 'GET', `/${webhook.id}`)).json.webhook
    expect(saved).toMatchObject({ trigger_count: 1, error_count: 0, status: 'active' })
  })

  it('retries a failing onEvent with backoff, then records the error and counts it', async () => {
    let calls = 0
    const server = serve({
      onEvent: () => {
        calls++
        throw new Error(`workflow engine unavailable (${calls})`)
      },
      maxAttempts: 3,
      backoff: () => 10,
      failureThreshold: 1,
    })
    const webhook = (await call(server, 'POST', '', { body: { provider_id: 'github' } })).json.webhook
    await call(server, 'POST', `/${webhook.id}/test`)
    await until(async () => (await executions(server, webhook.id))[0]?.status === 'error', 'the final error')
    expect(calls).toBe(3)
    const [failed] = await executions(server, webhook.id)
    expect(failed).toMatchObject({ attempt: 3, error_message: 'workflow engine unavailable (3)' })
    // Each attempt is kept, not only the last: its outcome, error, duration, end and next try.
    expect(failed?.attempts.map(({ attempt, status, error }) => ({ attempt, status, error }))).toEqual([
      { attempt: 1, status: 'error', error: 'workflow engine unavailable (1)' },
      { attempt: 2, status: 'error', error: 'workflow engine unavailable (2)' },
      { attempt: 3, status: 'error', error: 'workflow engine unavailable (3)' },
    ])
    for (const [index, attempt] of (failed?.attempts ?? []).entries()) {
      expect(attempt.duration_ms).toBeGreaterThanOrEqual(0)
      expect(attempt.ended_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
      // A retried attempt says when the next one is due (the backoff after its end); the last one does not.
      if (index < 2)
        expect(Date.parse(attempt.next_attempt_at as string)).toBeGreaterThan(Date.parse(attempt.ended_at) - 1000)
      else expect(attempt.next_attempt_at).toBeNull()
    }
    expect((await call(server, 'GET', `/${webhook.id}`)).json.webhook).toMatchObject({
      error_count: 1,
      status: 'error',
    })
  })

  it('an onEvent that never settles times out and is retried', async () => {
    let calls = 0
    const server = serve({
      onEvent: () => {
        calls++
        return calls === 1 ? new Promise(() => {}) : 'ok'
      },
      eventTimeoutMs: 100,
      backoff: () => 10,
    })
    const webhook = (await call(server, 'POST', '', { body: { provider_id: 'github' } })).json.webhook
    await call(server, 'POST', `/${webhook.id}/test`)
    await until(async () => (await executions(server, webhook.id))[0]?.status === 'success', 'the success')
    expect(calls).toBe(2)
  })

  it('inline dispatch awaits onEvent before answering', async () => {
    const server = serve({ onEvent: () => 'done inline', dispatch: 'inline' })
    const webhook = (await call(server, 'POST', '', { body: { provider_id: 'github' } })).json.webhook
    await call(server, 'POST', `/${webhook.id}/test`)
    const [execution] = await executions(server, webhook.id)
    expect(execution).toMatchObject({ status: 'success', response_body: 'done inline' })
  })

  it('without onEvent, events wait as pending for a server that has one', async () => {
    const receiver = serve({})
    const webhook = (await call(receiver, 'POST', '', { body: { provider_id: 'github' } })).json.webhook
    await call(receiver, 'POST', `/${webhook.id}/test`)
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect((await executions(receiver, webhook.id))[0]?.status).toBe('pending')
    const handled: string[] = []
    serve({ onEvent: (event) => void handled.push(event.execution.id) })
    await until(async () => (await executions(receiver, webhook.id))[0]?.status === 'success', 'the worker')
    expect(handled).toHaveLength(1)
  })

  it('a retried execution is dispatched again', async () => {
    let fail = true
    const server = serve({
      onEvent: () => {
        if (fail) throw new Error('down')
        return 'ok'
      },
      maxAttempts: 1,
    })
    const webhook = (await call(server, 'POST', '', { body: { provider_id: 'github' } })).json.webhook
    const first = (await call(server, 'POST', `/${webhook.id}/test`)).json.execution
    await until(async () => (await executions(server, webhook.id))[0]?.status === 'error', 'the failure')
    fail = false
    const retry = (await call(server, 'POST', `/executions/${webhook.id}/${first.id}/retry`)).json.execution
    await until(
      async () => (await executions(server, webhook.id)).find((e) => e.id === retry.id)?.status === 'success',
      'the retry',
    )
  })
})
