import { once } from 'node:events'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { toNodeListener } from 'integration-webhooks/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createExpressApp } from '../../examples/express'
import { createHonoApp } from '../../examples/hono'
import { createNodeServer } from '../../examples/node'
import { bufferedBodies } from '../../src/server/http'
import { openStreamCount } from '../../src/server/stream'
import { BASE, type OpenStore, openStore, testServer, until } from './support'

// The mounting guides of the README are these files: each is run here against one server.
describe('mounting guides (examples/)', () => {
  let open: OpenStore
  let webhooks: ReturnType<typeof testServer>
  const servers: Server[] = []
  beforeAll(async () => {
    open = await openStore('pglite')
    webhooks = testServer(open.store)
  })
  afterAll(async () => {
    for (const server of servers) server.close()
    await webhooks?.close()
    await open?.dispose()
  })

  async function listen(server: Server): Promise<string> {
    servers.push(server)
    server.listen(0, '127.0.0.1')
    await once(server, 'listening')
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  }

  /** Create, read, disable, list, delete: the same conversation through any mount. */
  async function conversation(fetchIt: (path: string, init?: RequestInit) => Promise<Response>) {
    const headers = { 'x-user': 'user_mount', 'content-type': 'application/json' }
    const created = await fetchIt(BASE, { method: 'POST', headers, body: JSON.stringify({ provider_id: 'github' }) })
    expect(created.status).toBe(201)
    const { webhook } = await created.json()
    const patched = await fetchIt(`${BASE}/${webhook.id}`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ status: 'inactive' }),
    })
    expect((await patched.json()).webhook.status).toBe('inactive')
    const list = await (await fetchIt(BASE, { headers })).json()
    expect(list.webhooks.map((row: { id: string }) => row.id)).toContain(webhook.id)
    const bad = await fetchIt(BASE, { method: 'POST', headers, body: '{' })
    expect(bad.status).toBe(400)
    expect(await bad.json()).toMatchObject({ code: 'invalid_json' })
    expect((await fetchIt(`${BASE}/${webhook.id}`, { method: 'DELETE', headers })).status).toBe(204)
    expect((await fetchIt(`${BASE}/${webhook.id}`, { headers })).status).toBe(404)
  }

  it('node:http (examples/node.ts)', async () => {
    const origin = await listen(createNodeServer(webhooks))
    await conversation((p, init) => fetch(origin + p, init))
  })

  it('Express, mounted on a path it strips (examples/express.ts)', async () => {
    const origin = await listen(createExpressApp(webhooks).listen(0, '127.0.0.1'))
    await conversation((p, init) => fetch(origin + p, init))
  })

  it('Hono (examples/hono.ts)', async () => {
    const app = createHonoApp(webhooks)
    await conversation(async (p, init) => app.request(p, init))
  })

  it('Next.js App Router (examples/nextjs/.../route.ts), on its own data directory', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'iw-next-'))
    process.env.WEBHOOKS_DATA_DIR = path.join(dir, 'webhooks')
    const saved = process.env.DATABASE_URL
    delete process.env.DATABASE_URL
    try {
      const route = await import('../../examples/nextjs/app/api/integration-webhooks/[[...path]]/route')
      const lib = await import('../../examples/nextjs/lib/webhooks')
      const cookie = { cookie: 'demo_user=user_next', 'content-type': 'application/json' }
      const call = (method: keyof typeof route, p: string, body?: unknown) =>
        (route[method] as (r: Request) => Promise<Response>)(
          new Request(`http://localhost${p}`, {
            method,
            headers: cookie,
            body: body ? JSON.stringify(body) : undefined,
          }),
        )
      const created = await call('POST', BASE, { provider_id: 'stripe' })
      expect(created.status).toBe(201)
      const { webhook } = await created.json()
      expect((await call('GET', `${BASE}/${webhook.id}`)).status).toBe(200)
      expect((await route.GET(new Request(`http://localhost${BASE}`))).status).toBe(401)
      expect((await call('DELETE', `${BASE}/${webhook.id}`)).status).toBe(204)
      await lib.webhooks.close()
      await lib.store.close()
    } finally {
      if (saved !== undefined) process.env.DATABASE_URL = saved
      delete process.env.WEBHOOKS_DATA_DIR
      await rm(dir, { recursive: true, force: true })
    }
  })

  describe('toNodeListener', () => {
    let origin: string
    beforeAll(async () => {
      origin = await listen(createServer(toNodeListener(webhooks)))
    })

    /** A raw request: the path is sent exactly as written (fetch would resolve dot segments). */
    function raw(pathname: string): Promise<{ status: number; body: string }> {
      return new Promise((resolve, reject) => {
        const url = new URL(origin)
        const req = httpRequest(
          { host: url.hostname, port: url.port, path: pathname, headers: { 'x-user': 'user_a' } },
          (res) => {
            let body = ''
            res.on('data', (chunk) => {
              body += chunk
            })
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
          },
        )
        req.on('error', reject)
        req.end()
      })
    }

    it.each(['/.', '/..', '/%2e%2e', '/%2E', '/executions/..', '/./x'])(
      'answers 404 for a dot segment in the raw path (%s), which URL parsing would resolve away',
      async (segment) => {
        const response = await raw(`${BASE}${segment}`)
        expect(response.status).toBe(404)
        expect(JSON.parse(response.body)).toEqual({ error: 'Not found', code: 'not_found' })
      },
    )

    it('streams a large request body to the handler and refuses it at the limit', async () => {
      const response = await fetch(`${origin}${BASE}`, {
        method: 'POST',
        headers: { 'x-user': 'user_a', 'content-type': 'application/json' },
        body: JSON.stringify({ provider_id: 'github', name: 'x'.repeat(200_000) }),
      })
      expect(response.status).toBe(413)
    })

    it('writes a JSON response whole, with its Content-Length (not chunked)', async () => {
      const response = await fetch(`${origin}${BASE}`, { headers: { 'x-user': 'user_a' } })
      const bytes = new Uint8Array(await response.arrayBuffer())
      expect(response.status).toBe(200)
      expect(response.headers.get('transfer-encoding')).toBeNull()
      expect(response.headers.get('content-length')).toBe(String(bytes.byteLength))
      expect(Array.isArray(JSON.parse(new TextDecoder().decode(bytes)).webhooks)).toBe(true)
    })

    it("answers HEAD with a JSON route's status and headers and no body", async () => {
      const response = await fetch(`${origin}${BASE}`, { method: 'HEAD', headers: { 'x-user': 'user_a' } })
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8')
      expect(response.headers.get('cache-control')).toBe('no-store')
      expect(await response.text()).toBe('')
    })

    it('gives callers of handle() real Responses (what Bun, Deno and workers need), not the light ones it writes', async () => {
      const answers = [
        await webhooks.handle(new Request(`http://localhost${BASE}`, { headers: { 'x-user': 'user_a' } })),
        await webhooks.handle(new Request(`http://localhost${BASE}`)),
        await webhooks.handle(
          new Request(`http://localhost${BASE}`, { method: 'HEAD', headers: { 'x-user': 'user_a' } }),
        ),
      ]
      expect(
        answers.map((response) => [Object.getPrototypeOf(response) === Response.prototype, response.status]),
      ).toEqual([
        [true, 200],
        [true, 401],
        [true, 200],
      ])
      expect(await answers[1]?.json()).toEqual({ error: 'Unauthorized', code: 'unauthorized' })
    })

    it('reads a small body of declared length before the handler runs; a chunked or large one is streamed', async () => {
      const seen: { whole: boolean; text: string }[] = []
      const bodyOrigin = await listen(
        createServer(
          toNodeListener(async (request) => {
            const whole = new TextDecoder().decode(bufferedBodies.get(request) ?? new Uint8Array(0))
            const text = await request.text()
            seen.push({ whole: whole === text, text })
            return new Response(null, { status: 204 })
          }),
        ),
      )
      const small = JSON.stringify({ zen: 'Keep it logically awesome.' })
      await fetch(bodyOrigin, { method: 'POST', body: small })
      const large = 'x'.repeat(100 * 1024)
      await fetch(bodyOrigin, { method: 'POST', body: large })
      const chunked = new Blob([small]).stream()
      await fetch(bodyOrigin, { method: 'POST', body: chunked, duplex: 'half' } as RequestInit)
      expect(seen).toEqual([
        { whole: true, text: small },
        { whole: false, text: large },
        { whole: false, text: small },
      ])
    })

    it('never calls the handler for a body the client abandons before its declared end', async () => {
      let called = 0
      const listener = toNodeListener(async () => {
        called++
        return new Response(null, { status: 204 })
      })
      // Wrapped: a promise resolved with a promise would wait for that one.
      let arrived!: (request: { closed: Promise<unknown> }) => void
      const request = new Promise<{ closed: Promise<unknown> }>((resolve) => {
        arrived = resolve
      })
      const cutOrigin = await listen(
        createServer((req: IncomingMessage, res: ServerResponse) => {
          // (not once(): the request also emits an `aborted` error, which once() would throw)
          arrived({ closed: new Promise((resolve) => req.once('close', resolve)) })
          listener(req, res)
        }),
      )
      const socket = connect(Number(new URL(cutOrigin).port), '127.0.0.1')
      await once(socket, 'connect')
      socket.write(
        'POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"zen":',
      )
      const { closed } = await request
      socket.destroy()
      await closed
      await new Promise((resolve) => setImmediate(resolve))
      expect(called).toBe(0)
    })

    describe('the request it hands the handler (light: a real Request only when needed)', () => {
      /** A listener whose handler gives the test the request and answers what `read` returns. */
      async function serve(
        read: (request: Request) => Promise<unknown>,
        options: Parameters<typeof toNodeListener>[1] = {},
        before: (req: IncomingMessage & { originalUrl?: string }) => void = () => {},
      ) {
        const listener = toNodeListener(async (request) => {
          try {
            return Response.json({ value: await read(request) })
          } catch (error) {
            return Response.json({ error: String(error) }, { status: 500 })
          }
        }, options)
        return listen(
          createServer((req, res) => {
            before(req)
            listener(req, res)
          }),
        )
      }

      /** A request with headers as Node sends them (an array: one line each). */
      function send(
        at: string,
        pathname: string,
        init: { method?: string; headers?: Record<string, string | string[]>; body?: string } = {},
      ): Promise<{ status: number; body: Record<string, unknown> }> {
        return new Promise((resolve, reject) => {
          const url = new URL(at)
          const req = httpRequest(
            { host: url.hostname, port: url.port, path: pathname, method: init.method ?? 'GET', headers: init.headers },
            (res) => {
              let text = ''
              res.on('data', (chunk) => {
                text += chunk
              })
              res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }))
            },
          )
          req.on('error', reject)
          req.end(init.body)
        })
      }

      it('is a Request to the handler and to host code, with its method, URL and every header', async () => {
        const at = await serve(async (request) => ({
          request: request instanceof Request,
          method: request.method,
          url: request.url,
          multi: request.headers.get('x-multi'),
          cookie: request.headers.get('cookie'),
          // Host code may clone it, or make a Request of it (which takes its body).
          cloned: request.clone().url,
          copy: new Request(request).headers.get('x-multi'),
        }))
        const { body } = await send(at, '/api/x?page=2', {
          method: 'DELETE',
          headers: { 'x-multi': ['a', 'b'], cookie: 'session=1' },
        })
        const url = `http://127.0.0.1:${new URL(at).port}/api/x?page=2`
        expect(body.value).toEqual({
          request: true,
          method: 'DELETE',
          url,
          multi: 'a, b',
          cookie: 'session=1',
          copy: 'a, b',
          cloned: url,
        })
      })

      it("has Express's whole URL (originalUrl), and the forwarded origin only with trustProxy", async () => {
        const mount = (req: IncomingMessage & { originalUrl?: string }) => {
          req.originalUrl = req.url
          req.url = (req.url ?? '/').slice('/mounted'.length) || '/'
        }
        const forwarded = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'hooks.example.com' }
        const plain = await serve(async (request) => request.url, {}, mount)
        const trusted = await serve(async (request) => request.url, { trustProxy: true }, mount)
        const port = new URL(plain).port
        expect((await send(plain, '/mounted/receive/t?x=1', { headers: forwarded })).body.value).toBe(
          `http://127.0.0.1:${port}/mounted/receive/t?x=1`,
        )
        expect((await send(trusted, '/mounted/receive/t?x=1', { headers: forwarded })).body.value).toBe(
          'https://hooks.example.com/mounted/receive/t?x=1',
        )
      })

      it.each([
        ['text', (r: Request) => r.text().then((t) => new TextEncoder().encode(t))],
        ['json', (r: Request) => r.json().then((v) => new TextEncoder().encode(JSON.stringify(v)))],
        ['arrayBuffer', (r: Request) => r.arrayBuffer().then((b) => new Uint8Array(b))],
        ['bytes', (r: Request) => r.bytes()],
        ['body stream', (r: Request) => new Response(r.body).arrayBuffer().then((b) => new Uint8Array(b))],
        ['clone', (r: Request) => r.clone().bytes()],
      ] as const)('gives the body once through %s, the same bytes, small or chunked', async (_name, read) => {
        const at = await serve(async (request) => {
          const bytes = await read(request)
          const again = await request.text().then(
            () => 'read again',
            (error: unknown) => (error instanceof TypeError ? 'refused' : String(error)),
          )
          return { text: new TextDecoder().decode(bytes), again, used: request.bodyUsed }
        })
        const payload = JSON.stringify({ zen: 'Anything added dilutes everything else. ☃' })
        const small = await fetch(at, { method: 'POST', body: payload })
        const chunked = await fetch(at, {
          method: 'POST',
          body: new Blob([payload]).stream(),
          duplex: 'half',
        } as RequestInit)
        for (const response of [small, chunked]) {
          const { value } = await response.json()
          // A clone's body is its own: the original still reads once.
          if (_name === 'clone') expect(value).toEqual({ text: payload, again: 'read again', used: true })
          else expect(value).toEqual({ text: payload, again: 'refused', used: true })
        }
      })

      it('aborts request.signal when the client goes away, read before or only after', async () => {
        let closedOnServer!: () => void
        const serverClosed = new Promise<void>((resolve) => {
          closedOnServer = resolve
        })
        const reads: string[] = []
        let arrived = 0
        const listener = toNodeListener(async (request) => {
          if (request.headers.get('x-read') === 'before') {
            // Read as the request arrives, before the client goes away.
            const { signal } = request
            await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }))
            reads.push(`before: ${request.signal.aborted}`)
          } else {
            await serverClosed
            reads.push(`after: ${request.signal.aborted}`)
          }
          return new Response(null, { status: 204 })
        })
        const at = await listen(
          createServer((req, res) => {
            arrived++
            res.once('close', () => {
              if (req.headers['x-read'] === 'after') closedOnServer()
            })
            listener(req, res)
          }),
        )
        for (const [index, read] of ['before', 'after'].entries()) {
          const client = new AbortController()
          const asked = fetch(at, { headers: { 'x-read': read }, signal: client.signal }).catch(() => null)
          await until(() => arrived > index, 'the request to arrive')
          client.abort()
          await asked
        }
        await until(() => reads.length === 2, 'both handlers to see the abort')
        expect(reads).toEqual(['before: true', 'after: true'])
      })

      it('ends a live stream on the server when its client goes away', async () => {
        const at = await listen(createServer(toNodeListener(webhooks)))
        const client = new AbortController()
        const response = await fetch(`${at}${BASE}/stream`, {
          headers: { 'x-user': 'user_sse' },
          signal: client.signal,
        })
        expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8')
        await response.body?.getReader().read()
        expect(openStreamCount(open.store)).toBeGreaterThan(0)
        client.abort()
        await until(() => openStreamCount(open.store) === 0, 'the stream to end')
      })

      it('refuses a chunked body at the limit without waiting for the rest of it', async () => {
        const at = new URL(await listen(createServer(toNodeListener(webhooks))))
        const status = await new Promise<number>((resolve, reject) => {
          const req = httpRequest(
            {
              host: at.hostname,
              port: at.port,
              path: BASE,
              method: 'POST',
              headers: { 'x-user': 'user_a', 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
            },
            (res) => {
              resolve(res.statusCode ?? 0)
              req.destroy()
            },
          )
          req.on('error', (error) => {
            if (!req.destroyed) reject(error)
          })
          // Over the 64 KiB limit, and never ended: only an answer at the limit gets back.
          req.write(`{"provider_id":"github","name":"${'x'.repeat(100 * 1024)}`)
        })
        expect(status).toBe(413)
      })
    })

    it('passes cookies and several Set-Cookie headers through', async () => {
      const cookieOrigin = await listen(
        createServer(
          toNodeListener(async (request) => {
            const headers = new Headers({ 'content-type': 'text/plain' })
            headers.append('set-cookie', 'a=1')
            headers.append('set-cookie', 'b=2')
            return new Response(request.headers.get('cookie') ?? '', { headers })
          }),
        ),
      )
      const response = await fetch(cookieOrigin, { headers: { cookie: 'x=y' } })
      expect(await response.text()).toBe('x=y')
      expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2'])
    })
  })
})
