#!/usr/bin/env node
// `npm run bench:server`: the server's routes against a plain SELECT + JSON.stringify of the
// same rows, on PGlite and (when DATABASE_URL is set) PostgreSQL; writes its section of
// BENCHMARKS.md. Not part of `npm test` (timings on a shared machine are noisy).
//
//   npm run bench:server                   PGlite, and PostgreSQL when DATABASE_URL is set
//   npm run bench:server -- --runs 9       samples per measurement (after 3 warm-ups)
//   npm run bench:server -- --executions 200000   a smaller table, for a quick look
//   npm run bench:server -- --only-stats   the statistics part alone (its block of BENCHMARKS.md)
//   npm run bench:server -- --stats-executions 100000   the executions of the webhook whose stats are timed
//   npm run bench:server -- --only receiver        only the receiver's throughput (its own section)
//   npm run bench:server -- --only lists           everything but the receiver
//   npm run bench:server -- --only stream          the live stream alone (its block of BENCHMARKS.md)
//   npm run bench:server -- --events 200           events per stream measurement
//   npm run bench:server -- --only stream --cpu-profile /tmp   the server's .cpuprofile of each stream run
//   npm run bench:server -- --no-build             measure dist/ as it is (no `npm run build` first)
//   npm run bench:server -- --seconds 10           seconds per receiver load run
//   npm run bench:server -- --store postgres       one store only (pglite or postgres)
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { log, ms, rootDir, stats, table } from './lib.mjs'
import { measureReceiver, receiverSection } from './server-receiver.mjs'
import { measureStats, runStatsOnly, statsSection, statsTargets } from './server-stats.mjs'
import { measureStream, streamSection, streamTargets } from './server-stream.mjs'

const argument = (name, fallback) => {
  const index = process.argv.indexOf(name)
  return index < 0 ? fallback : Number(process.argv[index + 1])
}
const runs = argument('--runs', 15)
const bigTable = argument('--executions', 1_000_000)
const statsCount = argument('--stats-executions', 100_000)
const loadSeconds = argument('--seconds', 10)
const onlyIndex = process.argv.indexOf('--only')
const only = onlyIndex < 0 ? null : process.argv[onlyIndex + 1]
const measureLists = only === null || only === 'lists'
const measureReceivers = only === null || only === 'receiver'
const storeIndex = process.argv.indexOf('--store')
const onlyStore = storeIndex < 0 ? null : process.argv[storeIndex + 1]
const started = Date.now()

if (process.argv.includes('--no-build')) log('using dist/ as it is (--no-build)')
else {
  log('building the package')
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: rootDir, stdio: 'inherit' })
}
const { createPgliteStore, createPostgresStore, createWebhookServer, sampleEvent, schemes, toNodeListener } =
  await import('integration-webhooks/server')
const receiverDeps = { createWebhookServer, sampleEvent, toNodeListener, loadSeconds }
const pg = (await import('pg')).default

/** Median timing of `route` and `baseline`, interleaved so drift hits both alike. */
async function compare(route, baseline) {
  for (let i = 0; i < 3; i++) {
    await route()
    await baseline()
  }
  const a = []
  const b = []
  for (let i = 0; i < runs; i++) {
    let t = performance.now()
    await route()
    a.push(performance.now() - t)
    t = performance.now()
    await baseline()
    b.push(performance.now() - t)
  }
  const routeStats = stats(a)
  const baseStats = stats(b)
  return { route: routeStats, baseline: baseStats, ratio: routeStats.median / baseStats.median }
}

const liveEvents = argument('--events', 200)
const profileIndex = process.argv.indexOf('--cpu-profile')
const streamDeps = () => ({
  createWebhookServer,
  schemes,
  toNodeListener,
  events: liveEvents,
  profile: profileIndex < 0 ? null : path.resolve(process.argv[profileIndex + 1]),
})

async function measureStore(kind, store) {
  const q = (text, params) => store.driver.query(text, params)
  const server = createWebhookServer({
    store,
    publicUrl: 'https://app.example.com',
    authenticate: (request) => request.headers.get('x-user'),
    maxWebhooksPerUser: 100_000,
  })
  const get = async (user, pathname) => {
    const response = await server.handle(
      new Request(`https://app.example.com/api/integration-webhooks${pathname}`, { headers: { 'x-user': user } }),
    )
    // The bytes a server writes to its socket: never decoded back into a string.
    const bytes = await response.arrayBuffer()
    if (response.status !== 200) throw new Error(`${pathname}: ${response.status} ${new TextDecoder().decode(bytes)}`)
    return bytes
  }
  // One webhook made through the route, then copied in SQL: realistic rows, quickly.
  const seed = async (user, count) => {
    const response = await server.handle(
      new Request('https://app.example.com/api/integration-webhooks', {
        method: 'POST',
        headers: { 'x-user': user, 'content-type': 'application/json' },
        body: JSON.stringify({ provider_id: 'github' }),
      }),
    )
    const { webhook } = await response.json()
    await q(
      `INSERT INTO integration_webhooks (id, user_id, provider_id, name, receive_token, trigger_types, integration_config,
         external_config, status, setup_required, trigger_count, created_at)
       SELECT $1 || '-' || i, user_id, provider_id, name || ' ' || i, receive_token || i, trigger_types, integration_config,
         external_config, status, setup_required, i, created_at + i * interval '1 ms'
       FROM integration_webhooks, generate_series(1, $2::int - 1) AS i WHERE id = $1`,
      [webhook.id, count],
    )
    return webhook.id
  }
  const results = { kind, list: {}, page: {}, stream: await measureStream(kind, store, streamDeps()) }

  for (const count of [30, 10_000]) {
    const user = `bench_${count}`
    await seed(user, count)
    const baseline = async () =>
      JSON.stringify({
        webhooks: await q('SELECT * FROM integration_webhooks WHERE user_id = $1 ORDER BY created_at, id', [user]),
      })
    results.list[count] = await compare(() => get(user, ''), baseline)
    log(
      `${kind}: list of ${count}: ${ms(results.list[count].route.median)} ms vs ${ms(results.list[count].baseline.median)} ms`,
    )
  }

  // Executions: one webhook with 10,000, then the table grown around it.
  const target = await seed('bench_exec', 1)
  const insertExecutions = async (webhookId, from, to) => {
    for (let start = from; start < to; start += 100_000) {
      const end = Math.min(to, start + 100_000)
      await q(
        `INSERT INTO webhook_executions (id, webhook_id, user_id, provider_id, trigger_type, payload, headers, status,
           response_code, execution_time_ms, triggered_at)
         SELECT 'x' || i, $1, 'bench_exec', 'github', 'github_trigger_push',
           jsonb_build_object('ref', 'refs/heads/main', 'after', md5(i::text), 'repository', jsonb_build_object('full_name', 'acme/api', 'id', i)),
           jsonb_build_object('x-github-event', 'push', 'x-github-delivery', md5(i::text)),
           CASE WHEN i % 9 = 0 THEN 'error' ELSE 'success' END, CASE WHEN i % 9 = 0 THEN 500 ELSE 200 END, (i % 200) + 5,
           timestamptz '2026-01-01' + i * interval '1 second'
         FROM generate_series($2::int, $3::int - 1) AS i`,
        [webhookId, start, end],
      )
    }
  }
  const pageRoute = (cursor) => get('bench_exec', `/executions/${target}?limit=20${cursor ? `&cursor=${cursor}` : ''}`)
  const pageBaseline = () =>
    q('SELECT * FROM webhook_executions WHERE webhook_id = $1 ORDER BY triggered_at DESC, id DESC LIMIT 21', [
      target,
    ]).then((rows) => JSON.stringify({ executions: rows }))
  const deepCursor = async () => {
    // A cursor half-way through the webhook's history: a deep page must cost what the first does.
    const middle = await q(
      `SELECT id, to_char(triggered_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS t FROM webhook_executions
       WHERE webhook_id = $1 ORDER BY triggered_at DESC, id DESC OFFSET 5000 LIMIT 1`,
      [target],
    )
    return Buffer.from(JSON.stringify([target, middle[0].t, middle[0].id])).toString('base64url')
  }
  await insertExecutions(target, 0, 10_000)
  await q('ANALYZE webhook_executions')
  const deep = await deepCursor()
  results.page.small = {
    first: await compare(() => pageRoute(null), pageBaseline),
    deep: await compare(() => pageRoute(deep), pageBaseline),
  }
  log(
    `${kind}: page at 10,000: ${ms(results.page.small.first.route.median)} ms vs ${ms(results.page.small.first.baseline.median)} ms`,
  )
  // Grow the table to `bigTable` rows, in other webhooks of the same user.
  const others = await seed('bench_exec', 100)
  log(`${kind}: growing the executions table to ${bigTable.toLocaleString('en-US')} rows`)
  const perOther = Math.ceil((bigTable - 10_000) / 99)
  for (let n = 1; n < 100; n++) {
    const t = performance.now()
    await insertExecutions(`${others}-${n}`, n * 1_000_000, n * 1_000_000 + perOther)
    if (n % 20 === 0) log(`  ${n} of 99 webhooks filled (${ms(performance.now() - t)} ms for the last)`)
  }
  await q('ANALYZE webhook_executions')
  const [{ total }] = await q('SELECT count(*)::int AS total FROM webhook_executions')
  results.page.total = total
  results.page.big = {
    first: await compare(() => pageRoute(null), pageBaseline),
    deep: await compare(() => pageRoute(deep), pageBaseline),
  }
  log(
    `${kind}: page at ${total}: ${ms(results.page.big.first.route.median)} ms vs ${ms(results.page.big.first.baseline.median)} ms`,
  )
  const [{ t: cursorTime, id: cursorId }] = await q(
    `SELECT to_char(triggered_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS t, id FROM webhook_executions
     WHERE webhook_id = $1 ORDER BY triggered_at DESC, id DESC OFFSET 5000 LIMIT 1`,
    [target],
  )
  const plan = await q(
    `EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
     SELECT id FROM webhook_executions WHERE webhook_id = $1 AND user_id = $2 AND (triggered_at, id) < ($3::timestamptz, $4)
     ORDER BY triggered_at DESC, id DESC LIMIT 21`,
    [target, 'bench_exec', cursorTime, cursorId],
  )
  results.plan = plan.map((row) => row['QUERY PLAN']).join('\n')
  results.stats = await measureStats({
    kind,
    store,
    createWebhookServer,
    compare,
    count: statsCount,
    allUser: 'bench_exec',
  })
  await server.close()
  return results
}

const benchmarksFile = path.join(rootDir, 'BENCHMARKS.md')
/** Rewrites the block between `<!-- {name}:start -->` and its end marker (or adds it before the server section's end). */
const writeBlock = (name, block) => {
  const current = readFileSync(benchmarksFile, 'utf8')
  const marked = new RegExp(`<!-- ${name}:start -->[\\s\\S]*<!-- ${name}:end -->`)
  writeFileSync(
    benchmarksFile,
    marked.test(current)
      ? current.replace(marked, () => block)
      : current.replace('<!-- server-bench:end -->', () => `${block}\n<!-- server-bench:end -->`),
  )
}
/** Fresh stores for a part run alone: PGlite in a directory of `dir`, PostgreSQL in a database of its own. */
function partStores(dir) {
  const stores = [
    {
      kind: 'PGlite',
      open: async () => {
        const store = await createPgliteStore({ dataDir: path.join(dir, 'pglite') })
        return { store, close: () => store.close() }
      },
    },
  ]
  if (process.env.DATABASE_URL) {
    stores.push({
      kind: 'PostgreSQL',
      open: async () => {
        const name = `iw_bench_${process.pid}`
        const admin = new pg.Client({ connectionString: process.env.DATABASE_URL })
        await admin.connect()
        await admin.query(`CREATE DATABASE ${name}`)
        const url = new URL(process.env.DATABASE_URL)
        url.pathname = `/${name}`
        const store = await createPostgresStore({ connectionString: url.toString() })
        return {
          store,
          async close() {
            await store.close()
            await admin.query(`DROP DATABASE ${name} WITH (FORCE)`)
            await admin.end()
          },
        }
      },
    })
  }
  const postgresOnly = process.argv.includes('--postgres-only') || onlyStore === 'postgres'
  return stores.filter(({ kind }) =>
    postgresOnly ? kind === 'PostgreSQL' : onlyStore !== 'pglite' || kind === 'PGlite',
  )
}
if (only === 'stream') {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'iw-bench-'))
  try {
    const measuredStreams = []
    for (const { kind, open } of partStores(dir)) {
      const { store, close } = await open()
      try {
        measuredStreams.push(await measureStream(kind, store, streamDeps()))
      } finally {
        await close()
      }
    }
    writeBlock('server-stream-bench', streamSection(measuredStreams))
    for (const target of measuredStreams.flatMap((m) => streamTargets(m))) {
      log(`  ${target.met ? 'met    ' : 'NOT MET'}  ${target.name}: ${target.value}`)
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  process.exit(0)
}
if (process.argv.includes('--only-stats')) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'iw-bench-'))
  const stores = partStores(dir)
  try {
    await runStatsOnly({
      stores,
      createWebhookServer,
      compare,
      count: statsCount,
      tableSize: bigTable,
      writeBlock: (block) => writeBlock('server-stats-bench', block),
    })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  process.exit(0)
}

const measured = []
const receivers = []
const dir = mkdtempSync(path.join(os.tmpdir(), 'iw-bench-'))
try {
  if (onlyStore !== 'postgres') {
    log('PGlite (a data directory on disk)')
    const pglite = await createPgliteStore({ dataDir: path.join(dir, 'pglite') })
    try {
      if (measureReceivers) receivers.push(await measureReceiver('PGlite', pglite, receiverDeps))
      if (measureLists) measured.push(await measureStore('PGlite', pglite))
    } finally {
      await pglite.close()
    }
  }
  if (onlyStore === 'pglite') {
    log('PostgreSQL skipped (--store pglite)')
  } else if (process.env.DATABASE_URL) {
    const name = `iw_bench_${process.pid}`
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL })
    await admin.connect()
    await admin.query(`CREATE DATABASE ${name}`)
    const url = new URL(process.env.DATABASE_URL)
    url.pathname = `/${name}`
    log('PostgreSQL')
    const store = await createPostgresStore({ connectionString: url.toString() })
    try {
      if (measureReceivers) receivers.push(await measureReceiver('PostgreSQL', store, receiverDeps))
      if (measureLists) measured.push(await measureStore('PostgreSQL', store))
    } finally {
      await store.close()
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`)
      await admin.end()
    }
  } else {
    log('PostgreSQL skipped: set DATABASE_URL (npm run db:start prints one)')
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}

const ratio = (r) => `${r.ratio.toFixed(2)}×`
const cell = (s) => `${ms(s.median)} (${ms(s.p25)}–${ms(s.p75)})`
const targets = []
for (const m of measured) {
  for (const count of [30, 10_000]) {
    targets.push({
      name: `${m.kind}: list of ${count.toLocaleString('en-US')} within 1.5× its baseline`,
      value: ratio(m.list[count]),
      met: m.list[count].ratio <= 1.5,
    })
  }
  for (const [label, at] of [
    ['10,000', m.page.small],
    [m.page.total.toLocaleString('en-US'), m.page.big],
  ]) {
    for (const which of ['first', 'deep']) {
      targets.push({
        name: `${m.kind}: executions page (${which}) at ${label} rows within 2× its baseline`,
        value: ratio(at[which]),
        met: at[which].ratio <= 2,
      })
    }
  }
  targets.push(...statsTargets(m.stats))
  const flat = m.page.big.first.route.median / m.page.small.first.route.median
  targets.push({
    name: `${m.kind}: page flat from 10,000 to ${m.page.total.toLocaleString('en-US')} rows (≤ 1.5× growth)`,
    value: `${flat.toFixed(2)}×`,
    met: flat <= 1.5,
  })
  targets.push(...streamTargets(m.stream))
}

const section = `<!-- server-bench:start -->
## Server (\`npm run bench:server\`)

Run at \`${execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: rootDir, encoding: 'utf8' }).trim()}\` on ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, Node ${process.version}, load average ${os
  .loadavg()
  .map((n) => n.toFixed(2))
  .join(
    ' / ',
  )} at the end; ${runs} samples a measurement after 3 warm-ups, median (p25–p75) in ms. Each route is timed from \`handle(request)\` to its body's bytes (what a server writes to the socket); its baseline, in the same run and interleaved with it, reads the same rows with one plain \`SELECT *\` and \`JSON.stringify\`s them.

### Targets

${table(
  ['target', 'value', ''],
  targets.map((t) => [t.name, t.value, t.met ? 'met' : '**not met**']),
)}

${measured
  .map(
    (m) => `### ${m.kind}

${table(
  ['measurement', 'route', 'baseline', 'route ÷ baseline'],
  [
    ...[30, 10_000].map((count) => [
      `GET list, ${count.toLocaleString('en-US')} webhooks`,
      cell(m.list[count].route),
      cell(m.list[count].baseline),
      ratio(m.list[count]),
    ]),
    [
      'executions page, first, 10,000 rows in the table',
      cell(m.page.small.first.route),
      cell(m.page.small.first.baseline),
      ratio(m.page.small.first),
    ],
    [
      'executions page, 5,000 rows deep, 10,000 in the table',
      cell(m.page.small.deep.route),
      cell(m.page.small.deep.baseline),
      ratio(m.page.small.deep),
    ],
    [
      `executions page, first, ${m.page.total.toLocaleString('en-US')} rows`,
      cell(m.page.big.first.route),
      cell(m.page.big.first.baseline),
      ratio(m.page.big.first),
    ],
    [
      `executions page, 5,000 rows deep, ${m.page.total.toLocaleString('en-US')} rows`,
      cell(m.page.big.deep.route),
      cell(m.page.big.deep.baseline),
      ratio(m.page.big.deep),
    ],
  ],
  ['l', 'r', 'r', 'r'],
)}

The page query's plan (${m.page.total.toLocaleString('en-US')} rows, a cursor 5,000 rows deep):

\`\`\`
${m.plan}
\`\`\`
`,
  )
  .join('\n')}
${streamSection(measured.map((m) => m.stream))}

${statsSection(measured)}
<!-- server-bench:end -->`

const file = path.join(rootDir, 'BENCHMARKS.md')
if (measureLists) {
  const current = readFileSync(file, 'utf8')
  const next = /<!-- server-bench:start -->[\s\S]*<!-- server-bench:end -->/.test(current)
    ? current.replace(/<!-- server-bench:start -->[\s\S]*<!-- server-bench:end -->/, section)
    : `${current.trimEnd()}\n\n${section}\n`
  writeFileSync(file, next)
  log(`wrote the server section of BENCHMARKS.md in ${((Date.now() - started) / 60000).toFixed(1)} minutes`)
  for (const target of targets) log(`  ${target.met ? 'met    ' : 'NOT MET'}  ${target.name}: ${target.value}`)
}
if (measureReceivers) {
  // Its own markers, after the server section: the receiver's numbers are rewritten alone.
  const current = readFileSync(file, 'utf8')
  const block = receiverSection(receivers, { sampleEvent, loadSeconds })
  const pattern = /<!-- receiver-bench:start -->[\s\S]*<!-- receiver-bench:end -->/
  writeFileSync(
    file,
    pattern.test(current) ? current.replace(pattern, () => block) : `${current.trimEnd()}\n\n${block}\n`,
  )
  log('wrote the receiver section of BENCHMARKS.md')
}
