import { act, render, screen } from '@testing-library/react'
import { useState } from 'react'
import { describe, expect, it, vi } from 'vitest'
import type { WebhookSortRule } from '../../src/core'
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
        const [sorting, setSorting] = useState<WebhookSortRule[]>([])
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

  it('prepares a long list while the page is idle: its search index, then its order by each column, a task each', () => {
    const idle: (() => void)[] = []
    vi.stubGlobal('requestIdleCallback', (callback: () => void) => idle.push(callback))
    vi.stubGlobal('cancelIdleCallback', () => undefined)
    const many = Array.from({ length: 600 }, (_, i) => makeWebhook({ id: `w${i}`, name: `Hook ${i % 37}` }))
    const normalize = vi.spyOn(String.prototype, 'normalize')
    const compare = vi.spyOn(Intl.Collator.prototype, 'compare', 'get')
    try {
      const { result } = renderHookWithProviders(() => useWebhookTable(many))
      // The search index, then name, URL, status, last triggered, errors, executions, trigger types.
      for (const expected of [1, 1, 1, 1, 1, 1, 1, 1, 0]) {
        expect(idle).toHaveLength(expected)
        act(() => idle.shift()?.())
      }
      normalize.mockClear()
      compare.mockClear()
      act(() => result.current.setQuery('HOOK 3'))
      // Only the query was folded: every row's text was in the index already.
      expect(normalize).toHaveBeenCalledTimes(1)
      expect(result.current.rows.map((row) => row.external_config.integration_name)).toContain('Hook 30')
      act(() => result.current.setQuery(''))
      act(() => result.current.setSorting([{ id: 'name' }]))
      act(() => result.current.setSorting([{ id: 'webhookUrl', desc: true }]))
      expect(compare).not.toHaveBeenCalled()
      // Every column's order is ready: a click copies it (no ranking sorts values, no rows are sorted).
      const sort = vi.spyOn(Object.getPrototypeOf(Float64Array.prototype) as { sort: () => unknown }, 'sort')
      const sortArray = vi.spyOn(Array.prototype, 'sort')
      for (const id of ['status', 'lastTriggered', 'errorCount', 'triggerCount', 'triggerTypes'] as const) {
        act(() => result.current.setSorting([{ id, desc: true }]))
        act(() => result.current.setSorting([{ id }]))
      }
      expect(sort).not.toHaveBeenCalled()
      expect(sortArray).not.toHaveBeenCalled()
      sort.mockRestore()
      sortArray.mockRestore()
      expect(result.current.rows).toHaveLength(600)
    } finally {
      normalize.mockRestore()
      compare.mockRestore()
      vi.unstubAllGlobals()
    }
  })
})
