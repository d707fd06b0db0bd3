import type { RouteContext } from '../context'
import { HttpError, webhookNotFound } from '../errors'
import { json } from '../http'
import type { StatsRange } from '../store'

/** The windows a statistics request may ask for, and their buckets (UTC hours or days). */
export const STATS_WINDOWS = {
  '24h': { bucketHours: 1, buckets: 24 },
  '7d': { bucketHours: 24, buckets: 7 },
  '30d': { bucketHours: 24, buckets: 30 },
} as const

/** One of `24h`, `7d`, `30d`. */
export type StatsWindow = keyof typeof STATS_WINDOWS

function windowOf(context: RouteContext): { window: StatsWindow; range: StatsRange } {
  const values = context.url.searchParams.getAll('window')
  const value = values.length === 0 || values[0] === '' ? '24h' : values[0]
  if (values.length > 1 || !Object.hasOwn(STATS_WINDOWS, value as string)) {
    throw new HttpError('invalid_query', 'window must be one of 24h, 7d, 30d', {
      issues: [`window: expected 24h, 7d or 30d, got ${JSON.stringify(values.join(',').slice(0, 20))}`],
    })
  }
  const window = value as StatsWindow
  return { window, range: { now: context.settings.now(), ...STATS_WINDOWS[window] } }
}

/** `GET {basePath}/{id}/stats?window=24h|7d|30d`: one webhook's totals, percentiles and buckets. */
export async function getWebhookStats(context: RouteContext): Promise<Response> {
  const { window, range } = windowOf(context)
  const stats = await context.store.webhookStats(context.userId, context.params.id as string, range)
  if (!stats) throw webhookNotFound()
  return json({ window, ...stats })
}

/** `GET {basePath}/stats?window=…`: the same figures for every webhook of the user, in one query. */
export async function listWebhookStats(context: RouteContext): Promise<Response> {
  const { window, range } = windowOf(context)
  return json({ window, stats: await context.store.userStats(context.userId, range) })
}
