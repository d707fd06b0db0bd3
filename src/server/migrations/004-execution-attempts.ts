/**
 * Each dispatch attempt of an execution, kept: when it ended, how (`success` or `error`), how
 * long `onEvent` took and its error — the execution's own columns keep only the last one.
 * A JSON array on the execution (no table of its own): attempts are few (`maxAttempts`,
 * 5 by default), always read with their execution and pruned with it. Null on executions
 * recorded before this migration: their attempts are unknown, not none.
 *
 * Version 4 whatever lands beside it: 2 and 3 are taken by the live stream and the
 * statistics; migrations are independent of each other, applied in version order.
 */
export const executionAttempts = `
ALTER TABLE webhook_executions ADD COLUMN attempts jsonb;
`
