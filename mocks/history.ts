import type {
  ExecutionAttempt,
  Integration,
  IntegrationTrigger,
  IntegrationWebhook,
  WebhookExecution,
} from 'integration-webhooks/core'
import { iso, pad, SECOND } from './options'
import { sampleDelivery } from './payloads'
import { createRandom, deriveSeed, type Random } from './random'

/** Why a delivery failed: what the receiving endpoint answered and the error it recorded. */
export interface ExecutionFailure {
  readonly responseCode: number | null
  readonly message: string
  readonly responseBody: string | null
  /** Fixed duration (a timeout), or a random one when absent. */
  readonly executionTimeMs?: number
}

/**
 * Only deliveries the server accepted are recorded: one it cannot verify is answered 401 and
 * never written, so no failure here is a signature one. `handler` is the host's `onEvent`
 * throwing on every attempt, recorded as the server does (its message, no response).
 */
export const failures = {
  handler: {
    responseCode: null,
    message: 'Could not enqueue the event: connect ECONNREFUSED 10.0.3.7:5432',
    responseBody: null,
  },
  timeout: {
    responseCode: null,
    message: 'Connection timed out after 10000 ms',
    responseBody: null,
    executionTimeMs: 10_000,
  },
  workflow: {
    responseCode: 500,
    message: 'Workflow step "Update CRM contact" failed: HubSpot API responded 429 Too Many Requests',
    responseBody: '{"error":"Internal Server Error"}',
  },
  unavailable: {
    responseCode: 503,
    message: 'Upstream service unavailable',
    responseBody:
      '<html><head><title>503 Service Unavailable</title></head><body>503 Service Unavailable</body></html>',
  },
  badPayload: {
    responseCode: 400,
    message: 'Invalid payload: missing required field "event"',
    responseBody: '{"error":"Bad Request"}',
  },
  gateway: { responseCode: 502, message: 'Bad gateway from workflow runner', responseBody: 'Bad Gateway' },
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
  /** Number of executions, newest first. */
  readonly length: number
  /** `triggered_at` of the newest execution (the webhook's `last_triggered`). */
  readonly newestMs: number
  /** Range of the time between two executions. */
  readonly gapMs: readonly [number, number]
  /** Positions (0 = newest) of the failed executions. */
  readonly errorPositions: ReadonlySet<number>
  /** The newest delivery is still in flight. */
  readonly pendingNewest: boolean
  /** The failure of the webhook's recent errors; the rest pick one at random. */
  readonly failure: ExecutionFailure | undefined
}

function pickTrigger(rng: Random, integration: Integration): IntegrationTrigger | undefined {
  // The first trigger is the common one (a push, a new email); the others are rarer.
  return rng.chance(0.6) ? integration.triggers[0] : rng.pick(integration.triggers)
}

const internal = (integration: Integration) => integration.delivery === 'internal'

function successFields(rng: Random, integration: Integration) {
  const fast = internal(integration)
  const responseCode = fast ? 200 : rng.pick([200, 200, 200, 200, 202, 204])
  return {
    status: 'success' as const,
    response_code: responseCode,
    response_body:
      responseCode === 204 ? null : responseCode === 202 ? '{"received":true}' : '{"ok":true,"workflow_runs":1}',
    error_message: null,
    execution_time_ms: fast ? rng.int(4, 180) : rng.int(35, 950),
  }
}

function failureFields(rng: Random, failure: ExecutionFailure) {
  return {
    status: 'error' as const,
    response_code: failure.responseCode,
    response_body: failure.responseBody,
    error_message: failure.message,
    execution_time_ms: failure.executionTimeMs ?? rng.int(20, 2600),
  }
}

const pendingFields = {
  status: 'pending' as const,
  response_code: null,
  response_body: null,
  error_message: null,
  execution_time_ms: null,
}

/** The id of the `ordinal`-th execution of a webhook (1 = the oldest). */
export const executionId = (webhookId: string, ordinal: number) => `${webhookId}-exec-${pad(ordinal, 4)}`

/** Generates the whole history of one plan, newest first. Deterministic: the same plan gives the same rows. */
export function generateHistory(plan: HistoryPlan): WebhookExecution[] {
  const rng = createRandom(plan.seed)
  const { integration, length } = plan
  const recentFailures = plan.failure ? countLeading(plan.errorPositions) : 0
  const rows: WebhookExecution[] = []
  let at = plan.newestMs
  for (let position = 0; position < length; position++) {
    if (position > 0) at -= rng.int(plan.gapMs[0], plan.gapMs[1])
    const trigger = pickTrigger(rng, integration)
    const delivery = sampleDelivery(integration, trigger, rng, at)
    const outcome =
      position === 0 && plan.pendingNewest
        ? pendingFields
        : plan.errorPositions.has(position)
          ? failureFields(rng, position < recentFailures && plan.failure ? plan.failure : rng.pick(occasionalFailures))
          : successFields(rng, integration)
    rows.push({
      id: executionId(plan.webhookId, length - position),
      webhook_id: plan.webhookId,
      user_id: plan.userId,
      provider_id: integration.id,
      trigger_type: trigger?.type ?? `${integration.id.replace(/-/g, '_')}_trigger_event`,
      payload: delivery.payload,
      headers: delivery.headers,
      ...outcome,
      triggered_at: iso(at),
    })
  }
  addDeliveryFacts(rows, createRandom(deriveSeed(plan.seed, 'attempts')))
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

/** The backoff the server waits before attempt `n + 1` (5 s, 30 s, 2 min). */
const backoffMs = [5 * SECOND, 30 * SECOND, 120 * SECOND]

/**
 * What the server records beside each execution, from a stream of its own (the rows' other
 * fields stay as they were): the provider's delivery id, each dispatch attempt (a failed
 * execution tried three times, some successes on their second try), and retries — a success
 * right after a failure is, half the time, that failure sent again (`retry_of`, same event,
 * no delivery id of its own).
 */
function addDeliveryFacts(rows: WebhookExecution[], rng: Random): void {
  for (const [position, row] of rows.entries()) {
    const older = rows[position + 1]
    if (row.status === 'success' && older?.status === 'error' && rng.chance(0.5)) {
      row.retry_of = older.id
      row.trigger_type = older.trigger_type
      row.payload = structuredClone(older.payload)
      row.headers = older.headers ? { ...older.headers } : null
      row.provider_event_id = null
    } else {
      row.provider_event_id = deliveryIdOf(row)
    }
    if (row.status === 'pending') {
      row.attempt = 1
      row.attempts = []
      continue
    }
    const started = Date.parse(row.triggered_at)
    const failedFirst = row.status === 'error' ? 3 : rng.chance(0.15) ? 1 : 0
    const attempts: ExecutionAttempt[] = []
    let at = started
    for (let n = 1; n <= failedFirst + (row.status === 'success' ? 1 : 0); n++) {
      const last = n === failedFirst + (row.status === 'success' ? 1 : 0)
      const duration = last ? (row.execution_time_ms ?? 0) : rng.int(20, 900)
      at += duration
      const failed = row.status === 'error' || !last
      attempts.push({
        attempt: n,
        status: failed ? 'error' : 'success',
        ended_at: iso(at),
        duration_ms: duration,
        error: failed ? (last ? row.error_message : rng.pick(transientErrors)) : null,
        next_attempt_at: last ? null : iso(at + (backoffMs[n - 1] ?? 120 * SECOND)),
      })
      if (!last) at += backoffMs[n - 1] ?? 120 * SECOND
    }
    row.attempt = attempts.length
    row.attempts = attempts
  }
}

const transientErrors = [
  'Workflow engine unavailable: connect ECONNREFUSED 10.0.4.12:8080',
  'onEvent did not settle within 30000 ms',
  'Upstream service unavailable',
]

function countLeading(positions: ReadonlySet<number>): number {
  let count = 0
  while (positions.has(count)) count++
  return count
}

/** What a live delivery (a test event or a redelivery) should look like. */
export interface LiveDelivery {
  readonly id: string
  readonly webhook: IntegrationWebhook
  readonly integration: Integration
  readonly atMs: number
  readonly rng: Random
  /** Fail with this; succeed when absent. */
  readonly failure?: ExecutionFailure
  /** Copy the trigger, payload and headers of this execution (a redelivery). */
  readonly original?: WebhookExecution
  /** A test event: the receiving endpoint accepts it even for an inactive webhook, but runs no workflow. */
  readonly test?: boolean
}

/** A new execution made during a mock session (sent test event or redelivery). */
export function liveExecution(delivery: LiveDelivery): WebhookExecution {
  const { webhook, integration, rng, original, failure } = delivery
  const triggerType = original?.trigger_type ?? webhook.trigger_types[0]
  const trigger =
    integration.triggers.find((candidate) => candidate.type === triggerType) ??
    (triggerType ? undefined : integration.triggers[0])
  const sample = original ? undefined : sampleDelivery(integration, trigger, rng, delivery.atMs)
  const headers = original
    ? original.headers
    : sample?.headers && delivery.test
      ? { ...sample.headers, 'x-webhook-test': 'true' }
      : (sample?.headers ?? null)
  const inactiveTest = delivery.test && webhook.status === 'inactive'
  const outcome = failure
    ? failureFields(rng, failure)
    : inactiveTest
      ? {
          status: 'success' as const,
          response_code: 202,
          response_body: '{"received":true,"processed":false,"reason":"webhook is inactive"}',
          error_message: null,
          execution_time_ms: rng.int(15, 120),
        }
      : { ...successFields(rng, integration), response_code: 200, response_body: '{"ok":true,"workflow_runs":1}' }
  const execution: WebhookExecution = {
    id: delivery.id,
    webhook_id: webhook.id,
    user_id: webhook.user_id,
    provider_id: webhook.provider_id,
    trigger_type: triggerType ?? trigger?.type ?? `${integration.id.replace(/-/g, '_')}_trigger_event`,
    payload: original ? structuredClone(original.payload) : sample?.payload,
    headers: headers ? { ...headers } : null,
    ...outcome,
    triggered_at: iso(delivery.atMs),
  }
  // As the server records it: a retry links its original and has no delivery id of its own.
  execution.provider_event_id = original ? null : deliveryIdOf(execution)
  execution.retry_of = original ? original.id : null
  execution.attempt = 1
  execution.attempts = [
    {
      attempt: 1,
      status: execution.status === 'error' ? 'error' : 'success',
      ended_at: iso(delivery.atMs + (execution.execution_time_ms ?? 0)),
      duration_ms: execution.execution_time_ms,
      error: execution.error_message,
      next_attempt_at: null,
    },
  ]
  return execution
}
