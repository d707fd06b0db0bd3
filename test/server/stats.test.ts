import type { SqlStore, StatsRange, WebhookStats } from 'integration-webhooks/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSqlStore } from '../../src/server/stores/sql-store'
import { call, countRows, type OpenStore, openStore, storeKinds, testServer } from './support'

// Statistics against a fixture computed by hand, on both stores. The clock is fixed:
// 2026-03-10T12:34:56.789Z (a Tuesday). Windows end with the bucket that holds it:
//   24h: hours 2026-03-09T13:00Z … 2026-03-10T12:00Z, i.e. [03-09T13:00, 03-10T13:00)
//   7d:  days 2026-03-04 … 2026-03-10, i.e. [03-04T00:00, 03-11T00:00)
//   30d: days 2026-02-09 … 2026-03-10, i.e. [02-09T00:00, 03-11T00:00)
const NOW = new Date('2026-03-10T12:34:56.789Z')

type Row = [id: string, at: string, status: 'success' | 'error' | 'pending', ms: number | null]
const fixture: Row[] = [
  ['e01', '2026-02-08T23:59:59.999Z', 'success', 7000], // before every window
  ['e02', '2026-02-09T00:00:00.000Z', 'success', 0], // first bucket of 30d (its edge)
  ['e03', '2026-03-03T23:59:59.999Z', 'success', 2000], // 30d only: a millisecond before 7d starts
  ['e04', '2026-03-04T00:00:00.000Z', 'error', 100], // first bucket of 7d (its edge)
  ['e05', '2026-03-09T12:59:59.999Z', 'success', 5], // a millisecond before 24h starts
  ['e06', '2026-03-09T13:00:00.000Z', 'success', 10], // first hour of 24h (its edge)
  ['e07', '2026-03-09T13:59:59.999Z', 'error', 20], // first hour of 24h (its last millisecond)
  ['e08', '2026-03-10T05:15:00.000Z', 'error', null], // recorded as an error, never run: no time
  ['e09', '2026-03-10T05:45:00.000Z', 'pending', 50], // pending, retrying: it has a time
  ['e10', '2026-03-10T12:00:00.000Z', 'success', 30], // the current hour (its edge)
  ['e11', '2026-03-10T12:30:00.000Z', 'pending', null], // pending, never tried
  ['e12', '2026-03-10T12:34:56.000Z', 'success', 40], // the current hour
  ['e13', '2026-03-10T13:00:00.000Z', 'success', 1000], // the next hour: 7d and 30d only
  ['e14', '2026-03-11T00:00:00.000Z', 'success', 9000], // the next day: in no window
]

const hours = (from: string, count: number) =>
  Array.from({ length: count }, (_, i) => new Date(Date.parse(from) + i * 3_600_000).toISOString())
const zeros = (starts: string[]) => starts.map((start) => ({ start, success: 0, error: 0 }))
const withCounts = (starts: string[], counts: Record<string, [number, number]>) =>
  zeros(starts).map((bucket) => {
    const [success, error] = counts[bucket.start] ?? [0, 0]
    return { ...bucket, success, error }
  })
const days = (from: string, count: number) => hours(from, count * 24).filter((_, i) => i % 24 === 0)

// By hand, from the fixture above.
const expected: Record<'24h' | '7d' | '30d', WebhookStats> = {
  // e06 e07 e08 e09 e10 e11 e12. Times 10 20 50 30 40 → sorted 10 20 30 40 50:
  // p50 = 30; p95 at rank 0.95 × 4 = 3.8: 40 + 0.8 × (50 − 40) = 48.
  '24h': {
    total: 7,
    success: 3,
    error: 2,
    pending: 2,
    success_rate: 3 / 5,
    p50_ms: 30,
    p95_ms: 48,
    buckets: withCounts(hours('2026-03-09T13:00:00.000Z', 24), {
      '2026-03-09T13:00:00.000Z': [1, 1],
      '2026-03-10T05:00:00.000Z': [0, 1],
      '2026-03-10T12:00:00.000Z': [2, 0],
    }),
  },
  // e04 … e13. Times 100 5 10 20 50 30 40 1000 → 5 10 20 30 40 50 100 1000:
  // p50 at rank 3.5: 30 + 0.5 × 10 = 35; p95 at rank 6.65: 100 + 0.65 × 900 = 685.
  '7d': {
    total: 10,
    success: 5,
    error: 3,
    pending: 2,
    success_rate: 5 / 8,
    p50_ms: 35,
    p95_ms: 685,
    buckets: withCounts(days('2026-03-04T00:00:00.000Z', 7), {
      '2026-03-04T00:00:00.000Z': [0, 1],
      '2026-03-09T00:00:00.000Z': [2, 1],
      '2026-03-10T00:00:00.000Z': [3, 1],
    }),
  },
  // e02 … e13. Times 0 2000 100 5 10 20 50 30 40 1000 → 0 5 10 20 30 40 50 100 1000 2000:
  // p50 at rank 4.5: 30 + 0.5 × 10 = 35; p95 at rank 8.55: 1000 + 0.55 × 1000 = 1550.
  '30d': {
    total: 12,
    success: 7,
    error: 3,
    pending: 2,
    success_rate: 7 / 10,
    p50_ms: 35,
    p95_ms: 1550,
    buckets: withCounts(days('2026-02-09T00:00:00.000Z', 30), {
      '2026-02-09T00:00:00.000Z': [1, 0],
      '2026-03-03T00:00:00.000Z': [1, 0],
      '2026-03-04T00:00:00.000Z': [0, 1],
      '2026-03-09T00:00:00.000Z': [2, 1],
      '2026-03-10T00:00:00.000Z': [3, 1],
    }),
  },
}

const ranges: Record<keyof typeof expected, StatsRange> = {
  '24h': { now: NOW, bucketHours: 1, buckets: 24 },
  '7d': { now: NOW, bucketHours: 24, buckets: 7 },
  '30d': { now: NOW, bucketHours: 24, buckets: 30 },
}

const quiet = (window: keyof typeof expected): WebhookStats => ({
  total: 0,
  success: 0,
  error: 0,
  pending: 0,
  success_rate: null,
  p50_ms: null,
  p95_ms: null,
  buckets: zeros(expected[window].buckets.map((bucket) => bucket.start)),
})

/** Percentiles are floating point: equal to the hand-computed value to 9 digits. */
function expectStats(actual: WebhookStats | null | undefined, wanted: WebhookStats) {
  expect(actual).toEqual({
    ...wanted,
    success_rate: wanted.success_rate === null ? null : expect.closeTo(wanted.success_rate, 9),
    p50_ms: wanted.p50_ms === null ? null : expect.closeTo(wanted.p50_ms, 9),
    p95_ms: wanted.p95_ms === null ? null : expect.closeTo(wanted.p95_ms, 9),
  })
}

async function insertFixture(store: SqlStore, webhookId: string, userId: string, rows: Row[], prefix = '') {
  for (const [id, at, status, ms] of rows) {
    await store.driver.query(
      `INSERT INTO webhook_executions (id, webhook_id, user_id, provider_id, trigger_type, payload, status,
         execution_time_ms, triggered_at)
       VALUES ($1, $2, $3, 'github', 'github_trigger_push', '{}', $4, $5, $6::timestamptz)`,
      [`${prefix}${id}`, webhookId, userId, status, ms, at],
    )
  }
}

describe.each(storeKinds)('statistics on %s', (kind) => {
  let open: OpenStore
  let server: ReturnType<typeof testServer>
  let mine: string
  let quietOne: string
  let theirs: string
  beforeAll(async () => {
    open = await openStore(kind)
    server = testServer(open.store, { now: () => NOW })
    mine = (await call(server, 'POST', '', { user: 'user_a', body: { provider_id: 'github' } })).json.webhook.id
    quietOne = (await call(server, 'POST', '', { user: 'user_a', body: { provider_id: 'stripe' } })).json.webhook.id
    theirs = (await call(server, 'POST', '', { user: 'user_b', body: { provider_id: 'github' } })).json.webhook.id
    await insertFixture(open.store, mine, 'user_a', fixture)
    // Another user's executions, in every window: never counted for user_a.
    await insertFixture(open.store, theirs, 'user_b', fixture, 'b_')
    // A row on user_a's webhook that names another user (no writer does this): not counted either.
    await insertFixture(open.store, mine, 'user_b', [['x01', '2026-03-10T12:00:00.000Z', 'error', 99999]], 'b_')
  })
  afterAll(async () => {
    await server?.close()
    await open?.dispose()
  })

  describe.each(Object.keys(expected) as (keyof typeof expected)[])('over %s', (window) => {
    it('the store computes the hand-computed figures: edges, percentiles, pending apart, zero buckets', async () => {
      expectStats(await open.store.webhookStats('user_a', mine, ranges[window]), expected[window])
    })

    it('GET /{id}/stats answers them with the window', async () => {
      const response = await call(server, 'GET', `/${mine}/stats?window=${window}`)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8')
      expect(response.json.window).toBe(window)
      const { window: _, ...stats } = response.json
      expectStats(stats, expected[window])
    })

    it('GET /stats answers every webhook of the user in one query, zeros for the quiet one', async () => {
      const response = await call(server, 'GET', `/stats?window=${window}`)
      expect(response.status).toBe(200)
      expect(response.json.window).toBe(window)
      expect(Object.keys(response.json.stats).sort()).toEqual([mine, quietOne].sort())
      expectStats(response.json.stats[mine], expected[window])
      expect(response.json.stats[quietOne]).toEqual(quiet(window))
    })
  })

  it('defaults to 24h', async () => {
    const one = await call(server, 'GET', `/${mine}/stats`)
    expect(one.json.window).toBe('24h')
    expectStats({ ...one.json, window: undefined }, { ...expected['24h'], window: undefined } as WebhookStats)
    expect((await call(server, 'GET', '/stats')).json.window).toBe('24h')
  })

  it("another user's webhooks and executions are never counted; their id is a 404 like a missing one", async () => {
    const all = await call(server, 'GET', '/stats?window=30d', { user: 'user_b' })
    expect(Object.keys(all.json.stats)).toEqual([theirs])
    expectStats(all.json.stats[theirs], expected['30d'])
    const foreign = await call(server, 'GET', `/${theirs}/stats`, { user: 'user_a' })
    const missing = await call(server, 'GET', '/no-such-webhook/stats', { user: 'user_a' })
    expect(foreign.status).toBe(404)
    expect(foreign.json).toEqual({ error: 'No webhook with this id', code: 'not_found' })
    expect(missing.json).toEqual(foreign.json)
    expect((await call(server, 'GET', '/bad%20id/stats', { user: 'user_a' })).status).toBe(404)
    expect(await open.store.webhookStats('user_a', theirs, ranges['24h'])).toBeNull()
    // A user with nothing saved: an empty map, not the catalog's suggestions.
    expect((await call(server, 'GET', '/stats', { user: 'nobody' })).json).toEqual({ window: '24h', stats: {} })
  })

  it('buckets are UTC hours and days whatever the session time zone (New York changed to DST on 2026-03-08)', async () => {
    const driver = open.store.driver
    const zoned = await createSqlStore(
      {
        ...driver,
        query: (text, params) =>
          driver.transaction(async (tx) => {
            await tx.query("SET LOCAL TimeZone = 'America/New_York'")
            return tx.query(text, params)
          }),
      },
      { migrate: false },
    )
    for (const window of ['24h', '7d', '30d'] as const) {
      expectStats(await zoned.webhookStats('user_a', mine, ranges[window]), expected[window])
    }
  })

  it('answers 405 with Allow for other methods, and writes nothing', async () => {
    const before = await countRows(open.store)
    for (const path of [`/${mine}/stats`, '/stats']) {
      for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
        const response = await call(server, method, path, { body: {} })
        expect(response.status).toBe(405)
        expect(response.headers.get('allow')).toBe('GET, HEAD')
        expect(response.json.code).toBe('method_not_allowed')
      }
    }
    expect(await countRows(open.store)).toEqual(before)
  })

  it.each([['1h'], ['24H'], ['7'], ['90d'], ['24h&window=7d'], ['%00'], ['x'.repeat(500)]])(
    'window=%s is a 400 with {error, code} and writes nothing',
    async (value) => {
      const before = await countRows(open.store)
      for (const path of [`/${mine}/stats`, '/stats']) {
        const response = await call(server, 'GET', `${path}?window=${value}`)
        expect(response.status).toBe(400)
        expect(response.json).toMatchObject({ error: 'window must be one of 24h, 7d, 30d', code: 'invalid_query' })
        expect(response.json.issues[0].length).toBeLessThan(80)
      }
      expect(await countRows(open.store)).toEqual(before)
    },
  )

  it('a signed-out request is a 401', async () => {
    expect((await call(server, 'GET', `/${mine}/stats`, { user: null })).status).toBe(401)
    expect((await call(server, 'GET', '/stats', { user: null })).status).toBe(401)
  })
})
