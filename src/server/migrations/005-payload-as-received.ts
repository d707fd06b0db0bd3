/**
 * An execution's payload as the provider sent it: `json`, not `jsonb`. `jsonb` re-orders an
 * object's keys (shortest first), drops duplicate keys, rewrites numbers and refuses a
 * `\u0000` in a string — so a history showed `issue, action, sender, repository` for a
 * GitHub event sent as `action, issue, repository, sender`, and a valid event with a NUL in
 * a string was refused with a 500 (and so lost, after the provider's retries). `json` keeps
 * the text the receiver verified. Nothing queries inside a payload (statistics, the live
 * stream and paging read other columns), so nothing needs jsonb's operators or indexes.
 *
 * Rewrites the table once (PostgreSQL takes an ACCESS EXCLUSIVE lock for it): rows recorded
 * before keep jsonb's order, which is all that is left of theirs.
 */
export const payloadAsReceived = `
ALTER TABLE webhook_executions ALTER COLUMN payload TYPE json USING payload::json;
`
