// Types from @tanstack/react-table only (it re-exports table-core's): the published .d.ts may
// name only declared dependencies, and strict installs (pnpm) cannot resolve table-core.
import {
  type ColumnDef,
  createColumnHelper,
  type ReactTable,
  rowSortingFeature,
  type SortingState,
  type TableFeature,
  tableFeatures,
  useTable,
} from '@tanstack/react-table'
import {
  countWebhookFacets,
  filterWebhooks,
  type IntegrationWebhook,
  prepareSearch,
  prepareSort,
  type SuccessCounts,
  sortWebhooksWithStats,
  type WebhookFacetCounts,
  type WebhookFilter,
  type WebhookSortKey,
  type WebhookStatus,
  type WebhookTableSortKey,
  type WebhookTableSortRule,
} from 'integration-webhooks/core'
import { useCallback, useEffect, useMemo } from 'react'
import { whenIdle } from './idle'
import { useControllableState } from './use-controllable-state'

/** The TanStack Table features of the webhook table: sorting. */
export type WebhookTableFeatures = { rowSortingFeature: TableFeature }

const features: WebhookTableFeatures = /* @__PURE__ */ tableFeatures({ rowSortingFeature })

/** The columns a table shows, in the order their sorts are prepared at idle time. */
const preparedColumns: readonly WebhookSortKey[] = [
  'name',
  'webhookUrl',
  'status',
  'lastTriggered',
  'errorCount',
  'triggerCount',
  'triggerTypes',
]
type Features = WebhookTableFeatures

function buildColumns() {
  const column = createColumnHelper<Features, IntegrationWebhook>()
  return column.columns([
    column.accessor((row) => row.external_config.integration_name, { id: 'name', sortDescFirst: false }),
    column.accessor('webhook_url', { id: 'webhookUrl', sortDescFirst: false }),
    column.accessor('status', { id: 'status', sortDescFirst: false }),
    column.accessor((row) => row.trigger_types.length, { id: 'triggerTypes', sortDescFirst: true }),
    column.accessor('last_triggered', { id: 'lastTriggered', sortDescFirst: true }),
    column.accessor('trigger_count', { id: 'triggerCount', sortDescFirst: true }),
    column.accessor('error_count', { id: 'errorCount', sortDescFirst: true }),
    column.accessor((row) => row.external_config.category, { id: 'category', sortDescFirst: false }),
    column.accessor('provider_id', { id: 'provider', sortDescFirst: false }),
    // Its values are the statistics' (the `stats` option), not the row's: sorted in core.
    column.accessor(() => null, { id: 'successRate', sortDescFirst: false }),
  ])
}

/**
 * Every column definition of the table model (TanStack `ColumnDef`s), including the sort-only
 * `category` and `provider`, and `successRate`, whose values come from the `stats` option; each
 * id is also a sort key. (The ids `WebhookTable` renders, in
 * order, are `webhookTableColumnIds`.) A UI renders the ones it wants,
 * in its own markup, and reads sorting from `header.column.getIsSorted()`.
 * (Built by a pure call, so an app that never uses the table drops TanStack Table.)
 *
 * @example
 * ```ts
 * webhookColumnDefs.map((column) => column.id) // ['name', 'webhookUrl', 'status', …]
 * ```
 */
export const webhookColumnDefs: readonly ColumnDef<WebhookTableFeatures, IntegrationWebhook, unknown>[] =
  /* @__PURE__ */ buildColumns()

/** A piece of table state a host may own: `value` + `onChange`, or just a default. */
type Controllable<Name extends string, T> = { [K in Name]?: T } & { [K in `default${Capitalize<Name>}`]?: T } & {
  [K in `on${Capitalize<Name>}Change`]?: (value: T) => void
}

/**
 * Options of {@link useWebhookTable}. Each piece of state (sorting, query, categories,
 * statuses, setupRequired) is controlled when its value is given — to keep it in the
 * URL, say — and uncontrolled otherwise, starting from its `default…`.
 */
export type UseWebhookTableOptions = Controllable<'sorting', WebhookTableSortRule[]> &
  Controllable<'query', string> &
  Controllable<'categories', string[]> &
  Controllable<'statuses', WebhookStatus[]> &
  Controllable<'setupRequired', boolean> & {
    /** Locale for comparing names. */
    locale?: string
    /**
     * Each webhook's statistics by id (`useWebhooksStats().stats`): what the `successRate` sort
     * reads. Rows without figures (or with nothing finished) sort last either way.
     */
    stats?: Readonly<Record<string, SuccessCounts>>
    /**
     * Sort by several columns (Shift + click adds a column).
     * @defaultValue true
     */
    enableMultiSort?: boolean
  }

/** What {@link useWebhookTable} returns. */
export interface WebhookTableState {
  /** The TanStack Table instance: header groups with sort toggles, rows with stable ids (the webhook id). */
  table: ReactTable<WebhookTableFeatures, IntegrationWebhook>
  /** The filtered, sorted rows (the same order as `table.getRowModel().rows`). */
  rows: readonly IntegrationWebhook[]
  sorting: WebhookTableSortRule[]
  setSorting: (sorting: WebhookTableSortRule[]) => void
  /** The combined filter, ready for `filterWebhooks` / `countWebhookFacets`. */
  filter: Required<WebhookFilter>
  setQuery: (query: string) => void
  setCategories: (categories: string[]) => void
  setStatuses: (statuses: WebhookStatus[]) => void
  setSetupRequired: (setupRequired: boolean) => void
  /** Clears the query and every facet (not the sorting). */
  clearFilters: () => void
  /** Any filter is set. */
  isFiltered: boolean
  /**
   * Rows per category and status, each counted over the rows matching the rest of the filter
   * (counted when first read, so a UI that shows no counts does not pay for them).
   */
  facets: WebhookFacetCounts
  /** Rows before filtering. */
  totalCount: number
  /** Rows after filtering. */
  resultCount: number
}

const noSorting: WebhookTableSortRule[] = []
const noStrings: string[] = []
const noStatuses: WebhookStatus[] = []

/**
 * A TanStack Table v9 model of the webhooks with sorting, a text query and facet filters.
 *
 * The logic is `core`'s: rows are filtered by `filterWebhooks` and sorted by
 * `sortWebhooksWithStats` (stable, several columns, never-triggered rows and rows without
 * statistics last; `sortWebhooks` when no rule reads the statistics), and the facet
 * counts come from `countWebhookFacets`; the table adds sort toggles and row ids.
 *
 * @example
 * ```tsx
 * const { table, filter, setQuery, facets, resultCount, totalCount } = useWebhookTable(webhooks)
 * <input value={filter.query} onChange={(e) => setQuery(e.target.value)} aria-label="Search" />
 * <p>{resultCount} of {totalCount}</p>
 * {table.getHeaderGroups()[0].headers.map((header) => (
 *   <button key={header.id} onClick={header.column.getToggleSortingHandler()}>
 *     {header.id} {header.column.getIsSorted() || ''}
 *   </button>
 * ))}
 * ```
 */
export function useWebhookTable(
  webhooks: readonly IntegrationWebhook[],
  options: UseWebhookTableOptions = {},
): WebhookTableState {
  const [sorting, setSorting] = useControllableState({
    value: options.sorting,
    defaultValue: options.defaultSorting ?? noSorting,
    onChange: options.onSortingChange,
  })
  const [query, setQuery] = useControllableState({
    value: options.query,
    defaultValue: options.defaultQuery ?? '',
    onChange: options.onQueryChange,
  })
  const [categories, setCategories] = useControllableState({
    value: options.categories,
    defaultValue: options.defaultCategories ?? noStrings,
    onChange: options.onCategoriesChange,
  })
  const [statuses, setStatuses] = useControllableState({
    value: options.statuses,
    defaultValue: options.defaultStatuses ?? noStatuses,
    onChange: options.onStatusesChange,
  })
  const [setupRequired, setSetupRequired] = useControllableState({
    value: options.setupRequired,
    defaultValue: options.defaultSetupRequired ?? false,
    onChange: options.onSetupRequiredChange,
  })

  const filter = useMemo(
    () => ({ query, categories, statuses, setupRequired }),
    [query, categories, statuses, setupRequired],
  )
  const isFiltered = query.trim() !== '' || categories.length > 0 || statuses.length > 0 || setupRequired
  // Two steps, so a sort does not filter again and a filter sorts only the rows it keeps.
  // Unfiltered, the list itself is sorted: the ranks prepared for it at idle time apply.
  const filtered = useMemo(
    () => (isFiltered ? filterWebhooks(webhooks, filter) : webhooks),
    [webhooks, filter, isFiltered],
  )
  // New statistics (a live refresh) sort again only when a rule reads them.
  const sortStats = sorting.some((rule) => rule.id === 'successRate') ? options.stats : undefined
  const rows = useMemo(
    () => sortWebhooksWithStats(filtered, sorting, sortStats, options.locale),
    [filtered, sorting, sortStats, options.locale],
  )
  // Facet counts walk every row: counted when first read, once per list and filter.
  const facetsOf = useMemo(() => {
    let counts: WebhookFacetCounts | undefined
    return () => {
      counts ??= countWebhookFacets(webhooks, filter)
      return counts
    }
  }, [webhooks, filter])

  // While the page is idle, before the user types or clicks a header: build the list's search
  // index, then rank and order it by each of the table's columns, one task each.
  useEffect(() => {
    if (webhooks.length < 500) return
    return whenIdle([
      // Folding 10,000 rows' text takes a few tens of ms: in slices, as long as each idle period lasts.
      (deadline) => prepareSearch(webhooks, deadline),
      ...preparedColumns.map((column) => () => {
        prepareSort(webhooks, [column], options.locale)
        return true
      }),
    ])
  }, [webhooks, options.locale])

  const tableSorting = useMemo<SortingState>(() => sorting.map((r) => ({ id: r.id, desc: Boolean(r.desc) })), [sorting])
  const onSortingChange = useCallback(
    (updater: SortingState | ((old: SortingState) => SortingState)) =>
      setSorting((previous) => {
        const old = previous.map((r) => ({ id: r.id, desc: Boolean(r.desc) }))
        const next = typeof updater === 'function' ? updater(old) : updater
        return next.map((r) => ({ id: r.id as WebhookTableSortKey, desc: r.desc }))
      }),
    [setSorting],
  )

  const table = useTable({
    features,
    columns: webhookColumnDefs,
    data: rows as IntegrationWebhook[],
    getRowId: (row) => row.id,
    // Sorting happens above, in core's sortWebhooks; the table only holds the state.
    manualSorting: true,
    enableMultiSort: options.enableMultiSort ?? true,
    state: { sorting: tableSorting },
    onSortingChange,
  })

  const clearFilters = useCallback(() => {
    setQuery('')
    setCategories(noStrings)
    setStatuses(noStatuses)
    setSetupRequired(false)
  }, [setQuery, setCategories, setStatuses, setSetupRequired])

  return {
    table,
    rows,
    sorting,
    setSorting,
    filter,
    setQuery,
    setCategories,
    setStatuses,
    setSetupRequired,
    clearFilters,
    isFiltered,
    // A getter: a table that shows no facet counts (WebhookTable alone) never walks the rows for them.
    get facets() {
      return facetsOf()
    },
    totalCount: webhooks.length,
    resultCount: rows.length,
  }
}
