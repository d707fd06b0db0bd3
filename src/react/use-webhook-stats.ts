import type {
  AllWebhookStats,
  StatsWindow,
  WebhookApiError,
  WebhookStats,
  WebhookStatsFigures,
} from 'integration-webhooks/core'
import { useCallback, useEffect } from 'react'
import useSWR from 'swr'
import { type AllStatsKey, allStatsKey, type StatsKey, statsKey } from './keys'
import type { LiveState } from './live-registry'
import { createThrottle } from './throttle'
import { useLive } from './use-live'
import { useWebhooksContext } from './webhooks-provider'

/** Options of {@link useWebhookStats} and {@link useWebhooksStats}. */
export interface UseWebhookStatsOptions {
  /**
   * The window: the last 24 hours (hourly buckets), 7 or 30 days (daily buckets).
   * @defaultValue '24h'
   */
  window?: StatsWindow
  /**
   * Refetch every this many milliseconds; paused while the page is hidden.
   * @defaultValue 0 (off)
   */
  refreshInterval?: number
  /**
   * `false` holds the request (e.g. until the table is on screen).
   * @defaultValue true
   */
  enabled?: boolean
}

/**
 * With `live`, both statistics hooks follow the stream by one rule: a finished execution (success
 * or error) of a webhook their figures cover, or a `reset`, refetches them; the first at once,
 * then at most one per `liveThrottleMs` for whatever arrives meanwhile (a burst of 100 is two
 * requests, and a steady stream one per interval, not one per event). Pending executions and
 * webhook changes do not: a pending execution changes no rate, time or bar until it finishes.
 */
export interface LiveStatsOptions {
  /**
   * With `live`: the least time between two refetches the stream causes, in milliseconds.
   * @defaultValue 5000
   */
  liveThrottleMs?: number
}

/** Options of {@link useWebhookStats}. */
export interface UseOneWebhookStatsOptions extends UseWebhookStatsOptions, LiveStatsOptions {
  /**
   * Follow the provider's live stream: a finished execution of this webhook (or a `reset`)
   * refetches the figures, at most once per `liveThrottleMs`. Where the endpoint has no stream,
   * refetch every `refreshInterval` (15 s unless given) instead.
   * @defaultValue false
   */
  live?: boolean
}

/** Options of {@link useWebhooksStats}. */
export interface UseWebhooksStatsOptions extends UseWebhookStatsOptions, LiveStatsOptions {
  /**
   * Follow the endpoint's live stream: a finished execution of any webhook (or a `reset`)
   * refetches the figures, at most once per `liveThrottleMs`. Where the endpoint has no stream,
   * refetch every `refreshInterval` (60 s unless given) instead.
   * @defaultValue false
   */
  live?: boolean
}

/** What both statistics hooks share. */
interface StatsQueryState {
  /** No data for this window yet and a request in flight. */
  isLoading: boolean
  /** Any request in flight, including background refreshes. */
  isValidating: boolean
  /** The last failure, cleared by the next success. */
  error: WebhookApiError | Error | undefined
  /**
   * `false` when the endpoint has no statistics route (405; for every webhook's, also 404): a UI
   * hides its statistics instead of showing an error. `true` otherwise.
   */
  supported: boolean
  /** Refetch now; resolves when done (never rejects: failures land in `error`). */
  refresh: () => Promise<void>
}

/** What {@link useWebhookStats} returns. */
export interface WebhookStatsState extends StatsQueryState {
  /** The figures for the window asked for; `undefined` until they arrive (never another window's). */
  stats: WebhookStats | undefined
}

/** What {@link useWebhooksStats} returns. */
export interface WebhooksStatsState extends StatsQueryState {
  /** Every saved webhook's figures by id, for the window asked for; `undefined` until they arrive. */
  stats: Readonly<Record<string, WebhookStatsFigures>> | undefined
  /** With `live`: how new figures arrive (`live`, `polling` where the endpoint has no stream, …); `off` otherwise. */
  liveState: LiveState
}

/**
 * An endpoint without the statistics routes: 405 anywhere, and 404 for every webhook's (for one
 * webhook, a 404 may mean that webhook is gone: an error to show).
 */
const unsupported = (error: unknown, notFoundToo: boolean) => {
  const status = (error as { status?: number } | undefined)?.status
  return status === 405 || (notFoundToo && status === 404)
}

function swrOptions(refreshInterval: number) {
  return {
    refreshInterval,
    ...(refreshInterval > 0 && refreshInterval < 4000 ? { dedupingInterval: refreshInterval / 2 } : {}),
    refreshWhenHidden: false,
    // The client already retries what is worth retrying.
    shouldRetryOnError: false,
  }
}

/**
 * The live rule of both hooks (see {@link LiveStatsOptions}): the stream's finished executions of
 * `webhookId` (every webhook's without one) and its resets refetch, through one throttle.
 */
function useLiveRefetch(
  following: boolean,
  webhookId: string | null | undefined,
  liveThrottleMs: number,
  mutate: () => Promise<unknown>,
): void {
  const { live: registry } = useWebhooksContext()
  useEffect(() => {
    if (!following) return
    const throttle = createThrottle(liveThrottleMs, () => void mutate().catch(() => undefined))
    const stop = registry.listen((event) => {
      if (event.type === 'webhook') return
      if (event.type === 'execution') {
        if (event.execution.status === 'pending') return
        if (webhookId && event.webhookId !== webhookId) return
      }
      throttle.trigger()
    })
    return () => {
      stop()
      throttle.dispose()
    }
  }, [registry, following, webhookId, liveThrottleMs, mutate])
}

/**
 * One webhook's delivery statistics over a window: counts by outcome, success rate, p50/p95
 * execution time and the window's buckets (hourly for 24 h, daily for 7 and 30 days).
 *
 * Data belongs to its webhook and window: switching either never shows the previous figures
 * under the new name, not even for one render. A test event or a retry made with
 * `useWebhookActions` refetches them, and with `live` so do the executions the stream brings
 * (at most once per `liveThrottleMs`).
 *
 * @example
 * ```tsx
 * const [window, setWindow] = useState<StatsWindow>('24h')
 * const { stats, isLoading, error } = useWebhookStats(webhook.id, { window, live: true })
 * if (stats) return <p>{formatSuccessRate(stats.success_rate)} of {stats.total} succeeded</p>
 * ```
 */
export function useWebhookStats(
  webhookId: string | null | undefined,
  options: UseOneWebhookStatsOptions = {},
): WebhookStatsState {
  const { client, apiUrl, executions: registry } = useWebhooksContext()
  const { window = '24h', enabled = true, live = false, liveThrottleMs = 5000 } = options
  const following = live && enabled && Boolean(webhookId)
  const { liveState } = useLive(following)
  const refreshInterval =
    following && liveState === 'polling' ? options.refreshInterval || 15_000 : (options.refreshInterval ?? 0)
  const { data, error, isLoading, isValidating, mutate } = useSWR<WebhookStats, Error, StatsKey | null>(
    enabled && webhookId ? statsKey(apiUrl, webhookId, window) : null,
    ([, , , id, w]) => client.getStats(id, { window: w as StatsWindow }),
    swrOptions(refreshInterval),
  )

  // A test event or a retry of this webhook changes its figures.
  useEffect(() => {
    if (!webhookId || !enabled) return
    return registry.subscribe(webhookId, () => void mutate().catch(() => undefined))
  }, [registry, webhookId, enabled, mutate])

  useLiveRefetch(following, webhookId, liveThrottleMs, mutate)

  const refresh = useCallback(async () => {
    await mutate().catch(() => undefined)
  }, [mutate])

  return {
    // SWR keeps no data across keys, but a late answer is checked against the window anyway.
    stats: data && data.window === window ? data : undefined,
    isLoading,
    isValidating,
    error: error as WebhookApiError | Error | undefined,
    supported: !unsupported(error, false),
    refresh,
  }
}

/**
 * Every saved webhook's delivery statistics over one window, in one request (the table's
 * "Success (24h)" column). Shared by every component that asks for the same window. With
 * `live`, the stream's finished executions refetch them (at most once per `liveThrottleMs`).
 *
 * @example
 * ```tsx
 * const { stats } = useWebhooksStats({ window: '24h', live: true })
 * const rate = stats?.[webhook.id]?.success_rate
 * ```
 */
export function useWebhooksStats(options: UseWebhooksStatsOptions = {}): WebhooksStatsState {
  const { client, apiUrl } = useWebhooksContext()
  const { window = '24h', enabled = true, live = false, liveThrottleMs = 5000 } = options
  const following = live && enabled
  const { liveState } = useLive(following)
  // Live: no polling while the stream works; every minute (or as asked) where it has none.
  const refreshInterval =
    following && liveState === 'polling' ? options.refreshInterval || 60_000 : (options.refreshInterval ?? 0)
  const { data, error, isLoading, isValidating, mutate } = useSWR<AllWebhookStats, Error, AllStatsKey | null>(
    enabled ? allStatsKey(apiUrl, window) : null,
    ([, , , w]) => client.getAllStats({ window: w as StatsWindow }),
    swrOptions(refreshInterval),
  )
  const refresh = useCallback(async () => {
    await mutate().catch(() => undefined)
  }, [mutate])

  useLiveRefetch(following, null, liveThrottleMs, mutate)

  return {
    stats: data && data.window === window ? data.stats : undefined,
    isLoading,
    isValidating,
    error: error as WebhookApiError | Error | undefined,
    supported: !unsupported(error, true),
    refresh,
    liveState,
  }
}
