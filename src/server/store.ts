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
  /** Whether a signing secret is set (the secret itself is read only through `getSecrets`). */
  secret_set: boolean
  /** Until when the previous secret still verifies, or null. */
  previous_secret_expires_at: string | null
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
> & {
  /** The first signing secret, sealed, for schemes whose secret we generate. */
  signing_secret?: string | null
}

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
  /** Each dispatch attempt that ended, oldest first; null for executions recorded before they were kept. */
  attempts: ExecutionAttemptRecord[] | null
}

/** One dispatch attempt of an execution: how it ended (the execution keeps only the last one's error). */
export interface ExecutionAttemptRecord {
  /** 1 for the first try. */
  attempt: number
  status: 'success' | 'error'
  /** When it ended, RFC 3339 in UTC with milliseconds. */
  ended_at: string
  /** How long the host's `onEvent` took. */
  duration_ms: number
  error: string | null
  /** When the next attempt is due, for an error that is tried again; null otherwise. */
  next_attempt_at: string | null
}

/** One page request: at most `limit` rows, strictly after `before` in `(triggered_at desc, id desc)` order. */
export interface ExecutionPageQuery {
  limit: number
  before: ExecutionCursor | null
}

/** A webhook as the receiver needs it: the record and its stored (sealed) secrets. */
export interface ReceivingWebhook extends Omit<WebhookRecord, 'previous_secret_expires_at'> {
  /** The current signing secret as stored (sealed: see `SecretBox`), or null when none is set. */
  signing_secret: string | null
  /** The previous secret, which still verifies until `previous_secret_expires_at`. */
  previous_secret: string | null
  previous_secret_expires_at: string | null
}

/** The stored secrets of one webhook (sealed). */
export interface StoredSecrets {
  secret: string | null
  previous: string | null
  previous_expires_at: string | null
}

/** A new execution, as the receiver (or a retry) records it. */
export interface NewExecution {
  id: string
  webhook_id: string
  user_id: string
  provider_id: string
  trigger_type: string
  payload: unknown
  /**
   * The payload's JSON text exactly as received, when it was JSON: stored instead of
   * `payload` serialised again, so its keys keep the sender's order (and its numbers their
   * digits). Must be the text `payload` was parsed from.
   */
  payload_json?: string
  headers: Record<string, string> | null
  /** `pending` to dispatch; `error` for an event that is recorded but not dispatched (a disabled webhook). */
  status: 'pending' | 'error'
  error_message: string | null
  provider_event_id: string | null
  retry_of: string | null
  /**
   * The webhook's stored (sealed) secrets as the receiver read them to verify the event: it
   * is recorded only while they are still the webhook's, so a receiver may verify with a
   * cached read and never accept a secret rotated away meanwhile (`stale` then).
   */
  expected_secrets?: { readonly secret: string | null; readonly previous: string | null }
}

/**
 * What recording an event did: a new execution, or the one already recorded for its delivery
 * id, or nothing because the webhook is gone or its secrets are no longer `expected_secrets`
 * (`stale`: read the webhook again and verify again).
 */
export type RecordResult<Execution = ExecutionRecord> =
  | { readonly recorded: true; readonly execution: Execution }
  | { readonly recorded: false; readonly execution: Execution | null; readonly stale?: boolean }

/** What `recordExecution(execution, 'id')` reads back of an execution: what the receiver answers and dispatches by. */
export type RecordedExecutionId = Pick<ExecutionRecord, 'id' | 'status'>

/** How one dispatch attempt ended, as the worker that holds its claim reports it. */
export type DispatchOutcome =
  | { readonly status: 'success'; readonly durationMs: number; readonly responseBody: string | null }
  /** Failed, tried again at `nextAttemptAt`. */
  | { readonly status: 'retry'; readonly durationMs: number; readonly error: string; readonly nextAttemptAt: Date }
  /** Failed for good; the webhook turns `error` after `failureThreshold` such failures in a row. */
  | { readonly status: 'error'; readonly durationMs: number; readonly error: string; readonly failureThreshold: number }

/**
 * The range a statistics query covers: `buckets` consecutive buckets of `bucketHours`
 * hours, aligned to UTC (the hour, or the day for 24), the last one holding `now`.
 */
export interface StatsRange {
  /** The end of the window: its last bucket is the one that holds this instant. */
  now: Date
  /** 1 (hourly buckets) or 24 (daily buckets). */
  bucketHours: number
  /** How many buckets, oldest first: 24 for 24 hours, 7 or 30 for days. */
  buckets: number
}

/** One bucket of a statistics window: its start (RFC 3339, UTC) and what finished in it. */
export interface StatsBucket {
  start: string
  success: number
  error: number
}

/** One webhook's executions over a window, computed in SQL. */
export interface WebhookStats {
  total: number
  success: number
  error: number
  pending: number
  /** `success / (success + error)`, 0..1; null when nothing finished. */
  success_rate: number | null
  /** Percentiles of `execution_time_ms` over the executions that have one; null when none has. */
  p50_ms: number | null
  p95_ms: number | null
  /** Every bucket of the window, oldest first, zeros included. */
  buckets: StatsBucket[]
}

/** Notifications a store sends when executions change (ids only: rows are read back). */
export interface StoreNotification {
  readonly type: 'execution'
  readonly userId: string
  readonly webhookId: string
  readonly executionId: string
}

/**
 * One entry of the live event log (what `GET {basePath}/stream` sends), with the row it
 * points at as that row is now: read back from the tables, never carried by a notification.
 */
export interface LiveEventRecord {
  /** The event id: increasing, the same on every instance on one database. */
  id: number
  user_id: string
  kind: 'execution' | 'webhook'
  webhook_id: string
  execution_id: string | null
  /** Whether `webhook`/`execution` were read (only for the users a query asked rows for). */
  loaded: boolean
  /** For a `webhook` event: the webhook now, or null when it was deleted. */
  webhook: WebhookRecord | null
  /** For an `execution` event: the execution now, or null when it is gone (its webhook was deleted). */
  execution: ExecutionRecord | null
}

/** Which live events to read: those after `after` (and up to `upTo`), in id order. */
export interface LiveEventQuery {
  after: number
  upTo?: number | null
  /** Only this user's events. */
  userId?: string | null
  /** Read the rows of these users' events only (the others come with `loaded: false`); null: everyone's. */
  withRowsFor?: readonly string[] | null
  limit: number
}

/** A page of live events and the range of ids the log holds now. */
export interface LiveEventPage {
  events: LiveEventRecord[]
  /** The oldest event id kept (older ones were pruned), or null when the log is empty. */
  oldest: number | null
  /** The newest committed event id, or null when the log is empty. */
  newest: number | null
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
  /** The webhook a receiving token routes to (any user's: the receiver has no session), or null. */
  findWebhookByToken(token: string): Promise<ReceivingWebhook | null>
  /** The sealed secrets of one of the user's webhooks; null when there is no such webhook. */
  getSecrets(userId: string, id: string): Promise<StoredSecrets | null>
  /**
   * Sets the current secret (sealed) and what becomes of the previous one: kept until
   * `previousExpiresAt`, or dropped (null). Null when the user has no such webhook.
   */
  setSecrets(
    userId: string,
    id: string,
    secrets: { secret: string | null; previous: string | null; previousExpiresAt: string | null },
  ): Promise<WebhookRecord | null>
  /** Stores `integration_config` keys (e.g. Meta's verify token) on one of the user's webhooks. */
  updateIntegrationConfig(userId: string, id: string, patch: Record<string, unknown>): Promise<WebhookRecord | null>
  /**
   * Records an event as an execution and counts it on its webhook, atomically: `trigger_count`
   * (and `error_count` for an `error` execution) go up in SQL, `last_triggered` moves, and
   * `setup_required` turns false. A `pending` event for a webhook that is disabled when the
   * row is written is recorded as an `error` ("the webhook is disabled: not dispatched"). A
   * delivery id already recorded for the webhook records nothing and returns the execution
   * that has it; so does a webhook whose secrets are not `expected_secrets` (`stale`).
   * With `'id'`, only the execution's id and status are read back: the receiver answers
   * with the id, and the row (payload, headers, timestamps) need not travel back to it.
   */
  recordExecution(execution: NewExecution): Promise<RecordResult>
  recordExecution(execution: NewExecution, returning: 'id'): Promise<RecordResult<RecordedExecutionId>>
  /** One execution of one of the user's webhooks, or null. */
  getExecution(userId: string, webhookId: string, executionId: string): Promise<ExecutionRecord | null>
  /**
   * Claims up to `limit` pending executions that are due, for `workerId`, until `leaseMs`
   * from now (`FOR UPDATE SKIP LOCKED`: concurrent workers never claim the same one). A
   * claim whose lease ran out (its worker died) is claimed again. `onlyId` claims that one
   * execution if it is claimable (inline dispatch).
   */
  claimExecutions(workerId: string, limit: number, leaseMs: number, onlyId?: string): Promise<ExecutionRecord[]>
  /**
   * Ends or reschedules a claimed execution and updates its webhook's counters and status,
   * atomically. False when the claim is no longer this worker's (its lease ran out and
   * another worker took it over): nothing is written then.
   */
  finishExecution(executionId: string, workerId: string, outcome: DispatchOutcome): Promise<boolean>
  /** Deletes executions older than `olderThan`, and past the newest `perWebhook` of each webhook. Returns how many. */
  pruneExecutions(options: { olderThan: Date | null; perWebhook: number | null }): Promise<number>
  /**
   * The statistics of one of the user's webhooks over `range` (one query); null when the
   * user has no such webhook. Totals cover exactly the buckets' range.
   */
  webhookStats(userId: string, webhookId: string, range: StatsRange): Promise<WebhookStats | null>
  /** The statistics of every webhook of the user over `range`, by webhook id (one query; zeros for the quiet ones). */
  userStats(userId: string, range: StatsRange): Promise<Record<string, WebhookStats>>
  /** Calls `listener` for every change notification (across processes on PostgreSQL). Resolves to an unsubscribe. */
  subscribe?(listener: (notification: StoreNotification) => void): Promise<() => Promise<void>>
  /**
   * The live event log, in id order (the stream reads it; see `LiveEventRecord`). Optional:
   * without it (and `subscribeEvents`) the server has no stream and answers 404 there.
   */
  readEvents?(query: LiveEventQuery): Promise<LiveEventPage>
  /** Calls `listener` with the newest event id each time events are committed (across processes on PostgreSQL). */
  subscribeEvents?(listener: (newestId: number) => void): Promise<() => Promise<void>>
  /**
   * The transactions writing to the event log right now (opaque ids). An id missing between
   * two committed ones can still appear only while a transaction that was writing when the
   * gap was seen goes on: once none of them is left, the gap is for good (a rollback).
   */
  eventWriters?(): Promise<string[]>
  /** Releases the connection(s). For PGlite this must run before the process exits. */
  close(): Promise<void>
}
