import { act, render, screen } from '@testing-library/react'
import { useState } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { filterWebhooks, sortWebhooks, type WebhookTableSortRule } from '../../src/core'
import { useWebhookTable } from '../../src/react'
import { makeWebhook } from '../core/fixtures'
import { renderHookWithProviders } from './utils'

const rows = [
  makeWebhook({
    id: 'slack',
    provider_id: 'slack',
    name: 'Slack',
    category: 'communication',
    status: 'active',
    error_count: 1,
  }),
  makeWebhook({
    id: 'stripe',
    provider_id: 'stripe',
    name: 'Stripe',
    category: 'business',
    status: 'error',
    error_count: 7,
  }),
  makeWebhook({
    id: 'github',
    provider_id: 'github',
    name: 'GitHub',
    category: 'development',
    status: 'inactive',
    setupRequired: true,
  }),
  makeWebhook({
    id: 'gmail',
    provider_id: 'gmail',
    name: 'Gmail',
    category: 'communication',
    status: 'inactive',
    error_count: 1,
  }),
]
const ids = (list: readonly { id: string }[]) => list.map((r) => r.id)

describe('useWebhookTable', () => {
  it('keeps the input order, with row ids equal to webhook ids', () => {
    const { result } = renderHookWithProviders(() => useWebhookTable(rows))
    expect(ids(result.current.rows)).toEqual(['slack', 'stripe', 'github', 'gmail'])
    expect(result.current.table.getRowModel().rows.map((r) => r.id)).toEqual(['slack', 'stripe', 'github', 'gmail'])
  })

  it('sorts through the header toggles, and adds columns with a multi-sort event', () => {
    const { result } = renderHookWithProviders(() => useWebhookTable(rows))
    const column = (id: string) => {
      const found = result.current.table.getColumn(id)
      if (!found) throw new Error(`no column ${id}`)
      return found
    }
    act(() => column('name').toggleSorting())
    expect(ids(result.current.rows)).toEqual(['github', 'gmail', 'slack', 'stripe'])
    expect(column('name').getIsSorted()).toBe('asc')

    act(() => column('name').toggleSorting())
    expect(ids(result.current.rows)).toEqual(['stripe', 'slack', 'gmail', 'github'])

    act(() => column('errorCount').toggleSorting(undefined, false))
    expect(result.current.sorting).toEqual([{ id: 'errorCount', desc: true }])
    act(() => column('name').toggleSorting(false, true))
    expect(result.current.sorting).toEqual([
      { id: 'errorCount', desc: true },
      { id: 'name', desc: false },
    ])
    // errors desc, then name asc among the two with one error each (stable multi-sort)
    expect(ids(result.current.rows)).toEqual(['stripe', 'gmail', 'slack', 'github'])
  })

  it('counts facets once per list and filter: the same counts until either changes', () => {
    const { result, rerender } = renderHookWithProviders(() => useWebhookTable(rows))
    const first = result.current.facets
    act(() => result.current.setSorting([{ id: 'name' }]))
    rerender()
    expect(result.current.facets).toBe(first)
    act(() => result.current.setStatuses(['error']))
    expect(result.current.facets).not.toBe(first)
    expect(result.current.facets.statuses).toEqual({ active: 1, inactive: 2, error: 1 })
    expect(result.current.facets.categories).toEqual({ business: 1 })
  })

  it('filters by text, category, status and setup, with counts per facet', () => {
    const { result } = renderHookWithProviders(() => useWebhookTable(rows))
    expect(result.current.facets.categories).toMatchObject({ communication: 2, business: 1, development: 1 })
    expect(result.current.facets.statuses).toEqual({ active: 1, inactive: 2, error: 1 })

    act(() => result.current.setCategories(['communication']))
    expect(ids(result.current.rows)).toEqual(['slack', 'gmail'])
    expect(result.current.facets.statuses).toEqual({ active: 1, inactive: 1, error: 0 })
    expect(result.current.facets.categories.business).toBe(1) // what picking "business" instead would show

    act(() => result.current.setQuery('gma'))
    expect(ids(result.current.rows)).toEqual(['gmail'])
    expect(result.current).toMatchObject({ resultCount: 1, totalCount: 4, isFiltered: true })

    act(() => result.current.clearFilters())
    expect(result.current.resultCount).toBe(4)
    expect(result.current.isFiltered).toBe(false)

    act(() => result.current.setStatuses(['error']))
    expect(ids(result.current.rows)).toEqual(['stripe'])
    act(() => {
      result.current.setStatuses([])
      result.current.setSetupRequired(true)
    })
    expect(ids(result.current.rows)).toEqual(['github'])
  })

  describe('given controlled state', () => {
    it('shows what the host says and asks it for changes', () => {
      const onSortingChange = vi.fn()
      const onQueryChange = vi.fn()
      const { result } = renderHookWithProviders(() =>
        useWebhookTable(rows, {
          sorting: [{ id: 'errorCount', desc: true }],
          onSortingChange,
          query: '',
          onQueryChange,
        }),
      )
      expect(ids(result.current.rows)[0]).toBe('stripe')
      act(() => result.current.table.getColumn('name')?.toggleSorting())
      expect(onSortingChange).toHaveBeenCalledWith([{ id: 'name', desc: false }])
      expect(ids(result.current.rows)[0]).toBe('stripe') // unchanged until the host passes it back
      act(() => result.current.setQuery('git'))
      expect(onQueryChange).toHaveBeenCalledWith('git')
      expect(result.current.resultCount).toBe(4)
    })

    it('follows a host that keeps the sorting in its own state (a router, say)', () => {
      function Host() {
        const [sorting, setSorting] = useState<WebhookTableSortRule[]>([])
        const table = useWebhookTable(rows, { sorting, onSortingChange: setSorting })
        return (
          <>
            <button type="button" onClick={table.table.getColumn('name')?.getToggleSortingHandler()}>
              Sort by name
            </button>
            <output>{ids(table.rows).join(',')}</output>
            <p>URL sort: {sorting.map((s) => `${s.id}.${s.desc ? 'desc' : 'asc'}`).join()}</p>
          </>
        )
      }
      render(<Host />)
      act(() => screen.getByRole('button', { name: 'Sort by name' }).click())
      expect(screen.getByRole('status')).toHaveTextContent('github,gmail,slack,stripe')
      expect(screen.getByText('URL sort: name.asc')).toBeInTheDocument()
    })
  })

  it('starts from defaults when uncontrolled', () => {
    const { result } = renderHookWithProviders(() =>
      useWebhookTable(rows, { defaultSorting: [{ id: 'status' }], defaultStatuses: ['error', 'active'] }),
    )
    expect(ids(result.current.rows)).toEqual(['stripe', 'slack'])
  })

  it('prepares a long list while the page is idle, and shows the same rows as without it', () => {
    const idle: (() => void)[] = []
    vi.stubGlobal('requestIdleCallback', (callback: () => void) => idle.push(callback))
    vi.stubGlobal('cancelIdleCallback', () => undefined)
    const many = Array.from({ length: 600 }, (_, i) =>
      makeWebhook({ id: `w${i}`, name: `Hook ${i % 37}`, error_count: i % 7, status: i % 5 ? 'active' : 'error' }),
    )
    try {
      const { result } = renderHookWithProviders(() => useWebhookTable(many))
      // What preparing saves is measured in BENCHMARKS.md; here: it runs at idle, then stops.
      expect(idle.length).toBeGreaterThan(0)
      for (let tasks = 0; idle.length > 0; tasks++) {
        expect(tasks).toBeLessThan(100)
        act(() => idle.shift()?.())
      }
      const fresh = () => many.map((row) => ({ ...row }))
      act(() => result.current.setQuery('HOOK 3'))
      expect(ids(result.current.rows)).toEqual(ids(filterWebhooks(fresh(), { query: 'HOOK 3' })))
      act(() => result.current.setQuery(''))
      for (const id of [
        'name',
        'webhookUrl',
        'status',
        'lastTriggered',
        'errorCount',
        'triggerCount',
        'triggerTypes',
      ] as const) {
        for (const desc of [false, true]) {
          act(() => result.current.setSorting([{ id, desc }]))
          expect(ids(result.current.rows)).toEqual(ids(sortWebhooks(fresh(), [{ id, desc }])))
        }
      }
    } finally {
      vi.unstubAllGlobals()
    }
  })
})
