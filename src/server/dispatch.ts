import type { IntegrationWebhook, WebhookExecution } from 'integration-webhooks/core'
import { backoffDelay, DISABLED_MESSAGE, eventTimeoutMessage } from './dispatch-defaults'
import type { ExecutionRecord, WebhookRecord, WebhookStore } from './store'

/** What the host's `onEvent` gets for each execution to dispatch. */
export interface WebhookEvent {
  /** The webhook the event came to (as the API shows it). */
  webhook: IntegrationWebhook
  /**
   * The execution: `execution.id` is the idempotency key. Delivery is at least once (a
   * worker that dies mid-dispatch has its execution taken over after the lease), so make
   * `onEvent` skip an id it has already handled.
   */
  execution: WebhookExecution
  /** The event itself: the provider's payload, its trigger type and headers (credentials masked). */
  event: { provider_id: string; trigger_type: string; payload: unknown; headers: Record<string, string> | null }
}

/** How the dispatcher runs. @internal */
export interface DispatcherOptions {
  store: WebhookStore
  onEvent: (event: WebhookEvent) => unknown | Promise<unknown>
  toApiWebhook: (record: WebhookRecord) => IntegrationWebhook
  workerId: string
  concurrency: number
  leaseMs: number
  pollIntervalMs: number
  maxAttempts: number
  failureThreshold: number
  timeoutMs: number
  /** Delay before attempt `attempt + 1`, in ms. */
  backoff: (attempt: number) => number
  retention: { maxAgeMs: number | null; maxPerWebhook: number | null }
  report: (error: unknown) => void
}

const RESULT_LIMIT = 64 * 1024

function resultText(result: unknown): string | null {
  if (result === undefined) return null
  let text: string
  try {
    text = typeof result === 'string' ? result : JSON.stringify(result)
  } catch {
    text = String(result)
  }
  return text.length > RESULT_LIMIT ? `${text.slice(0, RESULT_LIMIT)}…` : text
}

function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message || error.name : String(error)
  return message.length > 1000 ? `${message.slice(0, 1000)}…` : message
}

/**
 * The default backoff: 5 s, 30 s, 2 min, 10 min, 30 min…, with ±20 % jitter.
 * @internal
 */
export function defaultBackoff(attempt: number): number {
  return backoffDelay(attempt, Math.random)
}

/**
 * Hands pending executions to the host's `onEvent`, at least once: the executions table is
 * the queue. Claims are taken with `FOR UPDATE SKIP LOCKED`, so any number of workers (in
 * this process or others on one PostgreSQL) share the work; a worker is woken by the
 * store's notifications and polls as a fallback; a claim whose worker died is taken over
 * when its lease runs out.
 * @internal
 */
export function createDispatcher(options: DispatcherOptions) {
  const { store } = options
  const running = new Set<Promise<void>>()
  let stopped = true
  let wakeUp: (() => void) | null = null
  let loop: Promise<void> | null = null
  let unsubscribe: (() => Promise<void>) | null = null
  let pruneTimer: ReturnType<typeof setInterval> | undefined

  async function dispatch(execution: ExecutionRecord): Promise<'success' | 'retry' | 'error' | 'lost'> {
    const started = performance.now()
    const took = () => Math.round((performance.now() - started) * 100) / 100
    const webhook = await store.getWebhook(execution.user_id, execution.webhook_id)
    if (!webhook) return 'lost' // deleted meanwhile: its executions went with it
    if (webhook.status === 'inactive') {
      await store.finishExecution(execution.id, options.workerId, {
        status: 'error',
        durationMs: took(),
        error: DISABLED_MESSAGE,
        failureThreshold: options.failureThreshold,
      })
      return 'error'
    }
    let timer: ReturnType<typeof setTimeout> | undefined
    try {
      const result = await Promise.race([
        Promise.resolve().then(() =>
          options.onEvent({
            webhook: options.toApiWebhook(webhook),
            execution: execution as unknown as WebhookExecution,
            event: {
              provider_id: execution.provider_id,
              trigger_type: execution.trigger_type,
              payload: execution.payload,
              headers: execution.headers,
            },
          }),
        ),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(eventTimeoutMessage(options.timeoutMs))), options.timeoutMs)
        }),
      ])
      const owned = await store.finishExecution(execution.id, options.workerId, {
        status: 'success',
        durationMs: took(),
        responseBody: resultText(result),
      })
      return owned ? 'success' : 'lost'
    } catch (error) {
      const final = execution.attempt >= options.maxAttempts
      const owned = await store.finishExecution(
        execution.id,
        options.workerId,
        final
          ? { status: 'error', durationMs: took(), error: errorText(error), failureThreshold: options.failureThreshold }
          : {
              status: 'retry',
              durationMs: took(),
              error: errorText(error),
              nextAttemptAt: new Date(Date.now() + options.backoff(execution.attempt)),
            },
      )
      return owned ? (final ? 'error' : 'retry') : 'lost'
    } finally {
      clearTimeout(timer)
    }
  }

  function track(execution: ExecutionRecord) {
    const job = dispatch(execution)
      .then(() => undefined)
      .catch((error) => options.report(error))
      .finally(() => {
        running.delete(job)
        wakeUp?.()
      })
    running.add(job)
  }

  async function run() {
    while (!stopped) {
      let claimed: ExecutionRecord[] = []
      const room = options.concurrency - running.size
      if (room > 0) {
        try {
          claimed = await store.claimExecutions(options.workerId, room, options.leaseMs)
        } catch (error) {
          options.report(error)
        }
        for (const execution of claimed) track(execution)
      }
      if (claimed.length === room && room > 0) continue
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, options.pollIntervalMs)
        wakeUp = () => {
          clearTimeout(timer)
          wakeUp = null
          resolve()
        }
      })
    }
  }

  async function prune() {
    const { maxAgeMs, maxPerWebhook } = options.retention
    if (maxAgeMs === null && maxPerWebhook === null) return
    try {
      await store.pruneExecutions({
        olderThan: maxAgeMs === null ? null : new Date(Date.now() - maxAgeMs),
        perWebhook: maxPerWebhook,
      })
    } catch (error) {
      options.report(error)
    }
  }

  return {
    /** Starts the loop (background dispatch). */
    async start() {
      if (!stopped) return
      stopped = false
      if (store.subscribe) {
        try {
          unsubscribe = await store.subscribe(() => wakeUp?.())
        } catch (error) {
          options.report(error)
        }
      }
      loop = run()
      void prune()
      pruneTimer = setInterval(() => void prune(), 10 * 60_000)
      pruneTimer.unref?.()
    },
    /** Wakes the loop: something was recorded. */
    wake() {
      wakeUp?.()
    },
    /** Claims and dispatches one execution now, in this request (inline dispatch). */
    async dispatchNow(executionId: string): Promise<void> {
      const [execution] = await store.claimExecutions(options.workerId, 1, options.leaseMs, executionId)
      if (execution) await dispatch(execution)
    },
    /** Stops claiming and waits for the dispatches under way. */
    async close() {
      stopped = true
      clearInterval(pruneTimer)
      wakeUp?.()
      await loop
      await Promise.allSettled([...running])
      await unsubscribe?.().catch(() => {})
    },
  }
}
