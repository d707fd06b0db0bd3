import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isDateTimeString, parseDateTime } from '../../src/core/date-time'
import { formatRelativeTime } from '../../src/core/format'
import { integrationWebhookSchema } from '../../src/core/schemas'
import { makeWebhook } from './fixtures'

describe('date-times are RFC 3339 timestamps only (issue 17, item 10)', () => {
  it.each([
    ['2026-01-01T00:00:00.000Z', Date.UTC(2026, 0, 1)],
    ['2026-01-01T00:00:00Z', Date.UTC(2026, 0, 1)],
    ['2026-01-01t00:00:00z', Date.UTC(2026, 0, 1)],
    ['2026-01-01T01:30:00+01:30', Date.UTC(2026, 0, 1)],
    ['2025-12-31T19:00:00-05:00', Date.UTC(2026, 0, 1)],
    ['2026-01-01T00:00:00.123456789Z', Date.UTC(2026, 0, 1, 0, 0, 0, 123)],
    ['2024-02-29T12:00:00Z', Date.UTC(2024, 1, 29, 12)],
    ['2000-02-29T00:00:00Z', Date.UTC(2000, 1, 29)],
    ['2026-04-30T23:59:59Z', Date.UTC(2026, 3, 30, 23, 59, 59)],
  ])('reads %s', (text, time) => {
    expect(parseDateTime(text)).toBe(time)
    expect(isDateTimeString(text)).toBe(true)
  })

  it.each([
    '1',
    'foo 12',
    'Jan 1 2026',
    'Tue, 01 Jan 2026 00:00:00 GMT',
    '2026',
    '2026-01-01',
    '2026-01-01T00:00:00',
    '2026-01-01 00:00:00Z',
    '2026-01-01T00:00Z',
    '2026-1-1T00:00:00Z',
    '2026-02-29T00:00:00Z',
    '1900-02-29T00:00:00Z',
    '2026-04-31T00:00:00Z',
    '2026-13-01T00:00:00Z',
    '2026-01-01T24:00:00Z',
    '2026-01-01T23:60:00Z',
    '2026-01-01T23:59:60Z',
    '2026-01-01T00:00:00+24:00',
    '2026-01-01T00:00:00+0100',
    '2026-01-01T00:00:00.Z',
    ' 2026-01-01T00:00:00Z',
    '2026-01-01T00:00:00Z\n',
    '+002026-01-01T00:00:00Z',
    '２０２６-01-01T00:00:00Z',
  ])('refuses %j', (text) => {
    expect(Number.isNaN(parseDateTime(text))).toBe(true)
    expect(isDateTimeString(text)).toBe(false)
  })

  it('a row with such a timestamp fails the schema and shows no time', () => {
    expect(integrationWebhookSchema.safeParse(makeWebhook({ last_triggered: '1' })).success).toBe(false)
    expect(integrationWebhookSchema.safeParse(makeWebhook({ created_at: 'foo 12' })).success).toBe(false)
    expect(formatRelativeTime('1', { now: '2026-01-01T00:00:00Z', locale: 'en' })).toBe('')
  })

  it('reads every instant written by toISOString back to itself (property)', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('0000-01-01T00:00:00Z'),
          max: new Date('9999-12-31T23:59:59.999Z'),
          noInvalidDate: true,
        }),
        (date) => parseDateTime(date.toISOString()) === date.getTime(),
      ),
      { numRuns: 300 },
    )
  })

  it('agrees with Date.parse on every string it accepts (property)', () => {
    const digits = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n })
    const candidate = fc
      .tuple(
        digits(4),
        digits(2),
        digits(2),
        fc.constantFrom('T', 't'),
        digits(2),
        digits(2),
        digits(2),
        fc.constantFrom('', '.5', '.123'),
        fc.constantFrom('Z', 'z', '+01:00', '-13:45', '+00:00'),
      )
      .map(([y, mo, d, t, h, mi, s, f, z]) => `${y}-${mo}-${d}${t}${h}:${mi}:${s}${f}${z}`)
    fc.assert(
      fc.property(candidate, (text) => {
        const time = parseDateTime(text)
        return Number.isNaN(time) || time === Date.parse(text.toUpperCase())
      }),
      { numRuns: 300 },
    )
  })
})
