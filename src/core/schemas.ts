import * as z from 'zod/mini'
import { isDateTimeString } from './date-time'
import { executionStatuses, webhookStatuses } from './statuses'

// `isDateTimeString` is passed as it is (not wrapped): the guard in `guard.ts` calls the same
// function, and the parse tests recognise this refine by it.
const dateTime = () => z.string().check(z.refine(isDateTimeString, { message: 'expected a date-time string' }))
// z.number() + a refine instead of z.int(): z.int() pulls zod's number-format tables (~0.6 kB gz).
const integer = () => z.number().check(z.refine(Number.isInteger, { message: 'expected an integer' }))
const count = () => integer().check(z.gte(0))

/**
 * The `external_config` of a webhook: what the provider side needs.
 * Unknown extra fields pass through.
 *
 * @example
 * ```ts
 * externalConfigSchema.parse(webhook.external_config).setup_required
 * ```
 */
export const externalConfigSchema = /* @__PURE__ */ z.looseObject({
  type: z.string(),
  setup_required: z.boolean(),
  instructions: z.string(),
  integration_name: z.string(),
  category: z.string(),
  capabilities: z.array(z.string()),
})

/**
 * Where a webhook's signing secret comes from (see {@link webhookSigningSchema}).
 *
 * @example
 * ```ts
 * signingSecretSources.includes(webhook.signing.source) // true
 * ```
 */
export const signingSecretSources = ['generated', 'provider', 'handshake', 'host-verifier', 'url-token'] as const

/**
 * The zod schema of a saved webhook's `signing`: how its events are proven to come from the
 * provider. Never holds the secret itself (reveal it with `revealSecret`).
 * Unknown extra fields pass through.
 *
 * - `source`: `generated` (we issue it; paste it into the provider), `provider` (the provider
 *   issues it; paste it here, `form_hint` says its form), `handshake` (the provider sends it
 *   when the URL is verified), `host-verifier` (the host's verifier checks each event with the
 *   provider), `url-token` (no signature exists: the unguessable URL is the proof).
 * - `secret_set`: whether a secret is stored; `previous_expires_at`: until when the secret it
 *   replaced still verifies (a rotation's grace period), or null.
 *
 * @example
 * ```ts
 * webhookSigningSchema.parse(webhook.signing).secret_set
 * ```
 */
export const webhookSigningSchema = /* @__PURE__ */ z.looseObject({
  scheme: z.string(),
  label: z.string(),
  source: z.enum(signingSecretSources),
  form_hint: z.string(),
  secret_set: z.boolean(),
  previous_expires_at: z.nullable(dateTime()),
})

/**
 * The zod schema of one webhook configuration, exactly as the HTTP contract returns it.
 * Unknown extra fields pass through.
 *
 * @example
 * ```ts
 * const result = integrationWebhookSchema.safeParse(json)
 * if (result.success) console.log(result.data.webhook_url)
 * ```
 */
export const integrationWebhookSchema = /* @__PURE__ */ z.looseObject({
  id: z.string().check(z.minLength(1)),
  user_id: z.string(),
  provider_id: z.string().check(z.minLength(1)),
  webhook_url: z.string(),
  trigger_types: z.array(z.string()),
  integration_config: z.record(z.string(), z.unknown()),
  external_config: externalConfigSchema,
  status: z.enum(webhookStatuses),
  last_triggered: z.nullable(dateTime()),
  trigger_count: count(),
  error_count: count(),
  created_at: dateTime(),
  updated_at: dateTime(),
  /**
   * The name given when the webhook was saved (`POST {apiUrl}` with `name`), by default the
   * catalog's name of the integration. Optional: generated rows and older endpoints have none.
   */
  name: z.optional(z.string()),
  /**
   * How the webhook's events are verified (saved webhooks of a server that signs; generated rows
   * and older endpoints have none). Checked like every field (z.catch would pull ~3.5 kB gz of
   * zod's error machinery into the client): a malformed one makes the row invalid (reported).
   */
  signing: z.optional(webhookSigningSchema),
})

/**
 * The zod schema of one dispatch attempt of an execution: how it ended, when, how long the
 * host's workflow took, its error, and when the next attempt is due after a failure.
 *
 * @example
 * ```ts
 * executionAttemptSchema.parse(json.attempts[0]).status // 'success' | 'error'
 * ```
 */
export const executionAttemptSchema = /* @__PURE__ */ z.looseObject({
  /** 1 for the first try. */
  attempt: count(),
  status: z.enum(['success', 'error']),
  ended_at: dateTime(),
  duration_ms: z.nullable(z.number().check(z.gte(0))),
  error: z.nullable(z.string()),
  next_attempt_at: z.optional(z.nullable(dateTime())),
})

/**
 * The zod schema of one execution (delivery) of a webhook.
 * Unknown extra fields pass through.
 *
 * @example
 * ```ts
 * webhookExecutionSchema.parse(json).status // 'success' | 'error' | 'pending'
 * ```
 */
export const webhookExecutionSchema = /* @__PURE__ */ z.looseObject({
  id: z.string().check(z.minLength(1)),
  webhook_id: z.string(),
  user_id: z.string(),
  provider_id: z.string(),
  trigger_type: z.string(),
  payload: z.unknown(),
  headers: z.nullable(z.record(z.string(), z.string())),
  status: z.enum(executionStatuses),
  response_code: z.nullable(integer()),
  response_body: z.nullable(z.string()),
  error_message: z.nullable(z.string()),
  execution_time_ms: z.nullable(z.number().check(z.gte(0))),
  triggered_at: dateTime(),
  /** The provider's delivery id (`X-GitHub-Delivery`, Stripe's event id, `webhook-id`, …), when it sent one. */
  provider_event_id: z.optional(z.nullable(z.string())),
  /** How many times the host's `onEvent` was tried for it (1 on the first try). */
  attempt: z.optional(count()),
  /** The execution this one redelivers (`POST …/retry`), or null. */
  retry_of: z.optional(z.nullable(z.string())),
  /** Whether the stored payload was cut at the server's limit (256 KiB). */
  payload_truncated: z.optional(z.boolean()),
  /** Each dispatch attempt that ended, oldest first (null or absent: not kept by this server). */
  attempts: z.optional(z.nullable(z.array(executionAttemptSchema))),
})

/** Where a list of webhooks came from: saved configuration, or generated defaults. */
export const webhookSourceSchema = /* @__PURE__ */ z.enum(['saved', 'generated'])

/**
 * The top-level object shape of `GET {apiUrl}`: `{ webhooks, source? }` (a bare array
 * is accepted too, see `parseWebhookList`). Rows are checked one by one afterwards,
 * so one bad row does not hide the others.
 *
 * @example
 * ```ts
 * webhookListEnvelopeSchema.safeParse({ webhooks: [], source: 'saved' }).success // true
 * ```
 */
export const webhookListEnvelopeSchema = /* @__PURE__ */ z.looseObject({
  webhooks: z.array(z.unknown()),
  source: z.optional(webhookSourceSchema),
})

/**
 * The top-level shape of `GET {apiUrl}/executions/{id}`: `{ executions, next_cursor? }`.
 * Rows are checked one by one afterwards (see `parseExecutionsPage`).
 *
 * @example
 * ```ts
 * executionsPageEnvelopeSchema.safeParse({ executions: [], next_cursor: null }).success // true
 * ```
 */
export const executionsPageEnvelopeSchema = /* @__PURE__ */ z.looseObject({
  executions: z.array(z.unknown()),
  next_cursor: z.optional(z.nullable(z.string())),
})

/** The body of a `PATCH {apiUrl}/{id}`, `GET {apiUrl}/{id}` or `POST {apiUrl}` response. */
export const webhookResponseSchema = /* @__PURE__ */ z.looseObject({ webhook: integrationWebhookSchema })

/** The body of a test or retry response. */
export const executionResponseSchema = /* @__PURE__ */ z.looseObject({ execution: webhookExecutionSchema })

/**
 * The body of `GET {apiUrl}/{id}/secret` and of `POST {apiUrl}/{id}/secret/rotate`: the current
 * secret (null when none is set yet) and until when the previous one still verifies.
 *
 * @example
 * ```ts
 * signingSecretSchema.parse({ secret: 'abc', previous_expires_at: null }).secret // 'abc'
 * ```
 */
export const signingSecretSchema = /* @__PURE__ */ z.looseObject({
  secret: z.nullable(z.string()),
  previous_expires_at: z.nullable(dateTime()),
})

/**
 * The windows the statistics routes know: the last 24 hours (hourly buckets), 7 or 30 days
 * (daily buckets), all aligned to UTC.
 *
 * @example
 * ```ts
 * statsWindows.map((window) => client.getStats(id, { window }))
 * ```
 */
export const statsWindows = ['24h', '7d', '30d'] as const

/**
 * One bucket of a window: the executions that finished in it, by outcome. `start` is the UTC
 * hour (24h) or day (7d, 30d) it begins at.
 *
 * @example
 * ```ts
 * statsBucketSchema.parse({ start: '2026-12-05T14:00:00Z', success: 12, error: 1 }).error // 1
 * ```
 */
export const statsBucketSchema = /* @__PURE__ */ z.looseObject({
  start: dateTime(),
  success: count(),
  error: count(),
})

const rate = () => z.nullable(z.number().check(z.gte(0), z.lte(1)))
const millis = () => z.nullable(z.number().check(z.gte(0)))
const figures = {
  total: count(),
  success: count(),
  error: count(),
  pending: count(),
  success_rate: rate(),
  p50_ms: millis(),
  p95_ms: millis(),
  buckets: z.array(statsBucketSchema),
}

/**
 * The zod schema of one webhook's figures over a window, as `GET {apiUrl}/stats` holds them per
 * webhook: counts by outcome, `success_rate` (success / (success + error), 0..1; null when
 * nothing finished), `p50_ms` / `p95_ms` execution time (null without timings) and the window's
 * buckets, oldest first, every one present. Unknown extra fields pass through.
 *
 * @example
 * ```ts
 * webhookStatsFiguresSchema.parse(json.stats[id]).success_rate // 0.97
 * ```
 */
export const webhookStatsFiguresSchema = /* @__PURE__ */ z.looseObject(figures)

/**
 * The zod schema of `GET {apiUrl}/{id}/stats?window=…`: the figures of one webhook and the
 * window they cover.
 *
 * @example
 * ```ts
 * webhookStatsSchema.parse(json).buckets.length // 24 for window 24h
 * ```
 */
export const webhookStatsSchema = /* @__PURE__ */ z.looseObject({ window: z.enum(statsWindows), ...figures })

/**
 * The zod schema of `GET {apiUrl}/stats?window=…`: the figures of every saved webhook of the
 * user, by id.
 *
 * @example
 * ```ts
 * allWebhookStatsSchema.parse(json).stats['wh_1']?.success_rate
 * ```
 */
export const allWebhookStatsSchema = /* @__PURE__ */ z.looseObject({
  window: z.enum(statsWindows),
  stats: z.record(z.string(), webhookStatsFiguresSchema),
})

/** A webhook configuration for one integration. Inferred from {@link integrationWebhookSchema}. */
export type IntegrationWebhook = z.infer<typeof integrationWebhookSchema>
/** One execution of a webhook. Inferred from {@link webhookExecutionSchema}. */
export type WebhookExecution = z.infer<typeof webhookExecutionSchema>
/** One dispatch attempt of an execution (`execution.attempts`). */
export type ExecutionAttempt = z.infer<typeof executionAttemptSchema>
/** `'active' | 'inactive' | 'error'` */
export type WebhookStatus = IntegrationWebhook['status']
/** `'success' | 'error' | 'pending'` */
export type ExecutionStatus = WebhookExecution['status']
/** How a saved webhook's events are verified. Inferred from {@link webhookSigningSchema}. */
export type WebhookSigning = z.infer<typeof webhookSigningSchema>
/** `'generated' | 'provider' | 'handshake' | 'host-verifier' | 'url-token'` */
export type SigningSecretSource = WebhookSigning['source']
/** A revealed or rotated secret. Inferred from {@link signingSecretSchema}. */
export type SigningSecret = z.infer<typeof signingSecretSchema>
/** `'saved' | 'generated'` */
export type WebhookSource = z.infer<typeof webhookSourceSchema>

/**
 * The data of a stream's `execution` event (`GET {apiUrl}/stream`): an execution created or
 * changed, in the shape the executions route returns.
 *
 * @example
 * ```ts
 * executionEventSchema.safeParse(JSON.parse(data)).success
 * ```
 */
export const executionEventSchema = /* @__PURE__ */ z.looseObject({
  webhook_id: z.string().check(z.minLength(1)),
  execution: webhookExecutionSchema,
})

/**
 * The data of a stream's `webhook` event: a saved webhook as `GET {apiUrl}/{id}` returns it
 * (never a secret), or `null` when it was deleted.
 *
 * @example
 * ```ts
 * webhookEventSchema.safeParse({ webhook_id: 'w1', webhook: null }).success // true
 * ```
 */
export const webhookEventSchema = /* @__PURE__ */ z.looseObject({
  webhook_id: z.string().check(z.minLength(1)),
  webhook: z.nullable(integrationWebhookSchema),
})
/** `'24h' | '7d' | '30d'` */
export type StatsWindow = (typeof statsWindows)[number]
/** One bucket of a statistics window. Inferred from {@link statsBucketSchema}. */
export type StatsBucket = z.infer<typeof statsBucketSchema>
/** One webhook's figures over a window. Inferred from {@link webhookStatsFiguresSchema}. */
export type WebhookStatsFigures = z.infer<typeof webhookStatsFiguresSchema>
/** One webhook's statistics and their window. Inferred from {@link webhookStatsSchema}. */
export type WebhookStats = z.infer<typeof webhookStatsSchema>
/** Every webhook's statistics over one window, by id. Inferred from {@link allWebhookStatsSchema}. */
export type AllWebhookStats = z.infer<typeof allWebhookStatsSchema>
