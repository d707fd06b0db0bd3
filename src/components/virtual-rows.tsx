import { useVirtualizer } from '@tanstack/react-virtual'
import type { IntegrationWebhook } from 'integration-webhooks/core'
import type { ReactNode, RefObject } from 'react'

/**
 * The rows of a long table: only those in and near the scroll window are in the DOM,
 * between two spacer rows that keep the scroll height. Loaded on demand by WebhookTable.
 */
export default function VirtualRows({
  rows,
  scrollRef,
  columnCount,
  renderRow,
}: {
  rows: readonly IntegrationWebhook[]
  scrollRef: RefObject<HTMLDivElement | null>
  columnCount: number
  renderRow: (row: IntegrationWebhook, index: number, measure: (element: Element | null) => void) => ReactNode
}) {
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 57,
    overscan: 8,
  })
  const items = virtualizer.getVirtualItems()
  const paddingTop = items[0]?.start ?? 0
  const paddingBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0)
  return (
    <>
      {paddingTop > 0 && (
        // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a spacer row holds nothing focusable
        <tr data-slot="spacer" aria-hidden="true">
          {/* Virtualisation needs the height of the rows above the window: the one inline style. */}
          <td colSpan={columnCount} style={{ height: paddingTop }} />
        </tr>
      )}
      {items.map((item) => renderRow(rows[item.index] as IntegrationWebhook, item.index, virtualizer.measureElement))}
      {paddingBottom > 0 && (
        // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a spacer row holds nothing focusable
        <tr data-slot="spacer" aria-hidden="true">
          <td colSpan={columnCount} style={{ height: paddingBottom }} />
        </tr>
      )}
    </>
  )
}
