import type { SqlDriver } from 'integration-webhooks/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSqlStore } from '../../src/server/stores/sql-store'
import { insertExecutions, type OpenStore, openStore, storeKinds } from './support'

// The list and page queries must be served by their indexes in order, never by a sort of
// every row: a page then costs the same at 10,000 executions as at 1,000,000.
describe.each(storeKinds)('query plans on %s', (kind) => {
  let open: OpenStore
  const recorded: { text: string; params: readonly unknown[] }[] = []
  let store: Awaited<ReturnType<typeof createSqlStore>>
  beforeAll(async () => {
    open = await openStore(kind)
    const driver = open.store.driver
    const recording: SqlDriver = {
      ...driver,
      query: (text, params) => {
        recorded.push({ text, params: params ?? [] })
        return driver.query(text, params)
      },
    }
    store = await createSqlStore(recording, { migrate: false })
  })
  afterAll(async () => {
    await open?.dispose()
  })

  /** The plan of the last query the store ran, with sequential scans off (tables this small would scan). */
  async function planOfLast(): Promise<string> {
    const last = recorded.at(-1)
    if (!last) throw new Error('no query recorded')
    return open.store.driver.transaction(async (tx) => {
      await tx.query('SET LOCAL enable_seqscan = off')
      const rows = await tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${last.text}`, last.params)
      return rows.map((row) => row['QUERY PLAN']).join('\n')
    })
  }

  it('pages executions by the (webhook_id, triggered_at desc, id desc) index, without a sort', async () => {
    const webhook = { id: 'wh_plan', user_id: 'u', provider_id: 'github' }
    await store.createWebhook(
      {
        ...webhook,
        name: 'GitHub',
        receive_token: 'tok_plan',
        trigger_types: [],
        integration_config: {},
        external_config: {},
        status: 'active',
        setup_required: true,
      },
      { maxPerUser: 10 },
    )
    await insertExecutions(open.store, webhook, 50)
    await store.listExecutions('u', 'wh_plan', { limit: 21, before: null })
    const first = await planOfLast()
    expect(first).toContain('webhook_executions_page_idx')
    expect(first).not.toMatch(/\bSort\b/)
    await store.listExecutions('u', 'wh_plan', {
      limit: 21,
      before: { triggeredAt: '2026-01-01T00:00:10.000Z', id: 'exec_0000030' },
    })
    const deep = await planOfLast()
    expect(deep).toContain('webhook_executions_page_idx')
    expect(deep).not.toMatch(/\bSort\b/)
  })

  it("lists a user's webhooks by the (user_id, created_at, id) index, without a sort", async () => {
    await store.listWebhooks('u')
    const plan = await planOfLast()
    expect(plan).toContain('integration_webhooks_user_idx')
    expect(plan).not.toMatch(/\bSort\b/)
  })

  it("reads a webhook's statistics, and every webhook's, by range scans of the page index", async () => {
    const range = { now: new Date('2026-01-01T00:30:00.000Z'), bucketHours: 1, buckets: 24 }
    // Index-only: the index carries every column the statistics read (the table's rows, with
    // their payloads, are never fetched once VACUUM has marked the pages all-visible).
    await open.store.driver.exec('VACUUM webhook_executions')
    await store.webhookStats('u', 'wh_plan', range)
    const one = await planOfLast()
    expect(one).toContain('Index Only Scan using webhook_executions_page_idx')
    expect(one).toMatch(/Index Cond: \(\(webhook_id = w\.id\) AND \(triggered_at >= /)
    expect(one).not.toContain('Seq Scan on webhook_executions')
    await store.userStats('u', range)
    const all = await planOfLast()
    expect(all).toContain('integration_webhooks_user_idx')
    expect(all).toContain('Index Only Scan using webhook_executions_page_idx')
    expect(all).not.toContain('Seq Scan on webhook_executions')
  })
})
