import { act, waitFor } from '@testing-library/react'
import { delay, HttpResponse, http } from 'msw'
import { describe, expect, it } from 'vitest'
import { createWebhookMockStore } from '../../mocks'
import type { StatsWindow } from '../../src/core/schemas'
import { useWebhookActions, useWebhookExecutions, useWebhookStats, useWebhooksStats } from '../../src/react'
import { makeExecution, makeStats } from '../core/fixtures'
import { API, countRequests, renderHookWithProviders, setupMswServer } from './utils'

const server = setupMswServer()

/** Stats whose first bucket says which webhook and window they are for (success = id's length, error = window's hours). */
const statsFor = (id: string, window: StatsWindow) =>
  makeStats(window, [[id.length, window === '24h' ? 1 : window === '7d' ? 7 : 30]])

const statsRoute = (wait: () => Promise<unknown> = async () => undefined) =>
  http.get(`${API}/:id/stats`, async ({ params, request }) => {
    await wait()
    const window = (new URL(request.url).searchParams.get('window') ?? '24h') as StatsWindow
    return HttpResponse.json(statsFor(String(params.id), window))
  })

describe('useWebhookStats', () => {
  it('loads one webhook’s figures for the 24h window by default', async () => {
    server.use(statsRoute())
    const { result } = renderHookWithProviders(() => useWebhookStats('wh_1'))
    expect(result.current.isLoading).toBe(true)
    expect(result.current.stats).toBeUndefined()
    await waitFor(() => expect(result.current.stats).toBeDefined())
    expect(result.current.stats).toMatchObject({ window: '24h', success: 4, error: 1 })
    expect(result.current.isLoading).toBe(false)
    expect(result.current.supported).toBe(true)
  })

  it('never shows another window’s or webhook’s figures while the new ones load', async () => {
    let gate: Promise<void> | undefined
    let open: () => void = () => undefined
    server.use(statsRoute(async () => gate))
    const { result, rerender } = renderHookWithProviders(
      ({ id, window }: { id: string; window: StatsWindow }) => useWebhookStats(id, { window }),
      { initialProps: { id: 'wh_1', window: '24h' } },
    )
    await waitFor(() => expect(result.current.stats?.window).toBe('24h'))
    gate = new Promise<void>((resolve) => {
      open = resolve
    })
    rerender({ id: 'wh_1', window: '7d' })
    expect(result.current.stats).toBeUndefined()
    expect(result.current.isLoading).toBe(true)
    act(() => open())
    await waitFor(() => expect(result.current.stats?.window).toBe('7d'))
    expect(result.current.stats?.buckets).toHaveLength(7)

    gate = new Promise<void>((resolve) => {
      open = resolve
    })
    rerender({ id: 'wh_longer', window: '7d' })
    expect(result.current.stats).toBeUndefined()
    act(() => open())
    await waitFor(() => expect(result.current.stats?.success).toBe('wh_longer'.length))
  })

  it('asks nothing without an id or while disabled', async () => {
    const requests = countRequests(server)
    server.use(statsRoute())
    const { result } = renderHookWithProviders(() => useWebhookStats(null))
    const disabled = renderHookWithProviders(() => useWebhookStats('wh_1', { enabled: false }))
    await delay(20)
    expect(result.current).toMatchObject({ stats: undefined, isLoading: false, error: undefined })
    expect(disabled.result.current.stats).toBeUndefined()
    expect(requests('GET /api/integration-webhooks/wh_1/stats')).toBe(0)
  })

  it('reports a failure as error, and a later success clears it', async () => {
    server.use(http.get(`${API}/wh_1/stats`, () => HttpResponse.json({ error: 'boom' }, { status: 500 })))
    const { result } = renderHookWithProviders(() => useWebhookStats('wh_1'))
    await waitFor(() => expect(result.current.error).toMatchObject({ kind: 'server' }))
    expect(result.current.supported).toBe(true)
    server.use(statsRoute())
    await act(() => result.current.refresh())
    expect(result.current.error).toBeUndefined()
    expect(result.current.stats?.window).toBe('24h')
  })

  it('reports an invalid response as invalid-response', async () => {
    server.use(http.get(`${API}/wh_1/stats`, () => HttpResponse.json({ window: '24h', total: 'many' })))
    const { result } = renderHookWithProviders(() => useWebhookStats('wh_1'))
    await waitFor(() => expect(result.current.error).toMatchObject({ kind: 'invalid-response' }))
    expect(result.current.stats).toBeUndefined()
  })

  it('says unsupported for a 405 (an endpoint without the route), not for a 404 (a webhook gone)', async () => {
    server.use(http.get(`${API}/wh_1/stats`, () => HttpResponse.json({ error: 'no' }, { status: 405 })))
    server.use(http.get(`${API}/wh_2/stats`, () => HttpResponse.json({ error: 'no' }, { status: 404 })))
    const a = renderHookWithProviders(() => useWebhookStats('wh_1'))
    const b = renderHookWithProviders(() => useWebhookStats('wh_2'))
    await waitFor(() => expect(a.result.current.error).toBeDefined())
    await waitFor(() => expect(b.result.current.error).toBeDefined())
    expect(a.result.current.supported).toBe(false)
    expect(b.result.current.supported).toBe(true)
  })

  it('refetches after a test event sent with useWebhookActions', async () => {
    let calls = 0
    server.use(
      http.get(`${API}/wh_1/stats`, () => {
        calls++
        return HttpResponse.json(makeStats('24h', [[calls, 0]]))
      }),
      http.post(`${API}/wh_1/test`, () =>
        HttpResponse.json({ execution: makeExecution({ webhook_id: 'wh_1', status: 'pending' }) }, { status: 202 }),
      ),
    )
    const { result } = renderHookWithProviders(() => ({ stats: useWebhookStats('wh_1'), actions: useWebhookActions() }))
    await waitFor(() => expect(result.current.stats.stats?.success).toBe(1))
    await act(async () => {
      await result.current.actions.sendTest('wh_1')
    })
    await waitFor(() => expect(result.current.stats.stats?.success).toBe(2))
  })
})

describe('useWebhookStats with live', () => {
  it('refetches for an execution of its webhook that the stream brings, not for another webhook’s', async () => {
    const store = createWebhookMockStore({ apiUrl: API, stream: 'live' })
    server.use(...store.handlers)
    const requests = countRequests(server)
    const statsPath = 'GET /api/integration-webhooks/slack-webhook/stats'
    const { result } = renderHookWithProviders(() => ({
      stats: useWebhookStats('slack-webhook', { live: true }),
      // Another webhook's history on the same stream: when it has the event, so had the stats hook.
      github: useWebhookExecutions('github-webhook', { live: true }),
    }))
    await waitFor(() => expect(result.current.stats.stats).toBeDefined())
    await waitFor(() => expect(result.current.github.liveState).toBe('live'))
    await waitFor(() => expect(result.current.github.executions.length).toBeGreaterThan(0))
    const total = result.current.stats.stats?.total ?? 0
    expect(requests(statsPath)).toBe(1)

    const other = store.receive('github-webhook')
    await waitFor(() => expect(result.current.github.executions[0]?.id).toBe(other?.id))
    expect(requests(statsPath)).toBe(1)

    act(() => void store.receive('slack-webhook', { status: 'error' }))
    await waitFor(() => expect(result.current.stats.stats?.total).toBe(total + 1))
    expect(result.current.stats.stats?.buckets.at(-1)?.error).toBeGreaterThan(0)
  })

  it('does not follow the stream without live', async () => {
    const store = createWebhookMockStore({ apiUrl: API, stream: 'live' })
    server.use(...store.handlers)
    const { result } = renderHookWithProviders(() => ({
      stats: useWebhookStats('slack-webhook'),
      slack: useWebhookExecutions('slack-webhook', { live: true }),
    }))
    await waitFor(() => expect(result.current.stats.stats).toBeDefined())
    await waitFor(() => expect(result.current.slack.liveState).toBe('live'))
    await waitFor(() => expect(result.current.slack.executions.length).toBeGreaterThan(0))
    const total = result.current.stats.stats?.total
    const received = store.receive('slack-webhook')
    await waitFor(() => expect(result.current.slack.executions[0]?.id).toBe(received?.id))
    expect(result.current.stats.stats?.total).toBe(total)
  })
})

describe('useWebhooksStats', () => {
  it('loads every webhook’s figures in one request, per window', async () => {
    const requests = countRequests(server)
    server.use(
      http.get(`${API}/stats`, ({ request }) => {
        const window = (new URL(request.url).searchParams.get('window') ?? '') as StatsWindow
        const { window: _, ...a } = statsFor('wh_1', window)
        const { window: __, ...b } = statsFor('wh_22', window)
        return HttpResponse.json({ window, stats: { wh_1: a, wh_22: b } })
      }),
    )
    const { result, rerender } = renderHookWithProviders(
      ({ window }: { window: StatsWindow }) => ({
        one: useWebhooksStats({ window }),
        two: useWebhooksStats({ window }),
      }),
      { initialProps: { window: '24h' } },
    )
    await waitFor(() => expect(result.current.one.stats).toBeDefined())
    expect(result.current.two.stats).toBe(result.current.one.stats)
    expect(result.current.one.stats?.wh_22?.success).toBe(5)
    expect(result.current.one.stats?.wh_1?.buckets).toHaveLength(24)
    expect(requests('GET /api/integration-webhooks/stats')).toBe(1)

    rerender({ window: '30d' })
    expect(result.current.one.stats).toBeUndefined()
    await waitFor(() => expect(result.current.one.stats?.wh_1?.buckets).toHaveLength(30))
  })

  it.each([404, 405])('says unsupported when the endpoint answers %i (no statistics route)', async (status) => {
    server.use(http.get(`${API}/stats`, () => HttpResponse.json({ error: 'Not found' }, { status })))
    const { result } = renderHookWithProviders(() => useWebhooksStats())
    await waitFor(() => expect(result.current.error).toBeDefined())
    expect(result.current.supported).toBe(false)
    expect(result.current.stats).toBeUndefined()
  })

  it('reports a 500 as an error while still supported', async () => {
    server.use(http.get(`${API}/stats`, () => HttpResponse.json({ error: 'boom' }, { status: 500 })))
    const { result } = renderHookWithProviders(() => useWebhooksStats())
    await waitFor(() => expect(result.current.error).toMatchObject({ kind: 'server' }))
    expect(result.current.supported).toBe(true)
  })
})
