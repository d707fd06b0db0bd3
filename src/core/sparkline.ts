// The table's sparkline (issue 14): a window's buckets as two SVG path strings, one for the
// successes and one for the failures stacked on them. Two <path> elements per row instead of a
// rect per bucket, so a table row stays cheap to render; the strings are pure and memoisable.

/** A bucket as the sparkline needs it. */
interface SparkBucket {
  success: number
  error: number
}

/** What {@link sparklinePaths} returns: path data (`d`) for each part, `''` when it has none. */
export interface SparklinePaths {
  success: string
  error: string
}

/** Options of {@link sparklinePaths}. */
export interface SparklineOptions {
  /** The drawing's width, in its own units (the SVG's viewBox). @defaultValue 48 */
  width?: number
  /** The drawing's height. @defaultValue 16 */
  height?: number
  /** The share of each bucket's slot its bar takes (the rest is the gap). @defaultValue 0.75 */
  barShare?: number
  /** The least height of a part that is not zero, so one failure among many still shows. @defaultValue 1.5 */
  minHeight?: number
}

const fixed = (n: number) => String(Math.round(n * 100) / 100)

/**
 * Bars of a window's buckets as SVG path data, scaled to the busiest bucket (each sparkline to
 * its own scale: it shows the shape of a day, the rate beside it says how good it was). Each
 * bar is a closed rectangle `M x y h w v h h -w z`; the failures sit on top of the successes.
 * Counts that are not finite or below zero count as zero.
 *
 * @example
 * ```ts
 * const { success, error } = sparklinePaths(stats.buckets)
 * // <svg viewBox="0 0 48 16"><path d={success} /><path d={error} /></svg>
 * ```
 */
export function sparklinePaths(buckets: readonly SparkBucket[], options: SparklineOptions = {}): SparklinePaths {
  const { width = 48, height = 16, barShare = 0.75, minHeight = 1.5 } = options
  const count = buckets.length
  if (count === 0) return { success: '', error: '' }
  const clean = (n: number) => (Number.isFinite(n) && n > 0 ? n : 0)
  let busiest = 0
  for (const bucket of buckets) busiest = Math.max(busiest, clean(bucket.success) + clean(bucket.error))
  if (busiest === 0) return { success: '', error: '' }
  const step = width / count
  const barWidth = fixed(step * barShare)
  const scale = (n: number) => (n > 0 ? Math.min(height, Math.max(minHeight, (n / busiest) * height)) : 0)
  let success = ''
  let error = ''
  buckets.forEach((bucket, index) => {
    const x = fixed(index * step + (step * (1 - barShare)) / 2)
    // The failures keep their height (they are what the eye looks for); the successes under
    // them give way where the least heights would overflow the drawing.
    const errorHeight = scale(clean(bucket.error))
    const successHeight = Math.min(scale(clean(bucket.success)), height - errorHeight)
    if (successHeight > 0) {
      success += `M${x} ${fixed(height - successHeight)}h${barWidth}v${fixed(successHeight)}h-${barWidth}z`
    }
    if (errorHeight > 0) {
      const top = height - successHeight - errorHeight
      error += `M${x} ${fixed(top)}h${barWidth}v${fixed(errorHeight)}h-${barWidth}z`
    }
  })
  return { success, error }
}
