import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  axisLabelIndexes,
  formatBucketLabel,
  formatSuccessRate,
  niceCeiling,
  scaleStatsBars,
  statsHealth,
  worstBucketIndex,
} from '../../src/core/stats'

describe('formatSuccessRate', () => {
  it.each([
    [1, '100%'],
    [0, '0%'],
    [0.97, '97%'],
    [0.9731, '97.3%'],
    [0.29, '29%'],
  ])('writes %d as %s', (rate, text) => {
    expect(formatSuccessRate(rate, 'en')).toBe(text)
  })

  it('never shows a rate below 1 as 100%, nor one above 0 as 0%', () => {
    expect(formatSuccessRate(0.99996, 'en')).toBe('99.9%')
    expect(formatSuccessRate(0.9996, 'en')).toBe('99.9%')
    expect(formatSuccessRate(0.00001, 'en')).toBe('0.1%')
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (rate) => {
        const text = formatSuccessRate(rate, 'en')
        if (rate < 1) expect(text).not.toBe('100%')
        if (rate > 0) expect(text).not.toBe('0%')
        expect(text).toMatch(/^\d{1,3}(\.\d)?%$/)
      }),
    )
  })

  it('writes the locale’s digits and signs', () => {
    expect(formatSuccessRate(0.975, 'de')).toBe('97,5\u00a0%')
    expect(formatSuccessRate(0.5, 'ar-EG')).toMatch(/^٥٠٪/)
  })

  it('is empty for null (nothing finished) and for values outside 0..1', () => {
    for (const value of [null, undefined, Number.NaN, -0.1, 1.2]) expect(formatSuccessRate(value, 'en')).toBe('')
  })
})

describe('niceCeiling', () => {
  it.each([
    [0, 0],
    [-3, 0],
    [1, 1],
    [3, 5],
    [7, 10],
    [47, 50],
    [120, 200],
    [2000, 2000],
    [0.3, 0.5],
  ])('rounds %d up to %d', (value, nice) => {
    expect(niceCeiling(value)).toBeCloseTo(nice)
  })

  it('is always at least the value and less than 2.5 times it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), (value) => {
        const nice = niceCeiling(value)
        expect(nice).toBeGreaterThanOrEqual(value)
        expect(nice).toBeLessThan(value * 2.5)
      }),
    )
  })
})

const bucket = (success: number, error: number, hour = 0) => ({
  start: new Date(Date.UTC(2026, 11, 5, hour)).toISOString(),
  success,
  error,
})

describe('scaleStatsBars', () => {
  it('scales every bar against a round maximum, in proportion', () => {
    const { max, bars } = scaleStatsBars([bucket(40, 0), bucket(20, 0), bucket(0, 0), bucket(30, 10)], 100)
    expect(max).toBe(50)
    expect(bars.map((bar) => bar.successHeight + bar.errorHeight)).toEqual([80, 40, 0, 80])
    expect(bars[3]).toMatchObject({ total: 40, successHeight: 60, errorHeight: 20 })
  })

  it('keeps one failure among thousands visible (at least minHeight)', () => {
    const { bars } = scaleStatsBars([bucket(9999, 1)], 40, 2)
    expect(bars[0]?.errorHeight).toBe(2)
    expect(bars[0]?.successHeight).toBeCloseTo(40 * (9999 / 10_000))
  })

  it('has a maximum of 0 and no heights when nothing happened', () => {
    const { max, bars } = scaleStatsBars([bucket(0, 0), bucket(0, 0)], 100)
    expect(max).toBe(0)
    expect(bars.every((bar) => bar.successHeight === 0 && bar.errorHeight === 0)).toBe(true)
  })

  it('never draws a bar taller than the chart (apart from minHeight), and a busier bucket never shorter', () => {
    const counts = fc.array(fc.tuple(fc.nat(5000), fc.nat(5000)), { minLength: 1, maxLength: 30 })
    fc.assert(
      fc.property(counts, (pairs) => {
        const { bars } = scaleStatsBars(
          pairs.map(([s, e]) => bucket(s, e)),
          100,
          0,
        )
        for (const bar of bars) expect(bar.successHeight + bar.errorHeight).toBeLessThanOrEqual(100.01)
        const sorted = [...bars].sort((a, b) => a.total - b.total)
        for (let i = 1; i < sorted.length; i++) {
          const a = sorted[i - 1] as (typeof sorted)[number]
          const b = sorted[i] as (typeof sorted)[number]
          expect(b.successHeight + b.errorHeight).toBeGreaterThanOrEqual(a.successHeight + a.errorHeight - 0.02)
        }
      }),
    )
  })
})

describe('formatBucketLabel', () => {
  it('names the hour for 24h, in the given time zone', () => {
    expect(formatBucketLabel('2026-12-05T14:00:00.000Z', '24h', { locale: 'en-GB', timeZone: 'UTC' })).toBe('14:00')
    expect(formatBucketLabel('2026-12-05T14:00:00.000Z', '24h', { locale: 'en-US', timeZone: 'UTC' })).toBe('2:00 PM')
    expect(formatBucketLabel('2026-12-05T14:00:00.000Z', '24h', { locale: 'de', timeZone: 'Europe/Berlin' })).toBe(
      '15:00',
    )
    expect(
      formatBucketLabel('2026-12-05T14:00:00.000Z', '24h', { locale: 'en-GB', timeZone: 'UTC', length: 'long' }),
    ).toBe('Sat 5 Dec, 14:00')
  })

  it('names the UTC day for 7d and 30d, whatever the time zone', () => {
    expect(
      formatBucketLabel('2026-12-03T00:00:00.000Z', '30d', { locale: 'en-US', timeZone: 'America/New_York' }),
    ).toBe('Dec 3')
    expect(formatBucketLabel('2026-12-03T00:00:00.000Z', '7d', { locale: 'en-US', length: 'long' })).toBe('Thu, Dec 3')
    expect(formatBucketLabel('2026-12-03T00:00:00.000Z', '7d', { locale: 'de' })).toBe('3. Dez.')
  })

  it('is empty for an unreadable date', () => {
    expect(formatBucketLabel('yesterday', '24h')).toBe('')
  })
})

describe('axisLabelIndexes', () => {
  it.each([
    [24, 4, [5, 11, 17, 23]],
    [7, 7, [0, 1, 2, 3, 4, 5, 6]],
    [30, 5, [5, 11, 17, 23, 29]],
    [3, 10, [0, 1, 2]],
    [0, 4, []],
  ])('labels %i buckets at most %i times: %j', (count, most, indexes) => {
    expect(axisLabelIndexes(count, most)).toEqual(indexes)
  })

  it('always labels the newest bucket and never more than asked', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 50 }), (count, most) => {
        const indexes = axisLabelIndexes(count, most)
        expect(indexes.at(-1)).toBe(count - 1)
        expect(indexes.length).toBeLessThanOrEqual(most)
        expect(indexes.length).toBeGreaterThan(0)
      }),
    )
  })
})

describe('worstBucketIndex', () => {
  it('finds the bucket with the most errors (the earliest of equals), -1 without errors', () => {
    expect(worstBucketIndex([bucket(5, 1), bucket(0, 7), bucket(3, 7)])).toBe(1)
    expect(worstBucketIndex([bucket(5, 0), bucket(2, 0)])).toBe(-1)
    expect(worstBucketIndex([])).toBe(-1)
  })
})

describe('statsHealth', () => {
  it.each([
    [0, 0, 'none'],
    [0, 4, 'failing'],
    [9, 1, 'degraded'],
    [9, 0, 'healthy'],
  ] as const)('%i successes and %i errors: %s', (success, error, health) => {
    expect(statsHealth({ success, error })).toBe(health)
  })
})
