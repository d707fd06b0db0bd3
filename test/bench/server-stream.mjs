// The live stream part of `npm run bench:server` (issue 14): the time from the receiver's 202
// to the event at every one of 1 and 200 stream clients, with the clients in a second process
// (stream-clients.mjs) so that what is measured is the server. Its own block of
// BENCHMARKS.md, between server-stream-bench markers (`--only stream` rewrites it alone).
import { execFileSync, fork } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { Session } from 'node:inspector/promises'
import os from 'node:os'
import path from 'node:path'
import { log, ms, quantile, rootDir, table } from './lib.mjs'

/** The client counts measured, and the target's (p99 under 250 ms with 200 clients). */
export const CLIENTS = [1, 200]
const TARGET_CLIENTS = 200
const TARGET_MS = 250

const now = () => Number(process.hrtime.bigint()) / 1e6

/** The clients' process: forked once per store, asked for more clients as the run goes. */
function clientsProcess() {
  const child = fork(path.join(rootDir, 'test/bench/stream-clients.mjs'), { stdio: 'inherit' })
  const arrivals = new Map() // execution id -> time its event reached the last client
  const waiting = new Map() // execution id -> resolve
  let reply = null
  child.on('message', (message) => {
    if (message.type === 'arrived') {
      const resolve = waiting.get(message.id)
      if (resolve) {
        waiting.delete(message.id)
        resolve(message.at)
      } else arrivals.set(message.id, message.at)
    } else reply?.(message)
  })
  const ask = (message) =>
    new Promise((resolve, reject) => {
      reply = (answer) => {
        reply = null
        if (answer.type === 'failed') reject(new Error(answer.error))
        else resolve(answer)
      }
      child.send(message)
    })
  return {
    connect: (options) => ask({ type: 'connect', ...options }),
    /** When the execution's event reached every client (hrtime ms). */
    arrival(id) {
      const at = arrivals.get(id)
      if (at !== undefined) {
        arrivals.delete(id)
        return Promise.resolve(at)
      }
      return new Promise((resolve) => waiting.set(id, resolve))
    },
    close: () => ask({ type: 'close' }),
  }
}

/**
 * The live stream: from the receiver's 202 for a signed GitHub push to that execution's event
 * read by every one of `clients` stream clients (real sockets through toNodeListener, all of
 * one user: each event fans out to all of them), one event at a time; and the CPU time the
 * server's process spent per event (with PGlite the database runs in it too).
 */
export async function measureStream(kind, store, { createWebhookServer, schemes, toNodeListener, events, profile }) {
  const server = createWebhookServer({
    store,
    publicUrl: 'https://app.example.com',
    authenticate: (request) => request.headers.get('x-user'),
    maxStreamsPerUser: 1000,
    onError: (error) => console.error(error),
  })
  const http = createServer(toNodeListener(server))
  await new Promise((resolve) => http.listen(0, '127.0.0.1', resolve))
  const { port } = http.address()
  const api = async (method, pathname, body) => {
    const response = await server.handle(
      new Request(`https://app.example.com/api/integration-webhooks${pathname}`, {
        method,
        headers: { 'x-user': 'bench_live', 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    )
    return response.json()
  }
  const { webhook } = await api('POST', '', { provider_id: 'github' })
  const { secret } = await api('GET', `/${webhook.id}/secret`)
  const sign = async (n) => {
    const body = new TextEncoder().encode(JSON.stringify({ ref: 'refs/heads/main', after: String(n) }))
    const { headers } = await schemes.github.sign({
      body,
      secret,
      url: new URL(webhook.webhook_url),
      now: new Date(),
      deliveryId: crypto.randomUUID(),
      eventName: 'push',
    })
    return new Request(webhook.webhook_url, { method: 'POST', headers, body })
  }
  // The live stream reads the event log through the store: counted, to say how many reads an event costs.
  const readEvents = store.readEvents
  let reads = 0
  store.readEvents = (query) => {
    reads++
    return readEvents.call(store, query)
  }
  const clients = clientsProcess()
  const results = {}
  try {
    for (const count of CLIENTS) {
      await clients.connect({
        port,
        path: '/api/integration-webhooks/stream',
        headers: { 'x-user': 'bench_live' },
        count,
      })
      const samples = []
      let cpu = null
      // `--cpu-profile <dir>`: the server process's profile of the measured events alone.
      const session = profile ? new Session() : null
      for (let n = 0; n < events + 5; n++) {
        if (n === 5) {
          // After 5 warm-ups.
          if (session) {
            session.connect()
            await session.post('Profiler.enable')
            await session.post('Profiler.start')
          }
          cpu = process.cpuUsage()
          reads = 0
        }
        const request = await sign(n)
        const response = await server.handle(request)
        const t0 = now()
        if (response.status !== 202) throw new Error(`receiver: ${response.status}`)
        const { execution_id } = await response.json()
        // An event read before the 202 was (the hub is quick, the answer is not) counts as 0.
        const at = await clients.arrival(execution_id)
        if (n >= 5) samples.push(Math.max(0, at - t0))
      }
      const used = process.cpuUsage(cpu)
      if (session) {
        const { profile: taken } = await session.post('Profiler.stop')
        session.disconnect()
        const file = path.join(profile, `stream-${kind}-${count}.cpuprofile`)
        writeFileSync(file, JSON.stringify(taken))
        log(`${kind}: the server's CPU profile with ${count} client(s) in ${file}`)
      }
      const sorted = [...samples].sort((x, y) => x - y)
      results[count] = {
        n: samples.length,
        p50: quantile(sorted, 0.5),
        p99: quantile(sorted, 0.99),
        max: sorted.at(-1),
        cpuPerEvent: (used.user + used.system) / 1000 / samples.length,
        readsPerEvent: reads / samples.length,
      }
      log(
        `${kind}: stream, ${count} client(s): p50 ${ms(results[count].p50)} ms, p99 ${ms(results[count].p99)} ms, server CPU ${ms(results[count].cpuPerEvent)} ms/event, ${results[count].readsPerEvent.toFixed(2)} reads of the log/event`,
      )
    }
  } finally {
    store.readEvents = readEvents
    await clients.close().catch(() => {})
    await server.close()
    http.closeAllConnections()
    await new Promise((resolve) => http.close(resolve))
  }
  return { kind, events, clients: results, load: os.loadavg() }
}

/** The target of the stream part: p99 under 250 ms with 200 clients. */
export function streamTargets(m) {
  const at = m.clients[TARGET_CLIENTS]
  return [
    {
      name: `${m.kind}: live stream, receiver's 202 → event at every one of ${TARGET_CLIENTS} clients, p99 under ${TARGET_MS} ms`,
      value: `${ms(at.p99)} ms`,
      met: at.p99 < TARGET_MS,
    },
  ]
}

const load = (values) => values.map((n) => n.toFixed(2)).join(' / ')

/** The Markdown of the stream part, for every store measured. */
export function streamSection(measured) {
  return `<!-- server-stream-bench:start -->
### Live stream (\`GET /stream\`)

Run at \`${execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: rootDir, encoding: 'utf8' }).trim()}\` on ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, Node ${process.version}; in ms.
From the receiver's 202 for a signed GitHub push (\`handle(request)\` in the server's process)
to that execution's event read by every stream client (all of one user, so each event goes
to each of them), one event after another after 5 warm-ups. The stream clients are real
sockets to the server mounted with \`toNodeListener\`, opened and read by a **second process**
(test/bench/stream-clients.mjs), which reports when the last of them read each event on the
machine's monotonic clock: the server's process spends nothing on the clients' side. "Server
CPU" is that process's CPU time per event (with PGlite the database runs in it too; a
PostgreSQL server's own processes are not counted): on a loaded machine it says more than the
latencies do. "Log reads" counts the server's reads of the event log (\`store.readEvents\`) per
event received.

${table(
  ['target', 'value', ''],
  measured.flatMap((m) => streamTargets(m)).map((t) => [t.name, t.value, t.met ? 'met' : '**not met**']),
)}

${table(
  [
    'store',
    'clients connected',
    'events',
    'p50',
    'p99',
    'max',
    'server CPU ms/event',
    'log reads/event',
    'load average at the end',
  ],
  measured.flatMap((m) =>
    CLIENTS.map((count) => [
      m.kind,
      String(count),
      String(m.clients[count].n),
      ms(m.clients[count].p50),
      ms(m.clients[count].p99),
      ms(m.clients[count].max),
      ms(m.clients[count].cpuPerEvent),
      m.clients[count].readsPerEvent.toFixed(2),
      load(m.load),
    ]),
  ),
  ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l'],
)}
<!-- server-stream-bench:end -->`
}
