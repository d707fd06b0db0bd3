import type { ExecutionStatus, WebhookStatus } from 'integration-webhooks/core'
import type { ExecutionCursor } from './ids'

/**
 * A saved webhook as a store keeps it. The API row is derived from it: `webhook_url` is
 * built from `receive_token` and the server's `publicUrl`, `{webhookUrl}` in the stored
 * instructions is filled with it, and `setup_required` is set on `external_config`.
 */
export interface WebhookRecord {
  id: string
  user_id: string
  provider_id: string
  /** The name given at creation; the catalog's integration name by default. */
  name: string
  /** The random token of the receiving URL: never the id, never shown except in the URL. */
  receive_token: string
  trigger_types: string[]
  integration_config: Record<string, unknown>
  /** The catalog's description of the provider side, as saved at creation. */
  external_config: Record<string, unknown>
  status: WebhookStatus
  setup_required: boolean
  /** RFC 3339 timestamps in UTC with milliseconds (`2026-01-01T00:00:00.000Z`). */
  last_triggered: string | null
  trigger_count: number
  error_count: number
  created_at: string
  updated_at: string
}

/** What a store needs to save a new webhook; counters, timestamps and status start fresh. */
export type NewWebhookRecord = Pick<
  WebhookRecord,
  | 'id'
  | 'user_id'
  | 'provider_id'
  | 'name'
  | 'receive_token'
  | 'trigger_types'
  | 'integration_config'
  | 'external_config'
  | 'status'
  | 'setup_required'
>

/** One execution as a store keeps it: the contract's `WebhookExecution` and its extra fields. */
export interface ExecutionRecord {
  id: string
  webhook_id: string
  user_id: string
  provider_id: string
  trigger_type: string
  payload: unknown
  headers: Record<string, string> | null
  status: ExecutionStatus
  response_code: number | null
  response_body: string | null
  error_message: string | null
  execution_time_ms: number | null
  triggered_at: string
  /** The provider's delivery id; unique per webhook. */
  provider_event_id: string | null
  attempt: number
  retry_of: string | null
  payload_truncated: boolean
}

/** One page request: at most `limit` rows, strictly after `before` in `(triggered_at desc, id desc)` order. */
export interface ExecutionPageQuery {
  limit: number
  before: ExecutionCursor | null
}

/**
 * Where the server keeps webhooks and executions. `createPgliteStore` and
 * `createPostgresStore` implement it over the same SQL; a host can write its own (one
 * test suite, `test/server/store-suite.ts`, states what each method must do).
 *
 * Every method that takes a `userId` sees only that user's rows: another user's id
 * behaves exactly like a missing one.
 */
export interface WebhookStore {
  /** A short name for messages and logs, e.g. `pglite` or `postgres`. */
  readonly kind: string
  /** The user's webhooks, oldest first (`created_at`, then `id`). */
  listWebhooks(userId: string): Promise<WebhookRecord[]>
  /** One of the user's webhooks, or `null`. */
  getWebhook(userId: string, id: string): Promise<WebhookRecord | null>
  /**
   * Saves a new webhook, unless the user already has `maxPerUser` of them (then
   * `'limit_reached'` and nothing is written). The check and the insert are atomic.
   */
  createWebhook(record: NewWebhookRecord, options: { maxPerUser: number }): Promise<WebhookRecord | 'limit_reached'>
  /** Sets the status (and `updated_at`); `null` when the user has no such webhook. */
  setWebhookStatus(userId: string, id: string, status: 'active' | 'inactive'): Promise<WebhookRecord | null>
  /** Deletes the webhook and its executions; `false` when the user has no such webhook. */
  deleteWebhook(userId: string, id: string): Promise<boolean>
  /** A page of one webhook's executions, newest first (keyset: no OFFSET). */
  listExecutions(userId: string, webhookId: string, page: ExecutionPageQuery): Promise<ExecutionRecord[]>
  /** Releases the connection(s). For PGlite this must run before the process exits. */
  close(): Promise<void>
}
