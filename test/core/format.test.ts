import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatCount, formatDateTime, formatDuration, formatNumber, formatRelativeTime } from '../../src/core/format'

const now = '2026-01-01T12:00:00.000Z'
const at = (offsetMs: number) => new Date(Date.parse(now) + offsetMs).toISOString()

const second = 1000
const minute = 60 * second
const hour = 60 * minute
const day = 24 * hour

describe('formatRelativeTime', () => {
  describe('in English', () => {
    const relative = (offsetMs: number) => formatRelativeTime(at(offsetMs), { now, locale: 'en' })

    it.each([
      [-5 * second, '5 seconds ago'],
      [-59 * second, '59 seconds ago'],
      [-3 * minute, '3 minutes ago'],
      [-3 * hour, '3 hours ago'],
      [-day, 'yesterday'],
      [-2 * day, '2 days ago'],
      [-14 * day, '2 weeks ago'],
      [-60 * day, '2 months ago'],
      [-730 * day, '2 years ago'],
    ])('describes %d ms in the past as "%s"', (offset, text) => {
      expect(relative(offset)).toBe(text)
    })

    it.each([
      [5 * second, 'in 5 seconds'],
      [10 * minute, 'in 10 minutes'],
      [2 * hour, 'in 2 hours'],
      [day, 'tomorrow'],
      [3 * day, 'in 3 days'],
      [21 * day, 'in 3 weeks'],
      [90 * day, 'in 3 months'],
      [3 * 365 * day, 'in 3 years'],
    ])('describes %d ms in the future as "%s"', (offset, text) => {
      expect(relative(offset)).toBe(text)
    })

    it('says "now" for less than half a second either way', () => {
      expect(relative(0)).toBe('now')
      expect(relative(-400)).toBe('now')
      expect(relative(400)).toBe('now')
    })

    it('switches to the larger unit once a whole one has passed', () => {
      expect(relative(-90 * second)).toBe('1 minute ago')
      expect(relative(-hour)).toBe('1 hour ago')
    })

    it('never shows a count that rounds up to the next unit', () => {
      expect(relative(-59.6 * second)).toBe('1 minute ago')
      expect(relative(-59.6 * minute)).toBe('1 hour ago')
      expect(relative(-23.7 * hour)).toBe('yesterday')
      expect(relative(-364 * day)).toBe('last year')
    })
  })

  describe('in German', () => {
    const relative = (offsetMs: number) => formatRelativeTime(at(offsetMs), { now, locale: 'de' })

    it.each([
      [-5 * second, 'vor 5 Sekunden'],
      [-3 * minute, 'vor 3 Minuten'],
      [-3 * hour, 'vor 3 Stunden'],
      [-day, 'gestern'],
      [-2 * day, 'vorgestern'],
      [-14 * day, 'vor 2 Wochen'],
      [-60 * day, 'vor 2 Monaten'],
      [-730 * day, 'vor 2 Jahren'],
    ])('describes %d ms in the past as "%s"', (offset, text) => {
      expect(relative(offset)).toBe(text)
    })

    it.each([
      [5 * second, 'in 5 Sekunden'],
      [2 * hour, 'in 2 Stunden'],
      [day, 'morgen'],
      [90 * day, 'in 3 Monaten'],
      [3 * 365 * day, 'in 3 Jahren'],
    ])('describes %d ms in the future as "%s"', (offset, text) => {
      expect(relative(offset)).toBe(text)
    })

    it('says "jetzt" for the present', () => {
      expect(relative(0)).toBe('jetzt')
    })
  })

  it('accepts a Date, a timestamp or an ISO string, for the value and for now', () => {
    const value = Date.parse(now) - 3 * minute
    expect(formatRelativeTime(value, { now, locale: 'en' })).toBe('3 minutes ago')
    expect(formatRelativeTime(new Date(value), { now: Date.parse(now), locale: 'en' })).toBe('3 minutes ago')
    expect(formatRelativeTime(new Date(value).toISOString(), { now: new Date(now), locale: 'en' })).toBe(
      '3 minutes ago',
    )
  })

  it('measures from the current time when no now is given', () => {
    expect(formatRelativeTime(Date.now() - 5 * minute, { locale: 'en' })).toBe('5 minutes ago')
  })

  describe('given a missing or unreadable date', () => {
    it.each([
      ['null', null],
      ['undefined', undefined],
      ['an empty string', ''],
      ['a word', 'yesterday-ish'],
      ['NaN', Number.NaN],
      ['an invalid Date', new Date('nope')],
    ])('returns an empty string for %s', (_label, value) => {
      expect(formatRelativeTime(value, { now, locale: 'en' })).toBe('')
    })

    it('returns an empty string when now is unreadable', () => {
      expect(formatRelativeTime(now, { now: 'not a date', locale: 'en' })).toBe('')
    })
  })
})

describe('formatDateTime', () => {
  it('shows the full date and time in the given zone and locale', () => {
    // \s: newer ICU puts a narrow no-break space before AM/PM.
    expect(formatDateTime('2026-01-01T10:00:00Z', { locale: 'en-US', timeZone: 'UTC' })).toMatch(
      /^Jan 1, 2026, 10:00:00\sAM UTC$/,
    )
    expect(formatDateTime('2026-01-01T10:00:00Z', { locale: 'de-DE', timeZone: 'UTC' })).toBe(
      '01.01.2026, 10:00:00 UTC',
    )
  })

  it('converts the instant into the time zone asked for', () => {
    expect(formatDateTime('2026-07-01T23:30:00+02:00', { locale: 'de-DE', timeZone: 'UTC' })).toBe(
      '01.07.2026, 21:30:00 UTC',
    )
  })

  it('accepts a Date and a timestamp', () => {
    const text = formatDateTime('2026-01-01T10:00:00Z', { locale: 'de-DE', timeZone: 'UTC' })
    expect(formatDateTime(new Date('2026-01-01T10:00:00Z'), { locale: 'de-DE', timeZone: 'UTC' })).toBe(text)
    expect(formatDateTime(Date.parse('2026-01-01T10:00:00Z'), { locale: 'de-DE', timeZone: 'UTC' })).toBe(text)
  })

  it.each([null, undefined, '', 'not a date', Number.NaN])('returns an empty string for %s', (value) => {
    expect(formatDateTime(value, { locale: 'en-US', timeZone: 'UTC' })).toBe('')
  })
})

describe('formatDuration', () => {
  it('shows whole milliseconds below one second', () => {
    expect(formatDuration(0, 'en')).toBe('0 ms')
    expect(formatDuration(245, 'en')).toBe('245 ms')
    expect(formatDuration(999, 'en')).toBe('999 ms')
    expect(formatDuration(12.4, 'en')).toBe('12 ms')
  })

  it('shows seconds with one decimal below one minute', () => {
    expect(formatDuration(1000, 'en')).toBe('1 sec')
    expect(formatDuration(1530, 'en')).toBe('1.5 sec')
    expect(formatDuration(42_000, 'en')).toBe('42 sec')
  })

  it('shows minutes with one decimal from one minute on', () => {
    expect(formatDuration(60_000, 'en')).toBe('1 min')
    expect(formatDuration(90_000, 'en')).toBe('1.5 min')
    expect(formatDuration(3_600_000, 'en')).toBe('60 min')
  })

  it('never shows a value that rounds up to the next unit', () => {
    expect(formatDuration(999.6, 'en')).toBe('1 sec')
    expect(formatDuration(59_999, 'en')).toBe('1 min')
    expect(formatDuration(59_940, 'en')).toBe('59.9 sec')
  })

  it('uses the locale for the decimal separator and unit', () => {
    expect(formatDuration(1530, 'de')).toBe('1,5 Sek.')
    expect(formatDuration(90_000, 'de')).toBe('1,5 Min.')
  })

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a negative number', -1],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
  ])('returns an empty string for %s', (_label, value) => {
    expect(formatDuration(value, 'en')).toBe('')
  })
})

describe('formatCount', () => {
  it('groups digits below a million and goes compact above', () => {
    expect(formatCount(0, 'en')).toBe('0')
    expect(formatCount(1234, 'en')).toBe('1,234')
    expect(formatCount(999_999, 'en')).toBe('999,999')
    expect(formatCount(1_250_000, 'en')).toBe('1.3M')
    expect(formatCount(98_765_432, 'en')).toBe('98.8M')
    expect(formatCount(1234, 'de')).toBe('1.234')
  })
})

describe('formatNumber', () => {
  it('writes a number as toLocaleString does for the locale, whatever its size', () => {
    expect(formatNumber(1_234_567, 'de')).toBe('1.234.567')
    expect(formatNumber(19, 'ar-EG')).toBe('١٩')
    expect(formatNumber(98_765_432, 'en')).toBe('98,765,432')
    fc.assert(
      fc.property(
        fc.oneof(fc.integer(), fc.double({ noNaN: false })),
        fc.constantFrom(undefined, 'en', 'de', 'ar-EG', 'hi-IN', 'fr-CH'),
        (value, locale) => formatNumber(value, locale) === value.toLocaleString(locale),
      ),
    )
  })

  it('rejects an invalid locale as toLocaleString does', () => {
    expect(() => formatNumber(1, 'not a locale!')).toThrow(RangeError)
  })
})
