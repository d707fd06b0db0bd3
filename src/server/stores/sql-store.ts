import { createBatcher } from '../batch'
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

/** One execution to record, as a row of a batch: its JSON (see `recordSql`) and its delivery key. */
interface BatchRow {
  /** `webhook_id` and `provider_event_id`: two rows with the same key never share a batch. */
  key: string | null
  json: string
}

/** What recording one row did: the execution (as read back), or a duplicate delivery id, or stale secrets. */
type BatchOutcome<Execution> = Execution | 'duplicate' | 'stale'

/**
 * Records a batch of executions in one statement ($1: a JSON array of rows, each with its
 * index `i`) and reads back `columns` of each one recorded. Per row, exactly what one row
 * alone gets: recorded only while its webhook exists and still has the secrets it was
 * verified with (`checked`, `secret`, `previous`), as an `error` when the webhook is disabled
 * (a pending event); a delivery id already recorded inserts nothing (`matched` then tells a
 * duplicate from a stale row). The webhooks are locked first, in id order, so that
 * concurrent batches over several webhooks never deadlock; each webhook's counters move
 * once per batch (and so the event log's triggers fire once per statement, not per event);
 * one NOTIFY per execution, as the dispatch workers and `subscribe` read them.
 */
const recordSql = (columns: string) => `
WITH batch AS MATERIALIZED (
  SELECT * FROM json_to_recordset($1::json) AS b(i int, id text, webhook_id text, user_id text, provider_id text,
    trigger_type text, payload text, headers jsonb, status text, error_message text, provider_event_id text,
    retry_of text, checked boolean, secret text, previous text)
), hook AS MATERIALIZED (
  SELECT w.id, w.status, w.signing_secret, w.previous_secret FROM integration_webhooks AS w
  WHERE w.id IN (SELECT webhook_id FROM batch)
  ORDER BY w.id FOR NO KEY UPDATE
), matched AS MATERIALIZED (
  SELECT b.i, b.id, b.webhook_id, b.user_id, b.provider_id, b.trigger_type, b.payload, b.headers,
    CASE WHEN h.status = 'inactive' THEN 'error' ELSE b.status END AS status,
    CASE WHEN h.status = 'inactive' AND b.status = 'pending' THEN 'the webhook is disabled: not dispatched'
      ELSE b.error_message END AS error_message,
    b.provider_event_id, b.retry_of
  FROM batch AS b JOIN hook AS h ON h.id = b.webhook_id
  WHERE NOT b.checked
    OR (h.signing_secret IS NOT DISTINCT FROM b.secret AND h.previous_secret IS NOT DISTINCT FROM b.previous)
), inserted AS (
  INSERT INTO webhook_executions (id, webhook_id, user_id, provider_id, trigger_type, payload, headers,
    status, error_message, provider_event_id, retry_of)
  SELECT id, webhook_id, user_id, provider_id, trigger_type, coalesce(payload, 'null')::json, headers,
    status, error_message, provider_event_id, retry_of
  FROM matched ORDER BY i
  ON CONFLICT (webhook_id, provider_event_id) WHERE provider_event_id IS NOT NULL DO NOTHING
  RETURNING *
), counted AS (
  UPDATE integration_webhooks AS w SET
    trigger_count = w.trigger_count + c.n,
    error_count = w.error_count + c.errors,
    last_triggered = greatest(w.last_triggered, c.last),
    setup_required = false
  FROM (
    SELECT webhook_id, count(*) AS n, count(*) FILTER (WHERE status = 'error') AS errors, max(triggered_at) AS last
    FROM inserted GROUP BY webhook_id
  ) AS c
  WHERE w.id = c.webhook_id
)
SELECT b.i, m.i IS NOT NULL AS matched, ${columns}, CASE WHEN e.id IS NOT NULL THEN ${notify('e')} END AS notified
FROM batch AS b LEFT JOIN matched AS m ON m.i = b.i LEFT JOIN inserted AS e ON e.id = b.id`

/** Runs `fn` once the event loop's current turn ends (its I/O callbacks done): `setImmediate` where there is one. */
const endOfTurn = (fn: () => void): void => {
  if (typeof setImmediate === 'function') setImmediate(fn)
  else setTimeout(fn, 0)
}

/** Options of {@link createSqlStore}. @internal */
export interface SqlStoreOptions {
  /** Apply the migrations first. @defaultValue true */
  migrate?: boolean
  /**
   * Group commit of `recordExecution`: how many rows (and bytes of their JSON) one
   * statement records at most, and how many such statements run at once. A lone event is
   * recorded at once; events that arrive while the statements run wait and are recorded
   * together by the next one.
   * @defaultValue `{ maxRows: 64, maxBytes: 4 MiB, maxInFlight: 1 }`
   */
  recordBatch?: {
    maxRows?: number
    maxBytes?: number
    maxInFlight?: number
    /**
     * Start a batch at the end of the event loop's turn (`setImmediate`), with the events
     * of that turn, rather than at once: for a driver that runs statements on the thread
     * (PGlite), where nothing arrives while one runs.
     */
    gatherTurn?: boolean
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
export async function createSqlStore(driver: SqlDriver, options: SqlStoreOptions = {}): Promise<SqlStore> {
  if (options.migrate !== false) await migrate(driver)

  /**
   * Group commit (`SqlStoreOptions.recordBatch`): the events being recorded at the same
   * time are recorded by one statement, whose rows are each decided as one alone would be.
   * A batch that fails is run again row by row, so that only the row at fault fails.
   */
  const batchOptions = {
    maxItems: options.recordBatch?.maxRows ?? 64,
    maxInFlight: options.recordBatch?.maxInFlight ?? 1,
    maxBytes: options.recordBatch?.maxBytes ?? 4 * 1024 * 1024,
    sizeOf: (row: BatchRow) => row.json.length,
    keyOf: (row: BatchRow) => row.key,
    schedule: options.recordBatch?.gatherTurn ? endOfTurn : undefined,
  }
  const batcherFor = <Execution extends RecordedExecutionId>(sql: string) => {
    const recordRows = async (rows: readonly BatchRow[]): Promise<BatchOutcome<Execution>[]> => {
      const result = await driver.query<Execution & { i: number; matched: boolean; notified?: unknown }>(sql, [
        `[${rows.map((row, i) => `{"i":${i},${row.json.slice(1)}`).join(',')}]`,
      ])
      const outcomes: BatchOutcome<Execution>[] = rows.map(() => 'stale')
      for (const row of result) {
        const { i, matched, notified: _, ...execution } = row
        outcomes[i] = execution.id !== null ? (execution as unknown as Execution) : matched ? 'duplicate' : 'stale'
      }
      return outcomes
    }
    return createBatcher<BatchRow, BatchOutcome<Execution>>({
      ...batchOptions,
      async run(rows) {
        try {
          return (await recordRows(rows)).map((value) => ({ status: 'fulfilled', value }))
        } catch (error) {
          if (rows.length === 1) throw error
          return Promise.allSettled(rows.map(async (row) => (await recordRows([row]))[0] as BatchOutcome<Execution>))
        }
      },
    })
  }
  const recordIds = batcherFor<RecordedExecutionId>(recordSql('e.id, e.status'))
  const recordRecords = batcherFor<ExecutionRecord>(recordSql(executionColumnsOf('e.')))

  // Recorded (the insert, the counters and the notifications commit together), or not: a
  // delivery id already recorded (the unique index) inserts and counts nothing, and is
  // answered with the execution that has it; the webhook's row decides, as the row is
  // written, whether it is disabled (an error, not dispatched) and whether the secrets the
  // event was verified with are still its own (else `stale`). `'id'` reads back the id and
  // status only (the receiver's answer), not the row it just wrote.
  async function recordExecution(execution: NewExecution): Promise<RecordResult>
  async function recordExecution(execution: NewExecution, returning: 'id'): Promise<RecordResult<RecordedExecutionId>>
  async function recordExecution(
    execution: NewExecution,
    returning?: 'id',
  ): Promise<RecordResult<ExecutionRecord | RecordedExecutionId>> {
    const expected = execution.expected_secrets
    // The payload's JSON text: as the provider sent it when the receiver has it (its keys in
    // their order: the column is json, not jsonb), else the value's. It travels in the batch
    // as a string, cast to json only as it is stored: json_to_recordset would de-escape the
    // strings inside a nested value, and a `\u0000` in one would fail the batch.
    const payload = JSON.stringify(execution.payload_json ?? JSON.stringify(execution.payload ?? null))
    const row: BatchRow = {
      key: execution.provider_event_id === null ? null : `${execution.webhook_id}\n${execution.provider_event_id}`,
      // Each row's JSON once, here; the batch's parameter is these joined.
      json: `${JSON.stringify({
        id: execution.id,
        webhook_id: execution.webhook_id,
        user_id: execution.user_id,
        provider_id: execution.provider_id,
        trigger_type: execution.trigger_type,
        headers: execution.headers,
        status: execution.status,
        error_message: execution.error_message,
        provider_event_id: execution.provider_event_id,
        retry_of: execution.retry_of,
        checked: expected !== undefined,
        secret: expected?.secret ?? null,
        previous: expected?.previous ?? null,
      }).slice(0, -1)},"payload":${payload}}`,
    }
    const outcome = await (returning === 'id' ? recordIds(row) : recordRecords(row))
    if (outcome === 'stale') return { recorded: false, execution: null, stale: true }
    if (outcome !== 'duplicate') return { recorded: true, execution: outcome }
    const existing = await driver.query<ExecutionRecord | RecordedExecutionId>(
      `SELECT ${returning === 'id' ? 'id, status' : executionColumns} FROM webhook_executions
       WHERE webhook_id = $1 AND provider_event_id = $2`,
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
                 THEN to_json(left(payload::text, ${STORED_PAYLOAD_LIMIT})) ELSE payload END
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
