import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { IntegrationWebhook } from '../../src/core/schemas'
import { compareWebhooks, sortWebhooks, type WebhookSortKey } from '../../src/core/sort'
import {
  type SuccessCounts,
  sortWebhooksWithStats,
  successRateKey,
  type WebhookTableSortRule,
} from '../../src/core/stats-sort'
import { makeWebhook } from './fixtures'

const runs = { numRuns: 250 }

const names = (rows: readonly IntegrationWebhook[]) => rows.map((row) => row.external_config.integration_name)

describe('successRateKey', () => {
  it('is successes over finished executions, and null when none finished', () => {
    expect(successRateKey({ success: 3, error: 1 })).toBe(0.75)
    expect(successRateKey({ success: 0, error: 4 })).toBe(0)
    expect(successRateKey({ success: 9, error: 0 })).toBe(1)
    expect(successRateKey({ success: 0, error: 0 })).toBeNull()
    expect(successRateKey(undefined)).toBeNull()
    expect(successRateKey({ success: Number.NaN, error: 1 })).toBeNull()
    expect(successRateKey({ success: -1, error: 2 })).toBeNull()
  })
})

describe('sortWebhooksWithStats', () => {
  const row = (id: string, name: string) => makeWebhook({ id, name })
  const rows = [
    row('a', 'Alpha'),
    row('b', 'Bravo'),
    row('c', 'Charlie'),
    row('d', 'Delta'),
    row('e', 'Echo'),
    row('f', 'Foxtrot'),
  ]
  const stats: Record<string, SuccessCounts> = {
    a: { success: 9, error: 1 }, // 90%
    // b: no statistics at all
    c: { success: 5, error: 0 }, // 100%
    d: { success: 1, error: 1 }, // 50%
    e: { success: 0, error: 0 }, // nothing finished
    f: { success: 18, error: 2 }, // 90%, like a
  }

  it('sorts by success rate, worst first ascending, best first descending, rows without a rate last both ways', () => {
    expect(names(sortWebhooksWithStats(rows, [{ id: 'successRate' }], stats))).toEqual([
      'Delta',
      'Alpha',
      'Foxtrot',
      'Charlie',
      'Bravo',
      'Echo',
    ])
    expect(names(sortWebhooksWithStats(rows, [{ id: 'successRate', desc: true }], stats))).toEqual([
      'Charlie',
      'Alpha',
      'Foxtrot',
      'Delta',
      'Bravo',
      'Echo',
    ])
  })

  it('breaks ties with the next rule, and takes a statistics rule after a row rule', () => {
    expect(
      names(
        sortWebhooksWithStats(
          rows,
          [
            { id: 'successRate', desc: true },
            { id: 'name', desc: true },
          ],
          stats,
        ),
      ),
    ).toEqual(['Charlie', 'Foxtrot', 'Alpha', 'Delta', 'Echo', 'Bravo'])
    const mixed = [makeWebhook({ id: 'x', name: 'Same' }), makeWebhook({ id: 'y', name: 'Same' }), rows[0]]
    expect(
      sortWebhooksWithStats(mixed as IntegrationWebhook[], [{ id: 'name' }, { id: 'successRate' }], {
        x: { success: 1, error: 3 },
        y: { success: 1, error: 1 },
      }).map((webhook) => webhook.id),
    ).toEqual(['a', 'x', 'y'])
  })

  it('without statistics every row has no rate: the input order stays', () => {
    expect(sortWebhooksWithStats(rows, [{ id: 'successRate', desc: true }], undefined)).toEqual(rows)
  })

  it('is sortWebhooks itself when no rule reads the statistics', () => {
    const rules = [{ id: 'name', desc: true }] as const
    expect(sortWebhooksWithStats(rows, rules, stats)).toEqual(sortWebhooks(rows, rules))
  })

  it('reads only the statistics of its own rows (an id like "constructor" finds nothing inherited)', () => {
    const odd = [makeWebhook({ id: 'constructor', name: 'Odd' }), row('a', 'Alpha')]
    expect(names(sortWebhooksWithStats(odd, [{ id: 'successRate' }], { a: { success: 1, error: 0 } }))).toEqual([
      'Alpha',
      'Odd',
    ])
  })
})

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

const rowKeys: WebhookSortKey[] = ['name', 'status', 'lastTriggered', 'triggerCount', 'errorCount']
const isoDate = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-01-01T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString())

/** Rows whose ids are their input positions, so stability can be checked. */
const indexedRows = fc
  .array(
    fc.record({
      name: fc.constantFrom('Gmail', 'gmail', 'Slack', 'Item 2', 'Item 10', 'Élan', ''),
      status: fc.constantFrom('active', 'inactive', 'error' as const),
      last_triggered: fc.oneof(fc.constant(null), isoDate),
      trigger_count: fc.nat({ max: 3 }),
      error_count: fc.nat({ max: 3 }),
    }),
    { maxLength: 14 },
  )
  .map((rows) => rows.map((fields, index) => makeWebhook({ ...fields, id: String(index) })))

/** Statistics for some of the rows (by id), few distinct rates so ties happen; some with nothing finished. */
const statsFor = fc.dictionary(
  fc.nat({ max: 14 }).map(String),
  fc.record({ success: fc.nat({ max: 4 }), error: fc.nat({ max: 4 }) }),
  { maxKeys: 15 },
)

const tableRules = fc.array(
  fc.record(
    { id: fc.constantFrom<WebhookTableSortRule['id']>('successRate', ...rowKeys), desc: fc.boolean() },
    { requiredKeys: ['id'] },
  ),
  { minLength: 1, maxLength: 3 },
)

/** The order the rules define, written the plain way: a comparator, rule by rule. */
function compareReference(
  a: IntegrationWebhook,
  b: IntegrationWebhook,
  rules: readonly WebhookTableSortRule[],
  stats: Record<string, SuccessCounts>,
): number {
  for (const rule of rules) {
    if (rule.id !== 'successRate') {
      const result = compareWebhooks(a, b, [{ id: rule.id, desc: rule.desc }], 'en')
      if (result !== 0) return result
      continue
    }
    const ka = successRateKey(stats[a.id])
    const kb = successRateKey(stats[b.id])
    if (ka === null || kb === null) {
      if (ka !== kb) return ka === null ? 1 : -1
      continue
    }
    if (ka !== kb) return (rule.desc ? -1 : 1) * (ka - kb)
  }
  return 0
}

describe('sortWebhooksWithStats (properties)', () => {
  it('is a stable sort by the rules: the same as sorting with the plain comparator', () => {
    fc.assert(
      fc.property(indexedRows, tableRules, statsFor, (rows, rules, stats) => {
        const sorted = sortWebhooksWithStats(rows, rules, stats, 'en')
        const expected = [...rows].sort((a, b) => compareReference(a, b, rules, stats) || Number(a.id) - Number(b.id))
        expect(sorted.map((row) => row.id)).toEqual(expected.map((row) => row.id))
        // The input is left as it was.
        expect(rows.map((row) => row.id)).toEqual(rows.map((_, index) => String(index)))
      }),
      runs,
    )
  })

  it('puts the rows without a success rate last, in input order, whichever the direction', () => {
    fc.assert(
      fc.property(indexedRows, statsFor, fc.boolean(), (rows, stats, desc) => {
        const sorted = sortWebhooksWithStats(rows, [{ id: 'successRate', desc }], stats)
        const withRate = sorted.filter((row) => successRateKey(stats[row.id]) !== null)
        const without = sorted.slice(withRate.length)
        expect(sorted.slice(0, withRate.length)).toEqual(withRate)
        expect(without.map((row) => row.id)).toEqual(
          rows.filter((row) => successRateKey(stats[row.id]) === null).map((row) => row.id),
        )
        const rates = withRate.map((row) => successRateKey(stats[row.id]) as number)
        for (let i = 1; i < rates.length; i++) {
          if (desc) expect(rates[i]).toBeLessThanOrEqual(rates[i - 1] as number)
          else expect(rates[i]).toBeGreaterThanOrEqual(rates[i - 1] as number)
        }
      }),
      runs,
    )
  })
})
