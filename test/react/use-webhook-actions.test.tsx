import { act, waitFor } from '@testing-library/react'
import fc from 'fast-check'
import { delay, HttpResponse, http } from 'msw'
import { describe, expect, it, vi } from 'vitest'
import { useIntegrationWebhooks, useWebhookActions, useWebhookExecutions } from '../../src/react'
import { makeExecution, makeWebhook } from '../core/fixtures'
import { API, countRequests, renderHookWithProviders, setupMswServer } from './utils'

const server = setupMswServer()

function useAll(webhookId = 'w1') {
  return { list: useIntegrationWebhooks(), actions: useWebhookActions(), history: useWebhookExecutions(webhookId) }
}

describe('useWebhookActions', () => {
  describe('setStatus', () => {
    it('shows the new status at once, keeps the server row, and reports success', async () => {
      server.use(
        http.get(API, () => HttpResponse.json({ webhooks: [makeWebhook({ id: 'w1', status: 'inactive' })] })),
        http.patch(`${API}/w1`, async ({ request }) => {
          await delay(30)
          const { status } = (await request.json()) as { status: 'active' }
          return HttpResponse.json({
            webhook: makeWebhook({ id: 'w1', status, updated_at: '2026-02-02T00:00:00.000Z' }),
          })
        }),
      )
      const onStatusChange = vi.fn()
      const { result } = renderHookWithProviders(() => ({
        list: useIntegrationWebhooks(),
        actions: useWebhookActions({ onStatusChange }),
      }))
      await waitFor(() => expect(result.current.list.webhooks).toHaveLength(1))

      let pending!: ReturnType<typeof result.current.actions.setStatus>
      act(() => {
        pending = result.current.actions.setStatus('w1', 'active')
      })
      await waitFor(() => expect(result.current.list.webhooks[0]?.status).toBe('active'))
      expect(result.current.actions.isPending('setStatus', 'w1')).toBe(true)

      const outcome = await act(() => pending)
      expect(outcome).toMatchObject({ ok: true, data: { id: 'w1', status: 'active' } })
      expect(result.current.list.webhooks[0]?.updated_at).toBe('2026-02-02T00:00:00.000Z')
      expect(result.current.actions.isPending('setStatus', 'w1')).toBe(false)
      expect(onStatusChange).toHaveBeenCalledWith(expect.objectContaining({ id: 'w1', status: 'active' }))
    })

    it('rolls back and says why when the server refuses', async () => {
      server.use(
        http.get(API, () => HttpResponse.json({ webhooks: [makeWebhook({ id: 'w1', status: 'active' })] })),
        http.patch(`${API}/w1`, async () => {
          await delay(20)
          return HttpResponse.json({ error: 'Webhook is locked by an admin' }, { status: 403 })
        }),
      )
      const onError = vi.fn()
      const { result } = renderHookWithProviders(() => ({
        list: useIntegrationWebhooks(),
        actions: useWebhookActions({ onError }),
      }))
      await waitFor(() => expect(result.current.list.webhooks).toHaveLength(1))

      let pending!: ReturnType<typeof result.current.actions.setStatus>
      act(() => {
        pending = result.current.actions.setStatus('w1', 'inactive')
      })
      await waitFor(() => expect(result.current.list.webhooks[0]?.status).toBe('inactive'))
      const outcome = await act(() => pending)

      expect(outcome.ok).toBe(false)
      expect(result.current.list.webhooks[0]?.status).toBe('active')
      expect(result.current.actions.errorFor('setStatus', 'w1')).toMatchObject({ kind: 'forbidden' })
      expect(result.current.actions.errorFor('setStatus', 'w1')?.message).toContain('locked by an admin')
      expect(onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'forbidden' }), 'setStatus', 'w1')
    })

    it('ends with the screen equal to the server, whatever the latencies and failures (property)', async () => {
      type Reply = { latency: number; outcome: 'ok' | 403 | 503 }
      const reply = fc.record({
        latency: fc.integer({ min: 0, max: 15 }),
        outcome: fc.constantFrom<Reply['outcome']>('ok', 'ok', 403, 503),
      })
      const call = fc.record({
        status: fc.constantFrom<'active' | 'inactive'>('active', 'inactive'),
        gap: fc.integer({ min: 0, max: 10 }),
      })
      await fc.assert(
        fc.asyncProperty(
          fc.array(call, { minLength: 1, maxLength: 5 }),
          fc.array(reply, { minLength: 1, maxLength: 12 }),
          async (calls, replies) => {
            let serverStatus: 'active' | 'inactive' = 'active'
            let arrivals = 0
            server.use(
              http.get(API, () => HttpResponse.json({ webhooks: [makeWebhook({ id: 'w1', status: serverStatus })] })),
              http.patch(`${API}/w1`, async ({ request }) => {
                const { latency, outcome } = replies[arrivals++ % replies.length] as Reply
                const { status } = (await request.json()) as { status: 'active' | 'inactive' }
                await delay(latency)
                if (outcome !== 'ok') return HttpResponse.json({ error: 'no' }, { status: outcome })
                serverStatus = status
                return HttpResponse.json({ webhook: makeWebhook({ id: 'w1', status }) })
              }),
            )
            const { result, unmount } = renderHookWithProviders(
              () => ({ list: useIntegrationWebhooks(), actions: useWebhookActions() }),
              { providerProps: { retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 2 } } },
            )
            try {
              await waitFor(() => expect(result.current.list.webhooks).toHaveLength(1))
              const running: Promise<unknown>[] = []
              for (const { status, gap } of calls) {
                act(() => {
                  running.push(result.current.actions.setStatus('w1', status))
                })
                await delay(gap)
              }
              await act(() => Promise.all(running))
              await waitFor(() => expect(result.current.actions.isPending('setStatus', 'w1')).toBe(false))
              expect(result.current.list.webhooks[0]?.status).toBe(serverStatus)
            } finally {
              unmount()
              server.resetHandlers()
            }
          },
        ),
        { numRuns: 25 },
      )
    }, 120_000)

    it('a slow success then a fast refusal: the screen shows what the server kept', async () => {
      let serverStatus: 'active' | 'inactive' = 'inactive'
      server.use(
        http.get(API, () => HttpResponse.json({ webhooks: [makeWebhook({ id: 'w1', status: serverStatus })] })),
        http.patch(`${API}/w1`, async ({ request }) => {
          const { status } = (await request.json()) as { status: 'active' | 'inactive' }
          if (status === 'active') {
            await delay(40)
            serverStatus = status
            return HttpResponse.json({ webhook: makeWebhook({ id: 'w1', status }) })
          }
          return HttpResponse.json({ error: 'Locked' }, { status: 403 })
        }),
      )
      const { result } = renderHookWithProviders(() => ({
        list: useIntegrationWebhooks(),
        actions: useWebhookActions(),
      }))
      await waitFor(() => expect(result.current.list.webhooks).toHaveLength(1))
      let first!: Promise<unknown>
      let second!: Promise<unknown>
      act(() => {
        first = result.current.actions.setStatus('w1', 'active')
      })
      act(() => {
        second = result.current.actions.setStatus('w1', 'inactive')
      })
      await act(() => Promise.all([first, second]))
      expect(serverStatus).toBe('active')
      expect(result.current.list.webhooks[0]?.status).toBe('active')
      expect(result.current.actions.errorFor('setStatus', 'w1')).toMatchObject({ kind: 'forbidden' })
    })

    it('clears the error when the action is tried again', async () => {
      let refuse = true
      server.use(
        http.get(API, () => HttpResponse.json({ webhooks: [makeWebhook({ id: 'w1', status: 'active' })] })),
        http.patch(`${API}/w1`, () =>
          refuse
            ? HttpResponse.json({ error: 'no' }, { status: 500 })
            : HttpResponse.json({ webhook: makeWebhook({ id: 'w1', status: 'inactive' }) }),
        ),
      )
      const { result } = renderHookWithProviders(() => ({
        list: useIntegrationWebhooks(),
        actions: useWebhookActions(),
      }))
      await waitFor(() => expect(result.current.list.webhooks).toHaveLength(1))
      await act(() => result.current.actions.setStatus('w1', 'inactive'))
      expect(result.current.actions.errorFor('setStatus', 'w1')).toBeDefined()
      refuse = false
      await act(() => result.current.actions.setStatus('w1', 'inactive'))
      expect(result.current.actions.errorFor('setStatus', 'w1')).toBeUndefined()
      expect(result.current.list.webhooks[0]?.status).toBe('inactive')
    })
  })

  describe('sendTest and retryExecution', () => {
    it('put the new execution into the history without a manual refresh, and refetch the counts', async () => {
      const count = countRequests(server)
      const history = [makeExecution({ id: 'old', webhook_id: 'w1', status: 'error' })]
      server.use(
        http.get(API, () => HttpResponse.json({ webhooks: [makeWebhook({ id: 'w1' })] })),
        http.get(`${API}/executions/w1`, () => HttpResponse.json({ executions: history, next_cursor: null })),
        http.post(`${API}/w1/test`, () => {
          const execution = makeExecution({ id: 'test-1', webhook_id: 'w1', status: 'pending' })
          history.unshift(execution)
          return HttpResponse.json({ execution }, { status: 202 })
        }),
        http.post(`${API}/executions/w1/old/retry`, () => {
          const execution = makeExecution({ id: 'retry-1', webhook_id: 'w1' })
          history.unshift(execution)
          return HttpResponse.json({ execution }, { status: 202 })
        }),
      )
      const { result } = renderHookWithProviders(() => useAll('w1'))
      await waitFor(() => expect(result.current.history.executions.map((e) => e.id)).toEqual(['old']))
      const listRequests = count('GET /api/integration-webhooks')

      const test = await act(() => result.current.actions.sendTest('w1'))
      expect(test).toMatchObject({ ok: true, data: { id: 'test-1', status: 'pending' } })
      await waitFor(() => expect(result.current.history.executions.map((e) => e.id)).toEqual(['test-1', 'old']))

      await act(() => result.current.actions.retryExecution('w1', 'old'))
      await waitFor(() =>
        expect(result.current.history.executions.map((e) => e.id)).toEqual(['retry-1', 'test-1', 'old']),
      )
      await waitFor(() => expect(count('GET /api/integration-webhooks')).toBeGreaterThan(listRequests))
    })

    it('track pending per id: a retry of one execution does not mark another', async () => {
      server.use(
        http.post(`${API}/executions/w1/e1/retry`, async () => {
          await delay(30)
          return HttpResponse.json({ execution: makeExecution({ id: 'again' }) }, { status: 202 })
        }),
      )
      const { result } = renderHookWithProviders(() => useWebhookActions())
      let pending!: ReturnType<typeof result.current.retryExecution>
      act(() => {
        pending = result.current.retryExecution('w1', 'e1')
      })
      expect(result.current.isPending('retryExecution', 'e1')).toBe(true)
      expect(result.current.isPending('retryExecution', 'e2')).toBe(false)
      expect(result.current.isPending('sendTest', 'w1')).toBe(false)
      await act(() => pending)
      expect(result.current.isPending('retryExecution', 'e1')).toBe(false)
    })

    it('report a failed test event as a value, with the error kept for that webhook', async () => {
      server.use(
        http.post(`${API}/w1/test`, () => HttpResponse.json({ error: 'Provider unreachable' }, { status: 502 })),
      )
      const { result } = renderHookWithProviders(() => useWebhookActions())
      const outcome = await act(() => result.current.sendTest('w1'))
      expect(outcome).toMatchObject({ ok: false, error: { kind: 'server', status: 502 } })
      expect(result.current.errorFor('sendTest', 'w1')?.message).toContain('Provider unreachable')
      expect(result.current.errorFor('sendTest', 'w2')).toBeUndefined()
    })
  })
  describe('create', () => {
    const saved = makeWebhook({
      id: 'wh_new',
      provider_id: 'github',
      status: 'inactive',
      webhook_url: 'https://app.test/api/integration-webhooks/receive/tok_1',
    })

    it('turns a list of generated suggestions into a saved list holding the new row', async () => {
      let body: unknown
      server.use(
        http.get(API, () => HttpResponse.json({ webhooks: [] })),
        http.post(API, async ({ request }) => {
          body = await request.json()
          await delay(20)
          return HttpResponse.json({ webhook: saved }, { status: 201 })
        }),
      )
      const onCreate = vi.fn()
      const { result } = renderHookWithProviders(() => ({
        list: useIntegrationWebhooks(),
        actions: useWebhookActions({ onCreate }),
      }))
      await waitFor(() => expect(result.current.list.source).toBe('generated'))
      expect(result.current.list.webhooks.length).toBeGreaterThan(1)

      let pending!: ReturnType<typeof result.current.actions.create>
      act(() => {
        pending = result.current.actions.create('github', { name: 'GitHub (main)' })
      })
      expect(result.current.actions.isPending('create', 'github')).toBe(true)
      const outcome = await act(() => pending)

      expect(body).toEqual({ provider_id: 'github', name: 'GitHub (main)' })
      expect(outcome).toMatchObject({ ok: true, data: { id: 'wh_new' } })
      expect(result.current.list.source).toBe('saved')
      expect(result.current.list.webhooks.map((w) => w.id)).toEqual(['wh_new'])
      expect(result.current.list.webhooks[0]?.webhook_url).toBe(
        'https://app.test/api/integration-webhooks/receive/tok_1',
      )
      expect(result.current.actions.isPending('create', 'github')).toBe(false)
      expect(onCreate).toHaveBeenCalledWith(expect.objectContaining({ id: 'wh_new' }))
    })

    it('adds the new row to a saved list', async () => {
      server.use(
        http.get(API, () => HttpResponse.json({ webhooks: [makeWebhook({ id: 'w1' })], source: 'saved' })),
        http.post(API, () => HttpResponse.json({ webhook: saved }, { status: 201 })),
      )
      const { result } = renderHookWithProviders(() => ({
        list: useIntegrationWebhooks(),
        actions: useWebhookActions(),
      }))
      await waitFor(() => expect(result.current.list.webhooks).toHaveLength(1))
      await act(() => result.current.actions.create('github'))
      expect(result.current.list.webhooks.map((w) => w.id)).toEqual(['w1', 'wh_new'])
      expect(result.current.list.source).toBe('saved')
    })

    it('reports a refusal as a value, kept under the provider id, and leaves the list as it was', async () => {
      server.use(
        http.get(API, () => HttpResponse.json({ webhooks: [makeWebhook({ id: 'w1' })] })),
        http.post(API, () =>
          HttpResponse.json({ error: 'Unknown provider "nope"', code: 'unknown_provider' }, { status: 400 }),
        ),
      )
      const onError = vi.fn()
      const { result } = renderHookWithProviders(() => ({
        list: useIntegrationWebhooks(),
        actions: useWebhookActions({ onError }),
      }))
      await waitFor(() => expect(result.current.list.webhooks).toHaveLength(1))
      const outcome = await act(() => result.current.actions.create('nope'))
      expect(outcome).toMatchObject({ ok: false, error: { kind: 'bad-request', code: 'unknown_provider' } })
      expect(result.current.actions.errorFor('create', 'nope')?.message).toContain('Unknown provider')
      expect(result.current.list.webhooks.map((w) => w.id)).toEqual(['w1'])
      expect(onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'bad-request' }), 'create', 'nope')
    })
  })

  describe('remove', () => {
    const two = () => [makeWebhook({ id: 'w1' }), makeWebhook({ id: 'w2', provider_id: 'slack' })]

    it('takes the row out at once and keeps it out when the server deletes it', async () => {
      server.use(
        http.get(API, () => HttpResponse.json({ webhooks: two() })),
        http.delete(`${API}/w1`, async () => {
          await delay(30)
          return new HttpResponse(null, { status: 204 })
        }),
      )
      const onRemove = vi.fn()
      const { result } = renderHookWithProviders(() => ({
        list: useIntegrationWebhooks(),
        actions: useWebhookActions({ onRemove }),
      }))
      await waitFor(() => expect(result.current.list.webhooks).toHaveLength(2))

      let pending!: ReturnType<typeof result.current.actions.remove>
      act(() => {
        pending = result.current.actions.remove('w1')
      })
      await waitFor(() => expect(result.current.list.webhooks.map((w) => w.id)).toEqual(['w2']))
      expect(result.current.actions.isPending('remove', 'w1')).toBe(true)
      expect(await act(() => pending)).toEqual({ ok: true, data: undefined })
      expect(result.current.list.webhooks.map((w) => w.id)).toEqual(['w2'])
      expect(onRemove).toHaveBeenCalledWith('w1')
    })

    it('puts the row back and says why when the server refuses', async () => {
      server.use(
        http.get(API, () => HttpResponse.json({ webhooks: two() })),
        http.delete(`${API}/w1`, async () => {
          await delay(20)
          return HttpResponse.json({ error: 'Webhook is locked', code: 'locked' }, { status: 409 })
        }),
      )
      const { result } = renderHookWithProviders(() => ({
        list: useIntegrationWebhooks(),
        actions: useWebhookActions(),
      }))
      await waitFor(() => expect(result.current.list.webhooks).toHaveLength(2))
      let pending!: ReturnType<typeof result.current.actions.remove>
      act(() => {
        pending = result.current.actions.remove('w1')
      })
      await waitFor(() => expect(result.current.list.webhooks).toHaveLength(1))
      const outcome = await act(() => pending)
      expect(outcome).toMatchObject({ ok: false, error: { kind: 'conflict', code: 'locked' } })
      expect(result.current.list.webhooks.map((w) => w.id)).toEqual(['w1', 'w2'])
      expect(result.current.actions.errorFor('remove', 'w1')?.message).toContain('Webhook is locked')
    })

    it('fetches the list again once the last saved row is gone, so suggestions come back', async () => {
      let saved = [makeWebhook({ id: 'w1' })]
      server.use(
        http.get(API, () => HttpResponse.json({ webhooks: saved, source: 'saved' })),
        http.delete(`${API}/w1`, () => {
          saved = []
          return new HttpResponse(null, { status: 204 })
        }),
      )
      const { result } = renderHookWithProviders(() => ({
        list: useIntegrationWebhooks(),
        actions: useWebhookActions(),
      }))
      await waitFor(() => expect(result.current.list.webhooks).toHaveLength(1))
      await act(() => result.current.actions.remove('w1'))
      await waitFor(() => expect(result.current.list.source).toBe('generated'))
      expect(result.current.list.webhooks.length).toBeGreaterThan(1)
    })

    it('fetches the list again when the webhook was already gone (404)', async () => {
      let calls = 0
      server.use(
        http.get(API, () => {
          calls++
          return HttpResponse.json({ webhooks: calls === 1 ? two() : two().slice(1) })
        }),
        http.delete(`${API}/w1`, () =>
          HttpResponse.json({ error: 'Webhook not found', code: 'not_found' }, { status: 404 }),
        ),
      )
      const { result } = renderHookWithProviders(() => ({
        list: useIntegrationWebhooks(),
        actions: useWebhookActions(),
      }))
      await waitFor(() => expect(result.current.list.webhooks).toHaveLength(2))
      const outcome = await act(() => result.current.actions.remove('w1'))
      expect(outcome).toMatchObject({ ok: false, error: { kind: 'not-found' } })
      await waitFor(() => expect(result.current.list.webhooks.map((w) => w.id)).toEqual(['w2']))
    })
  })
})
