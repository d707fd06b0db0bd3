import type { IntegrationWebhook, WebhookStatus } from 'integration-webhooks/core'
import {
  displayText,
  formatDateTime,
  formatRelativeTime,
  integrationCategories,
  isWebhookApiError,
  toDisplayText,
  webhookStatuses,
} from 'integration-webhooks/core'
import {
  type FallbackSettings,
  type UseWebhookTableOptions,
  useControllableState,
  useIntegrationWebhooks,
  useWebhookTable,
  WebhooksProvider,
  type WebhooksProviderProps,
} from 'integration-webhooks/react'
import { useEffect, useId, useMemo, useRef, useState } from 'react'
import { RefreshIcon } from './icons'
import { categoryLabel, type PartialLabels } from './labels'
import { EmptyState, ErrorState, InvalidRowsNotice, UnauthorizedState } from './state-views'
import { cx, UiContext, useNow, useUi } from './ui-context'
import { preloadWebhookDetailsDialog, WebhookDetailsDialog } from './webhook-details-dialog'
import { WebhookTable } from './webhook-table'

/** Parts of the manager a host can give its own class names. */
export interface WebhookManagerClassNames {
  header?: string
  toolbar?: string
  table?: string
  dialog?: string
}

/** Props of {@link IntegrationWebhookManager}. */
export interface IntegrationWebhookManagerProps
  extends Omit<WebhooksProviderProps, 'children' | 'fallback'>,
    UseWebhookTableOptions {
  /** Generated rows when nothing is saved: `false` turns them off; an object sets the user, origin or URL template. */
  fallback?: boolean | FallbackSettings
  /** Every user-visible string, for translation (nested groups merge). */
  labels?: PartialLabels
  /** BCP 47 locale for dates and numbers. @defaultValue the browser's */
  locale?: string
  /**
   * Colour scheme: `light`, `dark`, or `system` (follows `prefers-color-scheme`).
   * @defaultValue none: the page's `data-theme` on an ancestor if it has one, else the system
   */
  theme?: 'light' | 'dark' | 'system'
  /** Class name of the root element (merged last). */
  className?: string
  /** Class names of the parts. */
  classNames?: WebhookManagerClassNames
  /** CSP nonce for the style the dialog's scroll lock injects. */
  nonce?: string
  /** Refetch every this many milliseconds while the page is visible; with `live`, only where the endpoint has no stream. @defaultValue 0 (off); 15000 while polling */
  refreshInterval?: number
  /**
   * Follow the endpoint's live stream (`GET {apiUrl}/stream`): rows, header counts and an open
   * execution history update in place, a "Live" indicator says how (live, reconnecting, or
   * polling where the endpoint has no stream). `false`: no stream, refetch on `refreshInterval`.
   * @defaultValue true
   */
  live?: boolean
  /** The open webhook's id (controlled), e.g. from the URL. `null` for none. */
  openWebhookId?: string | null
  /** The webhook open at first (uncontrolled). */
  defaultOpenWebhookId?: string | null
  /**
   * Called when a webhook opens (its id and the webhook) or the dialog closes (`null`, `null`):
   * the user opened a row, or "Set up" opened the saved webhook.
   */
  onOpenWebhookChange?: (webhookId: string | null, webhook: IntegrationWebhook | null) => void
  /** Called after a status change the server accepted. */
  onStatusChange?: (webhook: IntegrationWebhook) => void
  /** Called after "Set up" saved a suggested webhook (the dialog then shows the saved one). */
  onCreated?: (webhook: IntegrationWebhook) => void
  /** Called after a confirmed "Delete" deleted a webhook (the dialog then closes). */
  onDeleted?: (webhook: IntegrationWebhook) => void
  /** Called when the endpoint answers 401; the manager shows a sign-in message, never rows. */
  onUnauthorized?: (error: Error) => void
  /** Shows a "Sign in" button in the unauthorized state. */
  onSignIn?: () => void
  /** Above this many rows in the list (before filtering) the table is virtualised. @defaultValue 100 */
  virtualizeThreshold?: number
  /** Executions per page in the details dialog's history. @defaultValue 20 */
  pageSize?: number
  /** Heading level of the title. @defaultValue 2 */
  headingLevel?: 1 | 2 | 3 | 4
}

const tableOptionKeys = [
  'sorting',
  'defaultSorting',
  'onSortingChange',
  'query',
  'defaultQuery',
  'onQueryChange',
  'categories',
  'defaultCategories',
  'onCategoriesChange',
  'statuses',
  'defaultStatuses',
  'onStatusesChange',
  'setupRequired',
  'defaultSetupRequired',
  'onSetupRequiredChange',
  'locale',
  'enableMultiSort',
] as const satisfies readonly (keyof UseWebhookTableOptions)[]

/**
 * The complete webhook-management UI: a header with counts and refresh, a toolbar with
 * search and filters, a sortable (and, for long lists, virtualised) table, and a details
 * dialog with setup steps, an enable switch, test events and the execution history.
 * Every state is designed: loading, empty, suggested defaults, error, signed out, stale
 * and rows dropped as invalid.
 *
 * It makes its own {@link WebhooksProvider} from `apiUrl` (or `client`) and the client
 * options. Import `integration-webhooks/styles.css` for the default theme, or style the
 * `data-slot` / `data-status` / `data-state` attributes yourself.
 *
 * @example
 * ```tsx
 * import { IntegrationWebhookManager } from 'integration-webhooks'
 * import 'integration-webhooks/styles.css'
 *
 * <IntegrationWebhookManager apiUrl="/api/integration-webhooks" />
 * ```
 */
export function IntegrationWebhookManager(props: IntegrationWebhookManagerProps) {
  const { client, apiUrl, fetch, headers, getToken, credentials, timeoutMs, retry, routes, catalog, fallback, swr } =
    props
  return (
    <WebhooksProvider
      client={client}
      apiUrl={apiUrl}
      fetch={fetch}
      headers={headers}
      getToken={getToken}
      credentials={credentials}
      timeoutMs={timeoutMs}
      retry={retry}
      routes={routes}
      catalog={catalog}
      fallback={fallback}
      swr={swr}
    >
      <ManagerView {...props} />
    </WebhooksProvider>
  )
}

function ManagerView(props: IntegrationWebhookManagerProps) {
  const live = props.live ?? true
  const baseUi = useUi(props.labels, props.locale)
  const ui = useMemo(() => ({ ...baseUi, live }), [baseUi, live])
  const { labels: l, locale } = ui
  const now = useNow()
  const [root, setRoot] = useState<HTMLDivElement | null>(null)
  const ids = { title: useId(), search: useId(), category: useId(), status: useId(), results: useId() }
  const list = useIntegrationWebhooks({ refreshInterval: props.refreshInterval, live })
  // The table hook reads each option's value, not the object's identity: no memo needed.
  const tableOptions: Record<string, unknown> = {}
  for (const key of tableOptionKeys) if (props[key] !== undefined) tableOptions[key] = props[key]
  const model = useWebhookTable(list.webhooks, tableOptions as UseWebhookTableOptions)
  // The webhook being opened, for onOpenWebhookChange's second argument.
  const opening = useRef<IntegrationWebhook | null>(null)
  const [openId, setOpenIdState] = useControllableState<string | null>({
    value: props.openWebhookId,
    defaultValue: props.defaultOpenWebhookId ?? null,
    onChange: (id) => props.onOpenWebhookChange?.(id, id === null ? null : opening.current),
  })
  const setOpenWebhook = (webhook: IntegrationWebhook | null) => {
    opening.current = webhook
    setOpenIdState(webhook?.id ?? null)
  }
  const openWebhook = openId ? (list.webhooks.find((w) => w.id === openId) ?? null) : null
  const unauthorized = isWebhookApiError(list.error) && list.error.kind === 'unauthorized'
  // What a finished action says to screen readers once its dialog is gone (a deletion).
  const [announcement, setAnnouncement] = useState('')

  // Once rows are on screen, fetch the dialog's code while the page is idle.
  const hasRows = list.webhooks.length > 0
  useEffect(() => {
    if (!hasRows) return
    const idle = (globalThis as { requestIdleCallback?: (callback: () => void) => number }).requestIdleCallback
    if (idle) idle(preloadWebhookDetailsDialog)
    else setTimeout(preloadWebhookDetailsDialog, 1500)
  }, [hasRows])

  // Tell the host once per failure, not on every render.
  const reported = useRef<Error | undefined>(undefined)
  useEffect(() => {
    if (unauthorized && list.error && reported.current !== list.error) {
      reported.current = list.error
      props.onUnauthorized?.(list.error)
    }
  }, [unauthorized, list.error, props.onUnauthorized])

  // One walk over the list for what the header counts and the categories it holds (catalog ones
  // in catalog order, then others as they come). The category filter offers the list's
  // categories, not the current matches': the options stay while the user types, only their
  // counts change.
  const { counts, listedCategories } = useMemo(() => {
    let active = 0
    let failing = 0
    let needsSetup = 0
    const listed = new Set<string>()
    for (const webhook of list.webhooks) {
      if (webhook.status === 'active') active++
      if (webhook.status === 'error') failing++
      if (webhook.external_config.setup_required) needsSetup++
      listed.add(webhook.external_config.category)
    }
    const known = integrationCategories.map((c) => c.id as string)
    return {
      counts: { total: list.webhooks.length, active, failing, needsSetup },
      listedCategories: [...known.filter((id) => listed.has(id)), ...[...listed].filter((id) => !known.includes(id))],
    }
  }, [list.webhooks])
  // A chosen category the list does not hold (a host's controlled filter) stays choosable, last.
  const categoriesInUse = useMemo(
    () => [...listedCategories, ...model.filter.categories.filter((id) => !listedCategories.includes(id))],
    [listedCategories, model.filter.categories],
  )

  // The toolbar depends on the filter, its counts and the list's state, not on the sort: a
  // sort (or any re-render that changes none of these) reuses the element and skips it.
  const { filter, setQuery, setCategories, setStatuses, setSetupRequired, clearFilters, isFiltered } = model
  const { resultCount, totalCount } = model
  const facets = model.facets
  const toolbar = useMemo(
    () => (
      // role="search" on a div: the <search> element is too new for some screen readers.
      // biome-ignore lint/a11y/useSemanticElements: see above
      <div data-slot="toolbar" role="search" aria-label={l.search} className={cx(props.classNames?.toolbar)}>
        <div data-slot="field" data-grow="">
          <label htmlFor={ids.search} data-slot="label">
            {l.search}
          </label>
          <input
            id={ids.search}
            type="search"
            data-slot="search"
            placeholder={l.searchPlaceholder}
            value={filter.query}
            onChange={(event) => setQuery(event.target.value)}
            aria-describedby={ids.results}
          />
        </div>
        <FacetSelect
          id={ids.category}
          label={l.category}
          allLabel={l.allCategories}
          value={filter.categories[0]}
          options={categoriesInUse.map((id) => ({
            value: id,
            label: `${categoryLabel(l, id)} (${facets.categories[id] ?? 0})`,
          }))}
          onChange={(value) => setCategories(value ? [value] : [])}
        />
        <FacetSelect
          id={ids.status}
          label={l.status}
          allLabel={l.allStatuses}
          value={filter.statuses[0]}
          options={webhookStatuses.map((status) => ({
            value: status,
            label: `${l.statuses[status]} (${facets.statuses[status]})`,
          }))}
          onChange={(value) => setStatuses(value ? [value as WebhookStatus] : [])}
        />
        <label data-slot="checkbox-field">
          <input
            type="checkbox"
            data-slot="checkbox"
            checked={filter.setupRequired}
            onChange={(event) => setSetupRequired(event.target.checked)}
          />
          {`${l.needsSetupOnly} (${facets.setupRequired})`}
        </label>
        <p id={ids.results} data-slot="results" role="status">
          {list.isLoading ? '' : l.results(resultCount, totalCount)}
        </p>
        {isFiltered && (
          <button type="button" data-slot="button" data-variant="ghost" onClick={clearFilters}>
            {l.clearFilters}
          </button>
        )}
      </div>
    ),
    [
      filter,
      facets,
      categoriesInUse,
      resultCount,
      totalCount,
      isFiltered,
      list.isLoading,
      l,
      ids.search,
      ids.category,
      ids.status,
      ids.results,
      props.classNames?.toolbar,
      setQuery,
      setCategories,
      setStatuses,
      setSetupRequired,
      clearFilters,
    ],
  )

  const Heading = `h${props.headingLevel ?? 2}` as 'h2'
  const hasData = list.webhooks.length > 0 || list.source !== undefined
  // The header shows the list's state and counts: a sort or a filter leaves it as it is.
  const { lastUpdatedAt, isValidating, refresh, liveState } = list
  const listed = list.webhooks.length
  const header = useMemo(
    () => (
      <header data-slot="header" className={cx(props.classNames?.header)}>
        <div data-slot="header-text">
          <Heading id={ids.title} data-slot="title">
            {l.title}
          </Heading>
          <p data-slot="description">{l.description}</p>
        </div>
        <div data-slot="header-actions">
          {liveState !== 'off' && (
            <span data-slot="live-indicator" data-state={liveState} title={l.liveUpdates}>
              <span data-slot="live-dot" aria-hidden="true" />
              <span data-visually-hidden="">{l.liveUpdates}: </span>
              {l.liveStates[liveState]}
            </span>
          )}
          {lastUpdatedAt !== undefined && (
            <span data-slot="updated" title={formatDateTime(lastUpdatedAt, { locale })}>
              {l.updated(formatRelativeTime(lastUpdatedAt, { now: Math.max(now, lastUpdatedAt), locale }))}
            </span>
          )}
          <button
            type="button"
            data-slot="button"
            data-variant="secondary"
            // Busy, not disabled: a disabled button would drop the keyboard focus to <body>.
            onClick={() => {
              if (!isValidating) void refresh()
            }}
            aria-disabled={isValidating || undefined}
            aria-busy={isValidating || undefined}
          >
            <RefreshIcon />
            {isValidating ? l.refreshing : l.refresh}
          </button>
        </div>
        {hasData && listed > 0 && (
          <ul data-slot="summary" aria-label={l.title}>
            <li data-slot="summary-item" data-kind="total">
              {l.summary.total(counts.total)}
            </li>
            <li data-slot="summary-item" data-kind="active">
              {l.summary.active(counts.active)}
            </li>
            <li data-slot="summary-item" data-kind="failing" data-nonzero={counts.failing > 0 || undefined}>
              {l.summary.failing(counts.failing)}
            </li>
            <li data-slot="summary-item" data-kind="needs-setup" data-nonzero={counts.needsSetup > 0 || undefined}>
              {l.summary.needsSetup(counts.needsSetup)}
            </li>
          </ul>
        )}
      </header>
    ),
    [
      lastUpdatedAt,
      liveState,
      isValidating,
      refresh,
      listed,
      hasData,
      counts,
      now,
      l,
      locale,
      ids.title,
      Heading,
      props.classNames?.header,
    ],
  )

  const content = () => {
    if (unauthorized && !list.isStale) {
      return <UnauthorizedState onSignIn={props.onSignIn} onRetry={() => void list.refresh()} />
    }
    if (list.error && !list.isStale) return <ErrorState error={list.error} onRetry={() => void list.refresh()} />
    if (!list.isLoading && hasData && list.webhooks.length === 0 && list.invalid.length === 0) return <EmptyState />
    return (
      <WebhookTable
        model={model}
        onOpen={setOpenWebhook}
        catalog={props.catalog}
        loading={list.isLoading}
        virtualizeThreshold={props.virtualizeThreshold}
        now={now}
        className={props.classNames?.table}
        emptyMessage={
          model.isFiltered ? (
            <span data-slot="no-matches">
              {l.noMatches}{' '}
              <button type="button" data-slot="link-button" onClick={model.clearFilters}>
                {l.clearFilters}
              </button>
            </span>
          ) : undefined
        }
      />
    )
  }

  return (
    <UiContext.Provider value={ui}>
      <div
        ref={setRoot}
        data-iw=""
        data-slot="manager"
        data-theme={props.theme}
        data-source={list.source}
        data-loading={list.isLoading || undefined}
        data-stale={list.isStale || undefined}
        className={cx(props.className)}
      >
        {header}

        {list.source === 'generated' && list.webhooks.length > 0 && (
          <div data-slot="notice" data-tone="info" role="note">
            <div data-slot="notice-text">
              <strong>{l.generatedTitle}</strong>
              <p>{l.generatedNotice}</p>
            </div>
          </div>
        )}
        {list.isStale && (
          <div data-slot="notice" data-tone="warning" role="status">
            <p>
              {l.stale(list.lastUpdatedAt === undefined ? '' : new Date(list.lastUpdatedAt).toLocaleTimeString(locale))}{' '}
              <span data-slot="error-detail">{list.error?.message}</span>
            </p>
            <button type="button" data-slot="button" data-size="small" onClick={() => void list.refresh()}>
              {l.tryAgain}
            </button>
          </div>
        )}
        {list.invalid.length > 0 && <InvalidRowsNotice invalid={list.invalid} />}

        {(list.webhooks.length > 0 || list.isLoading) && !(list.error && !list.isStale) && toolbar}

        {list.isLoading && (
          <p data-visually-hidden="" role="status">
            {l.loading}
          </p>
        )}
        {content()}
        <p data-visually-hidden="" data-slot="announcement" role="status">
          {announcement}
        </p>

        {/* Its code loads when first needed (preloaded once the page is idle). */}
        <WebhookDetailsDialog
          webhook={openWebhook}
          onOpenChange={(isOpen) => {
            if (!isOpen) setOpenWebhook(null)
          }}
          generated={list.source === 'generated'}
          catalog={props.catalog}
          pageSize={props.pageSize}
          nonce={props.nonce}
          container={root}
          onStatusChange={props.onStatusChange}
          onCreated={(webhook) => {
            // The dialog goes on with the saved webhook: its own receiving URL, the switch, Delete.
            setAnnouncement('')
            setOpenWebhook(webhook)
            props.onCreated?.(webhook)
          }}
          onDeleted={(webhook) => {
            const name = toDisplayText(webhook.name ?? webhook.external_config.integration_name, webhook.provider_id)
            setAnnouncement(l.deleted(name))
            props.onDeleted?.(webhook)
          }}
          className={props.classNames?.dialog}
        />
      </div>
    </UiContext.Provider>
  )
}

/** One facet of the toolbar as a native select: "all" plus each value with its count. */
function FacetSelect(props: {
  id: string
  label: string
  allLabel: string
  value: string | undefined
  options: { value: string; label: string }[]
  onChange: (value: string) => void
}) {
  return (
    <div data-slot="field">
      <label htmlFor={props.id} data-slot="label">
        {props.label}
      </label>
      <select
        id={props.id}
        data-slot="select"
        value={props.value ?? ''}
        onChange={(event) => props.onChange(event.target.value)}
      >
        <option value="">{props.allLabel}</option>
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {displayText(option.label)}
          </option>
        ))}
      </select>
    </div>
  )
}
