import fc from 'fast-check'
import { delay, HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { createWebhookClient, type WebhookClientOptions } from '../../src/core/client'
import { isRetryableKind, MAX_TIMER_MS, type RetryPolicy } from '../../src/core/retry'
import { failure } from '../support/msw'
import { makeExecution, makeWebhook } from './fixtures'

const API = 'http://app.test/api/integration-webhooks'
const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const fastRetry: Partial<RetryPolicy> = { baseDelayMs: 1, maxDelayMs: 5 }
const client = (options: WebhookClientOptions = {}) =>
  createWebhookClient({ apiUrl: API, retry: fastRetry, ...options })

describe('createWebhookClient', () => {
  describe('listWebhooks', () => {
    it('returns the rows and source of a 200 { webhooks, source }', async () => {
      const rows = [makeWebhook({ id: 'a' }), makeWebhook({ id: 'b', status: 'active' })]
      server.use(http.get(API, () => HttpResponse.json({ webhooks: rows, source: 'saved' })))
      const list = await client().listWebhooks()
      expect(list.webhooks.map((w) => w.id)).toEqual(['a', 'b'])
      expect(list.source).toBe('saved')
      expect(list.invalid).toEqual([])
    })

    it('accepts a bare array', async () => {
      server.use(http.get(API, () => HttpResponse.json([makeWebhook({ id: 'only' })])))
      const list = await client().listWebhooks()
      expect(list.webhooks.map((w) => w.id)).toEqual(['only'])
      expect(list.source).toBeUndefined()
    })

    it('returns an empty list as it is', async () => {
      server.use(http.get(API, () => HttpResponse.json({ webhooks: [] })))
      expect((await client().listWebhooks()).webhooks).toEqual([])
    })

    it('keeps unknown extra fields', async () => {
      server.use(http.get(API, () => HttpResponse.json({ webhooks: [{ ...makeWebhook(), team_id: 't1' }] })))
      const [row] = (await client().listWebhooks()).webhooks
      expect(row).toMatchObject({ team_id: 't1' })
    })

    it('drops invalid rows, reports them with index, id and `path: message`, and keeps the valid ones', async () => {
      server.use(
        http.get(API, () =>
          HttpResponse.json({
            webhooks: [
              makeWebhook({ id: 'good' }),
              { ...makeWebhook({ id: 'bad-status' }), status: 'paused' },
              { nonsense: true },
              { ...makeWebhook({ id: 'bad-count' }), trigger_count: -1 },
            ],
          }),
        ),
      )
      const list = await client().listWebhooks()
      expect(list.webhooks.map((w) => w.id)).toEqual(['good'])
      expect(list.invalid).toHaveLength(3)
      expect(list.invalid[0]).toEqual({
        index: 1,
        id: 'bad-status',
        issues: ['status: expected one of "active", "inactive", "error"'],
      })
      expect(list.invalid[1]?.id).toBeUndefined()
      expect(list.invalid[1]?.issues).toContain('id: expected string')
      expect(list.invalid[2]?.issues).toEqual(['trigger_count: expected a number ≥ 0'])
    })

    it.each([
      ['401', 401, 'unauthorized'],
      ['403', 403, 'forbidden'],
      ['404', 404, 'not-found'],
      ['422', 422, 'bad-request'],
    ] as const)('maps %s to kind %s without retrying', async (_, status, kind) => {
      let calls = 0
      server.use(
        http.get(API, () => {
          calls++
          return HttpResponse.json({ error: 'Nope' }, { status })
        }),
      )
      const error = await failure(client().listWebhooks())
      expect(error.kind).toBe(kind)
      expect(error.status).toBe(status)
      expect(error.message).toContain('Nope')
      expect(error.method).toBe('GET')
      expect(error.url).toBe(API)
      expect(calls).toBe(1)
    })

    it('retries a 500 and gives up after the policy, reporting the server message', async () => {
      let calls = 0
      server.use(
        http.get(API, () => {
          calls++
          return HttpResponse.json({ error: 'Database unavailable' }, { status: 500 })
        }),
      )
      const error = await failure(client({ retry: { ...fastRetry, retries: 2 } }).listWebhooks())
      expect(error.kind).toBe('server')
      expect(error.status).toBe(500)
      expect(error.message).toContain('Database unavailable')
      expect(calls).toBe(3)
    })

    it('recovers from a 503 followed by a 200', async () => {
      let calls = 0
      server.use(
        http.get(API, () => {
          calls++
          return calls === 1
            ? new HttpResponse('busy', { status: 503 })
            : HttpResponse.json({ webhooks: [makeWebhook({ id: 'back' })] })
        }),
      )
      const retries: number[] = []
      const list = await client({
        retry: { ...fastRetry, onRetry: ({ attempt }) => retries.push(attempt) },
      }).listWebhooks()
      expect(list.webhooks[0]?.id).toBe('back')
      expect(retries).toEqual([1])
    })

    it('honours Retry-After on 429', async () => {
      let calls = 0
      server.use(
        http.get(API, () => {
          calls++
          return calls === 1
            ? HttpResponse.json({ error: 'Slow down' }, { status: 429, headers: { 'Retry-After': '1' } })
            : HttpResponse.json({ webhooks: [] })
        }),
      )
      const delays: number[] = []
      await client({ retry: { ...fastRetry, onRetry: ({ delayMs }) => delays.push(delayMs) } }).listWebhooks()
      expect(delays).toEqual([1000])
      expect(calls).toBe(2)
    })

    it('gives up at once when Retry-After asks for longer than maxRetryAfterMs', async () => {
      let calls = 0
      server.use(
        http.get(API, () => {
          calls++
          return HttpResponse.json({ error: 'Quota' }, { status: 429, headers: { 'Retry-After': '3600' } })
        }),
      )
      const error = await failure(client().listWebhooks())
      expect(error.kind).toBe('rate-limited')
      expect(error.retryAfterMs).toBe(3_600_000)
      expect(calls).toBe(1)
    })

    it('maps a network failure to kind network, after retrying', async () => {
      let calls = 0
      server.use(
        http.get(API, () => {
          calls++
          return HttpResponse.error()
        }),
      )
      const error = await failure(client().listWebhooks())
      expect(error.kind).toBe('network')
      expect(error.cause).toBeDefined()
      expect(calls).toBe(3)
    })

    it('maps no answer within timeoutMs to kind timeout', async () => {
      server.use(
        http.get(API, async () => {
          await delay('infinite')
          return HttpResponse.json({ webhooks: [] })
        }),
      )
      const error = await failure(client({ timeoutMs: 30, retry: false }).listWebhooks())
      expect(error.kind).toBe('timeout')
      expect(error.message).toContain('30 ms')
    })

    it('maps the caller aborting to kind aborted, and does not retry', async () => {
      let calls = 0
      server.use(
        http.get(API, async () => {
          calls++
          await delay('infinite')
          return HttpResponse.json({ webhooks: [] })
        }),
      )
      const controller = new AbortController()
      const pending = client().listWebhooks({ signal: controller.signal })
      setTimeout(() => controller.abort(), 10)
      expect((await failure(pending)).kind).toBe('aborted')
      expect(calls).toBe(1)
    })

    it('rejects at once with kind aborted for an already aborted signal', async () => {
      const error = await failure(client().listWebhooks({ signal: AbortSignal.abort() }))
      expect(error.kind).toBe('aborted')
    })

    it('aborting during the wait before a retry stops it', async () => {
      server.use(http.get(API, () => new HttpResponse(null, { status: 503, headers: { 'Retry-After': '30' } })))
      const controller = new AbortController()
      const pending = client({ retry: { ...fastRetry, onRetry: () => controller.abort() } }).listWebhooks({
        signal: controller.signal,
      })
      expect((await failure(pending)).kind).toBe('aborted')
    })

    it('reports an HTML body as invalid-response, not as data', async () => {
      server.use(http.get(API, () => HttpResponse.html('<!doctype html><h1>Login</h1>')))
      const error = await failure(client().listWebhooks())
      expect(error.kind).toBe('invalid-response')
      expect(error.message).toContain('not JSON')
      expect(error.message).toContain('text/html')
      expect(error.issues[0]).toMatch(/^\(root\): expected JSON/)
    })

    it('reports the wrong top-level shape as invalid-response with issues', async () => {
      server.use(http.get(API, () => HttpResponse.json({ data: [] })))
      const error = await failure(client().listWebhooks())
      expect(error.kind).toBe('invalid-response')
      expect(error.issues.length).toBeGreaterThan(0)
      expect(error.issues.every((issue) => issue.includes(': '))).toBe(true)
    })
  })

  describe('requests', () => {
    it('sends headers, a bearer token from getToken and credentials', async () => {
      let seen: Headers | undefined
      server.use(
        http.get(API, ({ request }) => {
          seen = request.headers
          return HttpResponse.json([])
        }),
      )
      let n = 0
      await client({ headers: () => ({ 'x-tenant': `t${++n}` }), getToken: async () => 'tok' }).listWebhooks()
      expect(seen?.get('authorization')).toBe('Bearer tok')
      expect(seen?.get('x-tenant')).toBe('t1')
      expect(seen?.get('accept')).toBe('application/json')
    })

    it('uses a custom fetch', async () => {
      const urls: string[] = []
      const list = await createWebhookClient({
        apiUrl: 'https://elsewhere.test/hooks',
        fetch: async (url) => {
          urls.push(url)
          return Response.json({ webhooks: [] })
        },
      }).listWebhooks()
      expect(list.webhooks).toEqual([])
      expect(urls).toEqual(['https://elsewhere.test/hooks'])
    })

    it('follows route overrides and encodes ids', async () => {
      let url = ''
      server.use(
        http.patch('http://app.test/v2/hooks/:id/state', async ({ request, params }) => {
          url = request.url
          expect(await request.json()).toEqual({ status: 'active' })
          return HttpResponse.json({ webhook: makeWebhook({ id: String(params.id), status: 'active' }) })
        }),
      )
      const webhook = await client({ routes: { status: (id) => `/v2/hooks/${id}/state` } }).setStatus('a/b c', 'active')
      expect(url).toBe('http://app.test/v2/hooks/a%2Fb%20c/state')
      expect(webhook.status).toBe('active')
    })

    it('explains a relative apiUrl outside a browser instead of failing obscurely', async () => {
      await expect(createWebhookClient().listWebhooks()).rejects.toThrow(/relative.*absolute URL/)
    })

    it('rejects bad arguments with a TypeError naming them', async () => {
      const c = client()
      expect(() => createWebhookClient({ timeoutMs: 0 })).toThrow(/timeoutMs/)
      await expect(c.listExecutions('')).rejects.toThrow(/webhookId must be a non-empty string/)
      await expect(c.listExecutions('x', { limit: 0 })).rejects.toThrow(/limit must be a positive integer/)
      // @ts-expect-error: testing a bad value from untyped callers
      await expect(c.setStatus('x', 'error')).rejects.toThrow(/status must be "active" or "inactive"/)
    })
  })

  describe('executions and mutations', () => {
    it('lists executions with limit and cursor, and returns the next cursor', async () => {
      server.use(
        http.get(`${API}/executions/:id`, ({ request, params }) => {
          const url = new URL(request.url)
          expect(params.id).toBe('gmail-webhook')
          expect(url.searchParams.get('limit')).toBe('2')
          const cursor = url.searchParams.get('cursor')
          return HttpResponse.json(
            cursor === null
              ? { executions: [makeExecution({ id: 'e1' }), makeExecution({ id: 'e2' })], next_cursor: 'c2' }
              : { executions: [makeExecution({ id: 'e3' })], next_cursor: null },
          )
        }),
      )
      const c = client()
      const first = await c.listExecutions('gmail-webhook', { limit: 2 })
      expect(first.executions.map((e) => e.id)).toEqual(['e1', 'e2'])
      expect(first.nextCursor).toBe('c2')
      const second = await c.listExecutions('gmail-webhook', { limit: 2, cursor: first.nextCursor })
      expect(second.executions.map((e) => e.id)).toEqual(['e3'])
      expect(second.nextCursor).toBeNull()
    })

    it('retries the status PATCH (it sets an absolute value) on 503', async () => {
      let calls = 0
      server.use(
        http.patch(`${API}/:id`, () => {
          calls++
          return calls === 1
            ? new HttpResponse(null, { status: 503 })
            : HttpResponse.json({ webhook: makeWebhook({ status: 'inactive' }) })
        }),
      )
      expect((await client().setStatus('gmail-webhook', 'inactive')).status).toBe('inactive')
      expect(calls).toBe(2)
    })

    it('never repeats a test event or a retry POST', async () => {
      let calls = 0
      server.use(
        http.post(`${API}/:id/test`, () => {
          calls++
          return new HttpResponse(null, { status: 503 })
        }),
        http.post(`${API}/executions/:id/:executionId/retry`, () => {
          calls++
          return HttpResponse.error()
        }),
      )
      expect((await failure(client().sendTest('gmail-webhook'))).kind).toBe('server')
      expect((await failure(client().retryExecution('gmail-webhook', 'e1'))).kind).toBe('network')
      expect(calls).toBe(2)
    })

    it('returns the execution of a 202 test and retry', async () => {
      server.use(
        http.post(`${API}/:id/test`, () =>
          HttpResponse.json({ execution: makeExecution({ id: 't1' }) }, { status: 202 }),
        ),
        http.post(`${API}/executions/:id/:executionId/retry`, ({ params }) =>
          HttpResponse.json(
            { execution: makeExecution({ id: `${String(params.executionId)}-again` }) },
            { status: 202 },
          ),
        ),
      )
      expect((await client().sendTest('gmail-webhook')).id).toBe('t1')
      expect((await client().retryExecution('gmail-webhook', 'e9')).id).toBe('e9-again')
    })

    it('reports a mutation answer without a valid object as invalid-response', async () => {
      server.use(http.patch(`${API}/:id`, () => HttpResponse.json({ webhook: { id: 1 } })))
      const error = await failure(client().setStatus('gmail-webhook', 'active'))
      expect(error.kind).toBe('invalid-response')
      expect(error.issues.length).toBeGreaterThan(0)
    })
  })
  describe('createWebhook, getWebhook and deleteWebhook', () => {
    const saved = makeWebhook({
      id: 'wh_1',
      provider_id: 'github',
      status: 'inactive',
      webhook_url: 'https://app.test/api/integration-webhooks/receive/tok_abc',
    })

    it('createWebhook POSTs { provider_id, name } to apiUrl and returns the 201 webhook, its name typed', async () => {
      let body: unknown
      server.use(
        http.post(API, async ({ request }) => {
          body = await request.json()
          expect(request.headers.get('content-type')).toBe('application/json')
          return HttpResponse.json({ webhook: { ...saved, name: 'GitHub (staging)' } }, { status: 201 })
        }),
      )
      const webhook = await client().createWebhook('github', { name: 'GitHub (staging)' })
      expect(body).toEqual({ provider_id: 'github', name: 'GitHub (staging)' })
      expect(webhook.id).toBe('wh_1')
      expect(webhook.webhook_url).toBe('https://app.test/api/integration-webhooks/receive/tok_abc')
      const name: string | undefined = webhook.name
      expect(name).toBe('GitHub (staging)')
    })

    it('createWebhook sends no name when none is given', async () => {
      let body: unknown
      server.use(
        http.post(API, async ({ request }) => {
          body = await request.json()
          return HttpResponse.json({ webhook: saved }, { status: 201 })
        }),
      )
      const webhook = await client().createWebhook('github')
      expect(body).toEqual({ provider_id: 'github' })
      expect(webhook.name).toBeUndefined()
    })

    it('getWebhook GETs {apiUrl}/{id} and returns the webhook', async () => {
      server.use(http.get(`${API}/:id`, ({ params }) => HttpResponse.json({ webhook: { ...saved, id: params.id } })))
      expect((await client().getWebhook('wh_1')).id).toBe('wh_1')
    })

    it('deleteWebhook sends DELETE {apiUrl}/{id} and resolves on 204 without reading a body', async () => {
      const seen: string[] = []
      server.use(
        http.delete(`${API}/:id`, ({ request }) => {
          seen.push(`${request.method} ${new URL(request.url).pathname}`)
          return new HttpResponse(null, { status: 204 })
        }),
      )
      await expect(client().deleteWebhook('wh_1')).resolves.toBeUndefined()
      expect(seen).toEqual(['DELETE /api/integration-webhooks/wh_1'])
    })

    it('deleteWebhook accepts a 200 with a body too', async () => {
      server.use(http.delete(`${API}/:id`, () => HttpResponse.json({ deleted: true })))
      await expect(client().deleteWebhook('wh_1')).resolves.toBeUndefined()
    })

    it('rejects a malformed 201 as invalid-response with issues', async () => {
      server.use(http.post(API, () => HttpResponse.json({ webhook: { id: 'wh_1' } }, { status: 201 })))
      const error = await failure(client().createWebhook('github'))
      expect(error.kind).toBe('invalid-response')
      expect(error.issues.length).toBeGreaterThan(0)
    })

    type Method = 'createWebhook' | 'getWebhook' | 'deleteWebhook'
    const calls: Record<Method, { method: 'post' | 'get' | 'delete'; path: string; run: () => Promise<unknown> }> = {
      createWebhook: { method: 'post', path: API, run: () => client().createWebhook('github') },
      getWebhook: { method: 'get', path: `${API}/wh_1`, run: () => client().getWebhook('wh_1') },
      deleteWebhook: { method: 'delete', path: `${API}/wh_1`, run: () => client().deleteWebhook('wh_1') },
    }
    const methods = Object.keys(calls) as Method[]

    describe.each(methods)('%s', (name) => {
      const { method, path, run } = calls[name]
      const answer = (response: () => Response) => {
        let count = 0
        server.use(
          http[method](path, () => {
            count++
            return response()
          }),
        )
        return () => count
      }

      it("maps a 400 to bad-request with the server's error, code and issues", async () => {
        answer(() =>
          HttpResponse.json(
            { error: 'Invalid request body', code: 'invalid_body', issues: ['provider_id: expected string'] },
            { status: 400 },
          ),
        )
        const error = await failure(run())
        expect(error).toMatchObject({
          kind: 'bad-request',
          status: 400,
          code: 'invalid_body',
          serverMessage: 'Invalid request body',
          issues: ['provider_id: expected string'],
        })
        expect(error.message).toContain('Invalid request body')
      })

      it.each([
        [401, 'unauthorized', 'Unauthorized', 'unauthorized'],
        [404, 'not-found', 'Webhook not found', 'not_found'],
        [409, 'conflict', 'Webhook changed meanwhile', 'conflict'],
      ] as const)('maps a %i to %s, keeping error and code, without retrying', async (status, kind, message, code) => {
        const count = answer(() => HttpResponse.json({ error: message, code }, { status }))
        const error = await failure(run())
        expect(error).toMatchObject({ kind, status, code, serverMessage: message })
        expect(count()).toBe(1)
      })

      const idempotent = name === 'getWebhook'
      it(`${idempotent ? 'retries' : 'never retries'} a 500`, async () => {
        const count = answer(() => HttpResponse.json({ error: 'Database down', code: 'internal' }, { status: 500 }))
        const error = await failure(run())
        expect(error).toMatchObject({ kind: 'server', status: 500, code: 'internal', serverMessage: 'Database down' })
        expect(count()).toBe(idempotent ? 3 : 1)
      })

      it(`maps a network error to kind network${idempotent ? ', after retrying' : ', without retrying'}`, async () => {
        const count = answer(() => HttpResponse.error())
        expect((await failure(run())).kind).toBe('network')
        expect(count()).toBe(idempotent ? 3 : 1)
      })
    })

    it('reads issues sent as { path, message } objects', async () => {
      server.use(
        http.post(API, () =>
          HttpResponse.json(
            {
              error: 'Invalid',
              code: 'invalid_body',
              issues: [{ path: ['name'], message: 'too long' }, { message: 'x' }],
            },
            { status: 400 },
          ),
        ),
      )
      expect((await failure(client().createWebhook('github'))).issues).toEqual(['name: too long', '(root): x'])
    })

    it('follows route overrides for create, get and delete', async () => {
      const seen: string[] = []
      server.use(
        http.post('http://app.test/v2/hooks', () => {
          seen.push('POST')
          return HttpResponse.json({ webhook: saved }, { status: 201 })
        }),
        http.get('http://app.test/v2/hooks/:id', ({ params }) => {
          seen.push(`GET ${String(params.id)}`)
          return HttpResponse.json({ webhook: saved })
        }),
        http.delete('http://app.test/v2/hooks/:id/remove', ({ params }) => {
          seen.push(`DELETE ${String(params.id)}`)
          return new HttpResponse(null, { status: 204 })
        }),
      )
      const c = client({
        routes: { create: () => '/v2/hooks', get: (id) => `/v2/hooks/${id}`, delete: (id) => `/v2/hooks/${id}/remove` },
      })
      await c.createWebhook('github')
      await c.getWebhook('a b')
      await c.deleteWebhook('a b')
      expect(seen).toEqual(['POST', 'GET a b', 'DELETE a b'])
    })

    it('rejects bad arguments with a TypeError before any request', async () => {
      const c = client()
      await expect(c.createWebhook('')).rejects.toThrow(/providerId must be a non-empty string/)
      await expect(c.createWebhook('github', { name: ' ' })).rejects.toThrow(/name must be a non-empty string/)
      await expect(c.getWebhook('')).rejects.toThrow(/webhookId must be a non-empty string/)
      await expect(c.deleteWebhook('')).rejects.toThrow(/webhookId must be a non-empty string/)
    })
  })
})

describe('ids never address a path outside apiUrl', () => {
  const hostile = ['.', '..', '%2e%2e', 'a/b', '?x', '#x']
  type Route = (c: ReturnType<typeof client>, id: string) => Promise<unknown>
  const routes: [string, Route][] = [
    ['listExecutions', (c, id) => c.listExecutions(id)],
    ['setStatus', (c, id) => c.setStatus(id, 'active')],
    ['sendTest', (c, id) => c.sendTest(id)],
    ['retryExecution (webhook id)', (c, id) => c.retryExecution(id, 'e1')],
    ['retryExecution (execution id)', (c, id) => c.retryExecution('w1', id)],
    ['getWebhook', (c, id) => c.getWebhook(id)],
    ['deleteWebhook', (c, id) => c.deleteWebhook(id)],
  ]

  /** Every URL requested while `work` runs; each answers 404 (no retries). */
  async function requested(work: () => Promise<unknown>): Promise<{ urls: string[]; error: unknown }> {
    const urls: string[] = []
    server.use(
      http.all('*', ({ request }) => {
        urls.push(request.url)
        return HttpResponse.json({ error: 'Not found' }, { status: 404 })
      }),
    )
    const error = await work().then(
      () => undefined,
      (e: unknown) => e,
    )
    return { urls, error }
  }

  /** Under apiUrl: the path starts with apiUrl's path and none of its segments is a dot step. */
  const insideApi = (url: string) => {
    const { pathname, origin, search, hash } = new URL(url)
    const segments = pathname.split('/').map((segment) => decodeURIComponent(segment))
    return (
      origin === new URL(API).origin &&
      pathname.startsWith(`${new URL(API).pathname}/`) &&
      !segments.includes('.') &&
      !segments.includes('..') &&
      search === '' &&
      hash === ''
    )
  }

  describe.each(routes)('%s', (_, call) => {
    it.each(hostile)('with the id %j: a TypeError, or a request under apiUrl', async (id) => {
      const { urls, error } = await requested(() => call(client(), id))
      if (id === '.' || id === '..') {
        expect(error).toBeInstanceOf(TypeError)
        expect((error as Error).message).toMatch(/must not be "\." or "\.\."/)
        expect(urls).toEqual([])
      } else {
        expect(urls).toHaveLength(1)
        expect(urls.every(insideApi)).toBe(true)
      }
    })
  })

  it('sends no request with the token for "..", even through a route override', async () => {
    const { urls, error } = await requested(() =>
      client({ getToken: () => 'tok', routes: { status: (id) => `/v2/hooks/${id}` } }).setStatus('..', 'inactive'),
    )
    expect(error).toBeInstanceOf(TypeError)
    expect(urls).toEqual([])
  })

  it('refuses a relative route that climbs out of apiUrl', async () => {
    const { urls, error } = await requested(() => client({ routes: { test: (id) => `../${id}/test` } }).sendTest('w1'))
    expect(error).toBeInstanceOf(TypeError)
    expect((error as Error).message).toContain('outside apiUrl')
    expect(urls).toEqual([])
  })

  it('keeps any id under apiUrl (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.oneof(fc.constantFrom(...hostile), fc.string({ unit: 'grapheme-ascii', maxLength: 8 })),
        async ([, call], id) => {
          const { urls, error } = await requested(() => call(client(), id))
          if (error instanceof TypeError) return urls.length === 0
          return urls.length === 1 && urls.every(insideApi)
        },
      ),
      { numRuns: 60 },
    )
  })
})

describe('timeouts and waits beyond what a timer holds', () => {
  it('treats timeoutMs: Infinity as no timeout', async () => {
    server.use(
      http.get(API, async () => {
        await delay(50)
        return HttpResponse.json({ webhooks: [] })
      }),
    )
    expect((await client({ timeoutMs: Number.POSITIVE_INFINITY, retry: false }).listWebhooks()).webhooks).toEqual([])
  })

  it.each([2 ** 31, 1e12])('clamps timeoutMs: %d instead of timing out at once', async (timeoutMs) => {
    server.use(
      http.get(API, async () => {
        await delay(50)
        return HttpResponse.json({ webhooks: [] })
      }),
    )
    expect((await client({ timeoutMs, retry: false }).listWebhooks()).webhooks).toEqual([])
  })

  it('waits for a huge Retry-After under maxRetryAfterMs: Infinity instead of retrying at once', async () => {
    let calls = 0
    server.use(
      http.get(API, () => {
        calls++
        return HttpResponse.json({ error: 'Later' }, { status: 429, headers: { 'Retry-After': '99999999' } })
      }),
    )
    const controller = new AbortController()
    const delays: number[] = []
    const pending = client({
      retry: {
        ...fastRetry,
        retries: 3,
        maxRetryAfterMs: Number.POSITIVE_INFINITY,
        onRetry: (r) => delays.push(r.delayMs),
      },
    }).listWebhooks({ signal: controller.signal })
    await vi.waitFor(() => expect(delays).toHaveLength(1))
    // A wait the timer cannot hold fired at once before: three more attempts in a few ms.
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(calls).toBe(1)
    expect(delays).toEqual([MAX_TIMER_MS])
    controller.abort()
    expect((await failure(pending)).kind).toBe('aborted')
  })
})

describe('a getToken or headers that throws', () => {
  it('is kind credentials, keeps the cause, sends nothing and is not retried', async () => {
    let calls = 0
    server.use(
      http.get(API, () => {
        calls++
        return HttpResponse.json([])
      }),
    )
    const cause = new Error('storage is locked')
    let asked = 0
    const error = await failure(
      client({
        getToken: () => {
          asked++
          throw cause
        },
      }).listWebhooks(),
    )
    expect(error.kind).toBe('credentials')
    expect(error.cause).toBe(cause)
    expect(error.message).toContain('session could not be read')
    expect(asked).toBe(1)
    expect(calls).toBe(0)
  })

  it('a rejecting headers function is the same failure', async () => {
    const error = await failure(
      client({
        headers: async () => {
          throw new Error('no tenant')
        },
      }).setStatus('w1', 'active'),
    )
    expect(error.kind).toBe('credentials')
    expect(isRetryableKind(error.kind)).toBe(false)
  })
})
