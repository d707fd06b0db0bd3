import { act, waitFor } from '@testing-library/react'
import { delay, HttpResponse, http } from 'msw'
import { describe, expect, it, vi } from 'vitest'
import { useWebhookExecutions } from '../../src/react'
import { makeExecution } from '../core/fixtures'
import { API, renderHookWithProviders, setupMswServer } from './utils'

const server = setupMswServer()

/** A webhook with `total` executions `{id}-e1…`, newest first, served in cursor pages. */
function pagedExecutions(webhookId: string, total: number, wait: () => Promise<unknown> = async () => undefined) {
  return http.get(`${API}/executions/${webhookId}`, async ({ request }) => {
    await wait()
    const url = new URL(request.url)
    const limit = Number(url.searchParams.get('limit'))
    const start = Number(url.searchParams.get('cursor') ?? 0)
    const end = Math.min(start + limit, total)
    const executions = Array.from({ length: end - start }, (_, i) =>
      makeExecution({ id: `${webhookId}-e${start + i + 1}`, webhook_id: webhookId }),
    )
    return HttpResponse.json({ executions, next_cursor: end < total ? String(end) : null })
  })
}

describe('useWebhookExecutions', () => {
  it('loads pages with loadMore until the end', async () => {
    server.use(pagedExecutions('w1', 5))
    const { result } = renderHookWithProviders(() => useWebhookExecutions('w1', { pageSize: 2 }))
    expect(result.current.isLoading).toBe(true)
    await waitFor(() => expect(result.current.executions).toHaveLength(2))
    expect(result.current.hasMore).toBe(true)

    act(() => result.current.loadMore())
    await waitFor(() => expect(result.current.executions).toHaveLength(4))
    act(() => result.current.loadMore())
    await waitFor(() => expect(result.current.executions).toHaveLength(5))
    expect(result.current.hasMore).toBe(false)
    expect(result.current.executions.map((e) => e.id)).toEqual(['w1-e1', 'w1-e2', 'w1-e3', 'w1-e4', 'w1-e5'])

    act(() => result.current.loadMore()) // at the end: nothing happens
    expect(result.current.isLoadingMore).toBe(false)
  })

  it('shows isLoadingMore while the next page is in flight', async () => {
    let gate: Promise<void> | undefined
    let open: () => void = () => undefined
    server.use(pagedExecutions('w1', 4, async () => gate))
    const { result } = renderHookWithProviders(() => useWebhookExecutions('w1', { pageSize: 2 }))
    await waitFor(() => expect(result.current.executions).toHaveLength(2))
    gate = new Promise<void>((resolve) => {
      open = resolve
    })
    act(() => result.current.loadMore())
    await waitFor(() => expect(result.current.isLoadingMore).toBe(true))
    expect(result.current.executions).toHaveLength(2)
    act(() => open())
    await waitFor(() => expect(result.current.executions).toHaveLength(4))
    expect(result.current.isLoadingMore).toBe(false)
  })

  it("never shows the previous webhook's executions after switching, not even for one render", async () => {
    server.use(
      pagedExecutions('a', 3),
      pagedExecutions('b', 2, () => delay(40)),
    )
    const rendered: string[][] = []
    const { result, rerender } = renderHookWithProviders(
      ({ id }) => {
        const state = useWebhookExecutions(id, { pageSize: 10 })
        rendered.push([id, ...state.executions.map((e) => e.webhook_id)])
        return state
      },
      { initialProps: { id: 'a' } },
    )
    await waitFor(() => expect(result.current.executions).toHaveLength(3))
    rerender({ id: 'b' })
    await waitFor(() => expect(result.current.executions.map((e) => e.id)).toEqual(['b-e1', 'b-e2']))
    for (const [id, ...owners] of rendered) expect(owners.every((owner) => owner === id)).toBe(true)
  })

  it('ignores a late answer for an id it has left', async () => {
    server.use(
      pagedExecutions('slow', 2, () => delay(80)),
      pagedExecutions('fast', 1),
    )
    const { result, rerender } = renderHookWithProviders(({ id }) => useWebhookExecutions(id), {
      initialProps: { id: 'slow' },
    })
    rerender({ id: 'fast' })
    await waitFor(() => expect(result.current.executions.map((e) => e.id)).toEqual(['fast-e1']))
    await new Promise((resolve) => setTimeout(resolve, 120)) // the slow answer arrives now
    expect(result.current.executions.map((e) => e.id)).toEqual(['fast-e1'])
  })

  it('is empty and idle without an id', () => {
    const { result } = renderHookWithProviders(() => useWebhookExecutions(null))
    expect(result.current).toMatchObject({ executions: [], hasMore: false, isLoading: false, error: undefined })
  })

  it('reports a failure as error and clears it after a successful refresh', async () => {
    let fail = true
    server.use(
      http.get(`${API}/executions/w1`, () =>
        fail
          ? HttpResponse.json({ error: 'nope' }, { status: 500 })
          : HttpResponse.json({ executions: [makeExecution({ id: 'x' })], next_cursor: null }),
      ),
    )
    const { result } = renderHookWithProviders(() => useWebhookExecutions('w1'))
    await waitFor(() => expect(result.current.error).toMatchObject({ kind: 'server' }))
    fail = false
    await act(() => result.current.refresh())
    expect(result.current.error).toBeUndefined()
    expect(result.current.executions.map((e) => e.id)).toEqual(['x'])
  })

  it('unmounts during a request without warnings', async () => {
    const errors = vi.spyOn(console, 'error')
    let answered = 0
    const onResponse = () => void answered++
    server.events.on('response:mocked', onResponse)
    try {
      server.use(pagedExecutions('w1', 2, () => delay(30)))
      const { unmount } = renderHookWithProviders(() => useWebhookExecutions('w1'))
      unmount()
      // The answer arrives after the unmount (a fixed 60 ms could end before it on a loaded machine),
      // then the hook's handling of it gets its turn.
      await waitFor(() => expect(answered).toBe(1))
      await new Promise((resolve) => setTimeout(resolve, 60))
      expect(errors).not.toHaveBeenCalled()
    } finally {
      server.events.removeListener('response:mocked', onResponse)
    }
  })

  it('rejects a bad page size with a clear error', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    expect(() => renderHookWithProviders(() => useWebhookExecutions('w1', { pageSize: 0 }))).toThrow(
      /pageSize must be a positive integer/,
    )
    vi.restoreAllMocks()
  })
})
