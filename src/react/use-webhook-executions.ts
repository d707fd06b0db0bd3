import type { ExecutionsPage, InvalidRow, WebhookApiError, WebhookExecution } from 'integration-webhooks/core'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import useSWRInfinite from 'swr/infinite'
import { type ExecutionsKey, executionsKey } from './keys'
import { patchExecutionPages } from './live-patch'
import type { LiveState } from './live-registry'
import { useLive } from './use-live'
import { useWebhooksContext } from './webhooks-provider'

/** Options of {@link useWebhookExecutions}. */
export interface UseWebhookExecutionsOptions {
  /**
   * Executions per page.
   * @defaultValue 20
   */
  pageSize?: number
  /**
   * Keep the history current from the provider's live stream: a new execution is put first, a
   * status change patched where the row is, without a refetch (`reset` refetches once). Shares
   * the provider's one stream. Where the endpoint has no stream, polls every `refreshInterval`.
   * @defaultValue false
   */
  live?: boolean
  /**
   * With `live`, how often to refetch the loaded pages while the endpoint has no stream.
   * @defaultValue 15000
   */
  refreshInterval?: number
}

/** What {@link useWebhookExecutions} returns. */
export interface WebhookExecutionsState {
  /** Every loaded execution of this webhook, newest first. `[]` until loaded or without an id. */
  executions: readonly WebhookExecution[]
  /** Rows of the loaded pages that failed validation. */
  invalid: readonly InvalidRow[]
  /** The server has older executions. */
  hasMore: boolean
  /** Loads the next page (does nothing at the end or while a page is loading). */
  loadMore: () => void
  /** No page yet and the first one in flight. */
  isLoading: boolean
  /** A next page is in flight. */
  isLoadingMore: boolean
  /** The last failure, cleared by the next success. */
  error: WebhookApiError | Error | undefined
  /** Refetch every loaded page. */
  refresh: () => Promise<void>
  /** How live data arrives: `live`, `connecting`, `reconnecting`, `polling` (no stream here) or `off`. */
  liveState: LiveState
  /** Why the stream stopped (`off` after a 401/403) or last dropped (`reconnecting`). */
  liveError: WebhookApiError | undefined
  /**
   * Ids of executions the live stream added since the history was loaded (or since
   * `markAllSeen`), newest first: for marking them "new".
   */
  newIds: ReadonlySet<string>
  /** Forgets `newIds` (the user has seen them). */
  markAllSeen: () => void
}

const none: readonly never[] = Object.freeze([])
const emptySet: ReadonlySet<string> = new Set()

/**
 * The execution history of one webhook, newest first, in cursor pages.
 *
 * Data belongs to its webhook: switching `webhookId` never shows the previous
 * webhook's executions, not even for one render, and a late answer for an old id is
 * never shown for the new one (each page is cached under its webhook's key). A test
 * event or a retry made with {@link useWebhookActions} appears here at once.
 *
 * @example
 * ```tsx
 * const { executions, hasMore, loadMore, isLoadingMore } = useWebhookExecutions(webhook.id, { pageSize: 25 })
 * return (
 *   <>
 *     <ol>{executions.map((e) => <li key={e.id}>{e.trigger_type}: {e.status}</li>)}</ol>
 *     {hasMore && <button onClick={loadMore} disabled={isLoadingMore}>Load more</button>}
 *   </>
 * )
 * ```
 */
export function useWebhookExecutions(
  webhookId: string | null | undefined,
  options: UseWebhookExecutionsOptions = {},
): WebhookExecutionsState {
  const { client, apiUrl, executions: registry, live: liveRegistry } = useWebhooksContext()
  const { pageSize = 20, live = false } = options
  const { liveState, liveError } = useLive(live && Boolean(webhookId))
  if (!(Number.isInteger(pageSize) && pageSize > 0)) {
    throw new TypeError(`useWebhookExecutions: pageSize must be a positive integer, got ${String(pageSize)}`)
  }

  const getKey = useCallback(
    (index: number, previous: ExecutionsPage | null): ExecutionsKey | null => {
      if (!webhookId) return null
      if (index > 0 && !previous?.nextCursor) return null
      return executionsKey(apiUrl, webhookId, pageSize, index === 0 ? null : (previous?.nextCursor ?? null))
    },
    [apiUrl, webhookId, pageSize],
  )

  const { data, error, isLoading, isValidating, size, setSize, mutate } = useSWRInfinite<
    ExecutionsPage,
    Error,
    typeof getKey
  >(getKey, ([, , , id, limit, cursor]) => client.listExecutions(id, { limit, cursor }), {
    shouldRetryOnError: false,
    revalidateFirstPage: true,
    refreshInterval: liveState === 'polling' ? options.refreshInterval || 15_000 : 0,
    refreshWhenHidden: false,
  })

  // Executions the stream added, per webhook (a new id starts with none).
  const [added, setAdded] = useState<{ webhookId: string | null | undefined; ids: ReadonlySet<string> }>({
    webhookId,
    ids: emptySet,
  })
  const newIds = added.webhookId === webhookId ? added.ids : emptySet
  useEffect(() => {
    if (!(live && webhookId)) return
    return liveRegistry.listen((event) => {
      if (event.type === 'reset') return void mutate().catch(() => undefined)
      if (event.type !== 'execution' || event.webhookId !== webhookId) return
      // New to this history: not among the rows it shows (another history of the same webhook
      // may have patched the shared cache first).
      const shown = rendered.current
      const isNew = shown !== undefined && !shown.some((row) => row.id === event.execution.id)
      void mutate((pages) => patchExecutionPages(pages, event.execution).pages, { revalidate: false }).catch(
        () => undefined,
      )
      if (isNew) {
        setAdded((current) => ({
          webhookId,
          ids: new Set([event.execution.id, ...(current.webhookId === webhookId ? current.ids : [])]),
        }))
      }
    })
  }, [liveRegistry, live, webhookId, mutate])
  const markAllSeen = useCallback(() => setAdded({ webhookId, ids: emptySet }), [webhookId])

  // A test event or a retry of this webhook: show it at once, then refetch for the truth.
  useEffect(() => {
    if (!webhookId) return
    return registry.subscribe(webhookId, (execution) => {
      void mutate(
        (pages) => {
          if (!execution || !pages?.[0]) return pages
          const [first, ...rest] = pages
          return [{ ...first, executions: [execution, ...first.executions] }, ...rest]
        },
        { revalidate: true },
      ).catch(() => undefined)
    })
  }, [registry, webhookId, mutate])

  const { executions, invalid } = useMemo(() => {
    if (!data) return { executions: none, invalid: none }
    const seen = new Set<string>()
    const rows: WebhookExecution[] = []
    for (const page of data) {
      for (const execution of page?.executions ?? []) {
        // An optimistic row and the refetched one, or a row that slid across a page edge, show once.
        if (seen.has(execution.id)) continue
        seen.add(execution.id)
        rows.push(execution)
      }
    }
    return { executions: rows, invalid: data.flatMap((page) => page?.invalid ?? []) }
  }, [data])

  const rendered = useRef<readonly WebhookExecution[] | undefined>(undefined)
  rendered.current = data ? executions : undefined

  const lastPage = data?.[data.length - 1]
  const hasMore = Boolean(lastPage?.nextCursor)
  const isLoadingMore = Boolean(data && size > data.length && isValidating)

  const loadMore = useCallback(() => {
    if (!hasMore || isLoadingMore) return
    void setSize((current) => current + 1)
  }, [hasMore, isLoadingMore, setSize])

  const refresh = useCallback(async () => {
    await mutate().catch(() => undefined)
  }, [mutate])

  return {
    executions: webhookId ? executions : none,
    invalid: webhookId ? invalid : none,
    hasMore: Boolean(webhookId) && hasMore,
    loadMore,
    isLoading: Boolean(webhookId) && isLoading,
    isLoadingMore,
    error: webhookId ? (error as WebhookApiError | Error | undefined) : undefined,
    refresh,
    liveState,
    liveError,
    newIds,
    markAllSeen,
  }
}
