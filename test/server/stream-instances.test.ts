import { createPostgresStore, type SqlStore } from 'integration-webhooks/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStream } from './sse'
import { call, databaseUrl, freshDatabase, signedPush, testServer, until } from './support'

type Server = ReturnType<typeof testServer>

// Two stateless instances on one PostgreSQL: what one records, a stream on the other sends.
describe.skipIf(!databaseUrl)('the live stream across two instances on one PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>
  let stores: SqlStore[]
  let a: Server
  let b: Server
  const errors: unknown[] = []
  beforeAll(async () => {
    database = await freshDatabase()
    stores = await Promise.all([1, 2].map(() => createPostgresStore({ connectionString: database.url, max: 6 })))
    a = testServer(stores[0] as SqlStore, { onError: (error) => void errors.push(error) })
    b = testServer(stores[1] as SqlStore, { onError: (error) => void errors.push(error) })
  })
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()])
    await Promise.all((stores ?? []).map((store) => store.close()))
    await database?.drop()
    expect(errors).toEqual([])
  })

  async function push(server: Server, webhook: { webhook_url: string }, secret: string, n: number) {
    const response = await server.handle(await signedPush(webhook.webhook_url, secret, n))
    expect(response.status).toBe(202)
    return (await response.json()).execution_id as string
  }

  it('an event received by one reaches a stream on the other; a reconnect (to either) with Last-Event-ID gets exactly what it missed, in order, once', async () => {
    const webhook = (await call(a, 'POST', '', { user: 'shared', body: { provider_id: 'github' } })).json.webhook
    const { secret } = (await call(b, 'GET', `/${webhook.id}/secret`, { user: 'shared' })).json
    const onB = (await openStream(b, 'shared')).sse
    if (!onB) throw new Error('no stream')
    const first = await push(a, webhook, secret, 1)
    // A limit, not a timing: the machine is shared.
    await until(
      () => onB.events.some((e) => e.event === 'execution' && e.data.execution.id === first),
      'the execution at the other instance',
      10_000,
    )
    await until(() => onB.events.some((e) => e.data.webhook?.trigger_count === 1), 'the counted webhook', 10_000)
    const seen = onB.events[onB.events.length - 1]?.id as string
    await onB.close()

    // Missed while away: three events through both instances, and another user's.
    const missed = [await push(b, webhook, secret, 2), await push(a, webhook, secret, 3)]
    await call(b, 'PATCH', `/${webhook.id}`, { user: 'shared', body: { status: 'inactive' } })
    await call(a, 'POST', '', { user: 'someone_else', body: { provider_id: 'slack' } })
    const expected = (
      await (stores[0] as SqlStore).driver.query<{ id: string }>(
        "SELECT id::text FROM integration_webhook_events WHERE user_id = 'shared' AND id > $1 ORDER BY id",
        [seen],
      )
    ).map((row) => row.id)
    expect(expected.length).toBeGreaterThanOrEqual(5)

    for (const server of [a, b]) {
      const again = (await openStream(server, 'shared', seen)).sse
      if (!again) throw new Error('no stream')
      await until(() => again.events.length >= expected.length, 'the missed events', 10_000)
      expect(again.events.map((e) => e.id)).toEqual(expected)
      expect(again.events.filter((e) => e.event === 'execution').map((e) => e.data.execution.id)).toEqual(missed)
      expect(again.events.filter((e) => e.event === 'webhook').pop()?.data.webhook.status).toBe('inactive')
      // Then live, without repeating any.
      const live = await push(server === a ? b : a, webhook, secret, 4)
      await until(
        () => again.events.some((e) => e.event === 'execution' && e.data.execution.id === live),
        'the live event',
        10_000,
      )
      const ids = again.events.map((e) => Number(e.id))
      expect(new Set(ids).size).toBe(ids.length)
      expect(ids).toEqual([...ids].sort((x, y) => x - y))
      expect(again.events.some((e) => e.event === 'reset')).toBe(false)
      await again.close()
      expected.push(...again.events.slice(expected.length).map((e) => e.id as string))
      missed.push(live)
    }
  })

  it('another user’s events never reach a stream, whichever instance records them (every event type)', async () => {
    const watchers = await Promise.all([a, b].map(async (server) => (await openStream(server, 'watcher')).sse))
    if (!watchers[0] || !watchers[1]) throw new Error('no stream')
    const mine = await Promise.all([a, b].map(async (server) => (await openStream(server, 'busy')).sse))
    for (const [i, server] of [a, b].entries()) {
      const other = i ? a : b
      const webhook = (await call(server, 'POST', '', { user: 'busy', body: { provider_id: 'github' } })).json.webhook
      const { secret } = (await call(other, 'GET', `/${webhook.id}/secret`, { user: 'busy' })).json
      const executionId = await push(other, webhook, secret, i)
      expect((await call(server, 'POST', `/${webhook.id}/test`, { user: 'busy' })).status).toBe(202)
      expect(
        (await call(other, 'POST', `/executions/${webhook.id}/${executionId}/retry`, { user: 'busy' })).status,
      ).toBe(409) // still pending: the retry is refused, and writes nothing
      await call(server, 'PATCH', `/${webhook.id}`, { user: 'busy', body: { status: 'inactive' } })
      await call(other, 'POST', `/${webhook.id}/secret/rotate`, { user: 'busy', body: {} })
      await until(
        () => (mine[i]?.events.filter((e) => e.event === 'execution').length ?? 0) >= 2 * (i + 1),
        'busy’s executions',
        10_000,
      )
      await call(other, 'DELETE', `/${webhook.id}`, { user: 'busy' })
    }
    // The watcher's own change comes after all of busy's: events go out in id order.
    const own = (await call(b, 'POST', '', { user: 'watcher', body: { provider_id: 'slack' } })).json.webhook
    for (const watcher of watchers) {
      await until(() => watcher?.events.some((e) => e.data.webhook_id === own.id) ?? false, 'the watcher’s own', 10_000)
      expect(watcher?.events.map((e) => e.data.webhook?.user_id)).toEqual(watcher?.events.map(() => 'watcher'))
    }
    for (const stream of mine) {
      await until(
        () => new Set(stream?.events.filter((e) => e.data.webhook === null).map((e) => e.data.webhook_id)).size === 2,
        'both deletions',
        10_000,
      )
      expect(new Set(stream?.events.map((e) => e.event))).toEqual(new Set(['webhook', 'execution']))
      expect(stream?.events.every((e) => (e.data.execution ?? e.data.webhook)?.user_id !== 'watcher')).toBe(true)
    }
    await Promise.all([...watchers, ...mine].map((stream) => stream?.close()))
  })
})
