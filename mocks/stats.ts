import type { IntegrationWebhook, StatsWindow, WebhookExecution, WebhookStatsFigures } from 'integration-webhooks/core'
import { HOUR, MOCK_NOW } from './options'
import { createRandom, deriveSeed } from './random'

const WINDOWS: Readonly<Record<StatsWindow, { hours: number; buckets: number }>> = {
  '24h': { hours: 1, buckets: 24 },
  '7d': { hours: 24, buckets: 7 },
  '30d': { hours: 24, buckets: 30 },
}

/** Whether `value` is a window the statistics routes know. */
export const isStatsWindow = (value: string): value is StatsWindow => Object.hasOwn(WINDOWS, value)

/** How busy an hour of the day (UTC) is: quiet nights, a working-day peak. */
const HOUR_SHAPE = [
  0.08, 0.05, 0.04, 0.04, 0.06, 0.12, 0.3, 0.55, 0.8, 1, 1, 0.95, 0.85, 0.95, 1, 1, 0.9, 0.75, 0.55, 0.4, 0.3, 0.22,
  0.15, 0.1,
]

/** One hour of a webhook's seeded series: `[success, error]`. */
type Hour = readonly [number, number]

/**
 * A webhook's deliveries hour by hour over the `count` hours ending with the one holding `endMs`,
 * seeded by its id: quiet nights, busy days, and for a webhook with errors a failure burst
 * (a few hours where most deliveries fail; a webhook in `error` status has failed for the last
 * six hours). An inactive webhook receives nothing.
 */
function seededHours(webhook: IntegrationWebhook, seed: number, endMs: number, count: number): Hour[] {
  if (webhook.status === 'inactive') return Array.from({ length: count }, () => [0, 0] as const)
  const random = createRandom(deriveSeed(seed, 'stats', webhook.id))
  const peak = random.int(4, 40)
  const background = random.int(0, 3) / 100
  // The burst: an hour within the last 30 days, lasting 2 to 5 hours.
  const burstEnd = Math.floor(endMs / HOUR) - random.int(2, 30 * 24 - 1)
  const burstLength = random.int(2, 5)
  const lastHour = Math.floor(endMs / HOUR)
  const hours: Hour[] = []
  for (let i = count - 1; i >= 0; i--) {
    const hour = lastHour - i
    // A per-hour generator: the same hour has the same figures in every window.
    const r = createRandom(deriveSeed(seed, 'hour', webhook.id, hour))
    const shape = HOUR_SHAPE[((hour % 24) + 24) % 24] as number
    const total = Math.round(peak * shape * (0.6 + 0.8 * r.next()))
    let failRate = background
    if (webhook.error_count > 0 && hour <= burstEnd && hour > burstEnd - burstLength) failRate = 0.7
    if (webhook.status === 'error' && hour > lastHour - 6) failRate = 1
    let error = 0
    for (let n = 0; n < total; n++) if (r.next() < failRate) error++
    hours.push([total - error, error])
  }
  return hours
}

/**
 * A webhook's statistics as the server computes them, for the window ending in the hour (24h)
 * or UTC day (7d, 30d) that holds `nowMs`: a deterministic series seeded by the webhook's id,
 * plus what the mock recorded live (executions after `nowMs`: a test event, a redelivery) in the
 * current bucket, so a test event sent in a story shows up in the chart.
 */
export function mockWebhookStats(
  webhook: IntegrationWebhook,
  executions: readonly WebhookExecution[],
  window: StatsWindow,
  nowMs: number,
  seed: number,
): WebhookStatsFigures {
  const { hours: bucketHours, buckets: count } = WINDOWS[window]
  const step = bucketHours * HOUR
  const lastStart = Math.floor(nowMs / step) * step
  const firstStart = lastStart - (count - 1) * step
  const endMs = lastStart + step
  const buckets = Array.from({ length: count }, (_, i) => ({
    start: new Date(firstStart + i * step).toISOString(),
    success: 0,
    error: 0,
  }))
  const hours = seededHours(webhook, seed, endMs - 1, (endMs - firstStart) / HOUR)
  hours.forEach(([success, error], i) => {
    const bucket = buckets[Math.floor(i / bucketHours)]
    if (!bucket) return
    bucket.success += success
    bucket.error += error
  })
  // What the mock records live (test events, redeliveries) happens "now": the current bucket.
  let pending = 0
  const times: number[] = []
  const current = buckets[buckets.length - 1]
  for (const execution of executions) {
    if (!(Date.parse(execution.triggered_at) > nowMs)) continue
    if (execution.status === 'pending') {
      pending++
      continue
    }
    if (current) current[execution.status === 'success' ? 'success' : 'error']++
    if (execution.execution_time_ms !== null) times.push(execution.execution_time_ms)
  }
  const success = buckets.reduce((n, b) => n + b.success, 0)
  const error = buckets.reduce((n, b) => n + b.error, 0)
  const finished = success + error
  const random = createRandom(deriveSeed(seed, 'latency', webhook.id))
  const base = random.int(60, 320)
  times.sort((a, b) => a - b)
  const percentile = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))] as number
  return {
    total: finished + pending,
    success,
    error,
    pending,
    success_rate: finished ? success / finished : null,
    // Without seeded deliveries, the store's own executions' times; otherwise seeded ones near them.
    p50_ms: finished ? (hours.some(([s, e]) => s + e > 0) ? base : percentile(0.5)) : null,
    p95_ms: finished ? (hours.some(([s, e]) => s + e > 0) ? Math.round(base * 3.4) : percentile(0.95)) : null,
    buckets,
  }
}

/**
 * Every webhook's statistics as `GET {apiUrl}/stats` answers them for the mock endpoint (its
 * deterministic series: quiet nights, busy days, a failure burst, the last hours of a webhook in
 * `error` failing), for a table rendered without the network: `<WebhookTable stats={…} />`.
 *
 * @example
 * ```tsx
 * const webhooks = mockWebhooks('default')
 * <WebhookTable webhooks={webhooks} stats={mockStats(webhooks)} />
 * ```
 */
export function mockStats(
  webhooks: readonly IntegrationWebhook[],
  options: { window?: StatsWindow; now?: string | number | Date; seed?: number } = {},
): Record<string, WebhookStatsFigures> {
  const nowMs = new Date(options.now ?? MOCK_NOW).getTime()
  const stats: Record<string, WebhookStatsFigures> = {}
  for (const webhook of webhooks) {
    stats[webhook.id] = mockWebhookStats(webhook, [], options.window ?? '24h', nowMs, options.seed ?? 1)
  }
  return stats
}
