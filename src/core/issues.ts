/** The subset of a zod issue that {@link formatIssue} reads. */
export interface SchemaIssue {
  readonly code?: string
  readonly path: readonly PropertyKey[]
  readonly message: string
  readonly expected?: string
  readonly values?: readonly unknown[]
  readonly minimum?: unknown
  readonly maximum?: unknown
  readonly format?: string
  readonly origin?: string
  readonly keys?: readonly string[]
}

function describe(issue: SchemaIssue): string {
  // zod/mini ships no locale (its messages are all "Invalid input"), and loading
  // one costs several kB; these short English messages cover the codes we meet.
  if (issue.message && issue.message !== 'Invalid input') return issue.message
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected ?? 'a different type'}`
    case 'invalid_value':
      return `expected one of ${(issue.values ?? []).map((v) => JSON.stringify(v)).join(', ')}`
    case 'too_small':
      return issue.origin === 'array'
        ? `expected at least ${String(issue.minimum)} item(s)`
        : issue.origin === 'string'
          ? `expected at least ${String(issue.minimum)} character(s)`
          : `expected a number ≥ ${String(issue.minimum)}`
    case 'too_big':
      return `expected at most ${String(issue.maximum)}`
    case 'invalid_format':
      return `expected a valid ${issue.format ?? 'format'}`
    case 'unrecognized_keys':
      return `unexpected key(s) ${(issue.keys ?? []).join(', ')}`
    case 'invalid_union':
      return 'matches none of the allowed shapes'
    default:
      return issue.message || 'invalid value'
  }
}

/**
 * Formats one schema issue as `path: message` (`(root)` for the value itself).
 *
 * @example
 * ```ts
 * formatIssue({ code: 'invalid_type', expected: 'string', path: ['webhooks', 0, 'id'], message: 'Invalid input' })
 * // 'webhooks.0.id: expected string'
 * ```
 */
export function formatIssue(issue: SchemaIssue): string {
  const path = issue.path.map((part) => String(part)).join('.')
  return `${path || '(root)'}: ${describe(issue)}`
}

/**
 * Formats a list of schema issues as `path: message` lines.
 *
 * @example
 * ```ts
 * formatIssues(result.error.issues) // ['status: expected one of "active", "inactive", "error"']
 * ```
 */
export function formatIssues(issues: readonly SchemaIssue[]): string[] {
  return issues.map(formatIssue)
}
