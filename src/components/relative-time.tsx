import { formatDateTime, formatRelativeTime } from 'integration-webhooks/core'

/** A point in time as "3 minutes ago", with the exact time as its title and `dateTime`. */
export function RelativeTime({
  value,
  now,
  locale,
  fallback,
}: {
  value: string | null | undefined
  now?: number
  locale?: string
  fallback: string
}) {
  const relative = formatRelativeTime(value, { now, locale })
  if (!value || !relative)
    return (
      <span data-slot="time" data-empty="">
        {fallback}
      </span>
    )
  const date = new Date(value)
  return (
    <time data-slot="time" dateTime={date.toISOString()} title={formatDateTime(value, { locale })}>
      {relative}
    </time>
  )
}
