// The statistics part of `npm run bench:server` (issue 14): the stats route for one webhook
// with the executions table at its full size, beside a baseline in the same run — the same
// aggregate (totals, both percentiles, the bucket counts) as one plain SQL query whose rows are
// `JSON.stringify`d. Kept apart from server.mjs so each part's changes rebase on their own.
import { execFileSync } from 'node:child_process'
import os from 'node:os'
import { ms, rootDir, table } from './lib.mjs'

/** A bulk insert, without the live stream's event log (which a real import would skip too). */
const quietly = (store, fn) =>
  store.driver.transaction(async (tx) => {
    await tx.query("SET LOCAL integration_webhooks.live = 'off'")
    return fn(tx)
  })

const WINDOWS = { '24h': [1, 24], '7d': [24, 7], '30d': [24, 30] }

// Bounds computed in JavaScript and the bucket counts left sparse: the plainest query that
// returns the same figures (no ownership join, no zero-filled series, no response shaping).
const plainOne = `
SELECT count(*)::int AS total, count(*) FILTER (WHERE status = 'success')::int AS success,
  count(*) FILTER (WHERE status = 'error')::int AS error, count(*) FILTER (WHERE status = 'pending')::int AS pending,
  percentile_cont(ARRAY[0.5, 0.95]::float8[]) WITHIN GROUP (ORDER BY execution_time_ms) AS percentiles,
  (SELECT json_agg(b ORDER BY b.start) FROM (
     SELECT date_bin($4::interval, triggered_at, $2::timestamptz) AS start,
       count(*) FILTER (WHERE status = 'success')::int AS success, count(*) FILTER (WHERE status = 'error')::int AS error
     FROM webhook_executions WHERE webhook_id = $1 AND triggered_at >= $2::timestamptz AND triggered_at < $3::timestamptz
     GROUP BY 1) AS b) AS buckets
FROM webhook_executions WHERE webhook_id = $1 AND triggered_at >= $2::timestamptz AND triggered_at < $3::timestamptz`

const plainAll = `
SELECT webhook_id, count(*)::int AS total, count(*) FILTER (WHERE status = 'success')::int AS success,
  count(*) FILTER (WHERE status = 'error')::int AS error, count(*) FILTER (WHERE status = 'pending')::int AS pending,
  percentile_cont(ARRAY[0.5, 0.95]::float8[]) WITHIN GROUP (ORDER BY execution_time_ms) AS percentiles,
  (SELECT json_agg(b ORDER BY b.start) FROM (
     SELECT date_bin($4::interval, i.triggered_at, $2::timestamptz) AS start,
       count(*) FILTER (WHERE i.status = 'success')::int AS success, count(*) FILTER (WHERE i.status = 'error')::int AS error
     FROM webhook_executions AS i WHERE i.webhook_id = o.webhook_id
       AND i.triggered_at >= $2::timestamptz AND i.triggered_at < $3::timestamptz
     GROUP BY 1) AS b) AS buckets
FROM webhook_executions AS o
WHERE webhook_id IN (SELECT id FROM integration_webhooks WHERE user_id = $1)
  AND triggered_at >= $2::timestamptz AND triggered_at < $3::timestamptz
GROUP BY webhook_id`

function bounds(now, window) {
  const [hours, count] = WINDOWS[window]
  const step = hours * 3_600_000
  const stop = Math.floor(now.getTime() / step) * step + step
  return [new Date(stop - count * step).toISOString(), new Date(stop).toISOString(), `${hours} hours`]
}

/**
 * Times `GET /{id}/stats` for every window and `GET /stats` for its user, each beside its
 * plain query, on a store whose executions table is already full (the page benchmark grows it
 * to 1,000,000 rows): one webhook of its own gets `count` executions spread evenly over the 30
 * days before `now` (every ninth an error, one in a hundred pending, times of 5–1,004 ms).
 * `GET /stats` is timed for `allUser`, whose webhooks fill the rest of the table.
 */
export async function measureStats({ kind, store, createWebhookServer, compare, count, allUser }) {
  const q = (text, params) => store.driver.query(text, params)
  const user = 'bench_stats'
  const now = new Date('2026-06-30T12:34:56.789Z')
  const server = createWebhookServer({
    store,
    publicUrl: 'https://app.example.com',
    authenticate: (request) => request.headers.get('x-user'),
    now: () => now,
  })
  const get = async (pathname, as = user) => {
    const response = await server.handle(
      new Request(`https://app.example.com/api/integration-webhooks${pathname}`, { headers: { 'x-user': as } }),
    )
    const bytes = await response.arrayBuffer()
    if (response.status !== 200) throw new Error(`${pathname}: ${response.status} ${new TextDecoder().decode(bytes)}`)
    return bytes
  }
  const created = await server.handle(
    new Request('https://app.example.com/api/integration-webhooks', {
      method: 'POST',
      headers: { 'x-user': user, 'content-type': 'application/json' },
      body: JSON.stringify({ provider_id: 'github' }),
    }),
  )
  const webhookId = (await created.json()).webhook.id
  const spacing = (30 * 86_400_000) / count
  for (let from = 0; from < count; from += 100_000) {
    await quietly(store, (tx) =>
      tx.query(
        `INSERT INTO webhook_executions (id, webhook_id, user_id, provider_id, trigger_type, payload, headers, status,
         response_code, execution_time_ms, triggered_at)
       SELECT 's' || i, $1, $2, 'github', 'github_trigger_push',
         jsonb_build_object('ref', 'refs/heads/main', 'after', md5(i::text), 'repository', jsonb_build_object('full_name', 'acme/api', 'id', i)),
         jsonb_build_object('x-github-event', 'push', 'x-github-delivery', md5(i::text)),
         CASE WHEN i % 100 = 0 THEN 'pending' WHEN i % 9 = 0 THEN 'error' ELSE 'success' END,
         CASE WHEN i % 100 = 0 THEN NULL WHEN i % 9 = 0 THEN 500 ELSE 200 END,
         CASE WHEN i % 100 = 0 THEN NULL ELSE ((i * 7919) % 1000) + 5 END,
         $3::timestamptz - i * $4::float8 * interval '1 millisecond'
       FROM generate_series($5::int, $6::int - 1) AS i`,
        [webhookId, user, now.toISOString(), spacing, from, Math.min(count, from + 100_000)],
      ),
    )
  }
  const [{ total }] = await q('SELECT count(*)::int AS total FROM webhook_executions')
  // Index-only scans need the visibility map: what autovacuum keeps for a table that is written to.
  await q('VACUUM ANALYZE webhook_executions')
  const results = { kind, count, total, one: {}, all: {} }
  for (const window of Object.keys(WINDOWS)) {
    const [start, stop, step] = bounds(now, window)
    const [{ n }] = await q(
      'SELECT count(*)::int AS n FROM webhook_executions WHERE webhook_id = $1 AND triggered_at >= $2 AND triggered_at < $3',
      [webhookId, start, stop],
    )
    results.one[window] = {
      inWindow: n,
      ...(await compare(
        () => get(`/${webhookId}/stats?window=${window}`),
        async () => JSON.stringify(await q(plainOne, [webhookId, start, stop, step])),
      )),
    }
    console.log(
      `[bench] ${kind}: stats of one webhook, ${window} (${n} executions): ${ms(results.one[window].route.median)} ms vs ${ms(results.one[window].baseline.median)} ms`,
    )
  }
  {
    const [start, stop, step] = bounds(now, '24h')
    results.all = await compare(
      () => get('/stats?window=24h', allUser),
      async () => JSON.stringify(await q(plainAll, [allUser, start, stop, step])),
    )
    const [{ n, e }] = await q(
      `SELECT count(DISTINCT w.id)::int AS n, count(x.id)::int AS e FROM integration_webhooks AS w
       LEFT JOIN webhook_executions AS x ON x.webhook_id = w.id AND x.triggered_at >= $2 AND x.triggered_at < $3
       WHERE w.user_id = $1`,
      [allUser, start, stop],
    )
    results.webhooks = n
    results.allExecutions = e
  }
  // The plan of the route's own query, recorded as the store sends it.
  const driver = store.driver
  const query = driver.query
  let sent = null
  driver.query = (text, params) => {
    sent = { text, params }
    return query.call(driver, text, params)
  }
  try {
    await get(`/${webhookId}/stats?window=30d`)
  } finally {
    driver.query = query
  }
  const plan = await q(`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ${sent.text}`, sent.params)
  results.plan = plan.map((row) => row['QUERY PLAN']).join('\n')
  await server.close()
  return results
}

/** The targets of the statistics part: the route within 1.5× its baseline, for each window. */
export function statsTargets(m) {
  return Object.keys(WINDOWS).map((window) => ({
    name: `${m.kind}: stats of one webhook (${window}, ${m.one[window].inWindow.toLocaleString('en-US')} executions, ${m.total.toLocaleString('en-US')} in the table) within 1.5× its baseline`,
    value: `${m.one[window].ratio.toFixed(2)}×`,
    met: m.one[window].ratio <= 1.5,
  }))
}

const cell = (s) => `${ms(s.median)} (${ms(s.p25)}–${ms(s.p75)})`

/** The Markdown of the statistics part, for every store measured. */
export function statsSection(measured) {
  return `<!-- server-stats-bench:start -->
### Statistics (\`GET /{id}/stats\`, \`GET /stats\`)

Run at \`${execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: rootDir, encoding: 'utf8' }).trim()}\` on ${new Date().toISOString().slice(0, 10)}, load average ${os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' / ')} at the end; median (p25–p75) in ms.
Each stats route is timed from \`handle(request)\` to its body's bytes; its baseline is the same
aggregate (counts by status, \`percentile_cont\` of both percentiles, counts per bucket) as one
plain SQL query over the window, without the ownership join, the zero-filled buckets or the
response's shape, \`JSON.stringify\`d. The table is vacuumed first (index-only scans need the
visibility map autovacuum keeps).

${table(
  ['target', 'value', ''],
  measured.flatMap(({ stats: m }) => statsTargets(m)).map((t) => [t.name, t.value, t.met ? 'met' : '**not met**']),
)}

${measured
  .map(
    ({ stats: m }) => `#### ${m.kind}

${table(
  ['measurement', 'route', 'baseline', 'route ÷ baseline'],
  [
    ...Object.keys(WINDOWS).map((window) => [
      `one webhook, ${window}: ${m.one[window].inWindow.toLocaleString('en-US')} executions in the window, ${m.total.toLocaleString('en-US')} in the table`,
      cell(m.one[window].route),
      cell(m.one[window].baseline),
      `${m.one[window].ratio.toFixed(2)}×`,
    ]),
    [
      `every webhook of a user: ${m.webhooks} webhooks, ${m.allExecutions.toLocaleString('en-US')} executions in 24h`,
      cell(m.all.route),
      cell(m.all.baseline),
      `${m.all.ratio.toFixed(2)}×`,
    ],
  ],
  ['l', 'r', 'r', 'r'],
)}

The route's query plan (one webhook, 30d):

\`\`\`
${m.plan}
\`\`\`
`,
  )
  .join('\n')}
<!-- server-stats-bench:end -->`
}

/**
 * `npm run bench:server -- --only-stats`: the statistics part alone, on a table filled to
 * `tableSize` executions of other webhooks, rewriting only its block of BENCHMARKS.md.
 */
export async function runStatsOnly({ stores, createWebhookServer, compare, count, tableSize, writeBlock }) {
  const measured = []
  for (const { kind, open } of stores) {
    const { store, close } = await open()
    try {
      console.log(`[bench] ${kind}: filling the executions table to ${tableSize.toLocaleString('en-US')} rows`)
      await store.driver.query(
        `INSERT INTO integration_webhooks (id, user_id, provider_id, name, receive_token)
         SELECT 'filler-' || w, 'bench_filler', 'github', 'Filler ' || w, 'filler-token-' || w FROM generate_series(0, 99) AS w`,
      )
      for (let from = 0; from < tableSize - count; from += 100_000) {
        await quietly(store, (tx) =>
          tx.query(
            `INSERT INTO webhook_executions (id, webhook_id, user_id, provider_id, trigger_type, payload, headers, status,
               response_code, execution_time_ms, triggered_at)
             SELECT 'f' || i, 'filler-' || (i % 100), 'bench_filler', 'github', 'github_trigger_push',
               jsonb_build_object('ref', 'refs/heads/main', 'after', md5(i::text), 'repository', jsonb_build_object('full_name', 'acme/api', 'id', i)),
               jsonb_build_object('x-github-event', 'push', 'x-github-delivery', md5(i::text)),
               CASE WHEN i % 9 = 0 THEN 'error' ELSE 'success' END, CASE WHEN i % 9 = 0 THEN 500 ELSE 200 END, (i % 200) + 5,
               timestamptz '2026-06-30T12:00:00Z' - i * interval '2 second'
             FROM generate_series($1::int, $2::int - 1) AS i`,
            [from, Math.min(tableSize - count, from + 100_000)],
          ),
        )
      }
      measured.push({
        stats: await measureStats({ kind, store, createWebhookServer, compare, count, allUser: 'bench_filler' }),
      })
    } finally {
      await close()
    }
  }
  writeBlock(statsSection(measured))
  for (const target of measured.flatMap((m) => statsTargets(m.stats))) {
    console.log(`[bench]   ${target.met ? 'met    ' : 'NOT MET'}  ${target.name}: ${target.value}`)
  }
}
