import { type ReactNode, useState } from 'react'
import { useUi } from './ui-context'

/**
 * A list from the API that may be very long (100,000 setup lines, 10,000 trigger types):
 * the first `limit` items, and a "Show all (n)" button for the rest. Items are keyed by place,
 * so repeated values are fine (the list is static per webhook).
 */
export function LongList<T>({
  items,
  limit,
  render,
  slot,
  as: Tag = 'ul',
}: {
  items: readonly T[]
  limit: number
  render: (item: T) => ReactNode
  slot: string
  as?: 'ul' | 'ol'
}) {
  const { labels: l } = useUi()
  const [expanded, setExpanded] = useState(false)
  const long = items.length > limit
  const shown = long && !expanded ? items.slice(0, limit) : items
  return (
    <>
      <Tag data-slot={slot} data-truncated={(long && !expanded) || undefined}>
        {shown.map((item, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: static per webhook; values may repeat
          <li key={index}>{render(item)}</li>
        ))}
      </Tag>
      {long && (
        <button
          type="button"
          data-slot="button"
          data-size="small"
          data-variant="ghost"
          aria-expanded={expanded}
          onClick={() => setExpanded((open) => !open)}
        >
          {expanded ? l.showFewer : l.showAll(items.length)}
        </button>
      )}
    </>
  )
}
