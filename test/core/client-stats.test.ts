import { HttpResponse, http } from 'msw'
import { describe, expect, it } from 'vitest'
import { createWebhookClient, type WebhookClientOptions } from '../../src/core/client'
import { API, failure, setupMswServer } from '../support/msw'
import { makeStats } from './fixtures'

const server = setupMswServer()
const client = (options: WebhookClientOptions = {}) =>
  createWebhookClient({ apiUrl: API, retry: { baseDelayMs: 1, maxDelayMs: 5 }, ...options })

describe('client statistics (issue 14)', () => {
  describe('getStats', () => {
    it('GETs {id}/stats?window=24h by default and returns the parsed figures', async () => {
      let url: URL | undefined
      const stats = makeStats('24h', [
        [3, 1],
        [0, 0],
        [5, 0],
      ])
      server.use(
        http.get(`${API}/wh_1/stats`, ({ request }) => {
          url = new URL(request.url)
          return HttpResponse.json({ ...stats, extra: 'kept' })
        }),
      )
      const result = await client().getStats('wh_1')
      expect(url?.searchParams.get('window')).toBe('24h')
      expect(result).toMatchObject({
        window: '24h',
        total: 9,
        success: 8,
        error: 1,
        success_rate: 8 / 9,
        extra: 'kept',
      })
      expect(result.buckets).toHaveLength(24)
      expect(result.buckets[0]).toEqual(stats.buckets[0])
    })

    it.each(['7d', '30d'] as const)('asks for window %s and gets its daily buckets', async (window) => {
      server.use(
        http.get(`${API}/wh_1/stats`, ({ request }) =>
          HttpResponse.json(makeStats(new URL(request.url).searchParams.get('window') as typeof window)),
        ),
      )
      const result = await client().getStats('wh_1', { window })
      expect(result.window).toBe(window)
      expect(result.buckets).toHaveLength(window === '7d' ? 7 : 30)
      expect(result.success_rate).toBeNull()
    })

    it('encodes the id and follows an overridden route', async () => {
      let path = ''
      server.use(
        http.get(`${API}/metrics/:id`, ({ request }) => {
          path = new URL(request.url).pathname
          return HttpResponse.json(makeStats())
        }),
      )
      await client({ routes: { stats: (id) => `metrics/${id}` } }).getStats('a/b c')
      expect(path).toBe('/api/integration-webhooks/metrics/a%2Fb%20c')
    })

    it('throws a TypeError for an unknown window or an empty id, without a request', async () => {
      // onUnhandledRequest: 'error' fails the test if anything is sent.
      await expect(client().getStats('wh_1', { window: '1y' as never })).rejects.toThrow(
        /window must be one of "24h", "7d", "30d", got "1y"/,
      )
      await expect(client().getStats('')).rejects.toThrow(TypeError)
    })

    it.each([
      [400, 'bad-request'],
      [401, 'unauthorized'],
      [403, 'forbidden'],
      [404, 'not-found'],
    ] as const)('maps %i to %s with the server’s code, without retrying', async (status, kind) => {
      let calls = 0
      server.use(
        http.get(`${API}/wh_1/stats`, () => {
          calls++
          return HttpResponse.json({ error: 'No.', code: 'nope' }, { status })
        }),
      )
      const error = await failure(client().getStats('wh_1'))
      expect(error).toMatchObject({ kind, status, code: 'nope', serverMessage: 'No.' })
      expect(calls).toBe(1)
    })

    it('retries a 503 and a 429 (a read) and then succeeds', async () => {
      let calls = 0
      server.use(
        http.get(`${API}/wh_1/stats`, () => {
          calls++
          if (calls === 1) return HttpResponse.json({ error: 'busy' }, { status: 503 })
          if (calls === 2)
            return HttpResponse.json({ error: 'slow down' }, { status: 429, headers: { 'retry-after': '0' } })
          return HttpResponse.json(makeStats())
        }),
      )
      expect((await client().getStats('wh_1')).window).toBe('24h')
      expect(calls).toBe(3)
    })

    it('maps a 500 that keeps failing to server, and a network failure to network', async () => {
      server.use(http.get(`${API}/wh_1/stats`, () => HttpResponse.json({ error: 'boom' }, { status: 500 })))
      expect((await failure(client({ retry: false }).getStats('wh_1'))).kind).toBe('server')
      server.use(http.get(`${API}/wh_1/stats`, () => HttpResponse.error()))
      expect((await failure(client({ retry: false }).getStats('wh_1'))).kind).toBe('network')
    })

    it('rejects a malformed body as invalid-response naming each bad field', async () => {
      const stats = makeStats()
      server.use(
        http.get(`${API}/wh_1/stats`, () =>
          HttpResponse.json({
            ...stats,
            success_rate: 1.5,
            p95_ms: -1,
            buckets: [{ start: 'yesterday', success: 1, error: 0 }],
          }),
        ),
      )
      const error = await failure(client().getStats('wh_1'))
      expect(error.kind).toBe('invalid-response')
      expect(error.issues).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^success_rate: /),
          expect.stringMatching(/^p95_ms: /),
          'buckets.0.start: expected a date-time string',
        ]),
      )
    })

    it('rejects a body that is not JSON as invalid-response', async () => {
      server.use(
        http.get(`${API}/wh_1/stats`, () => new HttpResponse('<html>', { headers: { 'content-type': 'text/html' } })),
      )
      expect((await failure(client().getStats('wh_1'))).kind).toBe('invalid-response')
    })

    it('rejects an answer for another window than asked (a server that ignored ?window=)', async () => {
      server.use(http.get(`${API}/wh_1/stats`, () => HttpResponse.json(makeStats('24h'))))
      const error = await failure(client().getStats('wh_1', { window: '7d' }))
      expect(error.kind).toBe('invalid-response')
      expect(error.issues).toEqual(['window: expected "7d", got "24h"'])
    })

    it('is aborted by its signal', async () => {
      server.use(http.get(`${API}/wh_1/stats`, () => new Promise(() => undefined)))
      const controller = new AbortController()
      const pending = client().getStats('wh_1', { signal: controller.signal })
      controller.abort()
      expect((await failure(pending)).kind).toBe('aborted')
    })
  })

  describe('getAllStats', () => {
    it('GETs stats?window= and returns every webhook’s figures by id', async () => {
      let window: string | null = null
      const { window: _, ...figures } = makeStats('7d', [[2, 2]])
      server.use(
        http.get(`${API}/stats`, ({ request }) => {
          window = new URL(request.url).searchParams.get('window')
          return HttpResponse.json({ window: '7d', stats: { wh_1: figures, wh_2: { ...figures, success: 4 } } })
        }),
      )
      const all = await client().getAllStats({ window: '7d' })
      expect(window).toBe('7d')
      expect(Object.keys(all.stats)).toEqual(['wh_1', 'wh_2'])
      expect(all.stats.wh_1?.success_rate).toBe(0.5)
      expect(all.stats.wh_2?.buckets).toHaveLength(7)
    })

    it('follows an overridden route', async () => {
      server.use(http.get(`${API}/analytics`, () => HttpResponse.json({ window: '24h', stats: {} })))
      expect(await client({ routes: { allStats: () => 'analytics' } }).getAllStats()).toEqual({
        window: '24h',
        stats: {},
      })
    })

    it.each([
      [401, 'unauthorized'],
      [404, 'not-found'],
      [500, 'server'],
    ] as const)('maps %i to %s', async (status, kind) => {
      server.use(http.get(`${API}/stats`, () => HttpResponse.json({ error: 'x' }, { status })))
      expect((await failure(client({ retry: false }).getAllStats())).kind).toBe(kind)
    })

    it('rejects a body without stats, or with one bad entry, as invalid-response', async () => {
      server.use(http.get(`${API}/stats`, () => HttpResponse.json({ window: '24h' })))
      expect((await failure(client().getAllStats())).issues).toEqual(['stats: expected record'])
      server.use(
        http.get(`${API}/stats`, () =>
          HttpResponse.json({ window: '24h', stats: { wh_1: { ...makeStats(), total: -3 } } }),
        ),
      )
      expect((await failure(client().getAllStats())).issues).toEqual(['stats.wh_1.total: expected a number ≥ 0'])
    })
  })
})
