import { act, render, screen, waitFor } from '@testing-library/react'
import { HttpResponse, http } from 'msw'
import { SWRConfig } from 'swr'
import { describe, expect, it, vi } from 'vitest'
import { useIntegrationWebhooks, WebhooksProvider } from '../../src/react'
import { makeWebhook } from '../core/fixtures'
import { API, countRequests, renderHookWithProviders, renderWithProviders, setupMswServer } from './utils'

const server = setupMswServer()
const list = (...ids: string[]) => ({ webhooks: ids.map((id) => makeWebhook({ id })) })

describe('useIntegrationWebhooks', () => {
  it('loads the saved rows', async () => {
    server.use(http.get(API, () => HttpResponse.json(list('a', 'b'))))
    const { result } = renderHookWithProviders(() => useIntegrationWebhooks())
    expect(result.current.isLoading).toBe(true)
    expect(result.current.webhooks).toEqual([])
    await waitFor(() => expect(result.current.webhooks.map((w) => w.id)).toEqual(['a', 'b']))
    expect(result.current).toMatchObject({ source: 'saved', error: undefined, isLoading: false, isStale: false })
    expect(result.current.lastUpdatedAt).toBeTypeOf('number')
  })

  it('makes one request for many consumers', async () => {
    const count = countRequests(server)
    server.use(http.get(API, () => HttpResponse.json(list('a'))))
    function Consumer({ n }: { n: number }) {
      const { webhooks } = useIntegrationWebhooks()
      return <p>{`consumer ${n}: ${webhooks.length}`}</p>
    }
    renderWithProviders(
      <>
        <Consumer n={1} />
        <Consumer n={2} />
        <Consumer n={3} />
      </>,
    )
    await screen.findByText('consumer 3: 1')
    expect(screen.getByText('consumer 1: 1')).toBeInTheDocument()
    expect(count('GET /api/integration-webhooks')).toBe(1)
  })

  describe('given loaded data', () => {
    it('keeps it on a failed refresh, marks it stale, and clears the error after a later success', async () => {
      let answer: 'ok' | 'fail' = 'ok'
      server.use(
        http.get(API, () =>
          answer === 'ok'
            ? HttpResponse.json(list('a'))
            : HttpResponse.json({ error: 'Database down' }, { status: 500 }),
        ),
      )
      const { result } = renderHookWithProviders(() => useIntegrationWebhooks())
      await waitFor(() => expect(result.current.webhooks).toHaveLength(1))
      const firstUpdate = result.current.lastUpdatedAt

      answer = 'fail'
      await act(() => result.current.refresh())
      expect(result.current.webhooks.map((w) => w.id)).toEqual(['a'])
      expect(result.current.isStale).toBe(true)
      expect(result.current.error).toMatchObject({ kind: 'server', status: 500 })
      expect(result.current.error?.message).toContain('Database down')
      expect(result.current.lastUpdatedAt).toBe(firstUpdate)

      answer = 'ok'
      await act(() => result.current.refresh())
      expect(result.current.error).toBeUndefined()
      expect(result.current.isStale).toBe(false)
    })
  })

  describe('when nothing is saved', () => {
    it('shows generated suggestions, marked as generated', async () => {
      server.use(http.get(API, () => HttpResponse.json({ webhooks: [] })))
      const { result } = renderHookWithProviders(() => useIntegrationWebhooks())
      await waitFor(() => expect(result.current.source).toBe('generated'))
      expect(result.current.webhooks.length).toBeGreaterThan(20)
      expect(result.current.webhooks.every((w) => w.status === 'inactive')).toBe(true)
      expect(result.current.webhooks[0]?.webhook_url).toBe('https://app.test/api/integration-webhooks/gmail')
      expect(result.current.webhooks[0]?.user_id).toBe('user_1')
    })

    it('shows the empty list as it is when the host turns fallback off', async () => {
      server.use(http.get(API, () => HttpResponse.json({ webhooks: [] })))
      const { result } = renderHookWithProviders(() => useIntegrationWebhooks(), {
        providerProps: { fallback: false },
      })
      await waitFor(() => expect(result.current.source).toBe('saved'))
      expect(result.current.webhooks).toEqual([])
    })
  })

  it.each([
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [503, 'server'],
  ] as const)('reports %s as an error and invents no rows', async (status, kind) => {
    server.use(http.get(API, () => HttpResponse.json({ error: 'no' }, { status })))
    const { result } = renderHookWithProviders(() => useIntegrationWebhooks())
    await waitFor(() => expect(result.current.error).toMatchObject({ kind }))
    expect(result.current.webhooks).toEqual([])
    expect(result.current.source).toBeUndefined()
    expect(result.current.isStale).toBe(false)
  })

  it('reports rows dropped as invalid', async () => {
    server.use(http.get(API, () => HttpResponse.json({ webhooks: [makeWebhook({ id: 'ok' }), { id: 'broken' }] })))
    const { result } = renderHookWithProviders(() => useIntegrationWebhooks())
    await waitFor(() => expect(result.current.invalid).toHaveLength(1))
    expect(result.current.invalid[0]?.id).toBe('broken')
    expect(result.current.webhooks.map((w) => w.id)).toEqual(['ok'])
  })

  it('does not rebuild the client or refetch when the provider gets inline options on every render', async () => {
    const count = countRequests(server)
    const seen: (string | null)[] = []
    server.use(
      http.get(API, ({ request }) => {
        seen.push(request.headers.get('authorization'))
        return HttpResponse.json(list('a'))
      }),
    )
    let token = 't1'
    function Page() {
      const { webhooks, refresh } = useIntegrationWebhooks()
      return (
        <button type="button" onClick={() => void refresh()}>
          {webhooks.length} rows
        </button>
      )
    }
    const ui = () => (
      <WebhooksProvider
        apiUrl={API}
        retry={{ retries: 0 }}
        headers={{ 'x-app': 'test' }}
        getToken={() => token}
        routes={{ list: () => '' }}
        swr={{ provider: () => new Map() }}
      >
        <Page />
      </WebhooksProvider>
    )
    const view = render(ui())
    await screen.findByText('1 rows')
    for (let i = 0; i < 5; i++) view.rerender(ui())
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(count('GET /api/integration-webhooks')).toBe(1)

    // The same client reads the latest getToken when it is next asked to fetch.
    token = 't2'
    view.rerender(ui())
    act(() => screen.getByRole('button', { name: '1 rows' }).click())
    await waitFor(() => expect(seen).toEqual(['Bearer t1', 'Bearer t2']))
  })

  it('works without a provider, on the default apiUrl', async () => {
    const count = countRequests(server)
    server.use(http.get('http://localhost:3000/api/integration-webhooks', () => HttpResponse.json(list('d'))))
    function Page() {
      const { webhooks } = useIntegrationWebhooks()
      return <p>{webhooks.map((w) => w.id).join(',') || 'none'}</p>
    }
    render(
      <SWRConfig value={{ provider: () => new Map() }}>
        <Page />
      </SWRConfig>,
    )
    await screen.findByText('d')
    expect(count('GET /api/integration-webhooks')).toBe(1)
  })

  it('polls with refreshInterval, and pauses while the page is hidden', async () => {
    const count = countRequests(server)
    server.use(http.get(API, () => HttpResponse.json(list('a'))))
    const { result } = renderHookWithProviders(() => useIntegrationWebhooks({ refreshInterval: 30 }))
    await waitFor(() => expect(count('GET /api/integration-webhooks')).toBeGreaterThanOrEqual(3))
    expect(result.current.webhooks).toHaveLength(1)

    // Restored before the next test by the config's restoreMocks, also if this one fails.
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden')
    // A poll already under way when the page hid may still finish: wait for it to end (a fixed
    // 60 ms here was shorter than one request on a loaded machine), not for a time.
    await act(async () => undefined)
    await waitFor(() => expect(result.current.isValidating).toBe(false))
    const whileHidden = count('GET /api/integration-webhooks')
    // Several refresh intervals (30 ms each), none of which may ask while the page is hidden.
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(count('GET /api/integration-webhooks')).toBe(whileHidden)
  })

  it('waits while enabled is false', async () => {
    const count = countRequests(server)
    server.use(http.get(API, () => HttpResponse.json(list('a'))))
    const { result, rerender } = renderHookWithProviders(({ enabled }) => useIntegrationWebhooks({ enabled }), {
      initialProps: { enabled: false },
    })
    await new Promise((resolve) => setTimeout(resolve, 30))
    expect(count('GET /api/integration-webhooks')).toBe(0)
    expect(result.current.isLoading).toBe(false)
    rerender({ enabled: true })
    await waitFor(() => expect(result.current.webhooks).toHaveLength(1))
  })
})
