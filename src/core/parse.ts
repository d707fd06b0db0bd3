import type * as z from 'zod/mini'
import { WebhookApiError } from './errors'
import { isPlainValidWebhook } from './guard'
import { formatIssues } from './issues'
import {
  executionsPageEnvelopeSchema,
  type IntegrationWebhook,
  integrationWebhookSchema,
  type WebhookExecution,
  type WebhookSource,
  webhookExecutionSchema,
  webhookListEnvelopeSchema,
} from './schemas'

/** A row that failed the schema: where it was, its id if it had one, and why. */
export interface InvalidRow {
  readonly index: number
  readonly id?: string
  /** Each problem as `path: message`. */
  readonly issues: readonly string[]
}

/** The result of parsing a webhook list: the valid rows, and a report of the dropped ones. */
export interface WebhookList {
  readonly webhooks: IntegrationWebhook[]
  /** As the API said; `undefined` when it did not say. */
  readonly source: WebhookSource | undefined
  readonly invalid: InvalidRow[]
}

/** One page of executions, newest first. */
export interface ExecutionsPage {
  readonly executions: WebhookExecution[]
  /** Pass as `cursor` to get the next page; `null` at the end. */
  readonly nextCursor: string | null
  readonly invalid: InvalidRow[]
}

/**
 * Checks each row against `schema`, keeping the valid ones and reporting the others.
 *
 * `isPlain`, when given, must hold only for rows the schema accepts and would copy to an equal
 * value: those rows are kept as they are, without running zod (issue 6: zod's copy of every
 * row was most of the time of a 10,000-row parse). The rest, valid or not, go through the schema.
 */
function parseRows<T>(
  rows: readonly unknown[],
  schema: z.ZodMiniType<T>,
  isPlain?: (row: unknown) => row is T,
): { valid: T[]; invalid: InvalidRow[] } {
  const valid: T[] = []
  const invalid: InvalidRow[] = []
  // A plain loop, not forEach: a hole in a sparse array is a row too (reported as invalid).
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index]
    if (isPlain?.(row)) {
      valid.push(row)
      continue
    }
    const result = schema.safeParse(row)
    if (result.success) {
      valid.push(result.data)
      continue
    }
    const id = (row as { id?: unknown } | null)?.id
    invalid.push({
      index,
      ...(typeof id === 'string' && id ? { id } : {}),
      issues: formatIssues(result.error.issues),
    })
  }
  return { valid, invalid }
}

function envelopeError(what: string, issues: readonly string[]): WebhookApiError {
  return new WebhookApiError('invalid-response', `The response is not ${what}`, { issues })
}

/**
 * Parses the body of `GET {apiUrl}`, leniently per row.
 *
 * Accepts `{ webhooks, source? }` or a bare array. A row that fails the schema is
 * dropped and reported in `invalid`; the rest still arrive.
 *
 * @throws {WebhookApiError} `invalid-response` when the top-level shape is wrong.
 * @example
 * ```ts
 * const { webhooks, invalid } = parseWebhookList(await response.json())
 * if (invalid.length) console.warn(`${invalid.length} rows dropped`, invalid)
 * ```
 */
export function parseWebhookList(json: unknown): WebhookList {
  // A bare array is checked by hand: z.union costs ~0.8 kB gz in the browser bundle.
  if (Array.isArray(json)) {
    const { valid, invalid } = parseRows(json, integrationWebhookSchema, isPlainValidWebhook)
    return { webhooks: valid, source: undefined, invalid }
  }
  const envelope = webhookListEnvelopeSchema.safeParse(json)
  if (!envelope.success) {
    throw envelopeError('a webhook list ({ webhooks: [...] } or an array)', formatIssues(envelope.error.issues))
  }
  const { valid, invalid } = parseRows(envelope.data.webhooks, integrationWebhookSchema, isPlainValidWebhook)
  return { webhooks: valid, source: envelope.data.source, invalid }
}

/**
 * Parses the body of `GET {apiUrl}/executions/{id}`, leniently per row.
 *
 * @throws {WebhookApiError} `invalid-response` when the top-level shape is wrong.
 * @example
 * ```ts
 * const page = parseExecutionsPage({ executions: [], next_cursor: null })
 * page.nextCursor // null
 * ```
 */
export function parseExecutionsPage(json: unknown): ExecutionsPage {
  const envelope = executionsPageEnvelopeSchema.safeParse(json)
  if (!envelope.success) {
    throw envelopeError('an executions page ({ executions: [...] })', formatIssues(envelope.error.issues))
  }
  const { valid, invalid } = parseRows(envelope.data.executions, webhookExecutionSchema)
  return { executions: valid, nextCursor: envelope.data.next_cursor ?? null, invalid }
}
