// Kept apart from the zod schemas so that UI helpers can import them without pulling in zod.

/** Statuses a webhook can be in. */
export const webhookStatuses = ['active', 'inactive', 'error'] as const
/** Statuses an execution can be in. */
export const executionStatuses = ['success', 'error', 'pending'] as const
