import { describe, expect, it } from 'vitest'
import {
  countWebhookFacets,
  filterWebhooks,
  matchesWebhookFilter,
  normalizeSearchText,
  prepareSearch,
} from '../../src/core/filter'
import type { IntegrationWebhook } from '../../src/core/schemas'
import { makeWebhook } from './fixtures'

const ids = (rows: readonly IntegrationWebhook[]) => rows.map((row) => row.id)

const gmail = makeWebhook({
  id: 'gmail',
  provider_id: 'gmail',
  name: 'Gmail',
  category: 'communication',
  status: 'active',
  setupRequired: false,
  webhook_url: 'https://app.example.com/api/integration-webhooks/gmail',
  trigger_types: ['gmail_trigger_new_email', 'gmail_trigger_label_added'],
})
const outlook = makeWebhook({
  id: 'outlook',
  provider_id: 'microsoft-outlook',
  name: 'Microsoft Outlook',
  category: 'communication',
  status: 'error',
  setupRequired: true,
  webhook_url: 'https://hooks.example.net/in/outlook',
  trigger_types: ['microsoft_outlook_trigger_new_email'],
})
const github = makeWebhook({
  id: 'github',
  provider_id: 'github',
  name: 'GitHub',
  category: 'development',
  status: 'inactive',
  setupRequired: true,
  webhook_url: 'https://app.example.com/api/integration-webhooks/github',
  trigger_types: ['github_trigger_push', 'github_trigger_pull_request'],
})
const cafe = makeWebhook({
  id: 'cafe',
  provider_id: 'cafe-crm',
  name: 'Café Crème CRM',
  category: 'business',
  status: 'active',
  setupRequired: false,
  webhook_url: 'https://app.example.com/api/integration-webhooks/cafe-crm',
  trigger_types: ['cafe_crm_trigger_new_order'],
})
const rows = [gmail, outlook, github, cafe]

describe('normalizeSearchText', () => {
  it('lowercases and drops diacritics', () => {
    expect(normalizeSearchText('Crème BRÛLÉE')).toBe('creme brulee')
  })

  it('folds compatibility forms such as ligatures and full-width letters', () => {
    expect(normalizeSearchText('ﬁle ＡＢＣ')).toBe('file abc')
  })

  it('leaves plain lower-case ASCII as it is', () => {
    expect(normalizeSearchText('github_trigger_push')).toBe('github_trigger_push')
  })
})

describe('filterWebhooks', () => {
  describe('given no filter', () => {
    it('keeps every row in its original order', () => {
      expect(ids(filterWebhooks(rows, {}))).toEqual(['gmail', 'outlook', 'github', 'cafe'])
    })

    it('treats empty facet lists and a blank query as "all"', () => {
      expect(ids(filterWebhooks(rows, { query: '   ', categories: [], statuses: [], setupRequired: false }))).toEqual([
        'gmail',
        'outlook',
        'github',
        'cafe',
      ])
    })
  })

  describe('given a query', () => {
    it('matches the integration name', () => {
      expect(ids(filterWebhooks(rows, { query: 'outlook' }))).toEqual(['outlook'])
    })

    it('matches the provider id', () => {
      expect(ids(filterWebhooks(rows, { query: 'microsoft-outlook' }))).toEqual(['outlook'])
    })

    it('matches the trigger types', () => {
      expect(ids(filterWebhooks(rows, { query: 'new_email' }))).toEqual(['gmail', 'outlook'])
      expect(ids(filterWebhooks(rows, { query: 'pull_request' }))).toEqual(['github'])
    })

    it('matches the webhook URL', () => {
      expect(ids(filterWebhooks(rows, { query: 'hooks.example.net' }))).toEqual(['outlook'])
    })

    it('matches part of a word', () => {
      expect(ids(filterWebhooks(rows, { query: 'hub' }))).toEqual(['github'])
    })

    it('requires every word to match, each anywhere in the row', () => {
      expect(ids(filterWebhooks(rows, { query: 'new email' }))).toEqual(['gmail', 'outlook'])
      expect(ids(filterWebhooks(rows, { query: 'email label' }))).toEqual(['gmail'])
      expect(ids(filterWebhooks(rows, { query: 'email push' }))).toEqual([])
    })

    it('ignores extra whitespace between words', () => {
      expect(ids(filterWebhooks(rows, { query: '  email\t  label \n' }))).toEqual(['gmail'])
    })

    it('ignores case', () => {
      expect(ids(filterWebhooks(rows, { query: 'GITHUB' }))).toEqual(['github'])
    })

    it('ignores diacritics on either side', () => {
      expect(ids(filterWebhooks(rows, { query: 'cafe creme' }))).toEqual(['cafe'])
      expect(ids(filterWebhooks(rows, { query: 'CRÉME' }))).toEqual(['cafe'])
      expect(ids(filterWebhooks(rows, { query: 'gïthüb' }))).toEqual(['github'])
    })

    it('matches nothing when no row has the word', () => {
      expect(filterWebhooks(rows, { query: 'stripe' })).toEqual([])
    })
  })

  describe('given facets', () => {
    it('keeps the rows in any of the chosen categories', () => {
      expect(ids(filterWebhooks(rows, { categories: ['communication'] }))).toEqual(['gmail', 'outlook'])
      expect(ids(filterWebhooks(rows, { categories: ['development', 'business'] }))).toEqual(['github', 'cafe'])
    })

    it('keeps the rows in any of the chosen statuses', () => {
      expect(ids(filterWebhooks(rows, { statuses: ['active'] }))).toEqual(['gmail', 'cafe'])
      expect(ids(filterWebhooks(rows, { statuses: ['error', 'inactive'] }))).toEqual(['outlook', 'github'])
    })

    it('keeps only the rows that need setup when setupRequired is set', () => {
      expect(ids(filterWebhooks(rows, { setupRequired: true }))).toEqual(['outlook', 'github'])
    })

    it('combines facets and query with AND', () => {
      expect(ids(filterWebhooks(rows, { query: 'email', categories: ['communication'], statuses: ['error'] }))).toEqual(
        ['outlook'],
      )
      expect(ids(filterWebhooks(rows, { categories: ['development'], statuses: ['active'] }))).toEqual([])
    })
  })

  describe('over a long list (its search index)', () => {
    // 200 rows: two texts that hold "alpha", interleaved, among rows that each have their own.
    const long = Array.from({ length: 200 }, (_, i) =>
      makeWebhook({
        id: `row-${i}`,
        provider_id: i % 10 === 0 ? (i % 20 === 0 ? 'alpha-one' : 'alpha-two') : `other-${i}`,
      }),
    )
    const expected = (query: string) => long.filter((row) => row.provider_id.includes(query)).map((row) => row.id)

    it('keeps the list order when a few texts match (their rows merged)', () => {
      expect(ids(filterWebhooks(long, { query: 'alpha' }))).toEqual(expected('alpha'))
      expect(ids(filterWebhooks(long, { query: 'alpha' }))).toHaveLength(20)
    })

    it('keeps the list order when the texts that match hold most rows (a broad query)', () => {
      expect(ids(filterWebhooks(long, { query: 'o' }))).toEqual(expected('o'))
      expect(ids(filterWebhooks(long, { query: 'alpha-two' }))).toEqual(expected('alpha-two'))
    })
  })

  it('leaves the input array as it was', () => {
    const input = Object.freeze([...rows])
    filterWebhooks(input, { statuses: ['active'] })
    expect(ids(input)).toEqual(['gmail', 'outlook', 'github', 'cafe'])
  })
})

describe('matchesWebhookFilter', () => {
  it('tells whether one row passes, like filterWebhooks', () => {
    expect(matchesWebhookFilter(gmail, { query: 'new email', statuses: ['active'] })).toBe(true)
    expect(matchesWebhookFilter(outlook, { query: 'new email', statuses: ['active'] })).toBe(false)
    expect(matchesWebhookFilter(cafe, {})).toBe(true)
  })
})

describe('countWebhookFacets', () => {
  describe('given no filter', () => {
    it('counts every row per category, per status, and those needing setup', () => {
      const counts = countWebhookFacets(rows)
      expect({ ...counts.categories }).toEqual({ communication: 2, development: 1, business: 1 })
      expect(counts.statuses).toEqual({ active: 2, inactive: 1, error: 1 })
      expect(counts.setupRequired).toBe(2)
    })

    it('reports zero for every status even with no rows', () => {
      expect(countWebhookFacets([])).toEqual({
        categories: {},
        statuses: { active: 0, inactive: 0, error: 0 },
        setupRequired: 0,
      })
    })
  })

  describe('given a query', () => {
    it('counts only the rows matching the query', () => {
      const counts = countWebhookFacets(rows, { query: 'email' })
      expect({ ...counts.categories }).toEqual({ communication: 2 })
      expect(counts.statuses).toEqual({ active: 1, inactive: 0, error: 1 })
      expect(counts.setupRequired).toBe(1)
    })
  })

  describe('given facet selections', () => {
    it('counts categories over the rows matching the status and setup parts, ignoring the chosen categories', () => {
      const counts = countWebhookFacets(rows, { categories: ['development'], statuses: ['active', 'inactive'] })
      expect({ ...counts.categories }).toEqual({ communication: 1, development: 1, business: 1 })
    })

    it('counts statuses over the rows matching the category and setup parts, ignoring the chosen statuses', () => {
      const counts = countWebhookFacets(rows, { categories: ['communication'], statuses: ['active'] })
      expect(counts.statuses).toEqual({ active: 1, inactive: 0, error: 1 })
    })

    it('counts rows needing setup over the rows matching the category and status parts', () => {
      expect(countWebhookFacets(rows, { statuses: ['error', 'active'] }).setupRequired).toBe(1)
      expect(countWebhookFacets(rows, { categories: ['business'] }).setupRequired).toBe(0)
    })

    it('applies setupRequired to the category and status counts', () => {
      const counts = countWebhookFacets(rows, { setupRequired: true })
      expect({ ...counts.categories }).toEqual({ communication: 1, development: 1 })
      expect(counts.statuses).toEqual({ active: 0, inactive: 1, error: 1 })
      expect(counts.setupRequired).toBe(2)
    })

    it('gives for each value the number of rows picking that value alone would show', () => {
      const filter = { query: 'example', categories: ['communication'], statuses: ['error' as const] }
      const counts = countWebhookFacets(rows, filter)
      expect(counts.statuses.active).toBe(filterWebhooks(rows, { ...filter, statuses: ['active'] }).length)
      expect(counts.categories.development ?? 0).toBe(
        filterWebhooks(rows, { ...filter, categories: ['development'] }).length,
      )
      expect(counts.setupRequired).toBe(filterWebhooks(rows, { ...filter, setupRequired: true }).length)
    })
  })

  describe('given a category named like an Object.prototype member', () => {
    const odd = ['__proto__', '__proto__', 'constructor', 'toString', 'hasOwnProperty'].map((category, i) =>
      makeWebhook({ id: `odd-${i}`, category }),
    )

    it('counts "__proto__" as a category like any other', () => {
      const counts = countWebhookFacets(odd)
      expect(Object.hasOwn(counts.categories, '__proto__')).toBe(true)
      expect(Object.getOwnPropertyDescriptor(counts.categories, '__proto__')?.value).toBe(2)
      expect(counts.categories.constructor).toBe(1)
      expect(counts.categories.toString).toBe(1)
      expect(counts.categories.hasOwnProperty).toBe(1)
      expect(Object.keys(counts.categories).sort()).toEqual(['__proto__', 'constructor', 'hasOwnProperty', 'toString'])
    })

    it('does not touch any prototype', () => {
      countWebhookFacets(odd)
      expect(Object.getPrototypeOf({})).toBe(Object.prototype)
      expect(Object.keys(Object.prototype)).toEqual([])
    })

    it('filters by such a category too', () => {
      expect(ids(filterWebhooks(odd, { categories: ['__proto__'] }))).toEqual(['odd-0', 'odd-1'])
    })
  })
})

describe('prepareSearch', () => {
  it('changes no result: a prepared list filters exactly like a fresh one', () => {
    const rows = [makeWebhook({ id: 'a', name: 'Crème Brûlée' }), makeWebhook({ id: 'b', name: 'Gmail' })]
    const before = filterWebhooks(rows, { query: 'creme' }).map((r) => r.id)
    prepareSearch(rows)
    expect(filterWebhooks(rows, { query: 'creme' }).map((r) => r.id)).toEqual(before)
    expect(before).toEqual(['a'])
  })

  it('works in slices under a deadline until it is done, and changes no result', () => {
    const rows = Array.from({ length: 1000 }, (_, i) =>
      makeWebhook({ id: String(i), provider_id: i === 999 ? 'stripe' : 'github', status: i % 3 ? 'active' : 'error' }),
    )
    const fresh = () => rows.map((row) => ({ ...row }))
    // No time at all: it stops after a slice, and says it is not done.
    expect(prepareSearch(rows, { timeRemaining: () => 0 })).toBe(false)
    // A half-prepared list filters like a fresh one.
    expect(filterWebhooks(rows, { query: 'stripe' }).map((row) => row.id)).toEqual(['999'])
    let calls = 0
    while (!prepareSearch(rows, { timeRemaining: () => 10 })) calls++
    expect(calls).toBeLessThan(1000)
    for (const filter of [
      { query: 'stripe' },
      { query: 'GITHUB push' },
      { query: 'stripe', statuses: ['error' as const] },
    ]) {
      expect(filterWebhooks(rows, filter).map((row) => row.id)).toEqual(
        filterWebhooks(fresh(), filter).map((row) => row.id),
      )
      expect(countWebhookFacets(rows, filter)).toEqual(countWebhookFacets(fresh(), filter))
    }
  })
})
