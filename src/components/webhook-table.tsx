import {
  defaultCatalog,
  formatCount,
  type IntegrationCatalog,
  type IntegrationWebhook,
  toDisplayText,
} from 'integration-webhooks/core'
import { type UseWebhookTableOptions, useWebhookTable, type WebhookTableState } from 'integration-webhooks/react'
import { lazy, type MouseEvent, type ReactNode, Suspense, useRef } from 'react'
import { CopyButton } from './copy-button'
import { BrandMark, initialOf, SortIcon } from './icons'
import type { PartialLabels, WebhookManagerLabels } from './labels'
import { RelativeTime } from './relative-time'
import { cx, UiContext, useUi } from './ui-context'
import { preloadWebhookDetailsDialog } from './webhook-details-dialog'
import { WebhookStatusBadge } from './webhook-status-badge'

/**
 * The columns the table shows, in order (each is also a sort key).
 *
 * @example
 * ```ts
 * webhookTableColumns.map((id) => defaultLabels.columns[id]) // ['Integration', 'Webhook URL', …]
 * ```
 */
export const webhookTableColumns = [
  'name',
  'webhookUrl',
  'status',
  'triggerTypes',
  'lastTriggered',
  'triggerCount',
  'errorCount',
] as const satisfies readonly (keyof WebhookManagerLabels['columns'])[]

/** Props of {@link WebhookTable}. */
export interface WebhookTableProps {
  /** The rows to show (sorted and filtered by the table's own state). Ignored when `model` is given. */
  webhooks?: readonly IntegrationWebhook[]
  /** A model from `useWebhookTable`, when the host shares it with its own toolbar. */
  model?: WebhookTableState
  /** Sorting and filter state for the table's own model (controlled or initial). */
  tableOptions?: UseWebhookTableOptions
  /** Opens a webhook's details (a row's name button, or a click on the row). */
  onOpen?: (webhook: IntegrationWebhook) => void
  /** For brand colours. @defaultValue the built-in catalog */
  catalog?: IntegrationCatalog
  /** Above this many rows, only the visible rows are in the DOM. @defaultValue 100 */
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
const VirtualRows = lazy(() => import('./virtual-rows'))
const ariaSort = { asc: 'ascending', desc: 'descending' } as const

function Triggers({ types, more }: { types: readonly string[]; more: (n: number) => string }) {
  if (types.length === 0) return null
  return (
    <span data-slot="trigger-list">
      {types.slice(0, 2).map((type) => (
        <code key={type} data-slot="trigger-type" title={type}>
          {type}
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
function UrlText({ url }: { url: string }) {
  return (
    <code data-slot="url" title={url}>
      {`\u200E${url}\u200E`}
    </code>
  )
}

/**
 * The webhooks as an accessible, sortable table: every column sorts through a real
 * button in its header, with `aria-sort` on the `<th>`; each row's name is a button
 * that opens its details. Above `virtualizeThreshold` rows the body is virtualised,
 * so the DOM holds only the visible rows whatever the count.
 *
 * Styling API: `data-slot="table-container | table | sort-button | row | …"`,
 * `data-sort-direction="ascending | descending"` on sorted headers, `data-status` on rows,
 * `data-empty` on an empty table, `data-virtualized` on a virtualised container.
 *
 * @example
 * ```tsx
 * <WebhookTable webhooks={webhooks} onOpen={(webhook) => setOpenId(webhook.id)} />
 * ```
 */
export function WebhookTable(props: WebhookTableProps) {
  const ui = useUi(props.labels, props.locale)
  const { labels: l, locale } = ui
  const own = useWebhookTable(props.model ? empty : (props.webhooks ?? empty), props.tableOptions)
  const model = props.model ?? own
  const { rows, table } = model
  const catalog = props.catalog ?? defaultCatalog
  const scrollRef = useRef<HTMLDivElement>(null)
  const threshold = props.virtualizeThreshold ?? 100
  const virtualized = rows.length > threshold

  const onRowClick = (event: MouseEvent<HTMLTableRowElement>, webhook: IntegrationWebhook) => {
    // Clicks on the row's own controls do their own thing.
    if ((event.target as HTMLElement).closest('button, a, input, select, textarea, [role="switch"]')) return
    props.onOpen?.(webhook)
  }

  const renderRow = (row: IntegrationWebhook, index: number, measure?: (element: Element | null) => void) => {
    const name = toDisplayText(row.external_config.integration_name, row.provider_id)
    const integration = catalog.resolve(row.provider_id)
    const category = l.categories[row.external_config.category] ?? row.external_config.category
    return (
      <tr
        key={row.id}
        data-slot="row"
        data-status={row.status}
        data-index={index}
        aria-rowindex={index + 2}
        ref={measure}
        onClick={(event) => onRowClick(event, row)}
      >
        <th scope="row" data-column="name">
          <span data-slot="integration">
            <BrandMark color={integration.color} initial={initialOf(name)} />
            <span data-slot="integration-text">
              <button
                type="button"
                data-slot="open-details"
                data-webhook-trigger={row.id}
                aria-label={l.openDetails(name)}
                onClick={() => props.onOpen?.(row)}
                onPointerEnter={preloadWebhookDetailsDialog}
                onFocus={preloadWebhookDetailsDialog}
              >
                <bdi data-slot="integration-name">{name}</bdi>
              </button>
              <span data-slot="integration-category">{category}</span>
            </span>
          </span>
        </th>
        <td data-column="webhookUrl">
          <span data-slot="url-cell">
            <UrlText url={row.webhook_url} />
            <CopyButton value={row.webhook_url} label={`${l.copyValue(l.webhookUrl)}: ${name}`} />
          </span>
        </td>
        <td data-column="status">
          <WebhookStatusBadge status={row.status} setupRequired={row.external_config.setup_required} />
        </td>
        <td data-column="triggerTypes">
          <Triggers types={row.trigger_types} more={l.moreTriggers} />
        </td>
        <td data-column="lastTriggered">
          <RelativeTime value={row.last_triggered} now={props.now} locale={locale} fallback={l.never} />
        </td>
        <td data-column="triggerCount" data-numeric="" title={row.trigger_count.toLocaleString(locale)}>
          {formatCount(row.trigger_count, locale)}
        </td>
        <td
          data-column="errorCount"
          data-numeric=""
          data-nonzero={row.error_count > 0 || undefined}
          title={row.error_count.toLocaleString(locale)}
        >
          {formatCount(row.error_count, locale)}
        </td>
      </tr>
    )
  }

  const headers = table.getHeaderGroups()[0]?.headers ?? []
  const headerFor = (id: string) => headers.find((header) => header.column.id === id)
  const columnCount = webhookTableColumns.length

  return (
    <UiContext.Provider value={ui}>
      <div
        ref={scrollRef}
        data-iw=""
        data-slot="table-container"
        data-virtualized={virtualized || undefined}
        className={cx(props.className)}
      >
        <table
          data-slot="table"
          data-empty={rows.length === 0 || undefined}
          aria-rowcount={rows.length + 1}
          aria-busy={props.loading || undefined}
        >
          <caption data-visually-hidden="">
            {l.tableCaption}. {l.sortHint}
          </caption>
          <thead data-slot="table-head">
            <tr aria-rowindex={1}>
              {webhookTableColumns.map((id) => {
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
                  {webhookTableColumns.map((id) => (
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
            {virtualized ? (
              // The virtualiser loads on demand: short lists never download it. Until it is
              // here, the first rows render as usual.
              <Suspense fallback={rows.slice(0, 20).map((row, index) => renderRow(row, index))}>
                <VirtualRows rows={rows} scrollRef={scrollRef} columnCount={columnCount} renderRow={renderRow} />
              </Suspense>
            ) : (
              rows.map((row, index) => renderRow(row, index))
            )}
          </tbody>
        </table>
      </div>
    </UiContext.Provider>
  )
}
