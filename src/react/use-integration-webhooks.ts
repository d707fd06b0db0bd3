import {
  type IntegrationWebhook,
  type InvalidRow,
  type LoadedWebhooks,
  loadWebhooks,
  type WebhookApiError,
  type WebhookSource,
} from 'integration-webhooks/core'
import { useCallback, useEffect, useRef } from 'react'
import useSWR from 'swr'
import { type WebhooksKey, webhooksKey } from './keys'
import { patchWebhookList } from './live-patch'
import type { LiveState } from './live-registry'
import { useLive } from './use-live'
import { useWebhooksContext } from './webhooks-provider'

/** What the webhook list query caches: the loaded list and when it arrived. */
export interface WebhooksSnapshot extends LoadedWebhooks {
  /** `Date.now()` when this list arrived. */
  readonly fetchedAt: number
}

/** Options of {@link useIntegrationWebhooks}. */
export interface UseIntegrationWebhooksOptions {
  /**
   * Keep the rows current from the endpoint's live stream (`GET {apiUrl}/stream`): each change
   * patches the cached list in place, without a refetch; a `reset` event refetches once. Every
   * hook of a provider shares one stream. Where the endpoint has no stream (404/405) the hook
   * polls every `refreshInterval` instead (`liveState: 'polling'`).
   * @defaultValue false
   */
  live?: boolean
  /**
   * Refetch every this many milliseconds; paused while the page is hidden. With `live`, only
   * while the endpoint has no stream (then 15 s when not given).
   * @defaultValue 0 (off); with `live`, 15000 while polling
   */
  refreshInterval?: number
  /**
   * Refetch when the window regains focus.
   * @defaultValue true
   */
  revalidateOnFocus?: boolean
  /**
   * Refetch when the browser comes back online.
   * @defaultValue true
   */
  revalidateOnReconnect?: boolean
  /**
   * `false` holds the request (e.g. until the user is known).
   * @defaultValue true
   */
  enabled?: boolean
}

/** What {@link useIntegrationWebhooks} returns. */
export interface IntegrationWebhooksState {
  /** The rows: saved ones, or generated suggestions when nothing is saved. `[]` until loaded. */
  webhooks: readonly IntegrationWebhook[]
  /** `saved` or `generated`; `undefined` until loaded. */
  source: WebhookSource | undefined
  /** Rows the API sent that failed validation, dropped from `webhooks`. */
  invalid: readonly InvalidRow[]
  /**
   * The last failure, cleared by the next success. A `WebhookApiError` (switch on `kind`)
   * or, for a misconfiguration such as a relative `apiUrl` outside a browser, a `TypeError`.
   */
  error: WebhookApiError | Error | undefined
  /** No data yet and a request in flight. */
  isLoading: boolean
  /** Any request in flight, including background refreshes. */
  isValidating: boolean
  /** The last refresh failed and `webhooks` is the last good data. */
  isStale: boolean
  /** When the data on screen arrived (`Date.now()`), or `undefined`. */
  lastUpdatedAt: number | undefined
  /** Refetch now; resolves when done (never rejects: failures land in `error`). */
  refresh: () => Promise<void>
  /** How live data arrives: `live`, `connecting`, `reconnecting`, `polling` (no stream here) or `off`. */
  liveState: LiveState
  /** Why the stream stopped (`off` after a 401/403) or last dropped (`reconnecting`). */
  liveError: WebhookApiError | undefined
}

const none: readonly never[] = Object.freeze([])

/**
 * The webhook list, shared by every component that asks for it (one request for many consumers).
 *
 * A failed refresh keeps the last good rows and sets `isStale`; a later success clears
 * `error`. When the API has nothing saved, the rows are generated suggestions
 * (`source: 'generated'`); on 401, 403, 5xx and network errors there are no invented rows,
 * only `error`. The client already retries what is worth retrying, so SWR's own error
 * retry is off.
 *
 * @example
 * ```tsx
 * function WebhookList() {
 *   const { webhooks, error, isLoading, isStale, refresh } = useIntegrationWebhooks({ refreshInterval: 30_000 })
 *   if (isLoading) return <p>Loading…</p>
 *   if (error && !isStale) return <p role="alert">{error.message} <button onClick={refresh}>Retry</button></p>
 *   return <ul>{webhooks.map((w) => <li key={w.id}>{w.external_config.integration_name}: {w.status}</li>)}</ul>
 * }
 * ```
 */
export function useIntegrationWebhooks(options: UseIntegrationWebhooksOptions = {}): IntegrationWebhooksState {
  const { client, apiUrl, catalog, fallback, live: registry } = useWebhooksContext()
  const { enabled = true, live = false, revalidateOnFocus = true, revalidateOnReconnect = true } = options
  const { liveState, liveError } = useLive(live && enabled)
  // Live: no polling while the stream works; the endpoint's interval (or 15 s) when it has none.
  const refreshInterval = live
    ? liveState === 'polling'
      ? options.refreshInterval || 15_000
      : 0
    : (options.refreshInterval ?? 0)

  const { data, error, isLoading, isValidating, mutate } = useSWR<WebhooksSnapshot, Error, WebhooksKey | null>(
    enabled ? webhooksKey(apiUrl, fallback.userId) : null,
    async () => {
      const loaded = await loadWebhooks(client, { fallback, catalog })
      return { ...loaded, fetchedAt: Date.now() }
    },
    {
      refreshInterval,
      // SWR dedupes requests within `dedupingInterval` (2 s), which would swallow faster polls.
      ...(refreshInterval > 0 && refreshInterval < 4000 ? { dedupingInterval: refreshInterval / 2 } : {}),
      refreshWhenHidden: false,
      revalidateOnFocus,
      revalidateOnReconnect,
      shouldRetryOnError: false,
    },
  )

  const refresh = useCallback(async () => {
    await mutate().catch(() => undefined)
  }, [mutate])

  // Each webhook event patches the cached list in place; `reset` refetches it (deduplicated
  // by SWR when several hooks hear it).
  const current = useRef(data)
  current.current = data
  useEffect(() => {
    if (!(live && enabled)) return
    return registry.listen((event) => {
      if (event.type === 'execution') return
      const snapshot = current.current
      // Generated rows are suggestions, not saved ones: a saved webhook replaces them all.
      if (event.type === 'reset' || (event.webhook && snapshot?.source === 'generated')) {
        return void mutate().catch(() => undefined)
      }
      if (!snapshot) return
      const patched = patchWebhookList(snapshot.webhooks, event.webhookId, event.webhook)
      // Nothing to change (e.g. the echo of this user's own delete): no mutation at all, since
      // SWR drops a refetch that started before one, and that refetch may hold the answer.
      if (patched === snapshot.webhooks) return
      // The last saved webhook went: the server now answers with suggestions, so ask it.
      if (patched.length === 0) return void mutate().catch(() => undefined)
      void mutate(
        (snapshot) => {
          if (!snapshot) return snapshot
          const webhooks = patchWebhookList(snapshot.webhooks, event.webhookId, event.webhook)
          return webhooks === snapshot.webhooks ? snapshot : { ...snapshot, webhooks: webhooks as IntegrationWebhook[] }
        },
        { revalidate: false },
      ).catch(() => undefined)
    })
  }, [registry, live, enabled, mutate])

  return {
    webhooks: data?.webhooks ?? none,
    source: data?.source,
    invalid: data?.invalid ?? none,
    error: error as WebhookApiError | Error | undefined,
    isLoading,
    isValidating,
    isStale: Boolean(error && data),
    lastUpdatedAt: data?.fetchedAt,
    refresh,
    liveState,
    liveError,
  }
}
