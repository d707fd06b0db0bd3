import type { IntegrationWebhook, WebhookFacetCounts, WebhookStatus, WebhookSummary } from 'integration-webhooks/core'
import {
  displayText,
  formatDateTime,
  formatRelativeTime,
  isWebhookApiError,
  toDisplayText,
  webhookStatuses,
} from 'integration-webhooks/core'
import type { LiveState, WebhooksProviderProps, WebhookTableState } from 'integration-webhooks/react'
import { WebhooksProvider } from 'integration-webhooks/react'
import { memo, type RefObject, useCallback, useContext, useEffect, useId, useMemo, useRef, useState } from 'react'
import { RefreshIcon } from './icons'
import { categoryLabel, type PartialLabels } from './labels'
import { EmptyState, ErrorState, InvalidRowsNotice, UnauthorizedState } from './state-views'
import { cx, UiContext, useNow, useUi } from './ui-context'
import {
  type AddIntegrationState,
  splitProviderProps,
  type UseWebhookManagerOptions,
  useWebhookManager,
} from './use-webhook-manager'
import { WebhookDetailsDialog } from './webhook-details-dialog'
import { WebhookTable } from './webhook-table'

/** Parts of the manager a host can give its own class names. */
export interface WebhookManagerClassNames {
  header?: string
  toolbar?: string
  table?: string
  dialog?: string
}

/**
 * Props of {@link IntegrationWebhookManager}: its provider's (every client option, `client`,
 * `catalog`, `fallback`, `swr`), its state and callbacks ({@link UseWebhookManagerOptions}:
 * the table's state, the open webhook), and its markup's.
 */
export interface IntegrationWebhookManagerProps
  extends Omit<WebhooksProviderProps, 'children'>,
    UseWebhookManagerOptions {
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
  /** Called after a status change the server accepted. */
  onStatusChange?: (webhook: IntegrationWebhook) => void
  /** Shows a "Sign in" button in the unauthorized state. */
  onSignIn?: () => void
  /** Above this many rows in the list (before filtering) the table is virtualised. @defaultValue 100 */
  virtualizeThreshold?: number
  /** Executions per page in the details dialog's history. @defaultValue 20 */
  pageSize?: number
  /** Heading level of the title. @defaultValue 2 */
  headingLevel?: 1 | 2 | 3 | 4
}

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
  const [providerProps, managerProps] = splitProviderProps(props)
  return (
    <WebhooksProvider {...providerProps}>
      <ManagerView {...managerProps} catalog={props.catalog} />
    </WebhooksProvider>
  )
}

type ManagerViewProps = Omit<IntegrationWebhookManagerProps, keyof WebhooksProviderProps> &
  Pick<WebhooksProviderProps, 'catalog'>

/** The markup: state and behaviour come from {@link useWebhookManager}. */
function ManagerView(props: ManagerViewProps) {
  const live = props.live ?? true
  const baseUi = useUi(props.labels, props.locale)
  const ui = useMemo(() => ({ ...baseUi, live }), [baseUi, live])
  const { labels: l, locale } = ui
  const manager = useWebhookManager(props)
  const { list, table, view } = manager
  const now = useNow()
  const [root, setRoot] = useState<HTMLDivElement | null>(null)
  // "Clear filters" leaves the page once pressed: the focus goes to the search field, where the
  // next search starts, instead of falling to <body>.
  const searchRef = useRef<HTMLInputElement>(null)
  const { clearFilters } = table
  const clearAndSearch = useCallback(() => {
    clearFilters()
    searchRef.current?.focus()
  }, [clearFilters])

  // Deleting the last webhook leaves no row to take its place when the dialog closes (the dialog
  // gives the focus to the row in the deleted one's place): once the list has come back with the
  // server's suggestions, the first row takes the focus (a suggestion with the deleted one's id
  // first, as the dialog would choose), or with nothing to show the empty state's title, instead
  // of <body>. Unless the user has put the focus somewhere meanwhile.
  const rows = useRef(list.webhooks)
  rows.current = list.webhooks
  const [emptied, setEmptied] = useState(false)
  const { onDeleted: managerDeleted, deleted } = manager
  const onDeleted = useCallback(
    (webhook: IntegrationWebhook) => {
      if (rows.current.every((row) => row.id === webhook.id)) setEmptied(true)
      managerDeleted(webhook)
    },
    [managerDeleted],
  )
  const settled = emptied && !list.isValidating && !list.isLoading && manager.openWebhook === null
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs again when the body shows something else
  useEffect(() => {
    if (!settled || !root) return
    setEmptied(false)
    const active = root.ownerDocument.activeElement
    if (active && active !== root.ownerDocument.body) return
    const triggers = Array.from(root.querySelectorAll<HTMLElement>('[data-webhook-trigger]'))
    const target =
      triggers.find((element) => element.dataset.webhookTrigger === deleted?.id) ??
      triggers[0] ??
      root.querySelector<HTMLElement>('[data-state-kind="empty"] [data-slot="state-title"]')
    target?.focus()
  }, [settled, root, view])

  const content = () => {
    switch (view) {
      case 'unauthorized':
        return <UnauthorizedState onSignIn={props.onSignIn} onRetry={() => void list.refresh()} />
      case 'error':
        return list.error && <ErrorState error={list.error} onRetry={() => void list.refresh()} />
      case 'empty':
        return <EmptyState />
      case 'table':
        return (
          <WebhookTable
            model={table}
            stats={manager.stats}
            onOpen={manager.setOpenWebhook}
            catalog={props.catalog}
            loading={list.isLoading}
            virtualizeThreshold={props.virtualizeThreshold}
            now={now}
            className={props.classNames?.table}
            emptyMessage={
              table.isFiltered ? (
                <span data-slot="no-matches">
                  {l.noMatches}{' '}
                  <button type="button" data-slot="link-button" onClick={clearAndSearch}>
                    {l.clearFilters}
                  </button>
                </span>
              ) : undefined
            }
          />
        )
    }
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
        <ManagerHeader
          className={props.classNames?.header}
          headingLevel={props.headingLevel ?? 2}
          lastUpdatedAt={list.lastUpdatedAt}
          isValidating={list.isValidating}
          liveState={list.liveState}
          refresh={list.refresh}
          summary={manager.hasData && list.webhooks.length > 0 ? manager.summary : undefined}
          now={now}
        />

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

        {manager.showToolbar && (
          <ManagerToolbar
            className={props.classNames?.toolbar}
            filter={table.filter}
            facets={table.facets}
            categories={manager.categories}
            resultCount={table.resultCount}
            totalCount={table.totalCount}
            isFiltered={table.isFiltered}
            isLoading={list.isLoading}
            setQuery={table.setQuery}
            setCategories={table.setCategories}
            setStatuses={table.setStatuses}
            setSetupRequired={table.setSetupRequired}
            clearFilters={clearAndSearch}
            searchRef={searchRef}
          />
        )}

        {list.isLoading && (
          <p data-visually-hidden="" role="status">
            {l.loading}
          </p>
        )}
        {content()}
        {view === 'table' && !list.isLoading && manager.adding && <AddIntegration adding={manager.adding} />}
        <p data-visually-hidden="" data-slot="announcement" role="status">
          {deleted
            ? l.deleted(toDisplayText(deleted.name ?? deleted.external_config.integration_name, deleted.provider_id))
            : ''}
        </p>

        {/* Its code loads when first needed (preloaded once the page is idle). */}
        <WebhookDetailsDialog
          webhook={manager.openWebhook}
          onOpenChange={manager.onDialogOpenChange}
          generated={list.source === 'generated'}
          catalog={props.catalog}
          pageSize={props.pageSize}
          nonce={props.nonce}
          container={root}
          onStatusChange={props.onStatusChange}
          onCreated={manager.onCreated}
          onDeleted={onDeleted}
          className={props.classNames?.dialog}
        />
      </div>
    </UiContext.Provider>
  )
}

/**
 * The header: title, last update, refresh and the list's counts. A memo component: a sort or
 * a filter changes none of its props, so it is skipped.
 */
const ManagerHeader = memo(function ManagerHeader(props: {
  className: string | undefined
  headingLevel: 1 | 2 | 3 | 4
  lastUpdatedAt: number | undefined
  isValidating: boolean
  liveState: LiveState
  refresh: () => Promise<void>
  /** The counts, when there are rows to count. */
  summary: WebhookSummary | undefined
  now: number
}) {
  const { labels: l, locale } = useContext(UiContext)
  const titleId = useId()
  const { lastUpdatedAt, isValidating, liveState, refresh, summary, now } = props
  const Heading = `h${props.headingLevel}` as 'h2'
  return (
    <header data-slot="header" className={cx(props.className)}>
      <div data-slot="header-text">
        <Heading id={titleId} data-slot="title">
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
        {/* While live the list is patched from the stream: "Updated 5 minutes ago" would be
            wrong, the indicator says it. Polling, reconnecting or off, the time of the last fetch. */}
        {lastUpdatedAt !== undefined && liveState !== 'live' && (
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
      {summary && (
        <ul data-slot="summary" aria-label={l.title}>
          <li data-slot="summary-item" data-kind="total">
            {l.summary.total(summary.total)}
          </li>
          <li data-slot="summary-item" data-kind="active">
            {l.summary.active(summary.active)}
          </li>
          <li data-slot="summary-item" data-kind="failing" data-nonzero={summary.failing > 0 || undefined}>
            {l.summary.failing(summary.failing)}
          </li>
          <li data-slot="summary-item" data-kind="needs-setup" data-nonzero={summary.needsSetup > 0 || undefined}>
            {l.summary.needsSetup(summary.needsSetup)}
          </li>
        </ul>
      )}
    </header>
  )
})

/**
 * The toolbar: search, the category and status filters with their counts, "needs setup", the
 * result count and "Clear filters". A memo component: a sort changes none of its props, so it is skipped.
 */
const ManagerToolbar = memo(function ManagerToolbar(
  props: Pick<
    WebhookTableState,
    | 'filter'
    | 'resultCount'
    | 'totalCount'
    | 'isFiltered'
    | 'setQuery'
    | 'setCategories'
    | 'setStatuses'
    | 'setSetupRequired'
    | 'clearFilters'
  > & {
    className: string | undefined
    facets: WebhookFacetCounts
    categories: readonly string[]
    isLoading: boolean
    /** The search field, which takes the focus after "Clear filters". */
    searchRef: RefObject<HTMLInputElement | null>
  },
) {
  const { labels: l } = useContext(UiContext)
  const ids = { search: useId(), category: useId(), status: useId(), results: useId() }
  const { filter, facets, setQuery, setCategories, setStatuses, setSetupRequired } = props
  return (
    // role="search" on a div: the <search> element is too new for some screen readers.
    // biome-ignore lint/a11y/useSemanticElements: see above
    <div data-slot="toolbar" role="search" aria-label={l.search} className={cx(props.className)}>
      <div data-slot="field" data-grow="">
        <label htmlFor={ids.search} data-slot="label">
          {l.search}
        </label>
        <input
          ref={props.searchRef}
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
        options={props.categories.map((id) => ({
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
      {/* data-widest: the count with every row shown, the widest it gets (digits are tabular),
          whose width the stylesheet reserves: a filter changes the count's text, not its width. */}
      <p
        id={ids.results}
        data-slot="results"
        role="status"
        data-widest={props.isLoading ? undefined : l.results(props.totalCount, props.totalCount)}
      >
        {props.isLoading ? '' : l.results(props.resultCount, props.totalCount)}
      </p>
      {/* Always laid out, hidden while nothing is filtered: its place is kept, so the search field
          and the count never move when a filter makes it appear. Hidden, it is disabled (out of
          the tab order) and out of the accessibility tree. */}
      <button
        type="button"
        data-slot="button"
        data-variant="ghost"
        data-action="clear-filters"
        data-hidden={!props.isFiltered || undefined}
        aria-hidden={!props.isFiltered || undefined}
        disabled={!props.isFiltered}
        onClick={props.clearFilters}
      >
        {l.clearFilters}
      </button>
    </div>
  )
})

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

/**
 * "Add integration": the catalog's integrations not saved yet, by category, in a native select
 * (its type-ahead finds one by name), and "Set up", which saves it and opens it (the dialog shows
 * its URL and setup steps; closing it puts the focus on its row). Pending and the server's
 * error stay here, beside the button.
 */
function AddIntegration(props: { adding: AddIntegrationState }) {
  const { labels: l } = useContext(UiContext)
  const { adding } = props
  const ids = { label: useId(), select: useId(), error: useId() }
  const [choice, setChoice] = useState('')
  // A choice saved meanwhile (here, in the dialog, from another tab) is no longer offered.
  const chosen = adding.groups.some((group) => group.integrations.some((i) => i.id === choice)) ? choice : ''
  const pending = chosen !== '' && adding.isPending(chosen)
  const error = chosen === '' ? undefined : adding.errorFor(chosen)
  const submit = async () => {
    if (chosen === '' || pending) return
    if (await adding.add(chosen)) setChoice('')
  }
  return (
    // A group named by its select's label: a fieldset's legend would say the same words twice.
    // biome-ignore lint/a11y/useSemanticElements: see above
    <div data-slot="add-integration" role="group" aria-labelledby={ids.label} data-busy={pending || undefined}>
      <div data-slot="field">
        <label id={ids.label} htmlFor={ids.select} data-slot="label">
          {l.addIntegration}
        </label>
        <select
          id={ids.select}
          data-slot="select"
          value={chosen}
          onChange={(event) => setChoice(event.target.value)}
          aria-describedby={error ? ids.error : undefined}
        >
          <option value="">{l.chooseIntegration(adding.count)}</option>
          {adding.groups.map((group) => (
            <optgroup key={group.category} label={displayText(categoryLabel(l, group.category))}>
              {group.integrations.map((integration) => (
                <option key={integration.id} value={integration.id}>
                  {displayText(integration.name)}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <button
        type="button"
        data-slot="button"
        data-variant="secondary"
        // Busy or without a choice, not disabled: a disabled button would drop the focus to <body>.
        aria-disabled={chosen === '' || pending || undefined}
        aria-busy={pending || undefined}
        onClick={() => void submit()}
      >
        {pending ? l.settingUp : l.setUp}
      </button>
      {error && (
        <p id={ids.error} data-slot="inline-error" role="alert">
          {displayText(l.setUpFailed(reasonOf(error)))}
        </p>
      )}
    </div>
  )
}

/** The server's own sentence for a failed call, else the error's message. */
const reasonOf = (error: Error) => (isWebhookApiError(error) && error.serverMessage) || error.message
