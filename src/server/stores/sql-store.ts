import { migrate } from '../migrations/index'
import type { ExecutionPageQuery, ExecutionRecord, NewWebhookRecord, WebhookRecord, WebhookStore } from '../store'
import type { SqlDriver } from './driver'

// Timestamps leave the database as RFC 3339 strings in UTC with milliseconds, the form
// `Date.prototype.toISOString` gives: no Date objects to build per row, and a cursor's
// timestamp compares exactly (the columns keep milliseconds).
const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`

const webhookColumns = `id, user_id, provider_id, name, receive_token, trigger_types, integration_config,
  external_config, status, setup_required, ${iso('last_triggered')} AS last_triggered,
  trigger_count::float8 AS trigger_count, error_count::float8 AS error_count,
  ${iso('created_at')} AS created_at, ${iso('updated_at')} AS updated_at`

// ORDER BY names the table's columns through its alias (`e.triggered_at`): a bare name would
// sort by the output column of the same name, the to_char text, and no index serves that.
const executionColumns = `id, webhook_id, user_id, provider_id, trigger_type, payload, headers, status,
  response_code, response_body, error_message, execution_time_ms, ${iso('triggered_at')} AS triggered_at,
  provider_event_id, attempt, retry_of, payload_truncated`

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
             integration_config, external_config, status, setup_required)
           VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8::jsonb, $9, $10)
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

    close: () => driver.close(),
  }
}
