import { type ClientRequest, createServer, get, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { toNodeListener } from 'integration-webhooks/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStreamCount } from '../../src/server/stream'
import { BASE, call, type OpenStore, openStore, storeKinds, testServer, until } from './support'

/** The process's open resources by kind (sockets, timers…): what a leak would leave behind. */
function resources(): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const kind of process.getActiveResourcesInfo()) counts[kind] = (counts[kind] ?? 0) + 1
  return counts
}

const within = (now: Record<string, number>, start: Record<string, number>) =>
  ['TCPSocketWrap', 'Timeout'].every((kind) => (now[kind] ?? 0) <= (start[kind] ?? 0))

/** A stream client over a real socket (no connection reuse): what it has read so far. */
function connect(port: number, user: string) {
  let text = ''
  let request!: ClientRequest
  const ready = new Promise<IncomingMessage>((resolve, reject) => {
    request = get(
      { port, path: `${BASE}/stream`, agent: false, headers: { 'x-user': user, accept: 'text/event-stream' } },
      (response) => {
        response.setEncoding('utf8')
        response.on('data', (chunk: string) => {
          text += chunk
        })
        response.on('error', () => {})
        resolve(response)
      },
    )
    request.on('error', reject)
  })
  return {
    ready,
    get text() {
      return text
    },
    drop() {
      request.destroy()
    },
  }
}

describe.each(storeKinds)('200 stream clients through toNodeListener on %s', (kind) => {
  let open: OpenStore
  let http: Server
  let server: ReturnType<typeof testServer>
  let port: number
  beforeAll(async () => {
    open = await openStore(kind)
    server = testServer(open.store, { maxStreamsPerUser: 1000 })
    http = createServer(toNodeListener(server))
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
    port = (http.address() as AddressInfo).port
  })
  afterAll(async () => {
    // A failed test leaves its clients connected: close them too, or close() waits for them.
    http?.closeAllConnections()
    await new Promise((resolve) => http?.close(resolve))
    await server?.close()
    await open?.dispose()
  })

  const listening = async () => {
    if (kind !== 'postgres') return 0
    const [row] = await open.store.driver.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
       WHERE datname = current_database() AND state = 'idle' AND query LIKE 'LISTEN %'`,
    )
    return row?.n ?? 0
  }

  it('held, then dropped: sockets, timers, listeners and connections return to where they started', async () => {
    // One stream first, so the pool and the lazily loaded code are warm; then the baseline.
    const warm = connect(port, 'warm')
    await warm.ready
    await until(() => warm.text.includes('retry: 3000'), 'the warm-up stream')
    warm.drop()
    await until(() => openStreamCount(open.store) === 0, 'the warm-up stream to close')
    await until(async () => (await listening()) === 0, 'its LISTEN to end')
    const start = resources()

    const clients = Array.from({ length: 200 }, (_, i) => connect(port, `user_${i % 10}`))
    await Promise.all(clients.map((client) => client.ready))
    await until(() => openStreamCount(open.store) === 200, '200 streams', 60_000)
    await until(() => clients.every((client) => client.text.startsWith('retry: 3000\n\n')), 'every retry hint', 60_000)
    // One LISTEN for all of them, not one connection per client.
    expect(await listening()).toBe(kind === 'postgres' ? 1 : 0)
    // A heartbeat timer per stream (other timers of the process come and go: count these only).
    expect(resources().Timeout ?? 0).toBeGreaterThanOrEqual(200)
    // Each event is flushed to the socket as it happens: user_3's 20 clients get it, nobody else.
    const created = (await call(server, 'POST', '', { user: 'user_3', body: { provider_id: 'github' } })).json.webhook
    await until(
      () => clients.filter((client) => client.text.includes(created.id)).length === 20,
      'the event at user_3’s 20 clients',
      60_000,
    )
    expect(clients.every((client, i) => client.text.includes(created.id) === (i % 10 === 3))).toBe(true)

    for (const client of clients) client.drop()
    await until(() => openStreamCount(open.store) === 0, 'every stream to close', 60_000)
    await until(async () => (await listening()) === 0, 'the LISTEN to end', 60_000)
    await until(() => within(resources(), start), 'sockets and timers back to the start', 60_000)
  })
})
