import { migrate } from '../migrations/index'
import type {
  DispatchOutcome,
  ExecutionPageQuery,
  ExecutionRecord,
  LiveEventPage,
  LiveEventQuery,
  NewExecution,
  NewWebhookRecord,
  ReceivingWebhook,
  RecordedExecutionId,
  RecordResult,
  StatsBucket,
  StatsRange,
  StoreNotification,
  WebhookRecord,
  WebhookStats,
  WebhookStore,
} from '../store'
import type { SqlDriver } from './driver'

// Timestamps leave the database as RFC 3339 strings in UTC with milliseconds, the form
// `Date.prototype.toISOString` gives: no Date objects to build per row, and a cursor's
// timestamp compares exactly (the columns keep milliseconds).
const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`

const webhookColumns = `id, user_id, provider_id, name, receive_token, trigger_types, integration_config,
  external_config, status, setup_required, ${iso('last_triggered')} AS last_triggered,
  trigger_count::float8 AS trigger_count, error_count::float8 AS error_count,
  ${iso('created_at')} AS created_at, ${iso('updated_at')} AS updated_at,
  signing_secret IS NOT NULL AS secret_set,
  ${iso('CASE WHEN previous_secret_expires_at > now() THEN previous_secret_expires_at END')} AS previous_secret_expires_at`

// ORDER BY names the table's columns through its alias (`e.triggered_at`): a bare name would
// sort by the output column of the same name, the to_char text, and no index serves that.
const executionColumnsOf = (table: string) => `${table}id, ${table}webhook_id, ${table}user_id, ${table}provider_id,
  ${table}trigger_type, ${table}payload, ${table}headers, ${table}status, ${table}response_code, ${table}response_body,
  ${table}error_message, ${table}execution_time_ms, ${iso(`${table}triggered_at`)} AS triggered_at,
  ${table}provider_event_id, ${table}attempt, ${table}retry_of, ${table}payload_truncated, ${table}attempts`
const executionColumns = executionColumnsOf('')

/** The channel the store NOTIFYs on: `{"t":"execution","u":user,"w":webhook,"e":execution}`, ids only. */
export const NOTIFY_CHANNEL = 'integration_webhooks'

const notify = (alias: string) =>
  `pg_notify('${NOTIFY_CHANNEL}', json_build_object('t', 'execution', 'u', ${alias}.user_id, 'w', ${alias}.webhook_id, 'e', ${alias}.id)::text)`

/** The channel the event log's triggers NOTIFY on (migration 002): the newest event id, nothing else. */
export const EVENTS_CHANNEL = 'integration_webhooks_events'

/**
 * The attempt a dispatch just ended, appended to the execution's `attempts` (in an UPDATE of
 * webhook_executions: `attempt` is the row's value before the statement changes it).
 */
const attemptEntry = (status: 'success' | 'error', error: string, duration: string, retryAt = 'NULL') =>
  `coalesce(attempts, '[]'::jsonb) || jsonb_build_array(jsonb_build_object(
     'attempt', attempt, 'status', '${status}', 'ended_at', ${iso('now()')}, 'duration_ms', ${duration},
     'error', ${error}, 'next_attempt_at', ${retryAt}))`

/** Payloads over this many bytes are cut to it once dispatched (the whole event is kept until then). */
export const STORED_PAYLOAD_LIMIT = 256 * 1024

// Statistics: $1 user, $2 and $3 the window's start and end, $4 the bucket's hours (and $5
// the webhook, for one). The window ends with the bucket that holds `now`, aligned to UTC
// hours or days (computed from epoch milliseconds, so no session time zone or DST moves it,
// and passed as values, so the planner sees the range it scans); the bins are whole hours
// (never '1 day', which a time zone with DST would stretch). Each webhook's executions are
// read by two range scans of the page index, index-only (it carries user_id, status and
// execution_time_ms), under LATERAL: one for the totals and both percentiles (one sort), one
// for the buckets that have executions, as `[index, success, error]`. The rest is done in
// JavaScript, where it costs nothing: the zero buckets, each bucket's start, the success
// rate (the SQL of the zero-filled series — generate_series, a join, to_char and an object
// per bucket — made a 24-hour window 1.3× the plain aggregate on PGlite).
const statsSql = (where: string) => `
SELECT w.id, a.total, a.success, a.error, a.pending, a.percentiles[1] AS p50_ms, a.percentiles[2] AS p95_ms,
  k.buckets
FROM integration_webhooks AS w
CROSS JOIN LATERAL (
  SELECT count(*)::int AS total,
    count(*) FILTER (WHERE e.status = 'success')::int AS success,
    count(*) FILTER (WHERE e.status = 'error')::int AS error,
    count(*) FILTER (WHERE e.status = 'pending')::int AS pending,
    percentile_cont(ARRAY[0.5, 0.95]::float8[]) WITHIN GROUP (ORDER BY e.execution_time_ms) AS percentiles
  FROM webhook_executions AS e
  WHERE e.webhook_id = w.id AND e.user_id = w.user_id
    AND e.triggered_at >= $2::timestamptz AND e.triggered_at < $3::timestamptz
) AS a
CROSS JOIN LATERAL (
  SELECT json_agg(json_build_array((extract(epoch FROM c.start - $2::timestamptz) / 3600)::int / $4::int,
    c.success, c.error)) AS buckets
  FROM (
    SELECT date_bin($4::int * interval '1 hour', e.triggered_at, $2::timestamptz) AS start,
      count(*) FILTER (WHERE e.status = 'success')::int AS success,
      count(*) FILTER (WHERE e.status = 'error')::int AS error
    FROM webhook_executions AS e
    WHERE e.webhook_id = w.id AND e.user_id = w.user_id
      AND e.triggered_at >= $2::timestamptz AND e.triggered_at < $3::timestamptz
    GROUP BY 1
  ) AS c
) AS k
WHERE ${where}
ORDER BY w.created_at, w.id`

const oneStats = statsSql('w.user_id = $1 AND w.id = $5')
const allStats = statsSql('w.user_id = $1')

interface StatsRow {
  id: string
  total: number
  success: number
  error: number
  pending: number
  p50_ms: number | null
  p95_ms: number | null
  /** The buckets that have executions: `[index from the window's first, success, error]`; null when none. */
  buckets: [number, number, number][] | string | null
}

/** The window of a range: its first bucket's start and one bucket's length, in epoch milliseconds. */
function windowOf({ now, bucketHours, buckets }: StatsRange): { start: number; step: number; stop: number } {
  const step = bucketHours * 3_600_000
  const stop = Math.floor(now.getTime() / step) * step + step
  return { start: stop - buckets * step, step, stop }
}

function statsParams(userId: string, range: StatsRange): unknown[] {
  const { start, stop } = windowOf(range)
  return [userId, new Date(start).toISOString(), new Date(stop).toISOString(), range.bucketHours]
}

function toStats(row: StatsRow, range: StatsRange): WebhookStats {
  const { start, step } = windowOf(range)
  const buckets: StatsBucket[] = []
  for (let i = 0; i < range.buckets; i++) {
    buckets.push({ start: new Date(start + i * step).toISOString(), success: 0, error: 0 })
  }
  const counted = typeof row.buckets === 'string' ? JSON.parse(row.buckets) : row.buckets
  for (const [index, success, error] of counted ?? []) {
    const bucket = buckets[index] as StatsBucket
    bucket.success = success
    bucket.error = error
  }
  const finished = row.success + row.error
  return {
    total: row.total,
    success: row.success,
    error: row.error,
    pending: row.pending,
    success_rate: finished > 0 ? row.success / finished : null,
    p50_ms: row.p50_ms,
    p95_ms: row.p95_ms,
    buckets,
  }
}

/** A store over SQL: the one implementation behind the PGlite and PostgreSQL stores. */
export interface SqlStore extends WebhookStore {
  /** The connection it runs on, for tools and tests (row counts, query plans). */
  readonly driver: SqlDriver
}

/**
 * The store on a SQL driver: applies the migrations, then serves every method with the
 * same SQL on PGlite and PostgreSQL.
 * @internal
 */
export async function createSqlStore(driver: SqlDriver, options: { migrate?: boolean } = {}): Promise<SqlStore> {
  if (options.migrate !== false) await migrate(driver)

  // One statement: the insert, the counters and the notification commit together; a delivery
  // id already recorded (the unique index) inserts and counts nothing; the webhook's row
  // decides, as the row is written, whether it is disabled (an error, not dispatched) and
  // whether the secrets the event was verified with are still its own. `'id'` reads back the
  // id and status only (the receiver's answer), not the row it just sent.
  async function recordExecution(execution: NewExecution): Promise<RecordResult>
  async function recordExecution(execution: NewExecution, returning: 'id'): Promise<RecordResult<RecordedExecutionId>>
  async function recordExecution(
    execution: NewExecution,
    returning?: 'id',
  ): Promise<RecordResult<ExecutionRecord | RecordedExecutionId>> {
    const columns = returning === 'id' ? 'id, status' : executionColumns
    const expected = execution.expected_secrets
    const rows = await driver.query<
      (ExecutionRecord | RecordedExecutionId) & { notified?: unknown; matched?: unknown }
    >(
      `WITH hook AS (
         SELECT id, status FROM integration_webhooks
         WHERE id = $2 AND (NOT $12::boolean
           OR (signing_secret IS NOT DISTINCT FROM $13 AND previous_secret IS NOT DISTINCT FROM $14))
       ), inserted AS (
         INSERT INTO webhook_executions (id, webhook_id, user_id, provider_id, trigger_type, payload, headers,
           status, error_message, provider_event_id, retry_of)
         SELECT $1, hook.id, $3, $4, $5, $6::jsonb, $7::jsonb,
           CASE WHEN hook.status = 'inactive' THEN 'error' ELSE $8 END,
           CASE WHEN hook.status = 'inactive' AND $8 = 'pending' THEN 'the webhook is disabled: not dispatched' ELSE $9 END,
           $10, $11
         FROM hook
         ON CONFLICT (webhook_id, provider_event_id) WHERE provider_event_id IS NOT NULL DO NOTHING
         RETURNING *
       ), counted AS (
         UPDATE integration_webhooks AS w SET
           trigger_count = w.trigger_count + 1,
           error_count = w.error_count + CASE WHEN i.status = 'error' THEN 1 ELSE 0 END,
           last_triggered = greatest(w.last_triggered, i.triggered_at),
           setup_required = false
         FROM inserted AS i WHERE w.id = i.webhook_id
         RETURNING w.id
       ), recorded AS (
         SELECT ${returning === 'id' ? 'e.id, e.status' : executionColumnsOf('e.')}, ${notify('e')} AS notified
         FROM inserted AS e, counted
       )
       SELECT recorded.*, EXISTS (SELECT 1 FROM hook) AS matched
       FROM (SELECT 1) AS one LEFT JOIN recorded ON true`,
      [
        execution.id,
        execution.webhook_id,
        execution.user_id,
        execution.provider_id,
        execution.trigger_type,
        JSON.stringify(execution.payload ?? null),
        execution.headers === null ? null : JSON.stringify(execution.headers),
        execution.status,
        execution.error_message,
        execution.provider_event_id,
        execution.retry_of,
        expected !== undefined,
        expected?.secret ?? null,
        expected?.previous ?? null,
      ],
    )
    const row = rows[0]
    if (row?.id) {
      delete row.notified
      delete row.matched
      return { recorded: true, execution: row }
    }
    if (!row?.matched) return { recorded: false, execution: null, stale: true }
    const existing = await driver.query<ExecutionRecord | RecordedExecutionId>(
      `SELECT ${columns} FROM webhook_executions WHERE webhook_id = $1 AND provider_event_id = $2`,
      [execution.webhook_id, execution.provider_event_id],
    )
    return { recorded: false, execution: existing[0] ?? null }
  }

  return {
    kind: driver.kind,
    driver,

    listWebhooks: (userId) =>
      driver.query<WebhookRecord>(
        `SELECT ${webhookColumns} FROM integration_webhooks AS w WHERE user_id = $1 ORDER BY w.created_at, w.id`,
        [userId],
      ),

    async getWebhook(userId, id) {
      const rows = await driver.query<WebhookRecord>(
        `SELECT ${webhookColumns} FROM integration_webhooks WHERE id = $1 AND user_id = $2`,
        [id, userId],
      )
      return rows[0] ?? null
    },

    createWebhook: (record: NewWebhookRecord, { maxPerUser }) =>
      driver.transaction(async (tx) => {
        // One user's creates queue on a lock of their own, so the count and the insert
        // are atomic without serialising other users.
        await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`integration-webhooks:${record.user_id}`])
        const [count] = await tx.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM integration_webhooks WHERE user_id = $1',
          [record.user_id],
        )
        if ((count?.n ?? 0) >= maxPerUser) return 'limit_reached' as const
        const [row] = await tx.query<WebhookRecord>(
          `INSERT INTO integration_webhooks (id, user_id, provider_id, name, receive_token, trigger_types,
             integration_config, external_config, status, setup_required, signing_secret)
           VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8::jsonb, $9, $10, $11)
           RETURNING ${webhookColumns}`,
          [
            record.id,
            record.user_id,
            record.provider_id,
            record.name,
            record.receive_token,
            JSON.stringify(record.trigger_types),
            JSON.stringify(record.integration_config),
            JSON.stringify(record.external_config),
            record.status,
            record.setup_required,
            record.signing_secret ?? null,
          ],
        )
        return row as WebhookRecord
      }),

    async setWebhookStatus(userId, id, status) {
      const rows = await driver.query<WebhookRecord>(
        `UPDATE integration_webhooks SET status = $3, updated_at = now()
         WHERE id = $1 AND user_id = $2 RETURNING ${webhookColumns}`,
        [id, userId, status],
      )
      return rows[0] ?? null
    },

    async deleteWebhook(userId, id) {
      const rows = await driver.query('DELETE FROM integration_webhooks WHERE id = $1 AND user_id = $2 RETURNING id', [
        id,
        userId,
      ])
      return rows.length > 0
    },

    listExecutions: (userId, webhookId, { limit, before }: ExecutionPageQuery) =>
      before
        ? driver.query<ExecutionRecord>(
            `SELECT ${executionColumns} FROM webhook_executions AS e
             WHERE webhook_id = $1 AND user_id = $2 AND (e.triggered_at, e.id) < ($3::timestamptz, $4)
             ORDER BY e.triggered_at DESC, e.id DESC LIMIT $5`,
            [webhookId, userId, before.triggeredAt, before.id, limit],
          )
        : driver.query<ExecutionRecord>(
            `SELECT ${executionColumns} FROM webhook_executions AS e
             WHERE webhook_id = $1 AND user_id = $2
             ORDER BY e.triggered_at DESC, e.id DESC LIMIT $3`,
            [webhookId, userId, limit],
          ),

    async findWebhookByToken(token) {
      const rows = await driver.query<ReceivingWebhook>(
        `SELECT ${webhookColumns}, signing_secret, previous_secret
         FROM integration_webhooks WHERE receive_token = $1`,
        [token],
      )
      return rows[0] ?? null
    },

    async getSecrets(userId, id) {
      const rows = await driver.query<{
        secret: string | null
        previous: string | null
        previous_expires_at: string | null
      }>(
        `SELECT signing_secret AS secret, previous_secret AS previous,
           ${iso('previous_secret_expires_at')} AS previous_expires_at
         FROM integration_webhooks WHERE id = $1 AND user_id = $2`,
        [id, userId],
      )
      return rows[0] ?? null
    },

    async setSecrets(userId, id, { secret, previous, previousExpiresAt }) {
      const rows = await driver.query<WebhookRecord>(
        `UPDATE integration_webhooks SET signing_secret = $3, previous_secret = $4,
           previous_secret_expires_at = $5::timestamptz, updated_at = now()
         WHERE id = $1 AND user_id = $2 RETURNING ${webhookColumns}`,
        [id, userId, secret, previous, previousExpiresAt],
      )
      return rows[0] ?? null
    },

    async updateIntegrationConfig(userId, id, patch) {
      const rows = await driver.query<WebhookRecord>(
        `UPDATE integration_webhooks SET integration_config = integration_config || $3::jsonb, updated_at = now()
         WHERE id = $1 AND user_id = $2 RETURNING ${webhookColumns}`,
        [id, userId, JSON.stringify(patch)],
      )
      return rows[0] ?? null
    },

    recordExecution,

    async getExecution(userId, webhookId, executionId) {
      const rows = await driver.query<ExecutionRecord>(
        `SELECT ${executionColumns} FROM webhook_executions WHERE id = $1 AND webhook_id = $2 AND user_id = $3`,
        [executionId, webhookId, userId],
      )
      return rows[0] ?? null
    },

    claimExecutions: (workerId, limit, leaseMs, onlyId) =>
      driver.query<ExecutionRecord>(
        `UPDATE webhook_executions AS e SET claimed_by = $1, lease_until = now() + $3 * interval '1 millisecond'
         WHERE e.id IN (
           SELECT id FROM webhook_executions
           WHERE status = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= now())
             AND (lease_until IS NULL OR lease_until < now())
             AND ($4::text IS NULL OR id = $4)
           ORDER BY next_attempt_at NULLS FIRST, triggered_at
           LIMIT $2 FOR UPDATE SKIP LOCKED
         )
         RETURNING ${executionColumnsOf('e.')}`,
        [workerId, limit, leaseMs, onlyId ?? null],
      ),

    async finishExecution(executionId, workerId, outcome: DispatchOutcome) {
      const owned = "id = $1 AND claimed_by = $2 AND status = 'pending'"
      let rows: unknown[]
      if (outcome.status === 'retry') {
        rows = await driver.query(
          `UPDATE webhook_executions SET attempt = attempt + 1, error_message = $3, execution_time_ms = $4,
             next_attempt_at = $5::timestamptz, claimed_by = NULL, lease_until = NULL,
             attempts = ${attemptEntry('error', '$3::text', '$4::float8', iso('$5::timestamptz'))}
           WHERE ${owned} RETURNING id, ${notify('webhook_executions')}`,
          [executionId, workerId, outcome.error, outcome.durationMs, outcome.nextAttemptAt.toISOString()],
        )
      } else if (outcome.status === 'success') {
        rows = await driver.query(
          `WITH done AS (
             UPDATE webhook_executions SET status = 'success', response_body = $3, error_message = NULL,
               execution_time_ms = $4, claimed_by = NULL, lease_until = NULL, next_attempt_at = NULL,
               attempts = ${attemptEntry('success', 'NULL', '$4::float8')},
               payload_truncated = octet_length(payload::text) > ${STORED_PAYLOAD_LIMIT},
               payload = CASE WHEN octet_length(payload::text) > ${STORED_PAYLOAD_LIMIT}
                 THEN to_jsonb(left(payload::text, ${STORED_PAYLOAD_LIMIT})) ELSE payload END
             WHERE ${owned} RETURNING id, webhook_id, user_id
           ), healed AS (
             UPDATE integration_webhooks AS w SET consecutive_failures = 0,
               status = CASE WHEN w.status = 'error' THEN 'active' ELSE w.status END,
               updated_at = CASE WHEN w.status = 'error' THEN now() ELSE w.updated_at END
             FROM done WHERE w.id = done.webhook_id RETURNING w.id
           )
           SELECT done.id, ${notify('done')} FROM done, healed`,
          [executionId, workerId, outcome.responseBody, outcome.durationMs],
        )
      } else {
        rows = await driver.query(
          `WITH done AS (
             UPDATE webhook_executions SET status = 'error', error_message = $3, execution_time_ms = $4,
               claimed_by = NULL, lease_until = NULL, next_attempt_at = NULL,
               attempts = ${attemptEntry('error', '$3::text', '$4::float8')}
             WHERE ${owned} RETURNING id, webhook_id, user_id
           ), counted AS (
             UPDATE integration_webhooks AS w SET error_count = w.error_count + 1,
               consecutive_failures = w.consecutive_failures + 1,
               status = CASE WHEN w.status = 'active' AND w.consecutive_failures + 1 >= $5 THEN 'error' ELSE w.status END,
               updated_at = CASE WHEN w.status = 'active' AND w.consecutive_failures + 1 >= $5 THEN now() ELSE w.updated_at END
             FROM done WHERE w.id = done.webhook_id RETURNING w.id
           )
           SELECT done.id, ${notify('done')} FROM done, counted`,
          [executionId, workerId, outcome.error, outcome.durationMs, outcome.failureThreshold],
        )
      }
      return rows.length > 0
    },

    async pruneExecutions({ olderThan, perWebhook }) {
      let removed = 0
      if (olderThan) {
        const rows = await driver.query<{ n: number }>(
          `WITH gone AS (DELETE FROM webhook_executions WHERE triggered_at < $1::timestamptz AND status <> 'pending' RETURNING 1)
           SELECT count(*)::int AS n FROM gone`,
          [olderThan.toISOString()],
        )
        removed += rows[0]?.n ?? 0
      }
      if (perWebhook !== null) {
        // Past the newest `perWebhook` of each webhook, read through the page index.
        const rows = await driver.query<{ n: number }>(
          `WITH ranked AS (
             SELECT e.id, row_number() OVER (PARTITION BY e.webhook_id ORDER BY e.triggered_at DESC, e.id DESC) AS rank
             FROM webhook_executions AS e WHERE e.status <> 'pending'
           ), gone AS (
             DELETE FROM webhook_executions WHERE id IN (SELECT id FROM ranked WHERE rank > $1) RETURNING 1
           )
           SELECT count(*)::int AS n FROM gone`,
          [perWebhook],
        )
        removed += rows[0]?.n ?? 0
      }
      return removed
    },

    async webhookStats(userId, webhookId, range) {
      const [row] = await driver.query<StatsRow>(oneStats, [...statsParams(userId, range), webhookId])
      return row ? toStats(row, range) : null
    },

    async userStats(userId, range) {
      const rows = await driver.query<StatsRow>(allStats, statsParams(userId, range))
      const stats: Record<string, WebhookStats> = {}
      for (const row of rows) stats[row.id] = toStats(row, range)
      return stats
    },

    subscribe: driver.listen
      ? async (listener: (notification: StoreNotification) => void) =>
          (driver.listen as NonNullable<SqlDriver['listen']>)(NOTIFY_CHANNEL, (payload) => {
            try {
              const data = JSON.parse(payload) as { t?: string; u?: string; w?: string; e?: string }
              if (data.t === 'execution' && data.u && data.w && data.e) {
                listener({ type: 'execution', userId: data.u, webhookId: data.w, executionId: data.e })
              }
            } catch {
              // Another writer's payload on our channel: not ours to read.
            }
          })
      : undefined,

    async readEvents({ after, upTo = null, userId = null, withRowsFor = null, limit }: LiveEventQuery) {
      // One row, one round trip: the page as JSON (rows read back as the API's other routes
      // read them), and the ids the log holds, from its primary key.
      const rows = await driver.query<{
        events: LiveEventPage['events'] | string
        oldest: number | null
        newest: number | null
      }>(
        `SELECT (SELECT min(id)::float8 FROM integration_webhook_events) AS oldest,
           (SELECT max(id)::float8 FROM integration_webhook_events) AS newest,
           coalesce((SELECT json_agg(page ORDER BY page.id) FROM (
             SELECT ev.id::float8 AS id, ev.user_id, ev.kind, ev.webhook_id, ev.execution_id, loaded,
               CASE WHEN loaded AND ev.kind = 'webhook' THEN (SELECT row_to_json(w) FROM (
                 SELECT ${webhookColumns} FROM integration_webhooks WHERE id = ev.webhook_id AND user_id = ev.user_id
               ) AS w) END AS webhook,
               CASE WHEN loaded AND ev.kind = 'execution' THEN (SELECT row_to_json(x) FROM (
                 SELECT ${executionColumns} FROM webhook_executions
                 WHERE id = ev.execution_id AND webhook_id = ev.webhook_id AND user_id = ev.user_id
               ) AS x) END AS execution
             FROM integration_webhook_events AS ev,
               LATERAL (SELECT ($4::text[] IS NULL OR ev.user_id = ANY ($4::text[])) AS loaded) AS l
             WHERE ev.id > $1 AND ($2::bigint IS NULL OR ev.id <= $2) AND ($3::text IS NULL OR ev.user_id = $3)
             ORDER BY ev.id LIMIT $5
           ) AS page), '[]') AS events`,
        [after, upTo, userId, withRowsFor === null ? null : [...withRowsFor], limit],
      )
      const row = rows[0]
      const events = typeof row?.events === 'string' ? JSON.parse(row.events) : (row?.events ?? [])
      return { events, oldest: row?.oldest ?? null, newest: row?.newest ?? null }
    },

    subscribeEvents: driver.listen
      ? (listener: (newestId: number) => void) =>
          (driver.listen as NonNullable<SqlDriver['listen']>)(EVENTS_CHANNEL, (payload) => {
            const id = Number(payload)
            if (Number.isSafeInteger(id)) listener(id)
          })
      : undefined,

    async eventWriters() {
      const rows = await driver.query<{ writers: string[] }>(
        `SELECT coalesce(array_agg(DISTINCT virtualtransaction), '{}') AS writers FROM pg_locks
         WHERE locktype = 'relation' AND mode = 'RowExclusiveLock' AND granted AND pid <> pg_backend_pid()
           AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
           AND relation = 'integration_webhook_events'::regclass`,
      )
      return rows[0]?.writers ?? []
    },

    close: () => driver.close(),
  }
}
