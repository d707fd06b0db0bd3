import { act, render, waitFor } from '@testing-library/react'
import { HttpResponse, http } from 'msw'
import { beforeEach, describe, expect, it } from 'vitest'
import { useIntegrationWebhooks, useWebhookExecutions } from '../../src/react'
import { makeExecution, makeWebhook } from '../core/fixtures'
import { sseBody, sseResponse } from '../support/sse'
import { API, countRequests, Providers, renderHookWithProviders, setupMswServer } from './utils'

const server = setupMswServer()
const LIST = 'GET /api/integration-webhooks'
let count: (key: string) => number
beforeEach(() => {
  server.events.removeAllListeners()
  count = countRequests(server)
})

const w1 = makeWebhook({ id: 'w1', status: 'active', trigger_count: 3, updated_at: '2026-02-01T00:00:00.000Z' })
const w2 = makeWebhook({ id: 'w2', provider_id: 'slack', status: 'active' })
const e1 = makeExecution({ id: 'e1', webhook_id: 'w1', status: 'success', triggered_at: '2026-02-01T10:00:00.000Z' })

/** The list, one page of executions and a stream the test writes to; requests to the stream are kept. */
function endpoint(options: { stream?: () => Response } = {}) {
  const body = sseBody()
  const streams: Request[] = []
  server.use(
    http.get(API, () => HttpResponse.json({ webhooks: [w1, w2], source: 'saved' })),
    http.get(`${API}/executions/w1`, () => HttpResponse.json({ executions: [e1], next_cursor: null })),
    http.get(`${API}/stream`, ({ request }) => {
      streams.push(request)
      return options.stream ? options.stream() : sseResponse(body.stream)
    }),
  )
  return { body, streams }
}

describe('live hooks', () => {
  it('useIntegrationWebhooks({ live: true }) patches the cached list from the stream, without a refetch', async () => {
    const { body } = endpoint()
    const { result } = renderHookWithProviders(() => useIntegrationWebhooks({ live: true }))
    await waitFor(() => expect(result.current.webhooks).toHaveLength(2))
    await waitFor(() => expect(result.current.liveState).toBe('live'))

    const changed = { ...w1, status: 'error' as const, error_count: 1, updated_at: '2026-02-01T00:01:00.000Z' }
    act(() => body.event(1, 'webhook', { webhook_id: 'w1', webhook: changed }))
    await waitFor(() => expect(result.current.webhooks[0]).toMatchObject({ status: 'error', error_count: 1 }))
    // An older copy than the cached row changes nothing.
    act(() => body.event(2, 'webhook', { webhook_id: 'w1', webhook: w1 }))
    act(() => body.event(3, 'webhook', { webhook_id: 'w2', webhook: null }))
    await waitFor(() => expect(result.current.webhooks.map((w) => w.id)).toEqual(['w1']))
    expect(result.current.webhooks[0]?.status).toBe('error')
    const created = makeWebhook({ id: 'w3', provider_id: 'stripe' })
    act(() => body.event(4, 'webhook', { webhook_id: 'w3', webhook: created }))
    await waitFor(() => expect(result.current.webhooks.map((w) => w.id)).toEqual(['w1', 'w3']))
    expect(count(LIST)).toBe(1)

    // `reset`: the server cannot say what was missed; one refetch.
    act(() => body.event(5, 'reset', {}))
    await waitFor(() => expect(result.current.webhooks.map((w) => w.id)).toEqual(['w1', 'w2']))
    expect(count(LIST)).toBe(2)
  })

  it('refetches when the stream deletes the last saved webhook (the server then suggests), and leaves an unknown id alone', async () => {
    const { body } = endpoint()
    let saved = true
    server.use(
      http.get(API, () =>
        saved
          ? HttpResponse.json({ webhooks: [w1], source: 'saved' })
          : HttpResponse.json({ webhooks: [], source: 'saved' }),
      ),
    )
    const { result } = renderHookWithProviders(() => useIntegrationWebhooks({ live: true }))
    await waitFor(() => expect(result.current.webhooks.map((w) => w.id)).toEqual(['w1']))
    await waitFor(() => expect(result.current.liveState).toBe('live'))
    // A deletion of a webhook the list does not hold changes nothing and asks for nothing.
    act(() => body.event(1, 'webhook', { webhook_id: 'gone', webhook: null }))
    saved = false
    act(() => body.event(2, 'webhook', { webhook_id: 'w1', webhook: null }))
    await waitFor(() => expect(result.current.source).toBe('generated'))
    expect(result.current.webhooks.length).toBeGreaterThan(0)
    expect(count(LIST)).toBe(2)
  })

  it('useWebhookExecutions({ live: true }) puts a new execution first, marks it new, and patches a status change in place, without a refetch', async () => {
    const { body } = endpoint()
    const { result } = renderHookWithProviders(() => useWebhookExecutions('w1', { live: true }))
    await waitFor(() => expect(result.current.executions).toHaveLength(1))
    await waitFor(() => expect(result.current.liveState).toBe('live'))

    const e2 = makeExecution({
      id: 'e2',
      webhook_id: 'w1',
      status: 'pending',
      triggered_at: '2026-02-01T11:00:00.000Z',
    })
    act(() => body.event(1, 'execution', { webhook_id: 'w1', execution: e2 }))
    await waitFor(() => expect(result.current.executions.map((e) => e.id)).toEqual(['e2', 'e1']))
    expect([...result.current.newIds]).toEqual(['e2'])

    act(() => body.event(2, 'execution', { webhook_id: 'w1', execution: { ...e2, status: 'success' } }))
    await waitFor(() => expect(result.current.executions[0]?.status).toBe('success'))
    expect(result.current.executions.map((e) => e.id)).toEqual(['e2', 'e1'])
    // Another webhook's execution is not this history's.
    act(() => body.event(3, 'execution', { webhook_id: 'w2', execution: makeExecution({ id: 'x', webhook_id: 'w2' }) }))
    act(() => result.current.markAllSeen())
    expect(result.current.newIds.size).toBe(0)
    expect(result.current.executions.map((e) => e.id)).toEqual(['e2', 'e1'])
    expect(count('GET /api/integration-webhooks/executions/w1')).toBe(1)
  })

  it('opens one stream for every component of a provider, and closes it when the last one goes', async () => {
    const { body, streams } = endpoint()
    function List() {
      const { webhooks, liveState } = useIntegrationWebhooks({ live: true })
      return (
        <p>
          list {liveState} {webhooks.map((w) => w.status).join(',')}
        </p>
      )
    }
    function History() {
      const { executions, liveState } = useWebhookExecutions('w1', { live: true })
      return (
        <p>
          history {liveState} {executions.map((e) => e.id).join(',')}
        </p>
      )
    }
    const view = render(
      <Providers>
        <List />
        <List />
        <History />
      </Providers>,
    )
    await waitFor(() => expect(view.getAllByText(/^list live active,active$/)).toHaveLength(2))
    await waitFor(() => expect(view.getByText('history live e1')).toBeTruthy())
    act(() =>
      body.event(1, 'execution', { webhook_id: 'w1', execution: makeExecution({ id: 'e9', webhook_id: 'w1' }) }),
    )
    await waitFor(() => expect(view.getByText('history live e9,e1')).toBeTruthy())
    expect(streams).toHaveLength(1)
    expect(count(LIST)).toBe(1)

    view.unmount()
    await waitFor(() => expect(streams[0]?.signal.aborted).toBe(true))
    expect(streams).toHaveLength(1)
  })

  it('falls back to polling where the endpoint has no stream (404), and says so', async () => {
    const { streams } = endpoint({ stream: () => HttpResponse.json({ error: 'Not found' }, { status: 404 }) })
    const { result } = renderHookWithProviders(() => useIntegrationWebhooks({ live: true, refreshInterval: 30 }))
    await waitFor(() => expect(result.current.liveState).toBe('polling'))
    await waitFor(() => expect(count(LIST)).toBeGreaterThanOrEqual(3))
    expect(streams).toHaveLength(1)
  })

  it('does not poll while the stream is live', async () => {
    endpoint()
    const { result } = renderHookWithProviders(() => useIntegrationWebhooks({ live: true, refreshInterval: 10 }))
    await waitFor(() => expect(result.current.liveState).toBe('live'))
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(count(LIST)).toBe(1)
  })

  it('is off with the error when the stream is refused (401)', async () => {
    endpoint({ stream: () => HttpResponse.json({ error: 'Unauthorized' }, { status: 401 }) })
    const { result } = renderHookWithProviders(() => useIntegrationWebhooks({ live: true }))
    await waitFor(() => expect(result.current.liveError?.kind).toBe('unauthorized'))
    expect(result.current.liveState).toBe('off')
  })

  it('opens no stream without live', async () => {
    const { streams } = endpoint()
    const { result } = renderHookWithProviders(() => useIntegrationWebhooks())
    await waitFor(() => expect(result.current.webhooks).toHaveLength(2))
    expect(result.current.liveState).toBe('off')
    expect(streams).toHaveLength(0)
  })
})
