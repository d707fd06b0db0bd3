import {
  defaultCatalog,
  type Integration,
  type IntegrationWebhook,
  numberSteps,
  type WebhookExecution,
} from 'integration-webhooks/core'
import { DEFAULT_FAILURE_THRESHOLD } from '../src/server/dispatch-defaults'
import { type ExecutionFailure, failures, generateHistory, type HistoryPlan } from './history'
import { hostileDataset } from './hostile'
import { integrationConfig } from './integration-config'
import { malformedExecutionRows, malformedWebhookRows } from './malformed'
import { DAY, HOUR, iso, MINUTE, mockReceiveToken, pad, type ResolvedDataOptions, receivingUrl } from './options'
import { createRandom, deriveSeed, type Random } from './random'
import type { DataKind } from './scenarios'
import { mockSigning } from './signing'

/** The data behind a scenario: webhook rows, and how to get each one's executions. */
export interface MockDataset {
  readonly webhooks: IntegrationWebhook[]
  /** Histories generated on first request, by webhook id. */
  readonly plans: ReadonlyMap<string, HistoryPlan>
  /** Histories built up front (small hand-written sets), by webhook id. */
  readonly fixed: ReadonlyMap<string, WebhookExecution[]>
  /** The failure a test event through a webhook in `error` reproduces, by webhook id. */
  readonly failures: ReadonlyMap<string, ExecutionFailure>
  /** Rows that fail the schema, with their position in the list (the `malformed` scenario). */
  readonly invalidWebhookRows: ReadonlyArray<{ readonly index: number; readonly row: unknown }>
  /** Invalid rows added to the first page of every executions list (the `malformed` scenario). */
  readonly invalidExecutionRows: ((template: WebhookExecution) => unknown[]) | undefined
}

/** The number of webhooks of the `large` scenario. */
export const LARGE_WEBHOOK_COUNT = 5000
/** The number of executions of each webhook of the `large` scenario. */
export const LARGE_HISTORY_LENGTH = 200

type Kind = 'active' | 'inactive' | 'error' | 'setup'

/** The default scenario's statuses: fixed, so stories can point at "the Stripe row in error". */
const defaultKinds: Record<string, Kind> = {
  stripe: 'error',
  dropbox: 'error',
  hubspot: 'error',
  tiktok: 'setup',
  linkedin: 'setup',
  discord: 'inactive',
  twitter: 'inactive',
  youtube: 'inactive',
  mailchimp: 'inactive',
  box: 'inactive',
  'google-docs': 'inactive',
}
const defaultFailures: Record<string, ExecutionFailure> = {
  stripe: failures.handler,
  dropbox: failures.timeout,
  hubspot: failures.workflow,
}
const largeFailures: readonly ExecutionFailure[] = [
  failures.handler,
  failures.timeout,
  failures.workflow,
  failures.unavailable,
]

interface RowSpec {
  readonly integration: Integration
  readonly id: string
  readonly kind: Kind
  readonly failure: ExecutionFailure | undefined
  /** Random stream of the row itself. */
  readonly rng: Random
  /** Seed of the row's execution history. */
  readonly historySeed: number
  /** Fixed history length, or a random one per status when absent. */
  readonly historyLength?: number
}

/**
 * Per-integration setup steps, numbered, cut at the `{webhookUrl}` placeholder (the costly
 * part, done once); each row joins them with its own URL, as the server fills it in on read.
 */
function integrationCache() {
  const cache = new Map<string, string[]>()
  return (integration: Integration) => {
    let parts = cache.get(integration.id)
    if (parts === undefined) {
      parts = numberSteps(integration.setupSteps).split('{webhookUrl}')
      cache.set(integration.id, parts)
    }
    return parts
  }
}

function buildRow(
  spec: RowSpec,
  options: ResolvedDataOptions,
  lookup: ReturnType<typeof integrationCache>,
): { webhook: IntegrationWebhook; plan: HistoryPlan | undefined } {
  const { integration, kind, rng } = spec
  const now = options.nowMs
  // The token from a stream of its own: drawn from the row's, it moved every draw after it (the
  // histories' lengths, times and outcomes that stories and tests are written against).
  const url = receivingUrl(
    options.origin,
    options.apiUrl,
    mockReceiveToken(createRandom(deriveSeed(spec.historySeed, 'token'))),
  )
  const instructions = lookup(integration).join(url)
  const createdMs = now - rng.int(200 * DAY, 500 * DAY)
  let plan: HistoryPlan | undefined
  let triggerCount = 0
  let errorCount = 0
  let updatedMs = createdMs + rng.int(0, 2 * DAY)
  let disabledMs: number[] = []
  if (kind !== 'setup') {
    const length =
      spec.historyLength ?? (kind === 'active' ? rng.int(8, 40) : kind === 'error' ? rng.int(10, 30) : rng.int(3, 12))
    const newestMs =
      kind === 'active'
        ? now - rng.int(MINUTE, 6 * HOUR)
        : kind === 'error'
          ? // Long enough ago that its failures' five attempts (about 13 minutes of backoff) are over.
            now - rng.int(20 * MINUTE, 90 * MINUTE)
          : now - rng.int(2 * DAY, 40 * DAY)
    // Short enough that even 200 executions stay after `created_at`.
    const gapMs: [number, number] =
      kind === 'inactive' ? [HOUR, spec.historyLength ? 10 * HOUR : 2 * DAY] : [5 * MINUTE, 4 * HOUR]
    const errorPositions = new Set<number>()
    // A webhook is in error after `failureThreshold` failed executions in a row.
    if (kind === 'error') {
      const run = Math.min(length, rng.int(DEFAULT_FAILURE_THRESHOLD, DEFAULT_FAILURE_THRESHOLD + 2))
      for (let i = 0; i < run; i++) errorPositions.add(i)
    }
    for (let i = 0, n = rng.int(0, kind === 'inactive' ? 2 : 3); i < n && length > 1; i++) {
      errorPositions.add(rng.int(1, length - 1))
    }
    const pendingNewest = kind === 'active' && !errorPositions.has(0) && rng.chance(0.2)
    // Counts cover every delivery ever made; the history keeps only the most recent ones.
    const olderTriggers = kind === 'active' ? rng.int(0, 4000) : kind === 'error' ? rng.int(50, 1500) : rng.int(0, 300)
    updatedMs =
      kind === 'inactive'
        ? Math.min(now, newestMs + rng.int(HOUR, DAY))
        : kind === 'error'
          ? newestMs
          : Math.max(createdMs, now - rng.int(DAY, 60 * DAY))
    // Events that came after it was disabled: recorded as errors, not dispatched (retryable once enabled).
    if (kind === 'inactive' && rng.chance(0.7)) {
      const times = Array.from({ length: rng.int(1, 4) }, () => rng.int(updatedMs + MINUTE, now - HOUR))
      disabledMs = times.sort((a, b) => b - a)
    }
    plan = {
      webhookId: spec.id,
      userId: options.userId,
      integration,
      seed: spec.historySeed,
      length,
      newestMs,
      gapMs,
      errorPositions,
      pendingNewest,
      failure: spec.failure,
      nowMs: now,
      disabledMs,
    }
    triggerCount = disabledMs.length + length + olderTriggers
    errorCount =
      disabledMs.length + errorPositions.size + Math.min(olderTriggers, rng.int(kind === 'error' ? 5 : 0, 40))
  }
  // As the server reports it: every row's scheme, and whether its secret is set. A row still
  // being set up waits for the secret its provider issues (one we generate exists from creation).
  const signing = mockSigning(integration.id, true)
  if (kind === 'setup' && signing.source !== 'generated') signing.secret_set = false
  const webhook: IntegrationWebhook = {
    id: spec.id,
    user_id: options.userId,
    provider_id: integration.id,
    webhook_url: url,
    trigger_types: integration.triggers.map((trigger) => trigger.type),
    integration_config: kind === 'setup' ? {} : integrationConfig(integration, rng),
    external_config: {
      type: integration.delivery,
      setup_required: kind === 'setup',
      instructions,
      integration_name: integration.name,
      category: integration.category,
      capabilities: [...integration.capabilities],
      ...(integration.docsUrl ? { docs_url: integration.docsUrl } : {}),
    },
    signing,
    status: kind === 'setup' ? 'inactive' : kind,
    last_triggered: plan ? iso(disabledMs[0] ?? plan.newestMs) : null,
    trigger_count: triggerCount,
    error_count: errorCount,
    created_at: iso(createdMs),
    updated_at: iso(updatedMs),
  }
  return { webhook, plan }
}

function fromSpecs(specs: Iterable<RowSpec>, options: ResolvedDataOptions): MockDataset {
  const lookup = integrationCache()
  const webhooks: IntegrationWebhook[] = []
  const plans = new Map<string, HistoryPlan>()
  const failuresById = new Map<string, ExecutionFailure>()
  for (const spec of specs) {
    const { webhook, plan } = buildRow(spec, options, lookup)
    webhooks.push(webhook)
    if (plan) plans.set(webhook.id, plan)
    if (spec.failure) failuresById.set(webhook.id, spec.failure)
  }
  return {
    webhooks,
    plans,
    fixed: new Map(),
    failures: failuresById,
    invalidWebhookRows: [],
    invalidExecutionRows: undefined,
  }
}

function* defaultSpecs(options: ResolvedDataOptions): Generator<RowSpec> {
  const { seed } = options
  for (const [index, integration] of defaultCatalog.integrations.entries()) {
    yield {
      integration,
      id: `${integration.id}-webhook`,
      kind: defaultKinds[integration.id] ?? 'active',
      failure: defaultFailures[integration.id],
      rng: createRandom(deriveSeed(seed, 'webhook', index)),
      historySeed: deriveSeed(seed, 'executions', index),
    }
  }
}

function* largeSpecs(options: ResolvedDataOptions): Generator<RowSpec> {
  const { seed } = options
  const integrations = defaultCatalog.integrations
  for (let index = 0; index < LARGE_WEBHOOK_COUNT; index++) {
    const integration = integrations[index % integrations.length] as Integration
    const rng = createRandom(deriveSeed(seed, 'large-webhook', index))
    const roll = rng.next()
    const kind: Kind = roll < 0.82 ? 'active' : roll < 0.93 ? 'inactive' : 'error'
    yield {
      integration,
      id: `${integration.id}-webhook-${pad(index, 4)}`,
      kind,
      failure: kind === 'error' ? rng.pick(largeFailures) : undefined,
      rng,
      historySeed: deriveSeed(seed, 'large-executions', index),
      historyLength: LARGE_HISTORY_LENGTH,
    }
  }
}

/** Builds the data set of a scenario. Cheap: histories are only planned, not generated. */
export function buildDataset(kind: DataKind, options: ResolvedDataOptions): MockDataset {
  switch (kind) {
    case 'empty':
      return fromSpecs([], options)
    case 'large':
      return fromSpecs(largeSpecs(options), options)
    case 'hostile':
      return hostileDataset(options)
    case 'malformed': {
      const dataset = fromSpecs(defaultSpecs(options), options)
      return {
        ...dataset,
        invalidWebhookRows: malformedWebhookRows(dataset.webhooks[0]),
        invalidExecutionRows: malformedExecutionRows,
      }
    }
    default:
      return fromSpecs(defaultSpecs(options), options)
  }
}

/** One webhook's full history, newest first; `undefined` when the data set does not know the id. */
export function datasetExecutions(dataset: MockDataset, webhookId: string): WebhookExecution[] | undefined {
  const fixed = dataset.fixed.get(webhookId)
  if (fixed) return structuredClone(fixed)
  const plan = dataset.plans.get(webhookId)
  if (plan) return generateHistory(plan)
  return dataset.webhooks.some((webhook) => webhook.id === webhookId) ? [] : undefined
}
