import {
  brandColorOf,
  displayText,
  formatCount,
  formatNumber,
  formatSuccessRate,
  type IntegrationCatalog,
  type IntegrationWebhook,
  type SparklinePaths,
  sparklinePaths,
  statsHealth,
  toDisplayText,
  type WebhookStatsFigures,
} from 'integration-webhooks/core'
import {
  type CopyToClipboardState,
  type UseWebhookTableOptions,
  useCopyToClipboard,
  useWebhookTable,
  type WebhookTableState,
} from 'integration-webhooks/react'
import { type MouseEvent, memo, type ReactNode, useCallback, useMemo, useRef, useState } from 'react'
import { CopyControl, CopyStatus } from './copy-button'
import { BrandMark, initialOf, SortIcon } from './icons'
import { categoryLabel, type PartialLabels, type WebhookManagerLabels } from './labels'
import { RelativeTime } from './relative-time'
import { cx, UiContext, useBrowserLayoutEffect, useUi } from './ui-context'
import { VirtualRows } from './virtual-rows'
import { preloadWebhookDetailsDialog } from './webhook-details-dialog'
import { isSecretMissing, WebhookStatusBadge } from './webhook-status-badge'

/**
 * The ids of the columns `WebhookTable` shows, in order (each is also a sort key); the last,
 * `successRate`, only when the table has statistics (its `stats` prop). The definitions of these
 * and of the sort-only columns are `webhookColumnDefs`.
 *
 * @example
 * ```ts
 * webhookTableColumnIds.map((id) => defaultLabels.columns[id]) // ['Integration', 'Webhook URL', …]
 * ```
 */
export const webhookTableColumnIds = [
  'name',
  'webhookUrl',
  'status',
  'triggerTypes',
  'lastTriggered',
  'triggerCount',
  'errorCount',
  'successRate',
] as const satisfies readonly (keyof WebhookManagerLabels['columns'])[]

/** The table's columns without statistics. */
const columnsWithoutStats = webhookTableColumnIds.filter((id) => id !== 'successRate')

/** Props of {@link WebhookTable}. */
export interface WebhookTableProps {
  /** The rows to show (sorted and filtered by the table's own state). Ignored when `model` is given. */
  webhooks?: readonly IntegrationWebhook[]
  /** A model from `useWebhookTable`, when the host shares it with its own toolbar. */
  model?: WebhookTableState
  /** Sorting and filter state for the table's own model (controlled or initial). */
  tableOptions?: UseWebhookTableOptions
  /**
   * Each saved webhook's statistics over the last 24 hours, by id (`useWebhooksStats().stats`
   * from `integration-webhooks/react`). Given, the table shows a sortable "Success (24h)" column:
   * the success rate and a sparkline of the hours; a webhook missing from it, or with nothing
   * finished, shows "—". Not given (the endpoint has no statistics): no such column.
   */
  stats?: Readonly<Record<string, WebhookStatsFigures>>
  /** Opens a webhook's details (a row's name button, or a click on the row). */
  onOpen?: (webhook: IntegrationWebhook) => void
  /** For brand colours. @defaultValue the built-in integrations' colours (the catalog itself is not loaded) */
  catalog?: IntegrationCatalog
  /**
   * Above this many rows in the list (before filtering, so the table keeps its scroll box as the
   * user types), only the visible rows are in the DOM. @defaultValue 100
   */
  virtualizeThreshold?: number
  /** Shows placeholder rows while the first load runs. */
  loading?: boolean
  /** Shown in the body when there are no rows. */
  emptyMessage?: ReactNode
  /** The time relative times count from (re-render to move them). */
  now?: number
  /** Label overrides, for translation (merged over the manager's or the defaults). */
  labels?: PartialLabels
  /** BCP 47 locale for dates and numbers. @defaultValue the manager's, else the browser's */
  locale?: string
  /** Class name of the root element (merged last, so it wins over the default theme). */
  className?: string
}

const empty: readonly IntegrationWebhook[] = []
const rowId = (row: IntegrationWebhook) => row.id
const ariaSort = { asc: 'ascending', desc: 'descending' } as const

function Triggers({ types, more }: { types: readonly string[]; more: (n: number) => string }) {
  if (types.length === 0) return null
  return (
    <span data-slot="trigger-list">
      {/* Keyed by place, like the rows: a row refilled after a sort keeps its chips. */}
      {types.slice(0, 2).map((type, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the chips are plain text, refilled in place
        <code key={index} data-slot="trigger-type" title={displayText(type)}>
          {displayText(type)}
        </code>
      ))}
      {types.length > 2 && <span data-slot="trigger-more">{more(types.length - 2)}</span>}
    </span>
  )
}

/**
 * The URL, cut at its start when the cell is narrow: the end of a webhook URL (the
 * provider's path) is what tells rows apart. The marks keep the text left-to-right.
 */
function UrlText({ url: raw }: { url: string }) {
  const url = displayText(raw)
  return (
    <code data-slot="url" title={url}>
      {`\u200E${url}\u200E`}
    </code>
  )
}

/** What every row shares: one object, stable while none of it changes, so rows can skip re-rendering. */
interface RowContext {
  labels: WebhookManagerLabels
  locale: string | undefined
  catalog: IntegrationCatalog | undefined
  now: number | undefined
  onOpen: (webhook: IntegrationWebhook) => void
  /** One clipboard state for every row's copy button, announced by one live region. */
  clipboard: CopyToClipboardState
  /** The row whose button made the last copy (rows of one provider may share a URL). */
  copiedRow: string | undefined
  setCopiedRow: (id: string) => void
  /** The table has statistics: each row has a success-rate cell. */
  withStats: boolean
}

/** A count as the cell shows it, and in full for its title (they differ from a million on, which is compact). */
function Count({
  column,
  label,
  value,
  locale,
  nonzero,
}: {
  column: string
  /** The column's name, shown beside the value where the rows stack (a narrow table). */
  label: string
  value: number
  locale: string | undefined
  nonzero?: boolean
}) {
  const text = formatCount(value, locale)
  const full = Math.abs(value) >= 1_000_000 ? formatNumber(value, locale) : text
  return (
    <td data-column={column} data-label={label} data-numeric="" data-nonzero={nonzero || undefined} title={full}>
      {text}
    </td>
  )
}

/**
 * One webhook. Memoised on the row object, its index and the shared context: a re-render
 * that changes neither (a new `now`, a parent's state) skips the row. Rows are keyed by
 * their place, so after a sort or a filter each `<tr>` in view re-renders with its new row.
 */
const WebhookRow = memo(function WebhookRow({
  row,
  index,
  context,
  figures,
}: {
  row: IntegrationWebhook
  index: number
  context: RowContext
  /** The row's statistics, when the table has them and the webhook has any. */
  figures: WebhookStatsFigures | undefined
}) {
  const onClick = (event: MouseEvent<HTMLTableRowElement>) => {
    // Clicks on the row's own controls do their own thing.
    if ((event.target as HTMLElement).closest('button, a, input, select, textarea, [role="switch"]')) return
    context.onOpen(row)
  }
  return (
    <tr
      data-slot="row"
      data-status={row.status}
      data-index={index}
      aria-rowindex={index + 2}
      onClick={onClick}
      // A click anywhere on the row opens the dialog: its code starts loading on the way there.
      onPointerEnter={preloadWebhookDetailsDialog}
    >
      <RowCells row={row} context={context} />
      {context.withStats && <SuccessRateCell figures={figures} labels={context.labels} locale={context.locale} />}
    </tr>
  )
})

const RowCells = memo(function RowCells({ row, context }: { row: IntegrationWebhook; context: RowContext }) {
  const { labels: l, locale, catalog, now, onOpen, clipboard, copiedRow, setCopiedRow } = context
  const name = toDisplayText(row.external_config.integration_name, row.provider_id)
  const category = displayText(categoryLabel(l, row.external_config.category))
  return (
    <>
      <th scope="row" data-column="name">
        <span data-slot="integration">
          <BrandMark color={brandColorOf(row.provider_id, catalog)} initial={initialOf(name)} />
          <span data-slot="integration-text">
            <button
              type="button"
              data-slot="open-details"
              data-webhook-trigger={row.id}
              aria-label={l.openDetails(name)}
              onClick={() => onOpen(row)}
              onFocus={preloadWebhookDetailsDialog}
            >
              {/* One line, cut with an ellipsis when long: the title shows it whole. */}
              <bdi data-slot="integration-name" title={name}>
                {name}
              </bdi>
            </button>
            <span data-slot="integration-category" title={category}>
              {category}
            </span>
          </span>
        </span>
      </th>
      <td data-column="webhookUrl">
        <span data-slot="url-cell">
          <UrlText url={row.webhook_url} />
          <CopyControl
            value={row.webhook_url}
            label={`${l.copyValue(l.webhookUrl)}: ${name}`}
            clipboard={clipboard}
            owner={copiedRow === row.id}
            onClick={() => setCopiedRow(row.id)}
          />
        </span>
      </td>
      <td data-column="status">
        <WebhookStatusBadge
          status={row.status}
          setupRequired={row.external_config.setup_required}
          secretMissing={isSecretMissing(row)}
        />
      </td>
      <td data-column="triggerTypes">
        <Triggers types={row.trigger_types} more={l.moreTriggers} />
      </td>
      <td data-column="lastTriggered" data-label={l.columns.lastTriggered}>
        <RelativeTime value={row.last_triggered} now={now} locale={locale} fallback={l.never} />
      </td>
      <Count column="triggerCount" label={l.columns.triggerCount} value={row.trigger_count} locale={locale} />
      <Count
        column="errorCount"
        label={l.columns.errorCount}
        value={row.error_count}
        locale={locale}
        nonzero={row.error_count > 0}
      />
    </>
  )
})

/** The sparkline's drawing units (its viewBox); the theme sets its size on screen. */
const SPARK_WIDTH = 48
const SPARK_HEIGHT = 16
/** Path strings per statistics object: a re-render, or a row scrolled back into view, draws nothing again. */
const sparklines = new WeakMap<object, SparklinePaths>()
function sparklineOf(figures: WebhookStatsFigures): SparklinePaths {
  let paths = sparklines.get(figures)
  if (!paths) {
    paths = sparklinePaths(figures.buckets, { width: SPARK_WIDTH, height: SPARK_HEIGHT })
    sparklines.set(figures, paths)
  }
  return paths
}

/**
 * A webhook's success over the last 24 hours: the rate as text, a sparkline of the hours
 * (successes, failures stacked on them; hidden from screen readers) and, for them, the counts
 * in words. Without anything finished: "—", read out as "No executions in the last 24 hours".
 */
const SuccessRateCell = memo(function SuccessRateCell({
  figures,
  labels: l,
  locale,
}: {
  figures: WebhookStatsFigures | undefined
  labels: WebhookManagerLabels
  locale: string | undefined
}) {
  const health = figures ? statsHealth(figures) : 'none'
  if (!figures || health === 'none') {
    return (
      <td data-column="successRate" data-label={l.columns.successRate} data-health="none">
        <span data-slot="success-rate" aria-hidden="true">
          {l.none}
        </span>
        <span data-visually-hidden="">{l.noStats}</span>
      </td>
    )
  }
  const finished = figures.success + figures.error
  const paths = sparklineOf(figures)
  return (
    <td data-column="successRate" data-label={l.columns.successRate} data-health={health}>
      <span data-slot="success-cell">
        <span data-slot="success-rate">
          {formatSuccessRate(figures.success_rate ?? figures.success / finished, locale)}
        </span>
        <svg
          data-slot="sparkline"
          viewBox={`0 0 ${SPARK_WIDTH} ${SPARK_HEIGHT}`}
          preserveAspectRatio="none"
          aria-hidden="true"
          focusable="false"
        >
          <line data-part="baseline" x1={0} x2={SPARK_WIDTH} y1={SPARK_HEIGHT - 0.5} y2={SPARK_HEIGHT - 0.5} />
          {paths.success && <path data-part="success" d={paths.success} />}
          {paths.error && <path data-part="error" d={paths.error} />}
        </svg>
      </span>{' '}
      <span data-visually-hidden="">{l.successRateCounts(figures.success, figures.error)}</span>
    </td>
  )
})

/**
 * The webhooks as an accessible, sortable table: every column sorts through a real
 * button in its header, with `aria-sort` on the `<th>`; each row's name is a button
 * that opens its details. Above `virtualizeThreshold` rows the body is virtualised,
 * so the DOM holds only the visible rows whatever the count (at most 100); a row that
 * holds the keyboard focus stays while it is scrolled away. Every row has one height,
 * `--iw-row-height` (default 4.8em, two lines per cell): it follows the text size.
 *
 * With `stats`, a "Success (24h)" column shows each webhook's success rate with a sparkline of
 * its last 24 hours, sortable like the others (webhooks without executions last either way).
 *
 * Styling API: `data-slot="table-container | table | sort-button | row | sparkline | …"`,
 * `data-sort-direction="ascending | descending"` on sorted headers, `data-status` on rows,
 * `data-empty` on an empty table, `data-stats` on a table with statistics (and its container),
 * `data-health="none | failing | degraded | healthy"` on success-rate cells,
 * `data-part="success | error | baseline"` in sparklines, `data-virtualized` on a virtualised container.
 *
 * @example
 * ```tsx
 * <WebhookTable webhooks={webhooks} onOpen={(webhook) => setOpenId(webhook.id)} />
 * ```
 */
export function WebhookTable(props: WebhookTableProps) {
  const ui = useUi(props.labels, props.locale)
  const { labels: l, locale } = ui
  const { stats } = props
  const own = useWebhookTable(
    props.model ? empty : (props.webhooks ?? empty),
    stats ? { ...props.tableOptions, stats } : props.tableOptions,
  )
  const model = props.model ?? own
  const { rows, table } = model
  // Brand colours come from the host's catalog, or from the built-in colours alone.
  const catalog = props.catalog
  // The scroll container, for the virtual window (state: the window measures it once it is in the DOM).
  const [scrollElement, setScrollElement] = useState<HTMLDivElement | null>(null)
  const threshold = props.virtualizeThreshold ?? 100
  // Decided on the whole list: a filter that leaves a few rows does not turn the scroll box
  // into a page-long table (and back) under the user's typing.
  const virtualized = model.totalCount > threshold

  // The host's onOpen may be a new function on every render: rows call the latest through a ref.
  const onOpenRef = useRef(props.onOpen)
  useBrowserLayoutEffect(() => {
    onOpenRef.current = props.onOpen
  })
  const onOpen = useCallback((webhook: IntegrationWebhook) => onOpenRef.current?.(webhook), [])
  // The rows' copy buttons share one state (and one live region, instead of one per row).
  const clipboard = useCopyToClipboard()
  const [copiedRow, setCopiedRow] = useState<string | undefined>(undefined)
  const withStats = stats !== undefined
  const context = useMemo<RowContext>(
    () => ({ labels: l, locale, catalog, now: props.now, onOpen, clipboard, copiedRow, setCopiedRow, withStats }),
    [l, locale, catalog, props.now, onOpen, clipboard, copiedRow, withStats],
  )
  // Each row gets its own figures: new statistics re-render the rows in view, not the context.
  const renderRow = (row: IntegrationWebhook, index: number, key: string) => (
    <WebhookRow
      key={key}
      row={row}
      index={index}
      context={context}
      figures={stats && Object.hasOwn(stats, row.id) ? stats[row.id] : undefined}
    />
  )

  const headers = table.getHeaderGroups()[0]?.headers ?? []
  const headerFor = (id: string) => headers.find((header) => header.column.id === id)
  const columnIds = withStats ? webhookTableColumnIds : columnsWithoutStats
  const columnCount = columnIds.length

  return (
    <UiContext.Provider value={ui}>
      <div
        ref={setScrollElement}
        data-iw=""
        data-slot="table-container"
        data-virtualized={virtualized || undefined}
        data-stats={withStats || undefined}
        className={cx(props.className)}
      >
        <table
          data-slot="table"
          data-empty={rows.length === 0 || undefined}
          data-stats={withStats || undefined}
          aria-rowcount={rows.length + 1}
          aria-busy={props.loading || undefined}
        >
          <caption data-visually-hidden="">
            {l.tableCaption}. {l.sortHint}
          </caption>
          <thead data-slot="table-head">
            <tr aria-rowindex={1}>
              {columnIds.map((id) => {
                const column = headerFor(id)?.column
                const sorted = column?.getIsSorted() || false
                const direction = sorted ? ariaSort[sorted] : undefined
                return (
                  <th
                    key={id}
                    scope="col"
                    data-column={id}
                    aria-sort={direction ?? 'none'}
                    data-sort-direction={direction}
                  >
                    <button type="button" data-slot="sort-button" onClick={column?.getToggleSortingHandler()}>
                      {l.columns[id]}
                      <SortIcon />
                    </button>
                  </th>
                )
              })}
            </tr>
          </thead>
          <tbody data-slot="table-body">
            {props.loading &&
              rows.length === 0 &&
              [0, 1, 2, 3, 4].map((n) => (
                // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a placeholder row holds nothing focusable
                <tr key={n} data-slot="skeleton-row" aria-hidden="true">
                  {columnIds.map((id) => (
                    <td key={id}>
                      <span data-slot="skeleton" />
                    </td>
                  ))}
                </tr>
              ))}
            {!props.loading && rows.length === 0 && (
              <tr data-slot="empty-row">
                <td colSpan={columnCount}>{props.emptyMessage ?? l.noMatches}</td>
              </tr>
            )}
            <VirtualRows
              rows={rows}
              getRowId={rowId}
              windowed={virtualized}
              scrollElement={scrollElement}
              columnCount={columnCount}
              renderRow={renderRow}
            />
          </tbody>
        </table>
        <CopyStatus clipboard={clipboard} copied={l.copied} failed={l.copyFailed} />
      </div>
    </UiContext.Provider>
  )
}
