import { createPostgresStore, type SqlStore } from 'integration-webhooks/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, databaseUrl, freshDatabase, testServer } from './support'

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
