import { createPostgresStore, type SqlStore } from 'integration-webhooks/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startChild } from './child'
import { call, databaseUrl, freshDatabase, signedPush, TEST_KEY, testServer, until } from './support'

// Several stateless instances on one PostgreSQL: what one writes, the other reads; nothing is lost.
describe.skipIf(!databaseUrl)('two server instances on one PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>
  let stores: SqlStore[]
  let a: ReturnType<typeof testServer>
  let b: ReturnType<typeof testServer>
  beforeAll(async () => {
    database = await freshDatabase()
    stores = await Promise.all([1, 2].map(() => createPostgresStore({ connectionString: database.url, max: 8 })))
    a = testServer(stores[0] as SqlStore, { maxWebhooksPerUser: 10_000 })
    b = testServer(stores[1] as SqlStore, { maxWebhooksPerUser: 10_000 })
  })
  afterAll(async () => {
    await Promise.all((stores ?? []).map((store) => store.close()))
    await database?.drop()
  })

  it('a change through one is read through the other', async () => {
    const created = (await call(a, 'POST', '', { user: 'shared', body: { provider_id: 'stripe' } })).json.webhook
    expect((await call(b, 'GET', `/${created.id}`, { user: 'shared' })).json.webhook).toEqual(created)
    await call(b, 'PATCH', `/${created.id}`, { user: 'shared', body: { status: 'inactive' } })
    expect((await call(a, 'GET', `/${created.id}`, { user: 'shared' })).json.webhook.status).toBe('inactive')
    expect((await call(a, 'DELETE', `/${created.id}`, { user: 'shared' })).status).toBe(204)
    expect((await call(b, 'GET', `/${created.id}`, { user: 'shared' })).status).toBe(404)
  })

  it('100 concurrent creates and status changes across both lose nothing', async () => {
    const created = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        call(i % 2 ? a : b, 'POST', '', { user: 'busy', body: { provider_id: 'github', name: `GitHub ${i}` } }),
      ),
    )
    expect(created.map((r) => r.status)).toEqual(Array(100).fill(201))
    const ids = created.map((r) => r.json.webhook.id as string)
    expect(new Set(ids).size).toBe(100)
    const changed = await Promise.all(
      ids.map((id, i) => call(i % 2 ? b : a, 'PATCH', `/${id}`, { user: 'busy', body: { status: 'inactive' } })),
    )
    expect(changed.every((r) => r.status === 200)).toBe(true)
    const [fromA, fromB] = await Promise.all([
      call(a, 'GET', '', { user: 'busy' }),
      call(b, 'GET', '', { user: 'busy' }),
    ])
    expect(fromA.json.webhooks).toHaveLength(100)
    expect(fromA.json.webhooks.every((row: { status: string }) => row.status === 'inactive')).toBe(true)
    expect(fromB.json).toEqual(fromA.json)
  })

  it('1,000 events received by both instances: each dispatched to onEvent exactly once', async () => {
    const handled: string[] = []
    const workers = stores.map((store) =>
      testServer(store, {
        onEvent: (event) => void handled.push(event.execution.id),
        pollIntervalMs: 100,
        concurrency: 8,
      }),
    )
    try {
      const [x, y] = workers as [typeof a, typeof a]
      const webhook = (await call(x, 'POST', '', { user: 'flood', body: { provider_id: 'github' } })).json.webhook
      const { secret } = (await call(y, 'GET', `/${webhook.id}/secret`, { user: 'flood' })).json
      for (let batch = 0; batch < 20; batch++) {
        const responses = await Promise.all(
          Array.from({ length: 50 }, async (_, i) => {
            const n = batch * 50 + i
            return (n % 2 ? x : y).handle(await signedPush(webhook.webhook_url, secret, n))
          }),
        )
        expect(responses.every((r) => r.status === 202)).toBe(true)
      }
      await until(async () => handled.length >= 1000, '1,000 dispatches', 120_000)
      await new Promise((resolve) => setTimeout(resolve, 500))
      expect(handled).toHaveLength(1000)
      expect(new Set(handled).size).toBe(1000)
      const saved = (await call(x, 'GET', `/${webhook.id}`, { user: 'flood' })).json.webhook
      expect(saved).toMatchObject({ trigger_count: 1000, error_count: 0 })
    } finally {
      await Promise.all(workers.map((worker) => worker.close()))
    }
  })

  it('a worker killed mid-dispatch: its execution is taken over after the lease and completed', async () => {
    const webhook = (await call(a, 'POST', '', { user: 'crash', body: { provider_id: 'github' } })).json.webhook
    // A process whose onEvent starts and never finishes, with a short lease, killed mid-dispatch.
    const doomed = await startChild(
      `const store = await server.createPostgresStore({ connectionString: process.env.URL, max: 2 })
       server.createWebhookServer({ store, authenticate: () => null, encryptionKey: process.env.KEY, leaseMs: 1000,
         pollIntervalMs: 50, onEvent: (event) => { console.log('dispatching ' + event.execution.id); return new Promise(() => {}) } })`,
      { URL: database.url, KEY: TEST_KEY },
    )
    const sent = (await call(a, 'POST', `/${webhook.id}/test`, { user: 'crash' })).json.execution
    await doomed.waitFor((line) => line === `dispatching ${sent.id}`)
    doomed.child.kill('SIGKILL')
    await doomed.exited
    const handled: string[] = []
    const survivor = testServer(stores[1] as SqlStore, {
      onEvent: (event) => void handled.push(event.execution.id),
      pollIntervalMs: 100,
    })
    try {
      await until(async () => handled.includes(sent.id), 'the takeover', 120_000)
      await until(
        async () =>
          (await call(survivor, 'GET', `/executions/${webhook.id}`, { user: 'crash' })).json.executions[0]?.status ===
          'success',
        'the success',
        120_000,
      )
    } finally {
      await survivor.close()
    }
  })

  it('the per-user limit holds across instances', async () => {
    const [limitedA, limitedB] = [a, b].map((_, i) => testServer(stores[i] as SqlStore, { maxWebhooksPerUser: 5 }))
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        call(i % 2 ? (limitedA as typeof a) : (limitedB as typeof a), 'POST', '', {
          user: 'capped',
          body: { provider_id: 'slack' },
        }),
      ),
    )
    expect(results.filter((r) => r.status === 201)).toHaveLength(5)
  })
})
