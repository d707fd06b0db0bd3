import {
  type AddableGroup,
  addableIntegrations,
  type IntegrationCatalog,
  type IntegrationWebhook,
  isWebhookApiError,
  loadDefaultCatalog,
  summarizeWebhooks,
  type WebhookStatsFigures,
  type WebhookSummary,
  webhookCategories,
} from 'integration-webhooks/core'
import {
  type IntegrationWebhooksState,
  type UseWebhookTableOptions,
  useControllableState,
  useIntegrationWebhooks,
  useWebhookActions,
  useWebhooksContext,
  useWebhooksStats,
  useWebhookTable,
  type WebhooksProviderProps,
  type WebhookTableState,
} from 'integration-webhooks/react'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { whenPageIdle } from './on-demand'
import { preloadWebhookDetailsDialog } from './webhook-details-dialog'

/**
 * The props `IntegrationWebhookManager` hands to its `WebhooksProvider`, each one named: the
 * `Record` type makes a new provider or client option a compile error here until it is
 * forwarded (test/types/manager.types.ts checks the same; test/components/manager-options.test.tsx
 * checks that each client option reaches the client).
 */
const providerPropNames: Record<Exclude<keyof WebhooksProviderProps, 'children'>, true> = {
  client: true,
  apiUrl: true,
  fetch: true,
  headers: true,
  getToken: true,
  credentials: true,
  timeoutMs: true,
  retry: true,
  routes: true,
  catalog: true,
  fallback: true,
  swr: true,
}

/** @internal The names of the props the manager forwards to its `WebhooksProvider`. */
export const webhooksProviderPropNames = Object.keys(providerPropNames) as readonly (keyof typeof providerPropNames)[]

/**
 * @internal Splits a manager's props into its provider's (every client option, `client`, `catalog`,
 * `fallback`, `swr`) and the rest, from the one list above.
 */
export function splitProviderProps<P extends Omit<WebhooksProviderProps, 'children'>>(
  props: P,
): [Omit<WebhooksProviderProps, 'children'>, Omit<P, keyof typeof providerPropNames>] {
  const provider: Record<string, unknown> = {}
  const rest: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(props)) {
    if (Object.hasOwn(providerPropNames, key)) provider[key] = value
    else rest[key] = value
  }
  return [provider as Omit<WebhooksProviderProps, 'children'>, rest as Omit<P, keyof typeof providerPropNames>]
}

/** Options of {@link useWebhookManager}: the table's state (controlled or not), the open webhook, the callbacks. */
export interface UseWebhookManagerOptions extends Omit<UseWebhookTableOptions, 'stats'> {
  /** Refetch every this many milliseconds while the page is visible; with `live`, only where the endpoint has no stream. @defaultValue 0 (off); 15000 while polling */
  refreshInterval?: number
  /**
   * Follow the endpoint's live stream (`GET {apiUrl}/stream`): rows, header counts and an open
   * execution history update in place, a "Live" indicator says how (live, reconnecting, or
   * polling where the endpoint has no stream). `false`: no stream, refetch on `refreshInterval`.
   * @defaultValue true
   */
  live?: boolean
  /**
   * The table's "Success (24h)" column: each saved webhook's success rate with a sparkline of its
   * last 24 hours, from `GET {apiUrl}/stats` (one request for every row; with `live`, refreshed as
   * executions finish). An endpoint without statistics (404/405) has no such column, and no error.
   * `false` hides the column and makes no request.
   * @defaultValue true
   */
  successRate?: boolean
  /**
   * The "Add integration" control below a saved list: the catalog's integrations not saved yet
   * (by category), and "Set up" to save one, which then opens it. Hidden when every one is saved.
   * `false` hides it (the host adds webhooks its own way).
   * @defaultValue true
   */
  addIntegration?: boolean
  /** The open webhook's id (controlled), e.g. from the URL. `null` for none. */
  openWebhookId?: string | null
  /** The webhook open at first (uncontrolled). */
  defaultOpenWebhookId?: string | null
  /**
   * Called when a webhook opens (its id and the webhook) or the dialog closes (`null`, `null`):
   * the user opened a row, or "Set up" opened the saved webhook.
   */
  onOpenWebhookChange?: (webhookId: string | null, webhook: IntegrationWebhook | null) => void
  /** Called after "Set up" saved a suggested webhook (the dialog then shows the saved one). */
  onCreated?: (webhook: IntegrationWebhook) => void
  /** Called after a confirmed "Delete" deleted a webhook (the dialog then closes). */
  onDeleted?: (webhook: IntegrationWebhook) => void
  /** Called when the endpoint answers 401; the manager shows a sign-in message, never rows. */
  onUnauthorized?: (error: Error) => void
}

/** What the manager's body shows in place of the table, if anything. */
export type WebhookManagerView = 'unauthorized' | 'error' | 'empty' | 'table'

/** What {@link useWebhookManager} returns: the state the manager's markup renders, and what it calls. */
export interface WebhookManagerState {
  /** The list, from `useIntegrationWebhooks`. */
  list: IntegrationWebhooksState
  /** Sorting, filters and the sorted, filtered rows, from `useWebhookTable`. */
  table: WebhookTableState
  /**
   * Each saved webhook's statistics over the last 24 hours by id, for the table's success-rate
   * column; `undefined` when there is no such column (hidden, unsupported, suggested rows, or
   * not loaded yet).
   */
  stats: Readonly<Record<string, WebhookStatsFigures>> | undefined
  /** The header's counts, of the whole list (a filter leaves them). */
  summary: WebhookSummary
  /** The category filter's options: the list's categories in display order, then a chosen one it lacks. */
  categories: readonly string[]
  /** The list has loaded once (rows, or a stated source). */
  hasData: boolean
  /** What the body shows: a sign-in message, the error, the empty state, or the table. */
  view: WebhookManagerView
  /** The list is stale or empty while loading: the toolbar is shown (it is hidden on an error and when empty). */
  showToolbar: boolean
  /** The open webhook, or `null`. */
  openWebhook: IntegrationWebhook | null
  /** Opens a webhook (a row's button), or closes the dialog with `null`. */
  setOpenWebhook: (webhook: IntegrationWebhook | null) => void
  /** The dialog asks to open or close (Escape, its close button, a click outside). */
  onDialogOpenChange: (open: boolean) => void
  /** "Set up" saved the open suggestion: the dialog goes on with the saved webhook. */
  onCreated: (webhook: IntegrationWebhook) => void
  /** "Delete" deleted the open webhook: it is announced once the dialog is gone. */
  onDeleted: (webhook: IntegrationWebhook) => void
  /** The webhook deleted last, for the polite announcement; `null` after a new one is saved. */
  deleted: IntegrationWebhook | null
  /**
   * The "Add integration" control's state; `undefined` when it is not shown (turned off, nothing
   * saved yet: the suggestions are the list, every integration saved, or the catalog not loaded).
   */
  adding: AddIntegrationState | undefined
}

/** The "Add integration" control's state, from {@link useWebhookManager}. */
export interface AddIntegrationState {
  /** The catalog's available integrations not saved yet, by category (in the catalog's category order). */
  groups: readonly AddableGroup[]
  /** How many integrations `groups` holds. */
  count: number
  /** Saves a webhook for the integration, then opens it (its URL and setup steps). */
  add: (providerId: string) => Promise<boolean>
  /** Whether "Set up" is saving the integration. */
  isPending: (providerId: string) => boolean
  /** Why the last "Set up" of the integration failed (a typed `WebhookApiError` for HTTP failures). */
  errorFor: (providerId: string) => Error | undefined
}

/**
 * The manager's state and behaviour, apart from its markup: the list, the table's sorting and
 * filters, the header's counts and the category options (pure functions in core), the open
 * webhook (controlled or not), what the body shows, and the dialog's callbacks. Also, once
 * rows are on screen, it fetches the dialog's code while the page is idle, and it tells the
 * host about a 401 once per failure.
 *
 * Call it below a `WebhooksProvider`.
 *
 * @example
 * ```tsx
 * const manager = useWebhookManager({ refreshInterval: 30_000 })
 * return <p>{manager.summary.failing} failing of {manager.summary.total}</p>
 * ```
 */
export function useWebhookManager(options: UseWebhookManagerOptions = {}): WebhookManagerState {
  // State.
  const live = options.live ?? true
  const list = useIntegrationWebhooks({ refreshInterval: options.refreshInterval, live })
  // The success-rate column's figures: one request for every row, asked once the list is in,
  // so a long list's figures (24 buckets a row) never hold up its rows; suggested rows are not
  // saved and have none.
  const saved = list.source !== undefined && list.source !== 'generated'
  const statsQuery = useWebhooksStats({ window: '24h', live, enabled: (options.successRate ?? true) && saved })
  const stats = (options.successRate ?? true) && saved && statsQuery.supported ? statsQuery.stats : undefined
  // The table hook reads its own options by name (and each value, not the object's identity).
  const table = useWebhookTable(list.webhooks, stats ? { ...options, stats } : options)
  // The webhook being opened, for onOpenWebhookChange's second argument.
  const opening = useRef<IntegrationWebhook | null>(null)
  const { onOpenWebhookChange } = options
  const [openId, setOpenId] = useControllableState<string | null>({
    value: options.openWebhookId,
    defaultValue: options.defaultOpenWebhookId ?? null,
    onChange: (id) => onOpenWebhookChange?.(id, id === null ? null : opening.current),
  })
  // What a finished action says to screen readers once its dialog is gone (a deletion).
  const [deleted, setDeleted] = useState<IntegrationWebhook | null>(null)

  // "Add integration": the catalog (the host's, or the built-in one loaded on demand; the details
  // dialog's chunk holds it as well) less what is saved. Not while the list is suggestions.
  const context = useWebhooksContext()
  const addOn = (options.addIntegration ?? true) && list.source === 'saved'
  const [builtin, setBuiltin] = useState<IntegrationCatalog | undefined>(undefined)
  const needsBuiltin = addOn && !context.catalog && !builtin
  useEffect(() => {
    if (!needsBuiltin) return
    let current = true
    void loadDefaultCatalog().then((catalog) => {
      if (current) setBuiltin(catalog)
    })
    return () => {
      current = false
    }
  }, [needsBuiltin])
  const addCatalog = context.catalog ?? builtin
  const groups = useMemo(
    () => (addOn && addCatalog ? addableIntegrations(addCatalog, list.webhooks) : []),
    [addOn, addCatalog, list.webhooks],
  )
  const actions = useWebhookActions()

  // Derived state (pure functions of the list and the filter).
  const summary = useMemo(() => summarizeWebhooks(list.webhooks), [list.webhooks])
  const chosen = table.filter.categories
  const categories = useMemo(() => webhookCategories(list.webhooks, chosen), [list.webhooks, chosen])
  const openWebhook = openId ? (list.webhooks.find((w) => w.id === openId) ?? null) : null
  const unauthorized = isWebhookApiError(list.error) && list.error.kind === 'unauthorized'
  const hasData = list.webhooks.length > 0 || list.source !== undefined
  const failed = Boolean(list.error && !list.isStale)
  const view: WebhookManagerView =
    unauthorized && !list.isStale
      ? 'unauthorized'
      : failed
        ? 'error'
        : !list.isLoading && hasData && list.webhooks.length === 0 && list.invalid.length === 0
          ? 'empty'
          : 'table'

  // Behaviour.
  const setOpenWebhook = useCallback(
    (webhook: IntegrationWebhook | null) => {
      opening.current = webhook
      setOpenId(webhook?.id ?? null)
    },
    [setOpenId],
  )
  const onDialogOpenChange = useCallback(
    (open: boolean) => {
      if (!open) setOpenWebhook(null)
    },
    [setOpenWebhook],
  )
  const latest = useRef(options)
  latest.current = options
  const onCreated = useCallback(
    (webhook: IntegrationWebhook) => {
      // The dialog goes on with the saved webhook: its own receiving URL, the switch, Delete.
      setDeleted(null)
      setOpenWebhook(webhook)
      latest.current.onCreated?.(webhook)
    },
    [setOpenWebhook],
  )
  const onDeleted = useCallback((webhook: IntegrationWebhook) => {
    setDeleted(webhook)
    latest.current.onDeleted?.(webhook)
  }, [])

  const { create, isPending: isActionPending, errorFor: actionErrorFor } = actions
  const add = useCallback(
    async (providerId: string) => {
      if (isActionPending('create', providerId)) return false
      const result = await create(providerId)
      if (result.ok) onCreated(result.data)
      return result.ok
    },
    [create, isActionPending, onCreated],
  )
  const count = groups.reduce((total, group) => total + group.integrations.length, 0)
  const adding = useMemo<AddIntegrationState | undefined>(
    () =>
      count > 0
        ? {
            groups,
            count,
            add,
            isPending: (providerId) => isActionPending('create', providerId),
            errorFor: (providerId) => actionErrorFor('create', providerId),
          }
        : undefined,
    [groups, count, add, isActionPending, actionErrorFor],
  )

  // Once rows are on screen, fetch the dialog's code while the page is idle.
  const hasRows = list.webhooks.length > 0
  useEffect(() => (hasRows ? whenPageIdle(preloadWebhookDetailsDialog) : undefined), [hasRows])

  // Tell the host once per failure, not on every render.
  const reported = useRef<Error | undefined>(undefined)
  useEffect(() => {
    if (unauthorized && list.error && reported.current !== list.error) {
      reported.current = list.error
      latest.current.onUnauthorized?.(list.error)
    }
  }, [unauthorized, list.error])

  return {
    list,
    table,
    stats,
    summary,
    categories,
    hasData,
    view,
    showToolbar: (list.webhooks.length > 0 || list.isLoading) && !failed,
    openWebhook,
    setOpenWebhook,
    onDialogOpenChange,
    onCreated,
    onDeleted,
    deleted,
    adding,
  }
}
