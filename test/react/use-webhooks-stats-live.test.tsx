// useWebhooksStats({ live: true }): the table's statistics follow the live stream — a finished
// execution refetches them (one request for every webhook), throttled; pending executions and
// webhook changes do not; without a stream, they poll.
import { act, waitFor } from '@testing-library/react'
import { HttpResponse, http } from 'msw'
import { beforeEach, describe, expect, it } from 'vitest'
import { useIntegrationWebhooks, useWebhooksStats } from '../../src/react'
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
