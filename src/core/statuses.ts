// Kept apart from the zod schemas so that UI helpers can import them without pulling in zod.

/**
 * Statuses a webhook can be in.
 *
 * @example
 * ```ts
 * webhookStatuses.map((status) => labels[status])
 * ```
 */
export const webhookStatuses = ['active', 'inactive', 'error'] as const
/**
 * Statuses an execution can be in. `pending` is neither a success nor an error.
 *
 * @example
 * ```ts
 * executionStatuses.includes(execution.status) // true
 * ```
 */
export const executionStatuses = ['success', 'error', 'pending'] as const
