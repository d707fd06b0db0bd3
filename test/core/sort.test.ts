import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { IntegrationWebhook } from '../../src/core/schemas'
import { compareWebhooks, prepareSort, sortWebhooks, webhookComparators, webhookStatusRank } from '../../src/core/sort'
import { makeWebhook } from './fixtures'

const ids = (rows: readonly IntegrationWebhook[]) => rows.map((row) => row.id)
const named = (...names: string[]) => names.map((name, i) => makeWebhook({ id: `w${i}`, name }))
const names = (rows: readonly IntegrationWebhook[]) => rows.map((row) => row.external_config.integration_name)

describe('sortWebhooks', () => {
  describe('by name', () => {
    const rows = named('Slack', 'GitHub', 'Airtable')

    it('sorts A to Z ascending', () => {
      expect(names(sortWebhooks(rows, [{ id: 'name' }]))).toEqual(['Airtable', 'GitHub', 'Slack'])
    })

    it('sorts Z to A descending', () => {
      expect(names(sortWebhooks(rows, [{ id: 'name', desc: true }]))).toEqual(['Slack', 'GitHub', 'Airtable'])
    })

    it('puts an accented letter with its base letter, not after Z', () => {
      expect(names(sortWebhooks(named('Zebra', 'Élan', 'Delta'), [{ id: 'name' }], 'en'))).toEqual([
        'Delta',
        'Élan',
        'Zebra',
      ])
    })

    it('compares numbers inside names by value', () => {
      expect(names(sortWebhooks(named('Item 10', 'Item 2', 'Item 1'), [{ id: 'name' }], 'en'))).toEqual([
        'Item 1',
        'Item 2',
        'Item 10',
      ])
    })

    it('ignores case, so names differing only in case keep their order', () => {
      expect(ids(sortWebhooks(named('slack', 'Slack', 'SLACK'), [{ id: 'name' }]))).toEqual(['w0', 'w1', 'w2'])
    })

    it("follows the given locale's alphabet", () => {
      const rows = named('Zebra', 'Ärlig')
      expect(names(sortWebhooks(rows, [{ id: 'name' }], 'de'))).toEqual(['Ärlig', 'Zebra'])
      expect(names(sortWebhooks(rows, [{ id: 'name' }], 'sv'))).toEqual(['Zebra', 'Ärlig'])
    })
  })

  describe('by provider', () => {
    const rows = ['stripe', 'asana', 'gmail'].map((provider_id) => makeWebhook({ provider_id }))

    it('sorts provider ids ascending and descending', () => {
      expect(ids(sortWebhooks(rows, [{ id: 'provider' }]))).toEqual([
        'asana-webhook',
        'gmail-webhook',
        'stripe-webhook',
      ])
      expect(ids(sortWebhooks(rows, [{ id: 'provider', desc: true }]))).toEqual([
        'stripe-webhook',
        'gmail-webhook',
        'asana-webhook',
      ])
    })
  })

  describe('by category', () => {
    const rows = ['zzz-custom', 'other', 'development', 'aaa-custom', 'communication', 'ai'].map((category) =>
      makeWebhook({ id: category, category }),
    )

    it('follows the display order of the categories, with unknown ones after them alphabetically', () => {
      expect(ids(sortWebhooks(rows, [{ id: 'category' }]))).toEqual([
        'communication',
        'development',
        'ai',
        'other',
        'aaa-custom',
        'zzz-custom',
      ])
    })

    it('reverses that order descending', () => {
      expect(ids(sortWebhooks(rows, [{ id: 'category', desc: true }]))).toEqual([
        'zzz-custom',
        'aaa-custom',
        'other',
        'ai',
        'development',
        'communication',
      ])
    })
  })

  describe('by status', () => {
    const rows = (['inactive', 'active', 'error'] as const).map((status) => makeWebhook({ id: status, status }))

    it('puts problems first: error, active, inactive', () => {
      expect(ids(sortWebhooks(rows, [{ id: 'status' }]))).toEqual(['error', 'active', 'inactive'])
    })

    it('reverses that rank descending', () => {
      expect(ids(sortWebhooks(rows, [{ id: 'status', desc: true }]))).toEqual(['inactive', 'active', 'error'])
    })

    it('exposes the rank it uses', () => {
      expect(webhookStatusRank).toEqual({ error: 0, active: 1, inactive: 2 })
    })
  })

  describe('by webhook URL', () => {
    const rows = ['https://b.example.com/x', 'https://a.example.com/y', 'https://c.example.com/z'].map((url, i) =>
      makeWebhook({ id: `w${i}`, webhook_url: url }),
    )

    it('sorts URLs ascending and descending', () => {
      expect(ids(sortWebhooks(rows, [{ id: 'webhookUrl' }]))).toEqual(['w1', 'w0', 'w2'])
      expect(ids(sortWebhooks(rows, [{ id: 'webhookUrl', desc: true }]))).toEqual(['w2', 'w0', 'w1'])
    })
  })

  describe('by trigger types', () => {
    const rows = [['a', 'b'], [], ['a', 'b', 'c'], ['z']].map((trigger_types, i) =>
      makeWebhook({ id: `w${i}`, trigger_types }),
    )

    it('sorts by how many trigger types a row has', () => {
      expect(ids(sortWebhooks(rows, [{ id: 'triggerTypes' }]))).toEqual(['w1', 'w3', 'w0', 'w2'])
      expect(ids(sortWebhooks(rows, [{ id: 'triggerTypes', desc: true }]))).toEqual(['w2', 'w0', 'w3', 'w1'])
    })
  })

  describe.each([
    ['triggerCount', 'trigger_count'],
    ['errorCount', 'error_count'],
  ] as const)('by %s', (column, field) => {
    const rows = [5, 0, 120, 7].map((value, i) => makeWebhook({ id: `w${i}`, [field]: value }))

    it('sorts smallest first ascending', () => {
      expect(ids(sortWebhooks(rows, [{ id: column }]))).toEqual(['w1', 'w0', 'w3', 'w2'])
    })

    it('sorts largest first descending', () => {
      expect(ids(sortWebhooks(rows, [{ id: column, desc: true }]))).toEqual(['w2', 'w3', 'w0', 'w1'])
    })
  })

  describe('by last triggered', () => {
    const rows = [
      makeWebhook({ id: 'never-1', last_triggered: null }),
      makeWebhook({ id: 'june', last_triggered: '2026-06-01T00:00:00Z' }),
      makeWebhook({ id: 'january', last_triggered: '2026-01-01T00:00:00Z' }),
      makeWebhook({ id: 'never-2', last_triggered: null }),
      makeWebhook({ id: 'march', last_triggered: '2026-03-01T00:00:00+01:00' }),
    ]

    it('puts the oldest first ascending, never-triggered rows last', () => {
      expect(ids(sortWebhooks(rows, [{ id: 'lastTriggered' }]))).toEqual([
        'january',
        'march',
        'june',
        'never-1',
        'never-2',
      ])
    })

    it('puts the newest first descending, never-triggered rows still last', () => {
      expect(ids(sortWebhooks(rows, [{ id: 'lastTriggered', desc: true }]))).toEqual([
        'june',
        'march',
        'january',
        'never-1',
        'never-2',
      ])
    })

    it('compares instants, not strings, across time zone offsets', () => {
      const rows = [
        makeWebhook({ id: 'later', last_triggered: '2026-01-01T10:00:00+00:00' }),
        makeWebhook({ id: 'earlier', last_triggered: '2026-01-01T11:00:00+02:00' }),
      ]
      expect(ids(sortWebhooks(rows, [{ id: 'lastTriggered' }]))).toEqual(['earlier', 'later'])
    })

    it('treats an unreadable date like a row never triggered', () => {
      const rows = [
        makeWebhook({ id: 'garbage', last_triggered: 'not a date' }),
        makeWebhook({ id: 'dated', last_triggered: '2026-01-01T00:00:00Z' }),
      ]
      expect(ids(sortWebhooks(rows, [{ id: 'lastTriggered', desc: true }]))).toEqual(['dated', 'garbage'])
      expect(ids(sortWebhooks(rows, [{ id: 'lastTriggered' }]))).toEqual(['dated', 'garbage'])
    })
  })

  describe('given several rules', () => {
    it('lets the first rule that differs decide', () => {
      const rows = [
        makeWebhook({ id: 'active-old', status: 'active', last_triggered: '2026-01-01T00:00:00Z' }),
        makeWebhook({ id: 'inactive', status: 'inactive', last_triggered: '2026-09-01T00:00:00Z' }),
        makeWebhook({ id: 'error', status: 'error', last_triggered: null }),
        makeWebhook({ id: 'active-new', status: 'active', last_triggered: '2026-05-01T00:00:00Z' }),
      ]
      expect(ids(sortWebhooks(rows, [{ id: 'status' }, { id: 'lastTriggered', desc: true }]))).toEqual([
        'error',
        'active-new',
        'active-old',
        'inactive',
      ])
    })

    it('applies each rule in its own direction', () => {
      const rows = [
        makeWebhook({ id: 'b-1', name: 'Beta', error_count: 1 }),
        makeWebhook({ id: 'a-3', name: 'Alpha', error_count: 3 }),
        makeWebhook({ id: 'c-3', name: 'Gamma', error_count: 3 }),
        makeWebhook({ id: 'a-1', name: 'Alpha', error_count: 1 }),
      ]
      expect(ids(sortWebhooks(rows, [{ id: 'errorCount', desc: true }, { id: 'name' }]))).toEqual([
        'a-3',
        'c-3',
        'a-1',
        'b-1',
      ])
    })

    it('moves on to the next rule when both rows were never triggered', () => {
      const rows = [
        makeWebhook({ id: 'z', name: 'Zapier', last_triggered: null }),
        makeWebhook({ id: 'a', name: 'Asana', last_triggered: null }),
      ]
      expect(ids(sortWebhooks(rows, [{ id: 'lastTriggered' }, { id: 'name' }]))).toEqual(['a', 'z'])
    })
  })

  describe('given rows with equal keys', () => {
    it('keeps them in their input order, ascending and descending', () => {
      const rows = [
        makeWebhook({ id: 'first', status: 'active' }),
        makeWebhook({ id: 'error', status: 'error' }),
        makeWebhook({ id: 'second', status: 'active' }),
        makeWebhook({ id: 'third', status: 'active' }),
      ]
      expect(ids(sortWebhooks(rows, [{ id: 'status' }]))).toEqual(['error', 'first', 'second', 'third'])
      expect(ids(sortWebhooks(rows, [{ id: 'status', desc: true }]))).toEqual(['first', 'second', 'third', 'error'])
    })

    it('keeps the input order when there are no rules', () => {
      const rows = named('C', 'A', 'B')
      expect(ids(sortWebhooks(rows, []))).toEqual(['w0', 'w1', 'w2'])
    })
  })

  describe('given an unknown column', () => {
    it('throws a TypeError naming the column', () => {
      const rows = named('A', 'B')
      // @ts-expect-error: a column that does not exist, as an untyped caller could pass
      expect(() => sortWebhooks(rows, [{ id: 'color' }])).toThrow(new TypeError('Unknown sort column "color"'))
    })
  })

  it('sorts the same list again in the other direction, and notices an array changed in place', () => {
    const rows = named('Slack', 'GitHub', 'Airtable', 'GitHub')
    expect(ids(sortWebhooks(rows, [{ id: 'name' }]))).toEqual(['w2', 'w1', 'w3', 'w0'])
    // Ties keep their input order in both directions (w1 before w3), as compareWebhooks says.
    expect(ids(sortWebhooks(rows, [{ id: 'name', desc: true }]))).toEqual(['w0', 'w1', 'w3', 'w2'])
    rows[0] = makeWebhook({ id: 'w9', name: 'Asana' })
    expect(ids(sortWebhooks(rows, [{ id: 'name' }]))).toEqual(['w2', 'w9', 'w1', 'w3'])
    expect(names(sortWebhooks(rows, [{ id: 'name' }], 'sv'))).toEqual(['Airtable', 'Asana', 'GitHub', 'GitHub'])
  })

  it('returns a new array and leaves the input as it was', () => {
    const rows = Object.freeze(named('C', 'A', 'B'))
    const sorted = sortWebhooks(rows, [{ id: 'name' }])
    expect(sorted).not.toBe(rows)
    expect(ids(rows)).toEqual(['w0', 'w1', 'w2'])
    expect(ids(sorted)).toEqual(['w1', 'w2', 'w0'])
    // Each call returns its own array: changing one leaves the next sort of the list right.
    sorted.reverse()
    const again = sortWebhooks(rows, [{ id: 'name' }])
    expect(again).not.toBe(sorted)
    expect(ids(again)).toEqual(['w1', 'w2', 'w0'])
  })
})

describe('prepareSort', () => {
  // What preparing saves is measured in BENCHMARKS.md; here only that it changes no order.
  const sortable = fc.array(
    fc.record({
      name: fc.constantFrom('Slack', 'github', 'Airtable', 'GitHub', 'Zapier', 'Äther', 'éclair', 'b2', 'b10', ''),
      errors: fc.nat({ max: 5 }),
      triggered: fc.option(fc.constantFrom('2026-01-01T00:00:00.000Z', '2026-03-01T12:00:00.000Z'), { nil: null }),
      status: fc.constantFrom('active' as const, 'inactive' as const, 'error' as const),
    }),
    { maxLength: 25 },
  )
  const columns = [
    'name',
    'webhookUrl',
    'status',
    'lastTriggered',
    'errorCount',
    'triggerCount',
    'triggerTypes',
  ] as const

  it('sorts a prepared list exactly like a fresh copy, in both directions and any locale (property)', () => {
    fc.assert(
      fc.property(
        sortable,
        fc.constantFrom(...columns),
        fc.boolean(),
        fc.constantFrom('de', 'sv', undefined),
        (specs, id, desc, locale) => {
          const rows = specs.map((spec, i) =>
            makeWebhook({
              id: `w${i}`,
              name: spec.name,
              error_count: spec.errors,
              last_triggered: spec.triggered,
              status: spec.status,
            }),
          )
          const fresh = ids(sortWebhooks([...rows], [{ id, desc }], locale))
          prepareSort(rows, [...columns], 'de')
          expect(ids(sortWebhooks(rows, [{ id, desc }], locale))).toEqual(fresh)
        },
      ),
      { numRuns: 60 },
    )
  })
})

describe('compareWebhooks', () => {
  const a = makeWebhook({ id: 'a', name: 'Alpha', error_count: 1 })
  const b = makeWebhook({ id: 'b', name: 'Beta', error_count: 1 })

  it('is negative, zero or positive like an Array.prototype.sort comparator', () => {
    expect(compareWebhooks(a, b, [{ id: 'name' }])).toBeLessThan(0)
    expect(compareWebhooks(b, a, [{ id: 'name' }])).toBeGreaterThan(0)
    expect(compareWebhooks(a, b, [{ id: 'errorCount' }])).toBe(0)
  })

  it('is zero with no rules', () => {
    expect(compareWebhooks(a, b, [])).toBe(0)
  })

  it('keeps never-triggered rows last whichever the direction', () => {
    const never = makeWebhook({ last_triggered: null })
    const once = makeWebhook({ last_triggered: '2026-01-01T00:00:00Z' })
    expect(compareWebhooks(never, once, [{ id: 'lastTriggered' }])).toBeGreaterThan(0)
    expect(compareWebhooks(never, once, [{ id: 'lastTriggered', desc: true }])).toBeGreaterThan(0)
    expect(compareWebhooks(once, never, [{ id: 'lastTriggered', desc: true }])).toBeLessThan(0)
  })
})

describe('webhookComparators', () => {
  it('has one ascending comparator per column except lastTriggered', () => {
    expect(Object.keys(webhookComparators).sort()).toEqual(
      ['category', 'errorCount', 'name', 'provider', 'status', 'triggerCount', 'triggerTypes', 'webhookUrl'].sort(),
    )
  })

  it('can be handed to Array.prototype.sort directly', () => {
    const rows = [3, 1, 2].map((error_count) => makeWebhook({ id: `e${error_count}`, error_count }))
    expect(ids([...rows].sort((x, y) => webhookComparators.errorCount(x, y)))).toEqual(['e1', 'e2', 'e3'])
  })

  it('takes a locale for the text columns', () => {
    const [zebra, arlig] = named('Zebra', 'Ärlig') as [IntegrationWebhook, IntegrationWebhook]
    expect(webhookComparators.name(arlig, zebra, 'de')).toBeLessThan(0)
    expect(webhookComparators.name(arlig, zebra, 'sv')).toBeGreaterThan(0)
  })
})
