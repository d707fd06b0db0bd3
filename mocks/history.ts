import {
  defaultCatalog,
  type ExecutionAttempt,
  type Integration,
  type IntegrationTrigger,
  type IntegrationWebhook,
  type WebhookExecution,
} from 'integration-webhooks/core'
import {
  backoffDelay,
  DEFAULT_EVENT_TIMEOUT_MS,
  DEFAULT_MAX_ATTEMPTS,
  DISABLED_MESSAGE,
  eventTimeoutMessage,
} from '../src/server/dispatch-defaults'
import { iso, pad } from './options'
import { sampleDelivery } from './payloads'
import { createRandom, deriveSeed, type Random } from './random'

/**
 * Why the host's `onEvent` failed, as the server records it: the thrown error's message (no
 * response code, no response body: the server calls a function, not an HTTP endpoint).
 */
export interface ExecutionFailure {
  /** The error `onEvent` threw on its last attempt (the execution's `error_message`). */
  readonly message: string
  /** `onEvent` never settled: every attempt ran until the server's `eventTimeoutMs`. */
  readonly timeout?: boolean
}

/**
 * The failures of the fixtures: what a host's `onEvent` (its workflow trigger) throws.
 * Only deliveries the server accepted are recorded: one it cannot verify is answered 401 and
 * never written, so no failure here is a signature one.
 */
export const failures = {
  /** The workflow engine's queue is down. */
  handler: { message: 'Could not enqueue the event: connect ECONNREFUSED 10.0.3.7:5432' },
  /** `onEvent` never settled, worded as the server words it. */
  timeout: { message: eventTimeoutMessage(DEFAULT_EVENT_TIMEOUT_MS), timeout: true },
  /** A step of the workflow failed. */
  workflow: { message: 'Workflow step "Update CRM contact" failed: HubSpot API responded 429 Too Many Requests' },
  /** The workflow engine is not reachable. */
  unavailable: { message: 'Workflow engine unavailable: connect ECONNREFUSED 10.0.4.12:8080' },
  /** The host's own check of the event. */
  badPayload: { message: 'Cannot start workflow "Sync orders": the event has no "customer" field' },
  /** The engine's gateway answered the host's call with an error. */
  gateway: { message: 'Workflow engine request failed: 502 Bad Gateway' },
} as const satisfies Record<string, ExecutionFailure>

const occasionalFailures: readonly ExecutionFailure[] = [
  failures.timeout,
  failures.unavailable,
  failures.badPayload,
  failures.gateway,
  failures.handler,
]

/** Everything needed to generate one webhook's execution history later, on demand. */
export interface HistoryPlan {
  readonly webhookId: string
  readonly userId: string
  readonly integration: Integration
  /** Seed of this history's own random stream. */
  readonly seed: number
  /** Number of dispatched executions (the events that came while the webhook was enabled). */
  readonly length: number
  /** `triggered_at` of the newest dispatched execution. */
  readonly newestMs: number
  /** Range of the time between two executions. */
  readonly gapMs: readonly [number, number]
  /** Positions among the dispatched executions (0 = the newest) of the failed ones. */
  readonly errorPositions: ReadonlySet<number>
  /** The newest delivery is still in flight. */
  readonly pendingNewest: boolean
  /** The failure of the webhook's recent errors; the rest pick one at random. */
  readonly failure: ExecutionFailure | undefined
  /** The fixtures' "now": no attempt ends after it (a failure still being retried then is `pending`). */
  readonly nowMs: number
  /**
   * `triggered_at` of the events that came after the webhook was disabled, newest first: the
   * server records each as an error ("the webhook is disabled: not dispatched"), never dispatched.
   */
  readonly disabledMs: readonly number[]
}

function pickTrigger(rng: Random, integration: Integration): IntegrationTrigger | undefined {
  // The first trigger is the common one (a push, a new email); the others are rarer.
  return rng.chance(0.6) ? integration.triggers[0] : rng.pick(integration.triggers)
}

/** A duration as the server measures it (`performance.now()`, kept to 1/100 ms). */
const measured = (rng: Random, fromMs: number, toMs: number) => rng.int(fromMs * 100, toMs * 100) / 100

/** How long a successful `onEvent` took: an internal trigger is fast, one that calls out less so. */
const successDuration = (rng: Random, integration: Integration) =>
  integration.delivery === 'internal' ? measured(rng, 4, 180) : measured(rng, 35, 950)

/**
 * What `onEvent` returned, stored as the execution's `response_body` (JSON, or the string
 * itself); `null` when it returned nothing.
 */
function resultBody(rng: Random): string | null {
  const roll = rng.next()
  if (roll < 0.3) return null
  if (roll < 0.8) return JSON.stringify({ run_id: `run_${rng.alphanumeric(16)}` })
  return JSON.stringify({
    queued: true,
    workflow_id: `wf_${rng.alphanumeric(10)}`,
    run_id: `run_${rng.alphanumeric(16)}`,
  })
}

/** Errors an attempt may meet before a later one succeeds (or before the lasting failure). */
const transientErrors = [
  failures.unavailable.message,
  failures.timeout.message,
  'Workflow engine request failed: 503 Service Unavailable',
]

/** What an execution's own columns hold after its dispatch so far. */
type Outcome = Pick<
  WebhookExecution,
  'status' | 'response_code' | 'response_body' | 'error_message' | 'execution_time_ms' | 'attempt' | 'attempts'
>

/** An event recorded while its webhook was disabled: an error at once, never handed to `onEvent`. */
const disabledOutcome = (): Outcome => ({
  status: 'error',
  response_code: null,
  response_body: null,
  error_message: DISABLED_MESSAGE,
  execution_time_ms: null,
  attempt: 1,
  attempts: null,
})

/** Recorded, not yet claimed by a worker: nothing tried yet. */
const pendingOutcome = (): Outcome => ({
  status: 'pending',
  response_code: null,
  response_body: null,
  error_message: null,
  execution_time_ms: null,
  attempt: 1,
  attempts: null,
})

/**
 * The dispatch of one execution as the server's worker runs it with its defaults: `onEvent`
 * tried up to {@link DEFAULT_MAX_ATTEMPTS} times, the default backoff between attempts (5 s,
 * 30 s, 2 min, 10 min, ±20 %), each attempt appended to `attempts`; the execution's own
 * columns keep the last attempt's duration and error, and `response_body` what a successful
 * `onEvent` returned (never a response code: the server calls a function, not a URL). With
 * `failure`, every attempt fails (the last with its message); without, some first attempts
 * fail on a passing error before one succeeds (none when `steady`). `stopAfter` ends it after that many attempts
 * (an inline dispatch answers after the first); an attempt that would end after `nowMs` has
 * not happened yet: the execution is still `pending`, its next attempt due.
 */
function dispatchRun(
  rng: Random,
  integration: Integration,
  triggeredMs: number,
  options: { failure?: ExecutionFailure | undefined; nowMs: number; stopAfter?: number; steady?: boolean },
): Outcome {
  const { failure } = options
  const passing = options.steady ? 0 : rng.chance(0.12) ? (rng.chance(0.25) ? 2 : 1) : 0
  const total = failure ? DEFAULT_MAX_ATTEMPTS : 1 + passing
  const attempts: ExecutionAttempt[] = []
  // Claimed at once (woken by NOTIFY) or at the next poll.
  let start = triggeredMs + rng.int(2, 900)
  for (let n = 1; n <= total; n++) {
    const last = n === total
    const succeeded = !failure && last
    const error = succeeded
      ? null
      : last && failure
        ? failure.message
        : failure && rng.chance(0.75)
          ? failure.message
          : rng.pick(transientErrors)
    const duration =
      error === failures.timeout.message
        ? DEFAULT_EVENT_TIMEOUT_MS + measured(rng, 0, 4)
        : succeeded
          ? successDuration(rng, integration)
          : measured(rng, 8, 2600)
    const ended = Math.round(start + duration)
    const previous = attempts.at(-1)
    if (ended > options.nowMs || (options.stopAfter !== undefined && n > options.stopAfter)) {
      // Not tried yet (or under way): pending, as the last finished attempt left it.
      return {
        status: 'pending',
        response_code: null,
        response_body: null,
        error_message: previous?.error ?? null,
        execution_time_ms: previous?.duration_ms ?? null,
        attempt: n,
        attempts: attempts.length > 0 ? attempts : null,
      }
    }
    const next = last ? null : ended + backoffDelay(n, rng.next)
    attempts.push({
      attempt: n,
      status: succeeded ? 'success' : 'error',
      ended_at: iso(ended),
      duration_ms: duration,
      error,
      next_attempt_at: next === null ? null : iso(next),
    })
    if (next === null) break
    // Due at `next_attempt_at`, claimed at the next poll after it.
    start = next + rng.int(0, 1000)
  }
  const final = attempts.at(-1) as ExecutionAttempt
  return {
    status: final.status,
    response_code: null,
    response_body: final.status === 'success' ? resultBody(rng) : null,
    error_message: final.error,
    execution_time_ms: final.duration_ms,
    attempt: final.attempt,
    attempts,
  }
}

/** When the last attempt of a finished execution ended (its `triggered_at` when none ran). */
const endedMs = (execution: WebhookExecution) =>
  Date.parse(execution.attempts?.at(-1)?.ended_at ?? execution.triggered_at)

/** The id of the `ordinal`-th execution of a webhook (1 = the oldest). */
export const executionId = (webhookId: string, ordinal: number) => `${webhookId}-exec-${pad(ordinal, 4)}`

/** Generates the whole history of one plan, newest first. Deterministic: the same plan gives the same rows. */
export function generateHistory(plan: HistoryPlan): WebhookExecution[] {
  const rng = createRandom(plan.seed)
  const runs = createRandom(deriveSeed(plan.seed, 'attempts'))
  const { integration, length, disabledMs } = plan
  const recentFailures = plan.failure ? countLeading(plan.errorPositions) : 0
  const total = disabledMs.length + length
  const rows: WebhookExecution[] = []
  let at = plan.newestMs
  for (let index = 0; index < total; index++) {
    const disabled = index < disabledMs.length
    const position = index - disabledMs.length
    if (disabled) at = disabledMs[index] as number
    else if (position > 0) at -= rng.int(plan.gapMs[0], plan.gapMs[1])
    else at = plan.newestMs
    const trigger = pickTrigger(rng, integration)
    const delivery = sampleDelivery(integration, trigger, rng, at)
    const outcome = disabled
      ? disabledOutcome()
      : position === 0 && plan.pendingNewest
        ? pendingOutcome()
        : dispatchRun(runs, integration, at, {
            nowMs: plan.nowMs,
            failure: plan.errorPositions.has(position)
              ? position < recentFailures && plan.failure
                ? plan.failure
                : rng.pick(occasionalFailures)
              : undefined,
          })
    rows.push({
      id: executionId(plan.webhookId, total - index),
      webhook_id: plan.webhookId,
      user_id: plan.userId,
      provider_id: integration.id,
      trigger_type: trigger?.type ?? `${integration.id.replace(/-/g, '_')}_trigger_event`,
      payload: delivery.payload,
      headers: delivery.headers,
      ...outcome,
      triggered_at: iso(at),
      provider_event_id: null,
      retry_of: null,
      payload_truncated: false,
    })
  }
  linkRetries(rows, createRandom(deriveSeed(plan.seed, 'retries')))
  return rows
}

/** Where providers put their delivery id: a header, else the event's own id. */
const deliveryHeaders = [
  'x-github-delivery',
  'webhook-id',
  'x-shopify-webhook-id',
  'box-delivery-id',
  'paypal-transmission-id',
  'x-goog-message-number',
  'client-request-id',
]

function deliveryIdOf(execution: WebhookExecution): string | null {
  const headers = execution.headers ?? {}
  for (const name of deliveryHeaders) if (headers[name]) return headers[name] as string
  const payload = execution.payload as { id?: unknown; event_id?: unknown } | null
  if (typeof payload?.event_id === 'string') return payload.event_id
  return typeof payload?.id === 'string' ? payload.id : null
}

/**
 * The provider's delivery id of each execution, and retries: a success that came after a
 * failure had finished is, half the time, that failure sent again (`retry_of`, the same event,
 * no delivery id of its own) — the server refuses to retry one still pending.
 */
function linkRetries(rows: WebhookExecution[], rng: Random): void {
  for (const [position, row] of rows.entries()) {
    const older = rows[position + 1]
    if (
      row.status === 'success' &&
      older?.status === 'error' &&
      older.error_message !== DISABLED_MESSAGE &&
      Date.parse(row.triggered_at) > endedMs(older) &&
      rng.chance(0.5)
    ) {
      row.retry_of = older.id
      row.trigger_type = older.trigger_type
      row.payload = structuredClone(older.payload)
      row.headers = older.headers ? { ...older.headers } : null
      row.provider_event_id = null
    } else {
      row.provider_event_id = deliveryIdOf(row)
    }
  }
}

function countLeading(positions: ReadonlySet<number>): number {
  let count = 0
  while (positions.has(count)) count++
  return count
}

/** What a live delivery (a test event, a redelivery, or an event from the provider) should look like. */
export interface LiveDelivery {
  readonly id: string
  readonly webhook: IntegrationWebhook
  /**
   * The webhook's integration (its triggers and sample payloads).
   * @defaultValue the built-in catalog's entry for `webhook.provider_id`
   */
  readonly integration?: Integration
  /** When the server recorded it (with `dispatch: 'finished'`, when its last attempt ended). */
  readonly atMs: number
  /**
   * The random stream its payload, headers, durations and backoff are drawn from.
   * @defaultValue a stream of its own seeded with `id`: the same id gives the same execution
   */
  readonly rng?: Random
  /** `onEvent` fails with this on every attempt; succeeds when absent. */
  readonly failure?: ExecutionFailure
  /**
   * What a successful `onEvent` returned, as the server stores it in `response_body`: a string
   * as it was returned, anything else as its JSON text; `null` when it returned nothing. A
   * failure has none.
   * @defaultValue one of the fixtures' results, at random
   */
  readonly result?: string | null
  /** Copy the trigger, payload and headers of this execution (a redelivery). */
  readonly original?: WebhookExecution
  /** A test event: a sample, marked as the server marks the test events it signs. */
  readonly test?: boolean
  /**
   * How far its dispatch has gone: `inline` — the first attempt, as a server with
   * `dispatch: 'inline'` answers (a failure is then pending, its next attempt due);
   * `finished` — every attempt, up to the last (the execution as it finally stands);
   * `pending` — recorded, not dispatched yet.
   * @defaultValue 'inline'
   */
  readonly dispatch?: 'inline' | 'finished' | 'pending'
}

/**
 * A new execution made during a mock session, as the server records it: what the handlers
 * append for a test event, a retry or an event the store `receive`s, and what a test of your
 * own can serve (`createWebhookHandlers({ executions })`) to show one particular outcome. An
 * event for a disabled webhook (a test event too: it goes through the receiver) is an error at
 * once, never dispatched.
 *
 * @example
 * ```ts
 * const webhook = mockWebhooks().find((w) => w.id === 'github-webhook')!
 * const original = liveExecution({ id: 'exec-1', webhook, atMs: Date.parse('2026-01-01T10:00:00Z'),
 *   failure: { message: 'Workflow engine unavailable' }, dispatch: 'finished' })
 * const retry = liveExecution({ id: 'exec-2', webhook, atMs: Date.parse('2026-01-01T10:30:00Z'),
 *   original, result: JSON.stringify({ run_id: 'run_1' }) })
 * createWebhookHandlers({ executions: { [webhook.id]: [retry, original] } })
 * ```
 */
export function liveExecution(delivery: LiveDelivery): WebhookExecution {
  const { webhook, original, failure } = delivery
  const integration = delivery.integration ?? defaultCatalog.resolve(webhook.provider_id)
  const rng = delivery.rng ?? createRandom(deriveSeed(0, delivery.id))
  const triggerType = original?.trigger_type ?? webhook.trigger_types[0]
  const trigger =
    integration.triggers.find((candidate) => candidate.type === triggerType) ??
    (triggerType ? undefined : integration.triggers[0])
  const sample = original ? undefined : sampleDelivery(integration, trigger, rng, delivery.atMs)
  const headers = original
    ? original.headers
    : sample?.headers && delivery.test
      ? { ...sample.headers, 'x-integration-webhooks-test': '1' }
      : (sample?.headers ?? null)
  const mode = delivery.dispatch ?? 'inline'
  let recordedMs = delivery.atMs
  let outcome: Outcome
  if (webhook.status === 'inactive') outcome = disabledOutcome()
  else if (mode === 'pending') outcome = pendingOutcome()
  else if (mode === 'inline') {
    // Sent now, to an onEvent that works (or fails as the webhook's deliveries do): no passing error.
    outcome = dispatchRun(rng, integration, recordedMs, {
      failure,
      nowMs: Number.POSITIVE_INFINITY,
      stopAfter: 1,
      steady: true,
    })
  } else {
    // Finished now: recorded as long before as its attempts took (every backoff of a failure).
    outcome = dispatchRun(rng, integration, recordedMs, { failure, nowMs: Number.POSITIVE_INFINITY })
    const ended = Date.parse(outcome.attempts?.at(-1)?.ended_at ?? iso(recordedMs))
    recordedMs -= ended - recordedMs
    outcome = {
      ...outcome,
      attempts: outcome.attempts?.map((attempt) => shifted(attempt, recordedMs - delivery.atMs)) ?? null,
    }
  }
  const execution: WebhookExecution = {
    id: delivery.id,
    webhook_id: webhook.id,
    user_id: webhook.user_id,
    provider_id: webhook.provider_id,
    trigger_type: triggerType ?? trigger?.type ?? `${integration.id.replace(/-/g, '_')}_trigger_event`,
    payload: original ? structuredClone(original.payload) : sample?.payload,
    headers: headers ? { ...headers } : null,
    ...outcome,
    triggered_at: iso(recordedMs),
    payload_truncated: false,
  }
  if (delivery.result !== undefined && execution.status === 'success') execution.response_body = delivery.result
  // As the server records it: a retry links its original and has no delivery id of its own.
  execution.provider_event_id = original ? null : deliveryIdOf(execution)
  execution.retry_of = original ? original.id : null
  return execution
}

/** An attempt moved by `byMs`. */
function shifted(attempt: ExecutionAttempt, byMs: number): ExecutionAttempt {
  const move = (value: string | null | undefined) => (value ? iso(Date.parse(value) + byMs) : (value ?? null))
  return { ...attempt, ended_at: move(attempt.ended_at) as string, next_attempt_at: move(attempt.next_attempt_at) }
}
