import { HttpResponse, http } from 'msw'
import { afterEach, describe, expect, it } from 'vitest'
import { createWebhookClient, type WebhookClientOptions } from '../../src/core/client'
import type {
  InvalidStreamEvent,
  WebhookStreamEvent,
  WebhookStreamState,
  WebhookStreamStateDetail,
} from '../../src/core/stream'
import { API, setupMswServer } from '../support/msw'
import { makeExecution, makeWebhook } from './fixtures'

const server = setupMswServer()
const STREAM = `${API}/stream`
const encoder = new TextEncoder()

/** A server-side SSE body the test writes to, and whether the client let go of it. */
function sseBody() {
  let controller!: ReadableStreamDefaultController<Uint8Array>
  let cancelled = false
  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c
    },
    cancel() {
      cancelled = true
    },
  })
  return {
    stream,
    send: (text: string | Uint8Array) => controller.enqueue(typeof text === 'string' ? encoder.encode(text) : text),
    close: () => controller.close(),
    get cancelled() {
      return cancelled
    },
  }
}
const sse = (body: ReadableStream<Uint8Array>) =>
  new HttpResponse(body, {
    headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' },
  })

/** Waits, without a clock, until `check` holds (each turn of the event loop; at most 2,000). */
async function until(check: () => boolean, what: string) {
  for (let turn = 0; turn < 2000; turn++) {
    if (check()) return
    await new Promise((resolve) => setTimeout(resolve, 1))
  }
  throw new Error(`never happened: ${what}`)
}

/** A subscription that records what it was told. */
function subscribe(
  options: WebhookClientOptions = {},
  extra: { lastEventId?: string; reconnectDelayMs?: number; idleTimeoutMs?: number } = {},
) {
  const client = createWebhookClient({ apiUrl: API, ...options })
  const controller = new AbortController()
  const events: WebhookStreamEvent[] = []
  const invalid: InvalidStreamEvent[] = []
  const states: [WebhookStreamState, WebhookStreamStateDetail][] = []
  const ended = client.subscribe({
    signal: controller.signal,
    onEvent: (event) => events.push(event),
    onInvalid: (event) => invalid.push(event),
    onStateChange: (state, detail) => states.push([state, detail]),
    reconnectDelayMs: 60_000,
    ...extra,
  })
  return { events, invalid, states, ended, abort: () => controller.abort(), stateNames: () => states.map(([s]) => s) }
}

let open: ReturnType<typeof subscribe> | undefined
afterEach(async () => {
  open?.abort()
  await open?.ended
  open = undefined
})

const execution = makeExecution({ id: 'e1', webhook_id: 'w1' })
const webhook = makeWebhook({ id: 'w1', status: 'active' })

describe('client.subscribe', () => {
  it('sends the client’s headers and token, goes live, and delivers each event checked against the schemas', async () => {
    const body = sseBody()
    const seen: Headers[] = []
    server.use(
      http.get(STREAM, ({ request }) => {
        seen.push(request.headers)
        return sse(body.stream)
      }),
    )
    open = subscribe({ getToken: () => 'tok-1', headers: { 'x-tenant': 't9' }, credentials: 'include' })
    await until(() => open?.stateNames().includes('live') ?? false, 'live')
    body.send('retry: 3000\n\n: ping\n\n')
    body.send(`id: 1\nevent: execution\ndata: ${JSON.stringify({ webhook_id: 'w1', execution })}\n\n`)
    body.send(`id: 2\nevent: webhook\ndata: ${JSON.stringify({ webhook_id: 'w1', webhook })}\n\n`)
    body.send(`id: 3\nevent: webhook\ndata: {"webhook_id":"w2","webhook":null}\n\n`)
    // Invalid data: reported, not delivered; an unknown event type: ignored.
    body.send(`id: 4\nevent: execution\ndata: {"webhook_id":"w1","execution":{"id":""}}\n\n`)
    body.send('id: 5\nevent: webhook\ndata: not json\n\n')
    body.send('id: 6\nevent: stats\ndata: {}\n\n')
    body.send('id: 7\nevent: reset\ndata: {}\n\n')
    await until(() => open?.events.length === 4, 'four events')

    expect(seen[0]?.get('authorization')).toBe('Bearer tok-1')
    expect(seen[0]?.get('x-tenant')).toBe('t9')
    expect(seen[0]?.get('accept')).toBe('text/event-stream')
    expect(seen[0]?.has('last-event-id')).toBe(false)
    expect(open.events).toEqual([
      { type: 'execution', id: '1', webhookId: 'w1', execution },
      { type: 'webhook', id: '2', webhookId: 'w1', webhook },
      { type: 'webhook', id: '3', webhookId: 'w2', webhook: null },
      { type: 'reset', id: '7' },
    ])
    expect(open.invalid.map((e) => [e.event, e.id])).toEqual([
      ['execution', '4'],
      ['webhook', '5'],
    ])
    expect(open.invalid[0]?.issues).toContain('execution.id: expected at least 1 character(s)')
    expect(open.invalid[1]?.issues[0]).toMatch(/expected JSON/)
    expect(open.stateNames()).toEqual(['connecting', 'live'])
  })

  it('reads a character split across two chunks whole', async () => {
    const body = sseBody()
    server.use(http.get(STREAM, () => sse(body.stream)))
    open = subscribe()
    const bytes = encoder.encode(`id: 1\nevent: reset\ndata: {"note":"größe €"}\n\n`)
    const cut = bytes.indexOf(0xe2) + 1 // inside the three bytes of "€"
    body.send(bytes.subarray(0, cut))
    body.send(bytes.subarray(cut))
    await until(() => open?.events.length === 1, 'the event')
    expect(open.events[0]).toEqual({ type: 'reset', id: '1' })
  })

  it('reconnects after the connection drops, with Last-Event-ID and the server’s retry delay', async () => {
    const requests: (string | null)[] = []
    const bodies = [sseBody(), sseBody()]
    server.use(
      http.get(STREAM, ({ request }) => {
        requests.push(request.headers.get('last-event-id'))
        return sse((bodies[requests.length - 1] ?? sseBody()).stream)
      }),
    )
    // The client's own first delay is a minute: only the server's `retry: 1` lets this test finish.
    open = subscribe()
    const [first, second] = bodies as [ReturnType<typeof sseBody>, ReturnType<typeof sseBody>]
    first.send('retry: 1\n\n')
    first.send(`id: 41\nevent: execution\ndata: ${JSON.stringify({ webhook_id: 'w1', execution })}\n\n`)
    first.send('id: 42\n\n') // an id without data still moves the resume point
    await until(() => open?.events.length === 1, 'the first event')
    first.close()
    await until(() => requests.length === 2, 'a second request')
    second.send(`id: 43\nevent: reset\ndata: {}\n\n`)
    await until(() => open?.events.length === 2, 'the event after the reconnect')

    expect(requests).toEqual([null, '42'])
    expect(open.events.map((e) => e.id)).toEqual(['41', '43'])
    expect(open.stateNames()).toEqual(['connecting', 'live', 'reconnecting', 'live'])
    const reconnecting = open.states[2]?.[1]
    expect(reconnecting?.error?.kind).toBe('network')
    expect(reconnecting?.retryInMs).toBeLessThanOrEqual(1)
  })

  it('starts from a given lastEventId', async () => {
    const requests: (string | null)[] = []
    server.use(
      http.get(STREAM, ({ request }) => {
        requests.push(request.headers.get('last-event-id'))
        return sse(sseBody().stream)
      }),
    )
    open = subscribe({}, { lastEventId: '17' })
    await until(() => open?.stateNames().includes('live') ?? false, 'live')
    expect(requests).toEqual(['17'])
  })

  it('retries a 5xx and a 429 (after its Retry-After) and goes live', async () => {
    let count = 0
    server.use(
      http.get(STREAM, () => {
        count++
        if (count === 1) return HttpResponse.json({ error: 'down' }, { status: 503 })
        if (count === 2)
          return HttpResponse.json(
            { error: 'too many', code: 'too_many_streams' },
            { status: 429, headers: { 'retry-after': '0' } },
          )
        return sse(sseBody().stream)
      }),
    )
    open = subscribe({}, { reconnectDelayMs: 1 })
    await until(() => open?.stateNames().includes('live') ?? false, 'live')
    expect(open.stateNames()).toEqual(['connecting', 'reconnecting', 'reconnecting', 'live'])
    expect(open.states[1]?.[1].error?.kind).toBe('server')
    expect(open.states[2]?.[1].error).toMatchObject({ kind: 'rate-limited', code: 'too_many_streams', retryAfterMs: 0 })
    expect(open.states[2]?.[1].retryInMs).toBe(0)
  })

  it('replaces a connection that sends nothing for idleTimeoutMs', async () => {
    let count = 0
    server.use(
      http.get(STREAM, () => {
        count++
        return sse(sseBody().stream)
      }),
    )
    open = subscribe({}, { reconnectDelayMs: 1, idleTimeoutMs: 20 })
    await until(() => count >= 2, 'a second connection')
    expect(open.states.find(([s]) => s === 'reconnecting')?.[1].error?.kind).toBe('timeout')
  })

  it.each([404, 405])('stops as unsupported on %i, after one request', async (status) => {
    let count = 0
    server.use(
      http.get(STREAM, () => {
        count++
        return HttpResponse.json({ error: 'Not found', code: 'not_found' }, { status })
      }),
    )
    const { ended, stateNames } = subscribe({}, { reconnectDelayMs: 1 })
    const end = await ended
    expect(end.state).toBe('unsupported')
    expect(end.error?.status).toBe(status)
    expect(stateNames()).toEqual(['connecting', 'unsupported'])
    expect(count).toBe(1)
  })

  it('stops as unsupported when the answer is not an event stream (an app’s HTML page)', async () => {
    server.use(http.get(STREAM, () => HttpResponse.html('<!doctype html><title>App</title>')))
    const end = await subscribe().ended
    expect(end.state).toBe('unsupported')
    expect(end.error?.kind).toBe('invalid-response')
  })

  it.each([
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [400, 'bad-request'],
  ] as const)('stops with the error on %i (%s), after one request', async (status, kind) => {
    let count = 0
    server.use(
      http.get(STREAM, () => {
        count++
        return HttpResponse.json({ error: 'No session', code: 'unauthorized' }, { status })
      }),
    )
    const { ended, states } = subscribe({}, { reconnectDelayMs: 1 })
    const end = await ended
    expect(end).toMatchObject({ state: 'closed', error: { kind, status, serverMessage: 'No session' } })
    expect(states.at(-1)).toEqual(['closed', { error: end.error }])
    expect(count).toBe(1)
  })

  it('stops with a credentials error, sending nothing, when getToken throws', async () => {
    let count = 0
    server.use(
      http.get(STREAM, () => {
        count++
        return sse(sseBody().stream)
      }),
    )
    const end = await subscribe({
      getToken: () => {
        throw new Error('session expired')
      },
    }).ended
    expect(end.error?.kind).toBe('credentials')
    expect(count).toBe(0)
  })

  it('lets go of everything when the signal aborts: the request is aborted, no more requests, it resolves closed', async () => {
    const body = sseBody()
    const requests: Request[] = []
    server.use(
      http.get(STREAM, ({ request }) => {
        requests.push(request)
        return sse(body.stream)
      }),
    )
    const sub = subscribe()
    await until(() => sub.stateNames().includes('live'), 'live')
    body.send('id: 9\nevent: reset\ndata: {}\n\n')
    await until(() => sub.events.length === 1, 'an event')
    expect(requests[0]?.signal.aborted).toBe(false)
    sub.abort()
    const end = await sub.ended
    expect(end).toEqual({ state: 'closed', lastEventId: '9' })
    // What a server sees when the client goes: its request's signal aborts.
    await until(() => requests[0]?.signal.aborted === true, 'the request aborted')
    expect(sub.stateNames()).toEqual(['connecting', 'live', 'closed'])
    // Events the server still writes reach nobody, and nothing connects again.
    body.send('id: 10\nevent: reset\ndata: {}\n\n')
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(sub.events).toHaveLength(1)
    expect(requests).toHaveLength(1)
  })

  it('ends at once when the signal aborts during the wait before a reconnect', async () => {
    server.use(http.get(STREAM, () => HttpResponse.json({ error: 'down' }, { status: 500 })))
    const sub = subscribe({}, { reconnectDelayMs: 600_000 })
    await until(() => sub.stateNames().includes('reconnecting'), 'reconnecting')
    sub.abort()
    expect(await sub.ended).toEqual({ state: 'closed', lastEventId: '' })
  })

  it('reads the stream where routes.stream says', async () => {
    server.use(http.get(`${API}/live/events`, () => sse(sseBody().stream)))
    open = subscribe({ routes: { stream: () => 'live/events' } })
    await until(() => open?.stateNames().includes('live') ?? false, 'live')
  })

  it('refuses to start without a signal or onEvent', async () => {
    const client = createWebhookClient({ apiUrl: API })
    // @ts-expect-error: signal is required
    await expect(client.subscribe({ onEvent: () => undefined })).rejects.toThrow(TypeError)
    // @ts-expect-error: onEvent is required
    await expect(client.subscribe({ signal: new AbortController().signal })).rejects.toThrow(TypeError)
  })
})
