import {
  axisLabelIndexes,
  displayText,
  formatBucketLabel,
  formatDuration,
  formatNumber,
  formatSuccessRate,
  type StatsBucket,
  type StatsWindow,
  scaleStatsBars,
  statsHealth,
  statsWindows,
  type WebhookStats,
  worstBucketIndex,
} from 'integration-webhooks/core'
import { useWebhookStats } from 'integration-webhooks/react'
import { useId, useState } from 'react'
import type { WebhookManagerLabels } from './labels'
import { useUi } from './ui-context'

/** The chart's drawing units: each bucket is BAR_STEP wide, the bars CHART_HEIGHT tall at most. */
const BAR_STEP = 10
const BAR_WIDTH = 7
const CHART_HEIGHT = 100
/** At most this many buckets get a label under the chart. */
const AXIS_LABELS = 6

/** Props of {@link WebhookActivity}. */
export interface WebhookActivityProps {
  /** The saved webhook whose statistics to show. */
  webhookId: string
  /** The window shown first. @defaultValue '24h' */
  defaultWindow?: StatsWindow
  /** The time zone hourly buckets are labelled in. @defaultValue the browser's */
  timeZone?: string
}

/**
 * A webhook's delivery statistics: a window switcher (24 hours, 7 days, 30 days), the success
 * rate, median and 95th-percentile execution time, a bar chart of the window's buckets
 * (successes with failures stacked on top) drawn as inline SVG, a sentence that sums it up and,
 * for screen readers, the same numbers as a table. Loading, failure (a message with "Try again"),
 * nothing yet and all failing each say so in words.
 *
 * Styling API: `data-slot="activity | stats-windows | stats-figures | stats-chart | stats-summary"`,
 * `data-health="none | failing | degraded | healthy"` and `data-window` on the root,
 * `data-part="success | error"` on the bars, `aria-pressed` on the current window's button.
 *
 * @example
 * ```tsx
 * <WebhookActivity webhookId={webhook.id} defaultWindow="7d" />
 * ```
 */
export function WebhookActivity({ webhookId, defaultWindow = '24h', timeZone }: WebhookActivityProps) {
  const { labels: l, locale, live } = useUi()
  const [window, setWindow] = useState<StatsWindow>(defaultWindow)
  const { stats, isLoading, error, refresh, supported } = useWebhookStats(webhookId, { window, live: live ?? false })
  const id = useId()
  const health = stats ? statsHealth(stats) : undefined
  // An endpoint without the statistics routes (an existing API the host points us at): no
  // chart and no error, the rest of the section stays as it was.
  if (!supported) return null

  let body: React.ReactNode
  if (stats) body = <StatsView stats={stats} labels={l} locale={locale} timeZone={timeZone} summaryId={`${id}-s`} />
  else if (error && !isLoading) {
    body = (
      <div data-slot="stats-error" role="alert">
        <p>
          {l.statsError} <span data-slot="error-detail">{displayText(error.message)}</span>
        </p>
        <button type="button" data-slot="button" onClick={() => void refresh()}>
          {l.tryAgain}
        </button>
      </div>
    )
  } else {
    body = (
      <div data-slot="stats-loading">
        <p role="status">{l.statsLoading}</p>
        <span data-slot="skeleton" data-shape="chart" aria-hidden="true" />
      </div>
    )
  }

  return (
    <div data-slot="activity" data-window={window} data-health={health} aria-busy={isLoading || undefined}>
      <fieldset data-slot="stats-windows">
        <legend data-visually-hidden="">{l.statsWindow}</legend>
        {statsWindows.map((w) => (
          <button
            key={w}
            type="button"
            data-slot="stats-window"
            aria-pressed={w === window}
            onClick={() => setWindow(w)}
          >
            {l.statsWindows[w]}
          </button>
        ))}
      </fieldset>
      {body}
    </div>
  )
}

function StatsView({
  stats,
  labels: l,
  locale,
  timeZone,
  summaryId,
}: {
  stats: WebhookStats
  labels: WebhookManagerLabels
  locale: string | undefined
  timeZone: string | undefined
  summaryId: string
}) {
  const window = stats.window
  const period = l.statsPeriods[window]
  const health = statsHealth(stats)
  const rate = formatSuccessRate(stats.success_rate, locale)
  const label = (bucket: StatsBucket, length: 'short' | 'long' = 'short') =>
    formatBucketLabel(bucket.start, window, { locale, timeZone, length })
  const worst = worstBucketIndex(stats.buckets)
  const worstBucket = stats.buckets[worst]

  const sentences =
    health === 'none'
      ? [l.statsNoData(period)]
      : health === 'failing'
        ? [l.statsAllFailing(period, stats.error)]
        : [l.statsSummary(period, stats.success + stats.error, rate, stats.error, stats.pending)]
  if (worstBucket && health !== 'failing') sentences.push(l.statsWorst(label(worstBucket, 'long'), worstBucket.error))

  return (
    <>
      <dl data-slot="stats-figures">
        <div data-figure="rate">
          <dt>{l.successRate}</dt>
          <dd>{rate || l.none}</dd>
        </div>
        <div data-figure="p50">
          <dt>{l.medianTime}</dt>
          <dd>{formatDuration(stats.p50_ms, locale) || l.none}</dd>
        </div>
        <div data-figure="p95">
          <dt>{l.p95Time}</dt>
          <dd>{formatDuration(stats.p95_ms, locale) || l.none}</dd>
        </div>
        <div data-figure="total">
          <dt>{l.statsExecutions(window)}</dt>
          <dd>{formatNumber(stats.total, locale)}</dd>
        </div>
        <div data-figure="failed">
          <dt>{l.statsFailed}</dt>
          <dd data-nonzero={stats.error > 0 || undefined}>{formatNumber(stats.error, locale)}</dd>
        </div>
      </dl>
      <StatsChart stats={stats} labels={l} label={label} />
      <p id={summaryId} data-slot="stats-summary">
        {sentences.join(' ')}
      </p>
      <table data-visually-hidden="" data-slot="stats-table">
        <caption>{l.statsTableCaption(period)}</caption>
        <thead>
          <tr>
            <th scope="col">{l.statsBucket(window)}</th>
            <th scope="col">{l.statsSucceeded}</th>
            <th scope="col">{l.statsFailed}</th>
          </tr>
        </thead>
        <tbody>
          {stats.buckets.map((bucket) => (
            <tr key={bucket.start}>
              <th scope="row">{label(bucket, 'long')}</th>
              <td>{formatNumber(bucket.success, locale)}</td>
              <td>{formatNumber(bucket.error, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}

/**
 * The bars, stretched to the width of the section (the SVG's aspect is free: `preserveAspectRatio`
 * none), and the axis labels under them as text in a grid of as many columns as buckets.
 * Hidden from screen readers: the summary and the table say the same in words.
 */
function StatsChart({
  stats,
  labels: l,
  label,
}: {
  stats: WebhookStats
  labels: WebhookManagerLabels
  label: (bucket: StatsBucket, length?: 'short' | 'long') => string
}) {
  const { max, bars } = scaleStatsBars(stats.buckets, CHART_HEIGHT, 1.5)
  const labelled = new Set(axisLabelIndexes(bars.length, AXIS_LABELS))
  const width = Math.max(bars.length, 1) * BAR_STEP
  return (
    <div data-slot="stats-chart" aria-hidden="true">
      <span data-slot="stats-scale">{max > 0 ? l.statsScale(max, stats.window) : ''}</span>
      <svg
        data-slot="stats-bars"
        viewBox={`0 0 ${width} ${CHART_HEIGHT}`}
        preserveAspectRatio="none"
        aria-hidden="true"
        focusable="false"
        data-buckets={bars.length}
      >
        <line data-part="grid" x1={0} x2={width} y1={0.5} y2={0.5} vectorEffect="non-scaling-stroke" />
        <line
          data-part="baseline"
          x1={0}
          x2={width}
          y1={CHART_HEIGHT - 0.5}
          y2={CHART_HEIGHT - 0.5}
          vectorEffect="non-scaling-stroke"
        />
        {bars.map((bar, index) => {
          const x = index * BAR_STEP + (BAR_STEP - BAR_WIDTH) / 2
          const bucket = stats.buckets[index] as StatsBucket
          return (
            <g key={bar.start} data-bar="" data-index={index} data-total={bar.total}>
              <title>{`${label(bucket, 'long')}: ${bar.success} ${l.statsSucceeded}, ${bar.error} ${l.statsFailed}`}</title>
              {bar.successHeight > 0 && (
                <rect
                  data-part="success"
                  x={x}
                  width={BAR_WIDTH}
                  y={CHART_HEIGHT - bar.successHeight}
                  height={bar.successHeight}
                />
              )}
              {bar.errorHeight > 0 && (
                <rect
                  data-part="error"
                  x={x}
                  width={BAR_WIDTH}
                  y={CHART_HEIGHT - bar.successHeight - bar.errorHeight}
                  height={bar.errorHeight}
                />
              )}
            </g>
          )
        })}
      </svg>
      <ol data-slot="stats-axis">
        {stats.buckets.map((bucket, index) => (
          <li key={bucket.start}>{labelled.has(index) ? label(bucket) : ''}</li>
        ))}
      </ol>
    </div>
  )
}
