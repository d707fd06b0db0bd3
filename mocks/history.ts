import type { Integration, IntegrationTrigger, IntegrationWebhook, WebhookExecution } from 'integration-webhooks/core'
import { iso, pad } from './options'
import { sampleDelivery } from './payloads'
import { createRandom, type Random } from './random'

/** Why a delivery failed: what the receiving endpoint answered and the error it recorded. */
export interface ExecutionFailure {
  readonly responseCode: number | null
  readonly message: string
  readonly responseBody: string | null
  /** Fixed duration (a timeout), or a random one when absent. */
  readonly executionTimeMs?: number
}

export const failures = {
  signature: {
    responseCode: 401,
    message: 'Signature verification failed',
    responseBody: '{"error":"No signatures found matching the expected signature for payload"}',
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
  failures.signature,
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
  return rows
}

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
  return {
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
}
