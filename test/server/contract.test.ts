import { integrationWebhookSchema, webhookExecutionSchema } from 'integration-webhooks/core'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  BASE,
  call,
  countRows,
  insertExecutions,
  type OpenStore,
  ORIGIN,
  openStore,
  storeKinds,
  testServer,
} from './support'

describe.each(storeKinds)('the HTTP contract on %s', (kind) => {
  let open: OpenStore
  let server: ReturnType<typeof testServer>
  beforeAll(async () => {
    open = await openStore(kind)
    server = testServer(open.store)
  })
  afterAll(async () => {
    await server?.close()
    await open?.dispose()
  })
  beforeEach(async () => {
    await open.reset()
  })

  const create = async (provider_id = 'github', user = 'user_a', name?: string) => {
    const response = await call(server, 'POST', '', { user, body: { provider_id, ...(name ? { name } : {}) } })
    expect(response.status).toBe(201)
    return response.json.webhook
  }

  describe('GET {basePath}', () => {
    it('given nothing saved, answers the catalog suggestions, generated and not stored', async () => {
      const response = await call(server, 'GET', '')
      expect(response.status).toBe(200)
      expect(response.json.source).toBe('generated')
      expect(response.json.webhooks.length).toBeGreaterThan(20)
      const github = response.json.webhooks.find((row: { provider_id: string }) => row.provider_id === 'github')
      expect(github).toMatchObject({ status: 'inactive', trigger_count: 0, user_id: 'user_a' })
      expect(github.webhook_url).toBe(`${ORIGIN}${BASE}/github`)
      expect(github.external_config.setup_required).toBe(true)
      expect(await countRows(open.store)).toEqual({ webhooks: 0, executions: 0 })
    })

    it('given fallback is off, answers an empty saved list', async () => {
      const quiet = testServer(open.store, { fallback: false })
      const response = await call(quiet, 'GET', '')
      expect(response.json).toEqual({ webhooks: [], source: 'saved' })
    })

    it('given saved webhooks, answers them (oldest first), and no suggestions', async () => {
      const first = await create('github')
      const second = await create('stripe')
      const response = await call(server, 'GET', '')
      expect(response.json.source).toBe('saved')
      expect(response.json.webhooks.map((row: { id: string }) => row.id)).toEqual([first.id, second.id])
      for (const row of response.json.webhooks) expect(integrationWebhookSchema.safeParse(row).success).toBe(true)
    })

    it('sends no-store caching and JSON', async () => {
      const response = await call(server, 'GET', '')
      expect(response.headers.get('cache-control')).toBe('no-store')
      expect(response.headers.get('content-type')).toMatch(/^application\/json/)
    })
  })

  describe('POST {basePath}', () => {
    it('saves a webhook from the catalog with its own unguessable receiving URL', async () => {
      const webhook = await create('github')
      expect(integrationWebhookSchema.safeParse(webhook).success).toBe(true)
      expect(webhook).toMatchObject({
        user_id: 'user_a',
        provider_id: 'github',
        name: 'GitHub',
        status: 'active',
        trigger_count: 0,
        error_count: 0,
        last_triggered: null,
      })
      const token = webhook.webhook_url.slice(`${ORIGIN}${BASE}/receive/`.length)
      expect(webhook.webhook_url.startsWith(`${ORIGIN}${BASE}/receive/`)).toBe(true)
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/) // 256 bits, base64url
      expect(token).not.toContain(webhook.id)
      expect(webhook.trigger_types).toContain('github_trigger_push')
      expect(webhook.external_config.instructions).toContain(webhook.webhook_url)
      expect(webhook.external_config.instructions).not.toContain('{webhookUrl}')
      expect(await countRows(open.store)).toEqual({ webhooks: 1, executions: 0 })
    })

    it('allows several per provider, each with its own URL and name', async () => {
      const a = await create('github', 'user_a', 'GitHub — org A')
      const b = await create('github', 'user_a', 'GitHub — org B')
      expect(a.webhook_url).not.toBe(b.webhook_url)
      expect([a.name, b.name]).toEqual(['GitHub — org A', 'GitHub — org B'])
    })

    it('answers with a Location of the new webhook', async () => {
      const response = await call(server, 'POST', '', { body: { provider_id: 'slack' } })
      expect(response.headers.get('location')).toBe(`${BASE}/${response.json.webhook.id}`)
    })
  })

  describe('GET, PATCH and DELETE {basePath}/{id}', () => {
    it('reads one webhook', async () => {
      const webhook = await create()
      const response = await call(server, 'GET', `/${webhook.id}`)
      expect(response.status).toBe(200)
      expect(response.json.webhook).toEqual(webhook)
    })

    it('disables and enables, moving updated_at', async () => {
      const webhook = await create()
      const off = await call(server, 'PATCH', `/${webhook.id}`, { body: { status: 'inactive' } })
      expect(off.status).toBe(200)
      expect(off.json.webhook.status).toBe('inactive')
      expect(Date.parse(off.json.webhook.updated_at)).toBeGreaterThanOrEqual(Date.parse(webhook.updated_at))
      const on = await call(server, 'PATCH', `/${webhook.id}`, { body: { status: 'active' } })
      expect(on.json.webhook.status).toBe('active')
      expect((await call(server, 'GET', `/${webhook.id}`)).json.webhook.status).toBe('active')
    })

    it('deletes a webhook and its executions', async () => {
      const webhook = await create()
      await insertExecutions(open.store, webhook, 5)
      const response = await call(server, 'DELETE', `/${webhook.id}`)
      expect(response.status).toBe(204)
      expect(response.text).toBe('')
      expect(await countRows(open.store)).toEqual({ webhooks: 0, executions: 0 })
      expect((await call(server, 'GET', `/${webhook.id}`)).status).toBe(404)
    })

    it('answers HEAD like GET, without a body', async () => {
      const webhook = await create()
      const response = await call(server, 'HEAD', `/${webhook.id}`)
      expect(response.status).toBe(200)
      expect(response.text).toBe('')
    })
  })

  describe('GET {basePath}/executions/{id}', () => {
    it('pages newest first with an opaque cursor, every row once, ties broken by id', async () => {
      const webhook = await create()
      await insertExecutions(open.store, webhook, 47)
      const seen: string[] = []
      let cursor: string | null = null
      let pages = 0
      do {
        const query: string = cursor ? `?limit=10&cursor=${cursor}` : '?limit=10'
        const response = await call(server, 'GET', `/executions/${webhook.id}${query}`)
        expect(response.status).toBe(200)
        for (const row of response.json.executions) expect(webhookExecutionSchema.safeParse(row).success).toBe(true)
        seen.push(...response.json.executions.map((row: { id: string }) => row.id))
        cursor = response.json.next_cursor
        pages++
      } while (cursor)
      expect(pages).toBe(5)
      const expected = Array.from({ length: 47 }, (_, i) => `exec_${String(47 - i).padStart(7, '0')}`)
      expect(seen).toEqual(expected)
    })

    it('defaults to 20 rows and says when there is no next page', async () => {
      const webhook = await create()
      await insertExecutions(open.store, webhook, 3)
      const response = await call(server, 'GET', `/executions/${webhook.id}`)
      expect(response.json.executions).toHaveLength(3)
      expect(response.json.next_cursor).toBeNull()
    })
  })

  describe('bad input: a clear JSON error, and nothing written', () => {
    const cases: [
      string,
      () => Promise<{ method: string; path: string; options?: Parameters<typeof call>[3] }>,
      number,
      string,
    ][] = [
      [
        'malformed JSON',
        async () => ({
          method: 'POST',
          path: '',
          options: { raw: '{"provider_id":', headers: { 'content-type': 'application/json' } },
        }),
        400,
        'invalid_json',
      ],
      [
        'an empty body',
        async () => ({
          method: 'POST',
          path: '',
          options: { raw: '', headers: { 'content-type': 'application/json' } },
        }),
        400,
        'invalid_json',
      ],
      [
        'a body that is not an object',
        async () => ({ method: 'POST', path: '', options: { body: ['github'] } }),
        400,
        'invalid_body',
      ],
      [
        'a missing provider_id',
        async () => ({ method: 'POST', path: '', options: { body: { provider: 'github' } } }),
        400,
        'invalid_body',
      ],
      [
        'an unknown provider_id',
        async () => ({ method: 'POST', path: '', options: { body: { provider_id: 'acme' } } }),
        400,
        'unknown_provider',
      ],
      [
        'an unavailable provider',
        async () => ({ method: 'POST', path: '', options: { body: { provider_id: 'tiktok' } } }),
        400,
        'unknown_provider',
      ],
      [
        'a name with a bidi override',
        async () => ({ method: 'POST', path: '', options: { body: { provider_id: 'github', name: 'evil\u202egoo' } } }),
        400,
        'invalid_body',
      ],
      [
        'a form body',
        async () => ({
          method: 'POST',
          path: '',
          options: { raw: 'provider_id=github', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
        }),
        415,
        'unsupported_media_type',
      ],
      [
        'no content type',
        async () => ({ method: 'POST', path: '', options: { raw: '{"provider_id":"github"}' } }),
        415,
        'unsupported_media_type',
      ],
      [
        'a body over the limit',
        async () => ({
          method: 'POST',
          path: '',
          options: { body: { provider_id: 'github', name: 'x'.repeat(70_000) } },
        }),
        413,
        'payload_too_large',
      ],
      ['a wrong method', async () => ({ method: 'PUT', path: '' }), 405, 'method_not_allowed'],
      [
        'a status that cannot be set',
        async () => ({ method: 'PATCH', path: '/{id}', options: { body: { status: 'error' } } }),
        400,
        'invalid_body',
      ],
      [
        'an extra key in the status body',
        async () => ({ method: 'PATCH', path: '/{id}', options: { body: { status: 'inactive', trigger_count: 0 } } }),
        400,
        'invalid_body',
      ],
      [
        'a malformed cursor',
        async () => ({ method: 'GET', path: '/executions/{id}?cursor=%%%' }),
        400,
        'invalid_cursor',
      ],
      ['a limit of 0', async () => ({ method: 'GET', path: '/executions/{id}?limit=0' }), 400, 'invalid_query'],
      ['a limit over 100', async () => ({ method: 'GET', path: '/executions/{id}?limit=101' }), 400, 'invalid_query'],
      [
        'signed out',
        async () => ({ method: 'POST', path: '', options: { user: null, body: { provider_id: 'github' } } }),
        401,
        'unauthorized',
      ],
    ]

    it.each(cases)('%s', async (_name, make, status, code) => {
      const existing = await create('github')
      const before = await countRows(open.store)
      const { method, path, options } = await make()
      const response = await call(server, method, path.replace('{id}', existing.id), options)
      expect(response.status).toBe(status)
      expect(response.json).toMatchObject({ code, error: expect.any(String) })
      expect(response.text).not.toMatch(/SELECT|INSERT|at .*\.ts|receive_token/)
      expect(await countRows(open.store)).toEqual(before)
      expect((await call(server, 'GET', `/${existing.id}`)).json.webhook).toEqual(existing)
    })

    it('lists the issues of a body as path: message', async () => {
      const response = await call(server, 'POST', '', { body: { provider_id: 42, colour: 'red' } })
      expect(response.json.issues).toEqual(expect.arrayContaining([expect.stringMatching(/^provider_id: /)]))
      expect(response.json.issues.join('\n')).toContain('colour')
    })

    it('names the unknown provider', async () => {
      const response = await call(server, 'POST', '', { body: { provider_id: 'acme-crm' } })
      expect(response.json.error).toContain('"acme-crm"')
    })

    it('answers 405 with Allow', async () => {
      const response = await call(server, 'DELETE', '')
      expect(response.headers.get('allow')).toBe('GET, POST, HEAD')
      const one = await call(server, 'POST', '/some-id')
      expect(one.headers.get('allow')).toBe('GET, PATCH, DELETE, HEAD')
    })

    it('refuses a declared Content-Length over the limit without reading the body', async () => {
      let pulled = 0
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          pulled++
          controller.enqueue(new Uint8Array(1024))
          if (pulled > 1000) controller.close()
        },
      })
      const response = await server.handle(
        new Request(`http://localhost${BASE}`, {
          method: 'POST',
          headers: { 'x-user': 'user_a', 'content-type': 'application/json', 'content-length': '10000000' },
          body,
          duplex: 'half',
        } as RequestInit),
      )
      expect(response.status).toBe(413)
      expect(pulled).toBeLessThanOrEqual(1)
    })

    it('stops reading a streamed body at the limit', async () => {
      let pulled = 0
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          pulled++
          controller.enqueue(new Uint8Array(8 * 1024).fill(32))
          if (pulled > 1000) controller.close()
        },
      })
      const response = await server.handle(
        new Request(`http://localhost${BASE}`, {
          method: 'POST',
          headers: { 'x-user': 'user_a', 'content-type': 'application/json' },
          body,
          duplex: 'half',
        } as RequestInit),
      )
      expect(response.status).toBe(413)
      expect(pulled).toBeLessThan(20)
    })

    it.each([
      ['an encoded slash', '/a%2Fb'],
      ['a control character', '/a%00b'],
      ['a space', '/a%20b'],
      ['129 characters', `/${'a'.repeat(129)}`],
      ['bad percent-encoding', '/%E0%A4%A'],
    ])('answers 404 for an id that is not well formed (%s), before any query', async (_name, path) => {
      const queried: string[] = []
      const spying = testServer(
        new Proxy(open.store, {
          get(target, key, receiver) {
            const value = Reflect.get(target, key, receiver)
            return typeof value === 'function'
              ? (...args: unknown[]) => {
                  queried.push(String(key))
                  return value.apply(target, args)
                }
              : value
          },
        }),
      )
      for (const method of ['GET', 'PATCH', 'DELETE']) {
        const response = await call(spying, method, path, method === 'PATCH' ? { body: { status: 'inactive' } } : {})
        expect(response.status).toBe(404)
        expect(response.json.code).toBe('not_found')
      }
      const executions = await call(spying, 'GET', `/executions${path}`)
      expect(executions.status).toBe(404)
      expect(queried).toEqual([])
    })

    it('answers 404 for unknown paths, including routes of later issues', async () => {
      for (const path of ['/receive/abc', '/x/y/z', '/some-id/test']) {
        expect((await call(server, 'POST', path, { body: {} })).status).toBe(404)
      }
    })

    it('refuses a cursor made for another webhook', async () => {
      const a = await create('github')
      const b = await create('stripe')
      await insertExecutions(open.store, a, 30)
      const page = await call(server, 'GET', `/executions/${a.id}?limit=10`)
      const foreign = await call(server, 'GET', `/executions/${b.id}?cursor=${page.json.next_cursor}`)
      expect(foreign.status).toBe(400)
      expect(foreign.json.code).toBe('invalid_cursor')
    })

    it('limits the webhooks one user may have (409), atomically', async () => {
      const limited = testServer(open.store, { maxWebhooksPerUser: 3 })
      const results = await Promise.all(
        Array.from({ length: 8 }, () => call(limited, 'POST', '', { body: { provider_id: 'github' } })),
      )
      expect(results.filter((r) => r.status === 201)).toHaveLength(3)
      expect(results.filter((r) => r.status === 409).every((r) => r.json.code === 'limit_reached')).toBe(true)
      expect((await countRows(open.store)).webhooks).toBe(3)
    })
  })

  describe('failures inside', () => {
    it('a throwing authenticate is a 500 that says nothing of its cause, reported through onError', async () => {
      const reported: unknown[] = []
      const failing = testServer(open.store, {
        authenticate: () => {
          throw new Error('session store password=hunter2 unreachable')
        },
        onError: (error) => reported.push(error),
      })
      const response = await call(failing, 'GET', '')
      expect(response.status).toBe(500)
      expect(response.json).toEqual({ error: 'Internal server error', code: 'internal' })
      expect(response.text).not.toContain('hunter2')
      expect(reported).toHaveLength(1)
    })

    it('a failing store is a 500 without SQL', async () => {
      const reported: unknown[] = []
      const broken = testServer(
        {
          ...open.store,
          listWebhooks: () => Promise.reject(new Error('relation "x" does not exist: SELECT * FROM x')),
        },
        { onError: (error) => reported.push(error) },
      )
      const response = await call(broken, 'GET', '')
      expect(response.status).toBe(500)
      expect(response.text).not.toContain('SELECT')
      expect(reported).toHaveLength(1)
    })

    it('after close(), answers 503', async () => {
      const closing = testServer(open.store)
      await closing.close()
      const response = await call(closing, 'GET', '')
      expect(response.status).toBe(503)
    })
  })

  describe('mounting', () => {
    it('accepts requests with or without the base path (routers that strip it)', async () => {
      const webhook = await create()
      const stripped = await server.handle(
        new Request(`http://localhost/${webhook.id}`, { headers: { 'x-user': 'user_a' } }),
      )
      expect(stripped.status).toBe(200)
      const trailing = await server.handle(new Request(`http://localhost${BASE}/`, { headers: { 'x-user': 'user_a' } }))
      expect(trailing.status).toBe(200)
    })

    it('without publicUrl, builds receiving URLs on the request origin', async () => {
      const local = testServer(open.store, { publicUrl: undefined })
      const response = await call(local, 'POST', '', { body: { provider_id: 'github' } })
      expect(response.json.webhook.webhook_url.startsWith(`http://localhost${BASE}/receive/`)).toBe(true)
    })
  })
})
