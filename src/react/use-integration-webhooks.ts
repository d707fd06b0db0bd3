import {
  type IntegrationWebhook,
  type InvalidRow,
  type LoadedWebhooks,
  loadWebhooks,
  type WebhookApiError,
  type WebhookSource,
} from 'integration-webhooks/core'
import { useCallback } from 'react'
import useSWR from 'swr'
import { type WebhooksKey, webhooksKey } from './keys'
import { useWebhooksContext } from './webhooks-provider'

/** What the webhook list query caches: the loaded list and when it arrived. */
export interface WebhooksSnapshot extends LoadedWebhooks {
  /** `Date.now()` when this list arrived. */
  readonly fetchedAt: number
}

/** Options of {@link useIntegrationWebhooks}. */
export interface UseIntegrationWebhooksOptions {
  /**
   * Refetch every this many milliseconds, for live monitoring; paused while the page is hidden.
   * @defaultValue 0 (off)
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
  const { client, apiUrl, catalog, fallback } = useWebhooksContext()
  const { enabled = true, refreshInterval = 0, revalidateOnFocus = true, revalidateOnReconnect = true } = options

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
  }
}
