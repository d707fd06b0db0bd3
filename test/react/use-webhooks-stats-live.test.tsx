// The statistics hooks follow the live stream by one rule (README, "Live updates"): a finished
// execution of a webhook they cover, or a reset, refetches the figures — the first at once, then
// at most one per liveThrottleMs for whatever follows; pending executions and webhook changes do
// not. useWebhooksStats covers every webhook (the table), useWebhookStats one (the dialog's
// Activity). Without a stream, they poll.
import { act, waitFor } from '@testing-library/react'
import { HttpResponse, http } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useIntegrationWebhooks, useWebhookStats, useWebhooksStats } from '../../src/react'
import { makeExecution, makeStats, makeWebhook } from '../core/fixtures'
import { sseBody, sseResponse } from '../support/sse'
import { API, countRequests, renderHookWithProviders, setupMswServer } from './utils'

const server = setupMswServer()
const STATS = 'GET /api/integration-webhooks/stats'
let count: (key: string) => number
beforeEach(() => {
  server.events.removeAllListeners()
  count = countRequests(server)
})
afterEach(() => {
  vi.useRealTimers()
})

/** The statistics route answers with `success` successes for w1, one more each time it is asked. */
function endpoint() {
  const body = sseBody()
  let success = 0
  server.use(
    http.get(`${API}/stats`, () => {
      success++
      const { window: _, ...figures } = makeStats('24h', [[success, 0]])
      return HttpResponse.json({ window: '24h', stats: { w1: figures } })
    }),
    http.get(`${API}/stream`, () => sseResponse(body.stream)),
    http.get(API, () => HttpResponse.json({ webhooks: [webhook], source: 'saved' })),
  )
  return body
}

const webhook = makeWebhook({ id: 'w1', trigger_count: 0, updated_at: '2026-12-05T14:00:00.000Z' })
/** The webhook as the stream's `n`th change of it: its count is the test's marker that the events before it were handled. */
const changed = (n: number) => ({
  ...webhook,
  trigger_count: n,
  updated_at: `2026-12-05T14:${String(n).padStart(2, '0')}:00.000Z`,
})
const execution = (id: string, status: 'pending' | 'success' | 'error') =>
  makeExecution({ id, webhook_id: 'w1', status, triggered_at: '2026-12-05T14:00:00.000Z' })

describe('useWebhooksStats({ live: true })', () => {
  it('refetches when an execution finishes, once for a burst, and not for pending executions or webhook changes', async () => {
    const body = endpoint()
    // A throttle longer than the test: what follows the first refetch waits for its end. The
    // list follows the same stream: its rows say when the stream's events have been handled.
    const { result } = renderHookWithProviders(() => ({
      stats: useWebhooksStats({ live: true, liveThrottleMs: 600_000 }),
      list: useIntegrationWebhooks({ live: true }),
    }))
    await waitFor(() => expect(result.current.stats.stats?.w1?.success).toBe(1))
    await waitFor(() => expect(result.current.stats.liveState).toBe('live'))
    expect(count(STATS)).toBe(1)

    // A pending execution and a webhook change: no refetch.
    act(() => {
      body.event(1, 'execution', { webhook_id: 'w1', execution: execution('e1', 'pending') })
      body.event(2, 'webhook', { webhook_id: 'w1', webhook: changed(1) })
    })
    await waitFor(() => expect(result.current.list.webhooks[0]?.trigger_count).toBe(1))
    expect(count(STATS)).toBe(1)

    // It finishes: one refetch, at once.
    act(() => body.event(3, 'execution', { webhook_id: 'w1', execution: execution('e1', 'success') }))
    await waitFor(() => expect(result.current.stats.stats?.w1?.success).toBe(2))
    expect(count(STATS)).toBe(2)

    // A burst within the throttle: no request now (one waits for the interval's end).
    act(() => {
      for (let id = 4; id < 54; id++)
        body.event(id, 'execution', { webhook_id: 'w1', execution: execution(`e${id}`, 'error') })
      body.event(54, 'webhook', { webhook_id: 'w1', webhook: changed(2) })
    })
    await waitFor(() => expect(result.current.list.webhooks[0]?.trigger_count).toBe(2))
    expect(count(STATS)).toBe(2)
  })

  it('without a stream (404), polls on the interval instead', async () => {
    server.use(http.get(`${API}/stats`, () => HttpResponse.json({ window: '24h', stats: {} })))
    const { result } = renderHookWithProviders(() => useWebhooksStats({ live: true, refreshInterval: 50 }))
    await waitFor(() => expect(result.current.liveState).toBe('polling'))
    await waitFor(() => expect(count(STATS)).toBeGreaterThanOrEqual(3))
  })

  it('is not live unless asked: no stream request', async () => {
    endpoint()
    const { result } = renderHookWithProviders(() => useWebhooksStats())
    await waitFor(() => expect(result.current.stats?.w1).toBeDefined())
    expect(result.current.liveState).toBe('off')
    expect(count('GET /api/integration-webhooks/stream')).toBe(0)
  })
})

describe('useWebhookStats(id, { live: true }): the same rule for one webhook', () => {
  const ONE = 'GET /api/integration-webhooks/w1/stats'
  const throttleMs = 5000

  /** w1's statistics answer `success` successes, one more each time they are asked. */
  function oneEndpoint() {
    const body = sseBody()
    let success = 0
    server.use(
      http.get(`${API}/w1/stats`, () => {
        success++
        return HttpResponse.json(makeStats('24h', [[success, 0]]))
      }),
      http.get(`${API}/stream`, () => sseResponse(body.stream)),
      http.get(API, () => HttpResponse.json({ webhooks: [webhook], source: 'saved' })),
    )
    return body
  }

  it('refetches once at once for a finished execution of its webhook, then once per liveThrottleMs for a burst of 100', async () => {
    const body = oneEndpoint()
    const { result } = renderHookWithProviders(() => ({
      stats: useWebhookStats('w1', { live: true, liveThrottleMs: throttleMs }),
      list: useIntegrationWebhooks({ live: true }),
    }))
    await waitFor(() => expect(result.current.stats.stats?.success).toBe(1))
    await waitFor(() => expect(result.current.list.liveState).toBe('live'))
    expect(count(ONE)).toBe(1)

    // Pending, another webhook's finished execution, a webhook change: no refetch.
    act(() => {
      body.event(1, 'execution', { webhook_id: 'w1', execution: execution('e1', 'pending') })
      body.event(2, 'execution', {
        webhook_id: 'w2',
        execution: makeExecution({ id: 'x1', webhook_id: 'w2', status: 'success' }),
      })
      body.event(3, 'webhook', { webhook_id: 'w1', webhook: changed(1) })
    })
    await waitFor(() => expect(result.current.list.webhooks[0]?.trigger_count).toBe(1))
    expect(count(ONE)).toBe(1)

    // It finishes: one refetch, at once.
    act(() => body.event(4, 'execution', { webhook_id: 'w1', execution: execution('e1', 'success') }))
    await waitFor(() => expect(result.current.stats.stats?.success).toBe(2))
    expect(count(ONE)).toBe(2)

    // 100 more within the interval, in two bursts (the second after the first's refetch would
    // have answered): no request now, one at the interval's end for all of them.
    // Fake timers for the throttle's wait; vi.waitFor (Testing Library's waitFor waits on a timer).
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    act(() => {
      for (let id = 5; id < 55; id++)
        body.event(id, 'execution', { webhook_id: 'w1', execution: execution(`e${id}`, 'error') })
      body.event(55, 'webhook', { webhook_id: 'w1', webhook: changed(2) })
    })
    await vi.waitFor(() => expect(result.current.list.webhooks[0]?.trigger_count).toBe(2))
    act(() => {
      for (let id = 56; id < 106; id++)
        body.event(id, 'execution', { webhook_id: 'w1', execution: execution(`e${id}`, 'success') })
      body.event(106, 'webhook', { webhook_id: 'w1', webhook: changed(3) })
    })
    await vi.waitFor(() => expect(result.current.list.webhooks[0]?.trigger_count).toBe(3))
    expect(count(ONE)).toBe(2)
    act(() => vi.advanceTimersByTime(throttleMs))
    vi.useRealTimers()
    await vi.waitFor(() => expect(result.current.stats.stats?.success).toBe(3))
    expect(count(ONE)).toBe(3)
  })

  it('refetches once for a reset', async () => {
    const body = oneEndpoint()
    const { result } = renderHookWithProviders(() => useWebhookStats('w1', { live: true }))
    await waitFor(() => expect(result.current.stats?.success).toBe(1))
    await waitFor(() => expect(count('GET /api/integration-webhooks/stream')).toBe(1))
    act(() => body.event(1, 'reset', {}))
    await waitFor(() => expect(result.current.stats?.success).toBe(2))
    expect(count(ONE)).toBe(2)
  })
})
