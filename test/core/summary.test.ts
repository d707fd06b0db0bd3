import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createCatalog, defaultCatalog } from '../../src/core'
import { integrationCategories } from '../../src/core/catalog/categories'
import type { WebhookStatus } from '../../src/core/schemas'
import { webhookStatuses } from '../../src/core/statuses'
import { addableIntegrations, summarizeWebhooks, webhookCategories } from '../../src/core/summary'
import { makeWebhook } from './fixtures'

const row = (id: string, status: WebhookStatus, category: string, setupRequired = false) =>
  makeWebhook({ id, status, category, setupRequired })

describe('summarizeWebhooks', () => {
  it('counts every row, the active, the failing (status error) and those needing setup', () => {
    const rows = [
      row('a', 'active', 'development'),
      row('b', 'active', 'communication', true),
      row('c', 'error', 'development'),
      row('d', 'inactive', 'storage', true),
      row('e', 'error', 'storage', true),
    ]
    expect(summarizeWebhooks(rows)).toEqual({ total: 5, active: 2, failing: 2, needsSetup: 3 })
  })

  it('counts nothing in an empty list', () => {
    expect(summarizeWebhooks([])).toEqual({ total: 0, active: 0, failing: 0, needsSetup: 0 })
  })

  it('agrees with a filter per count, for any list (property)', () => {
    const arbitraryRow = fc.record({
      status: fc.constantFrom(...webhookStatuses),
      setupRequired: fc.boolean(),
    })
    fc.assert(
      fc.property(fc.array(arbitraryRow, { maxLength: 40 }), (specs) => {
        const rows = specs.map((spec, i) => row(`w${i}`, spec.status, 'other', spec.setupRequired))
        expect(summarizeWebhooks(rows)).toEqual({
          total: rows.length,
          active: rows.filter((r) => r.status === 'active').length,
          failing: rows.filter((r) => r.status === 'error').length,
          needsSetup: rows.filter((r) => r.external_config.setup_required).length,
        })
      }),
    )
  })
})

describe('webhookCategories', () => {
  it("puts the catalog's categories in catalog order, then others as the list first names them, each once", () => {
    const rows = [
      row('a', 'active', 'crm'),
      row('b', 'active', 'storage'),
      row('c', 'active', 'communication'),
      row('d', 'active', 'billing'),
      row('e', 'active', 'storage'),
      row('f', 'active', 'crm'),
      row('g', 'active', 'development'),
    ]
    expect(webhookCategories(rows)).toEqual(['communication', 'development', 'storage', 'crm', 'billing'])
  })

  it('adds a selected category the list does not hold, last, and does not repeat one it holds', () => {
    const rows = [row('a', 'active', 'storage'), row('b', 'active', 'crm')]
    expect(webhookCategories(rows, ['communication', 'storage', 'legacy'])).toEqual([
      'storage',
      'crm',
      'communication',
      'legacy',
    ])
  })

  it('holds no category for an empty list and no selection', () => {
    expect(webhookCategories([])).toEqual([])
  })

  it('keeps "__proto__" and other odd ids as plain categories', () => {
    expect(webhookCategories([row('a', 'active', '__proto__'), row('b', 'active', 'ai')])).toEqual(['ai', '__proto__'])
  })

  it('lists each category of any list once, catalog ones first in catalog order (property)', () => {
    const known = integrationCategories.map((c) => c.id as string)
    const category = fc.oneof(fc.constantFrom(...known), fc.string({ maxLength: 6 }))
    fc.assert(
      fc.property(fc.array(category, { maxLength: 30 }), (categories) => {
        const result = webhookCategories(categories.map((c, i) => row(`w${i}`, 'active', c)))
        expect(new Set(result)).toEqual(new Set(categories))
        expect(result).toHaveLength(new Set(categories).size)
        const catalogPart = result.filter((id) => known.includes(id))
        expect(result.slice(0, catalogPart.length)).toEqual(catalogPart)
        expect(catalogPart).toEqual(known.filter((id) => catalogPart.includes(id)))
      }),
    )
  })
})

describe('addableIntegrations', () => {
  it('offers the available integrations no webhook uses, by category in the catalog order', () => {
    const saved = [makeWebhook({ id: 'w1', provider_id: 'github' }), makeWebhook({ id: 'w2', provider_id: 'slack' })]
    const slack = defaultCatalog.integrations.find((i) => i.id === 'slack')
    if (!slack) throw new Error('the built-in catalog has slack')
    const catalog = createCatalog([{ ...slack, id: 'closed-chat', name: 'Closed', isAvailable: false }])
    const groups = addableIntegrations(catalog, saved)
    const order = integrationCategories.map((c) => c.id as string)
    const categories = groups.map((g) => g.category)
    expect(categories).toEqual([...categories].sort((a, b) => order.indexOf(a) - order.indexOf(b)))
    const offered = groups.flatMap((g) => g.integrations.map((i) => i.id)).sort()
    const expected = catalog.integrations
      .filter((i) => i.isAvailable && !['github', 'slack'].includes(i.id))
      .map((i) => i.id)
      .sort()
    expect(offered).toEqual(expected)
    expect(offered).not.toContain('closed-chat')
    expect(offered.length).toBeGreaterThan(10)
    for (const group of groups) for (const i of group.integrations) expect(i.category).toBe(group.category)
  })

  it('offers nothing once every available integration is saved', () => {
    const saved = defaultCatalog.integrations.map((i, n) => makeWebhook({ id: `w${n}`, provider_id: i.id }))
    expect(addableIntegrations(defaultCatalog, saved)).toEqual([])
  })
})
