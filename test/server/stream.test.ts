import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { openStreamCount } from '../../src/server/stream'
import { openStream } from './sse'
import { BASE, call, countRows, type OpenStore, openStore, signedPush, storeKinds, testServer, until } from './support'

describe.each(storeKinds)('the live stream on %s', (kind) => {
  let open: OpenStore
  let server: ReturnType<typeof testServer>
  const streams: { close(): Promise<void> }[] = []
  const errors: unknown[] = []
  beforeAll(async () => {
    open = await openStore(kind)
    server = testServer(open.store, { maxStreamsPerUser: 3, onError: (error) => void errors.push(error) })
  })
  afterAll(async () => {
    await server?.close()
    await open?.dispose()
  })
  beforeEach(async () => {
    await open.reset()
  })
  afterEach(async () => {
    await Promise.all(streams.splice(0).map((stream) => stream.close()))
    await until(() => openStreamCount(open.store) === 0, 'the streams to close', 10_000)
    expect(errors.splice(0)).toEqual([])
  })

  async function stream(user: string | null, lastEventId?: string) {
    const opened = await openStream(server, user, lastEventId)
    if (opened.sse) streams.push(opened.sse)
    return opened
  }

  it('answers 401 without a user, and writes nothing', async () => {
    const before = await countRows(open.store)
    const { response } = await stream(null)
    expect(response.status).toBe(401)
    expect(await response.json()).toEqual({ error: 'Unauthorized', code: 'unauthorized' })
    expect(await countRows(open.store)).toEqual(before)
    expect(openStreamCount(open.store)).toBe(0)
  })

  it('is an event stream that starts with the retry hint; HEAD opens nothing', async () => {
    const { response, sse } = await stream('user_a')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8')
    expect(response.headers.get('cache-control')).toBe('no-cache, no-transform')
    expect(response.headers.get('x-accel-buffering')).toBe('no')
    await until(() => sse?.retry === 3000, 'the retry hint')
    const head = await server.handle(
      new Request(`http://localhost${BASE}/stream`, { method: 'HEAD', headers: { 'x-user': 'user_a' } }),
    )
    expect(head.status).toBe(200)
    expect(head.body).toBeNull()
    expect(openStreamCount(open.store)).toBe(1)
  })

  it('sends every change of the user’s webhooks and executions, in order, and never the secret', async () => {
    const { sse } = await stream('user_a')
    if (!sse) throw new Error('no stream')
    const created = (await call(server, 'POST', '', { body: { provider_id: 'github' } })).json.webhook
    await until(() => sse.events.some((e) => e.event === 'webhook' && e.data.webhook_id === created.id), 'created')
    const { secret } = (await call(server, 'GET', `/${created.id}/secret`)).json
    const received = await server.handle(await signedPush(created.webhook_url, secret, 1))
    expect(received.status).toBe(202)
    const { execution_id } = await received.json()
    await until(
      () => sse.events.some((e) => e.event === 'execution' && e.data.execution.id === execution_id),
      'the execution event',
    )
    const execution = sse.events.find((e) => e.event === 'execution')?.data
    expect(execution).toMatchObject({
      webhook_id: created.id,
      execution: { id: execution_id, status: 'pending', webhook_id: created.id, trigger_type: 'github_trigger_push' },
    })
    // The same shape as the executions route.
    const page = (await call(server, 'GET', `/executions/${created.id}`)).json.executions[0]
    expect(execution.execution).toEqual(page)
    await until(
      () => sse.events.some((e) => e.event === 'webhook' && e.data.webhook?.trigger_count === 1),
      'the counted webhook',
    )
    await call(server, 'PATCH', `/${created.id}`, { body: { status: 'inactive' } })
    await until(() => sse.events.some((e) => e.data.webhook?.status === 'inactive'), 'the status change')
    const rotated = (await call(server, 'POST', `/${created.id}/secret/rotate`, { body: { grace_seconds: 3600 } })).json
    await until(() => sse.events.some((e) => e.data.webhook?.signing?.previous_expires_at), 'the rotation')
    const after = (await call(server, 'GET', `/${created.id}`)).json.webhook
    const last = sse.events.filter((e) => e.event === 'webhook').pop()
    expect(last?.data).toEqual({ webhook_id: created.id, webhook: after })
    expect(call(server, 'DELETE', `/${created.id}`).then((r) => r.status)).resolves.toBe(204)
    await until(() => sse.events.some((e) => e.event === 'webhook' && e.data.webhook === null), 'the deletion')
    const ids = sse.events.map((e) => Number(e.id))
    expect(ids).toEqual([...ids].sort((x, y) => x - y))
    expect(new Set(ids).size).toBe(ids.length)
    for (const event of sse.events) {
      expect(event.raw).not.toContain(secret)
      expect(event.raw).not.toContain(rotated.secret)
    }
  })

  it('reads the event log once for what one statement committed, not once per NOTIFY', async () => {
    // The hub's poll (setInterval) held still: every read counted answers a NOTIFY.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    const readEvents = open.store.readEvents
    let reads = 0
    try {
      const created = (await call(server, 'POST', '', { body: { provider_id: 'github' } })).json.webhook
      const { secret } = (await call(server, 'GET', `/${created.id}/secret`)).json
      const { sse } = await stream('user_a')
      if (!sse) throw new Error('no stream')
      await until(() => sse.retry === 3000, 'the retry hint')
      open.store.readEvents = (query) => {
        reads++
        return (readEvents as NonNullable<typeof readEvents>).call(open.store, query)
      }
      for (const n of [1, 2]) {
        // One statement logs two events (the execution, its webhook's counters): two NOTIFYs.
        const received = await server.handle(await signedPush(created.webhook_url, secret, n))
        const { execution_id } = await received.json()
        await until(
          () =>
            sse.events.some((e) => e.event === 'execution' && e.data.execution.id === execution_id) &&
            sse.events.some((e) => e.event === 'webhook' && e.data.webhook?.trigger_count === n),
          `the events of push ${n}`,
        )
      }
      expect(reads).toBe(2)
    } finally {
      open.store.readEvents = readEvents
      vi.useRealTimers()
    }
  })

  it('never sends another user’s events', async () => {
    const a = (await stream('user_a')).sse
    const b = (await stream('user_b')).sse
    if (!a || !b) throw new Error('no stream')
    const webhook = (await call(server, 'POST', '', { user: 'user_a', body: { provider_id: 'github' } })).json.webhook
    const { secret } = (await call(server, 'GET', `/${webhook.id}/secret`, { user: 'user_a' })).json
    expect((await server.handle(await signedPush(webhook.webhook_url, secret, 1))).status).toBe(202)
    // Rows are read back when sent: an execution whose webhook is deleted first is gone (and not sent).
    await until(() => a.events.some((e) => e.event === 'execution'), 'user_a’s execution')
    await call(server, 'PATCH', `/${webhook.id}`, { user: 'user_a', body: { status: 'inactive' } })
    await call(server, 'POST', `/${webhook.id}/secret/rotate`, { user: 'user_a', body: {} })
    await call(server, 'DELETE', `/${webhook.id}`, { user: 'user_a' })
    // user_b's own change comes after all of them: events are sent in id order, so anything
    // of user_a's that reached b would be there before it.
    const own = (await call(server, 'POST', '', { user: 'user_b', body: { provider_id: 'slack' } })).json.webhook
    await until(() => b.events.some((e) => e.data.webhook_id === own.id), 'user_b’s own event')
    await until(() => a.events.some((e) => e.data.webhook === null), 'user_a’s deletion')
    expect(b.events.every((e) => e.data.webhook_id === own.id && e.data.webhook?.user_id === 'user_b')).toBe(true)
    expect(a.events.every((e) => e.data.webhook_id === webhook.id)).toBe(true)
    expect(new Set(a.events.map((e) => e.event))).toEqual(new Set(['webhook', 'execution']))
  })

  it('resumes after Last-Event-ID with exactly what was missed, in order, once; then live', async () => {
    const first = (await stream('user_a')).sse
    if (!first) throw new Error('no stream')
    const webhook = (await call(server, 'POST', '', { body: { provider_id: 'github' } })).json.webhook
    await until(() => first.events.length === 1, 'the creation')
    const seen = first.events[0]?.id as string
    await first.close()
    await until(() => openStreamCount(open.store) === 0, 'the stream to close')
    for (const status of ['inactive', 'active', 'inactive'] as const) {
      await call(server, 'PATCH', `/${webhook.id}`, { body: { status } })
    }
    await call(server, 'POST', '', { user: 'user_b', body: { provider_id: 'slack' } })
    const again = (await stream('user_a', seen)).sse
    if (!again) throw new Error('no stream')
    await until(() => again.events.length === 3, 'the missed events')
    expect(again.events.map((e) => e.data.webhook.status)).toEqual(['inactive', 'inactive', 'inactive'])
    const ids = again.events.map((e) => Number(e.id))
    expect(ids[0]).toBeGreaterThan(Number(seen))
    expect(ids).toEqual([...ids].sort((x, y) => x - y))
    await call(server, 'PATCH', `/${webhook.id}`, { body: { status: 'active' } })
    await until(() => again.events.length === 4, 'the live event after them')
    expect(again.events[3]?.data.webhook.status).toBe('active')
    expect(new Set(again.events.map((e) => e.id)).size).toBe(4)
    expect(again.events.some((e) => e.event === 'reset')).toBe(false)
  })

  it('gives a new client its resume point, so one that saw no event yet misses nothing while away', async () => {
    const webhook = (await call(server, 'POST', '', { body: { provider_id: 'github' } })).json.webhook
    const first = (await stream('user_a')).sse
    if (!first) throw new Error('no stream')
    await until(() => first.lastId !== null, 'the resume point')
    expect(first.events).toEqual([])
    const point = first.lastId as string
    await first.close()
    await until(() => openStreamCount(open.store) === 0, 'the stream to close')
    await call(server, 'PATCH', `/${webhook.id}`, { body: { status: 'inactive' } })
    const again = (await stream('user_a', point)).sse
    if (!again) throw new Error('no stream')
    await until(() => again.events.length === 1, 'the missed change')
    expect(again.events[0]).toMatchObject({ event: 'webhook', data: { webhook: { status: 'inactive' } } })
    expect(Number(again.events[0]?.id)).toBeGreaterThan(Number(point))
  })

  it('answers a malformed, unknown or pruned Last-Event-ID with one reset, then goes live', async () => {
    const webhook = (await call(server, 'POST', '', { body: { provider_id: 'github' } })).json.webhook
    const [{ newest }] = (await open.store.driver.query<{ newest: number }>(
      'SELECT max(id)::float8 AS newest FROM integration_webhook_events',
    )) as [{ newest: number }]
    for (const id of ['abc', '-1', '1e3', `${newest + 1000}`]) {
      const sse = (await stream('user_a', id)).sse
      if (!sse) throw new Error('no stream')
      await until(() => sse.events.length === 1, `the reset for ${id}`)
      expect(sse.events[0]).toMatchObject({ event: 'reset', data: {}, id: String(newest) })
      await sse.close()
    }
    // The log prunes events older than 10 minutes as ids cross a thousand.
    await open.store.driver.exec("UPDATE integration_webhook_events SET created_at = now() - interval '11 minutes'")
    await open.store.driver.query("SELECT setval('integration_webhook_events_id_seq', $1)", [
      Math.ceil((newest + 1) / 1000) * 1000 - 1,
    ])
    await call(server, 'PATCH', `/${webhook.id}`, { body: { status: 'inactive' } })
    const [{ oldest, count }] = (await open.store.driver.query<{ oldest: number; count: number }>(
      'SELECT min(id)::float8 AS oldest, count(*)::int AS count FROM integration_webhook_events',
    )) as [{ oldest: number; count: number }]
    expect(count).toBe(1)
    const pruned = (await stream('user_a', String(newest))).sse
    if (!pruned) throw new Error('no stream')
    await until(() => pruned.events.length === 1, 'the reset for a pruned id')
    expect(pruned.events[0]).toMatchObject({ event: 'reset', id: String(oldest) })
    await call(server, 'PATCH', `/${webhook.id}`, { body: { status: 'active' } })
    await until(() => pruned.events.length === 2, 'the live event after the reset')
    expect(pruned.events[1]?.data.webhook.status).toBe('active')
    // The newest kept id resumes without a reset.
    const kept = (await stream('user_a', String(oldest))).sse
    if (!kept) throw new Error('no stream')
    await until(() => kept.events.length === 1, 'the missed event')
    expect(kept.events[0]).toMatchObject({ event: 'webhook', data: { webhook: { status: 'active' } } })
  })

  it('holds maxStreamsPerUser streams per user: one more is 429 with Retry-After; a closed one frees its place', async () => {
    const held = await Promise.all([1, 2, 3].map(() => stream('user_a')))
    expect(held.map((s) => s.response.status)).toEqual([200, 200, 200])
    const refused = await stream('user_a')
    expect(refused.response.status).toBe(429)
    expect(refused.response.headers.get('retry-after')).toMatch(/^\d+$/)
    expect(await refused.response.json()).toMatchObject({ code: 'too_many_streams' })
    expect((await stream('user_b')).response.status).toBe(200)
    await held[0]?.sse?.close()
    await until(async () => (await stream('user_a')).response.status === 200, 'a free place')
  })

  it('sends a heartbeat comment every streamHeartbeatMs', async () => {
    const beating = testServer(open.store, { streamHeartbeatMs: 20 })
    try {
      const { sse } = await openStream(beating, 'user_a')
      if (!sse) throw new Error('no stream')
      streams.push(sse)
      await until(() => sse.comments.filter((c) => c === 'ping').length >= 2, 'two heartbeats')
    } finally {
      await beating.close()
    }
  })

  it('a closed server ends its streams', async () => {
    const closing = testServer(open.store)
    const { sse } = await openStream(closing, 'user_a')
    if (!sse) throw new Error('no stream')
    await until(() => openStreamCount(open.store) === 1, 'the stream')
    await closing.close()
    await sse.done
    expect(sse.ended).toBe(true)
    await until(() => openStreamCount(open.store) === 0, 'the hub to let it go', 10_000)
  })
})
