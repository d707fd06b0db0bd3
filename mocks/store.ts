import {
  DEFAULT_API_URL,
  type ExecutionStatus,
  type IntegrationWebhook,
  type WebhookExecution,
} from 'integration-webhooks/core'
import type { HttpHandler } from 'msw'
import { buildDataset, type MockDataset } from './dataset'
import { buildHandlers } from './handlers'
import { type MockDataOptions, resolveDataOptions } from './options'
import { createRandom, deriveSeed } from './random'
import { type ScenarioName, scenarioBehavior } from './scenarios'
import { ensureExecutions, type StoreState } from './state'
import { createEventHub, type MockStreamMode } from './stream'

/** Options of {@link createWebhookMockStore} and {@link createWebhookHandlers}. */
export interface WebhookMockOptions extends MockDataOptions {
  /**
   * Where the mocked endpoint lives, as the client's `apiUrl`. An absolute URL
   * (`http://app.test/api/integration-webhooks`) matches that origin only; a relative
   * path matches the page's origin in a browser, and any origin where there is no page
   * (Node without a DOM).
   * @defaultValue '/api/integration-webhooks'
   */
  apiUrl?: string
  /**
   * The data and behaviour of the endpoint; see {@link webhookScenarios}.
   * @defaultValue 'default'
   */
  scenario?: ScenarioName
  /**
   * Serve these rows instead of the scenario's data (its failures and latency still apply).
   * They are copied: the store never changes the array you pass.
   */
  webhooks?: IntegrationWebhook[]
  /** Execution histories by webhook id, newest first; they replace the generated ones for those ids. */
  executions?: Record<string, WebhookExecution[]>
  /**
   * Delay before every response, in milliseconds (with msw's `delay`).
   * @defaultValue 0, or 1500 in the `slow` scenario
   */
  latencyMs?: number
  /**
   * The live stream (`GET {apiUrl}/stream`): `live` streams every change the handlers make (and
   * {@link WebhookMockStore.receive}); `none` answers 404, like a server without a stream (clients
   * poll); `dropping` answers 503 every time (clients keep reconnecting).
   * @defaultValue 'live'
   */
  stream?: MockStreamMode
}

/** What a store has done so far; lets tests check that the `large` scenario stays lazy. */
export interface WebhookMockStats {
  /** Requests the handlers received (including the ones a scenario failed). */
  readonly requests: number
  /** Webhooks whose execution history has been generated (on their first request). */
  readonly executionListsGenerated: number
  /** Execution rows generated so far. */
  readonly executionsGenerated: number
  /** Live streams open now (`GET {apiUrl}/stream` not yet closed by its client). */
  readonly openStreams: number
}

/** A stateful mock of the endpoint: its MSW handlers and a window on its data. */
export interface WebhookMockStore {
  /** MSW request handlers for the whole HTTP contract; pass them to `setupServer` or `setupWorker`. */
  readonly handlers: HttpHandler[]
  readonly scenario: ScenarioName
  /** The webhooks as the endpoint holds them now (copies; valid rows only). */
  getWebhooks(): IntegrationWebhook[]
  /** One webhook as the endpoint holds it now (a copy), or `undefined`. */
  getWebhook(webhookId: string): IntegrationWebhook | undefined
  /** A webhook's executions now, newest first (copies; generated on first call), or `[]` for an unknown id. */
  getExecutions(webhookId: string): WebhookExecution[]
  /**
   * An event arrives from the provider for this webhook: a new execution is recorded as it
   * stands once the server is done with it — `success` (the default), `error` (every attempt of
   * `onEvent` failed: recorded as long ago as its backoff took), or `pending` (not dispatched
   * yet); a disabled webhook's is an error, not dispatched — its counters move, and both changes
   * are streamed to open live streams. Returns the execution, or `undefined` for an unknown webhook.
   */
  receive(webhookId: string, options?: { status?: ExecutionStatus }): WebhookExecution | undefined
  /**
   * Changes how the live stream behaves from now on (see {@link WebhookMockOptions.stream}).
   * Leaving `live` breaks off the open streams, as a dropped connection does; back to `live`,
   * clients reconnect and resume with `Last-Event-ID`, getting what happened meanwhile.
   */
  setStream(mode: MockStreamMode): void
  /** Drops every change made through the handlers and starts from the initial data again (open streams get a `reset` event), with the stream as first configured. */
  reset(): void
  getStats(): WebhookMockStats
}

function customDataset(base: MockDataset, options: WebhookMockOptions): MockDataset {
  const executions = Object.entries(options.executions ?? {})
  if (!options.webhooks) {
    if (executions.length === 0) return base
    return { ...base, fixed: new Map([...base.fixed, ...executions]) }
  }
  return {
    webhooks: options.webhooks,
    plans: new Map(),
    fixed: new Map(executions),
    failures: new Map(),
    invalidWebhookRows: [],
    invalidExecutionRows: undefined,
  }
}

/**
 * Creates a stateful mock of the webhook endpoint: MSW handlers plus access to
 * the data they serve, for tests that check what a UI action changed.
 *
 * State lives per store: enabling or disabling a webhook, sending a test event or
 * redelivering an execution changes what later requests see, until `reset()`.
 * Executions are generated on a webhook's first request, so the `large` scenario
 * costs nothing for webhooks nobody opens.
 *
 * @example
 * ```ts
 * const store = createWebhookMockStore({ apiUrl: 'http://app.test/api/integration-webhooks' })
 * const server = setupServer(...store.handlers)
 * server.listen()
 * // … click "Disable" on the GitHub row …
 * expect(store.getWebhook('github-webhook')?.status).toBe('inactive')
 * store.reset()
 * ```
 */
export function createWebhookMockStore(options: WebhookMockOptions = {}): WebhookMockStore {
  const scenario = options.scenario ?? 'default'
  const behavior = scenarioBehavior(scenario)
  const resolved = resolveDataOptions(options)
  if (options.apiUrl !== undefined && (typeof options.apiUrl !== 'string' || options.apiUrl.trim() === '')) {
    throw new TypeError('apiUrl must be a non-empty string')
  }
  const latencyMs = options.latencyMs ?? behavior.latencyMs
  if (!(latencyMs >= 0)) throw new TypeError(`latencyMs must be a number ≥ 0, got ${String(options.latencyMs)}`)

  const initial = (): StoreState => {
    const dataset = customDataset(
      options.webhooks ? buildDataset('empty', resolved) : buildDataset(behavior.data, resolved),
      options,
    )
    const webhooks = structuredClone(dataset.webhooks)
    return {
      options: resolved,
      dataset,
      webhooks,
      byId: new Map(webhooks.map((webhook) => [webhook.id, webhook])),
      executions: new Map(),
      requests: 0,
      ticks: 0,
      liveRng: createRandom(deriveSeed(resolved.seed, 'live')),
      executionListsGenerated: 0,
      executionsGenerated: 0,
      secrets: new Map(),
    }
  }

  let state = initial()
  const hub = createEventHub()
  const checkMode = (mode: unknown): MockStreamMode => {
    if (mode !== 'live' && mode !== 'none' && mode !== 'dropping') {
      throw new TypeError(`stream must be "live", "none" or "dropping", got ${JSON.stringify(mode)}`)
    }
    return mode
  }
  const configured = checkMode(options.stream ?? 'live')
  let stream = configured
  const setStream = (mode: MockStreamMode) => {
    stream = checkMode(mode)
    if (stream !== 'live') hub.drop()
  }
  const { handlers, receive } = buildHandlers(() => state, {
    apiUrl: options.apiUrl ?? DEFAULT_API_URL,
    behavior,
    latencyMs,
    hub,
    get stream() {
      return stream
    },
  })

  return {
    handlers,
    scenario,
    getWebhooks: () => structuredClone(state.webhooks),
    getWebhook: (webhookId) => {
      const webhook = state.byId.get(webhookId)
      return webhook && structuredClone(webhook)
    },
    getExecutions: (webhookId) =>
      state.byId.has(webhookId) ? structuredClone(ensureExecutions(state, webhookId)) : [],
    receive: (webhookId, opts = {}) => receive(webhookId, opts.status),
    setStream,
    reset: () => {
      state = initial()
      stream = configured
      hub.reset()
    },
    getStats: () => ({
      requests: state.requests,
      executionListsGenerated: state.executionListsGenerated,
      executionsGenerated: state.executionsGenerated,
      openStreams: hub.open,
    }),
  }
}
