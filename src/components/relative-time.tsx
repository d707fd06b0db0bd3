import { formatDateTime, formatRelativeTime } from 'integration-webhooks/core'

/**
 * A point in time as "3 minutes ago", with the exact time as its title and `dateTime`.
 * A time after `now` reads "now", never "in 13 seconds": `now` ticks every 30 seconds, and an
 * event that arrived since the last tick (or a server clock a little ahead) is not in the future.
 */
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
  const time = value ? new Date(value).getTime() : Number.NaN
  const relative = formatRelativeTime(value, {
    now: Number.isNaN(time) ? now : Math.max(now ?? Date.now(), time),
    locale,
  })
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
