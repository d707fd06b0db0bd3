import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { sparklinePaths } from '../../src/core/sparkline'

/** The rectangles of a path made by sparklinePaths: `M x y h w v h h -w z` each. */
function rects(d: string) {
  const found = [...d.matchAll(/M([\d.]+) ([\d.]+)h([\d.]+)v([\d.]+)h-([\d.]+)z/g)].map((m) => ({
    x: Number(m[1]),
    y: Number(m[2]),
    width: Number(m[3]),
    height: Number(m[4]),
  }))
  // Nothing else in the string.
  expect(found.map((r) => `M${r.x} ${r.y}h${r.width}v${r.height}h-${r.width}z`).join('')).toBe(d)
  return found
}

describe('sparklinePaths', () => {
  it('draws each bucket as a bar scaled to the busiest, failures stacked on the successes', () => {
    const { success, error } = sparklinePaths(
      [
        { success: 4, error: 0 },
        { success: 0, error: 0 },
        { success: 2, error: 2 },
        { success: 0, error: 8 },
      ],
      { width: 8, height: 16, barShare: 0.5, minHeight: 1 },
    )
    expect(rects(success)).toEqual([
      { x: 0.5, y: 8, width: 1, height: 8 },
      { x: 4.5, y: 12, width: 1, height: 4 },
    ])
    expect(rects(error)).toEqual([
      { x: 4.5, y: 8, width: 1, height: 4 },
      { x: 6.5, y: 0, width: 1, height: 16 },
    ])
  })

  it('draws nothing for no buckets or empty ones', () => {
    expect(sparklinePaths([])).toEqual({ success: '', error: '' })
    expect(sparklinePaths([{ success: 0, error: 0 }])).toEqual({ success: '', error: '' })
    expect(sparklinePaths([{ success: Number.NaN, error: -3 }])).toEqual({ success: '', error: '' })
  })

  it('shows one failure among thousands at the least height', () => {
    const { error } = sparklinePaths([{ success: 5000, error: 1 }], { minHeight: 1.5 })
    expect(rects(error)[0]?.height).toBe(1.5)
  })

  it('stays inside its drawing, one bar per non-empty part, whatever the counts', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ success: fc.nat({ max: 10_000 }), error: fc.nat({ max: 10_000 }) }), { maxLength: 30 }),
        (buckets) => {
          const { success, error } = sparklinePaths(buckets, { width: 48, height: 16 })
          const s = rects(success)
          const e = rects(error)
          expect(s).toHaveLength(buckets.filter((b) => b.success > 0).length)
          expect(e).toHaveLength(buckets.filter((b) => b.error > 0).length)
          for (const r of [...s, ...e]) {
            expect(r.x).toBeGreaterThanOrEqual(0)
            expect(r.x + r.width).toBeLessThanOrEqual(48.01)
            expect(r.y).toBeGreaterThanOrEqual(-0.01)
            expect(r.y + r.height).toBeLessThanOrEqual(16.01)
          }
        },
      ),
      { numRuns: 200 },
    )
  })
})
