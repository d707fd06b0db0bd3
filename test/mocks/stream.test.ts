import type { WebhookStreamEvent, WebhookStreamState } from 'integration-webhooks/core'
import { describe, expect, it } from 'vitest'
import { createWebhookMockStore } from '../../mocks'
import { API, makeClient, setupMswServer } from './utils'

const server = setupMswServer()

function mount(options: Parameters<typeof createWebhookMockStore>[0] = {}) {
  const store = createWebhookMockStore({ apiUrl: API, ...options })
  server.use(...store.handlers)
  return { store, client: makeClient() }
}

/** Waits, without a clock, until `check` holds (each turn of the event loop; at most 2,000). */
async function until(check: () => boolean, what: string, turns = 2000) {
  for (let turn = 0; turn < turns; turn++) {
    if (check()) return
    await new Promise((resolve) => setTimeout(resolve, 1))
  }
  throw new Error(`never happened: ${what}`)
}

function listen(client: ReturnType<typeof makeClient>, lastEventId?: string) {
  const controller = new AbortController()
  const events: WebhookStreamEvent[] = []
  const states: WebhookStreamState[] = []
  const ended = client.subscribe({
    signal: controller.signal,
    onEvent: (event) => events.push(event),
    onStateChange: (state) => states.push(state),
    reconnectDelayMs: 1,
    ...(lastEventId ? { lastEventId } : {}),
  })
  return { events, states, ended, stop: () => controller.abort() }
}

describe('the mocked live stream', () => {
  it('streams what the handlers change: a status change, a test event and its counters, a delete; and what the store receives', async () => {
    const { store, client } = mount()
    const live = listen(client)
    await until(() => live.states.includes('live'), 'live')
    expect(store.getStats().openStreams).toBe(1)

    await client.setStatus('github-webhook', 'inactive')
    const test = await client.sendTest('github-webhook')
    const received = store.receive('slack-webhook', { status: 'error' })
    await client.deleteWebhook('stripe-webhook')
    await until(() => live.events.length === 6, 'six events')

    expect(live.events.map((e) => [e.type, e.type === 'reset' ? '' : e.webhookId])).toEqual([
      ['webhook', 'github-webhook'],
      ['execution', 'github-webhook'],
      ['webhook', 'github-webhook'],
      ['execution', 'slack-webhook'],
      ['webhook', 'slack-webhook'],
      ['webhook', 'stripe-webhook'],
    ])
    expect(live.events.map((e) => e.id)).toEqual(['1', '2', '3', '4', '5', '6'])
    const [status, execution, counters, , , deleted] = live.events
    expect(status).toMatchObject({ webhook: { status: 'inactive' } })
    expect(execution).toMatchObject({ execution: { id: test.id } })
    expect(counters).toMatchObject({ webhook: store.getWebhook('github-webhook') })
    expect(live.events[3]).toMatchObject({ execution: { id: received?.id, status: 'error' } })
    expect(deleted).toMatchObject({ webhook: null })

    live.stop()
    await live.ended
    await until(() => store.getStats().openStreams === 0, 'the stream let go')
  })

  it('resumes after Last-Event-ID with exactly what was missed, and sends reset for an id it cannot resume', async () => {
    const { store, client } = mount()
    const first = listen(client)
    await until(() => first.states.includes('live'), 'live')
    store.receive('github-webhook')
    await until(() => first.events.length === 2, 'two events')
    first.stop()
    await first.ended
    store.receive('slack-webhook')

    const resumed = listen(client, '2')
    await until(() => resumed.events.length === 2, 'the missed events')
    expect(resumed.events.map((e) => e.id)).toEqual(['3', '4'])
    resumed.stop()

    const unknown = listen(client, 'abc')
    await until(() => unknown.events.length === 1, 'a reset')
    expect(unknown.events[0]?.type).toBe('reset')
    unknown.stop()
    await Promise.all([resumed.ended, unknown.ended])
  })

  it('sends reset to open streams when the store is reset', async () => {
    const { store, client } = mount()
    const live = listen(client)
    await until(() => live.states.includes('live'), 'live')
    store.reset()
    await until(() => live.events.length === 1, 'a reset')
    expect(live.events[0]?.type).toBe('reset')
    live.stop()
    await live.ended
  })

  it("answers 404 with stream: 'none' (clients poll) and 503 with 'dropping' (clients reconnect)", async () => {
    const none = mount({ stream: 'none' })
    expect((await listen(none.client).ended).state).toBe('unsupported')

    server.resetHandlers()
    const dropping = mount({ stream: 'dropping' })
    const live = listen(dropping.client)
    await until(() => live.states.filter((s) => s === 'reconnecting').length >= 2, 'reconnecting twice')
    live.stop()
    expect((await live.ended).state).toBe('closed')
    expect(() => createWebhookMockStore({ stream: 'sometimes' as never })).toThrow(/stream must be/)
  })

  it('setStream drops the open streams and, back to live, lets clients resume with what happened meanwhile', async () => {
    const { store, client } = mount()
    const live = listen(client)
    await until(() => live.states.includes('live'), 'live')
    store.receive('github-webhook')
    await until(() => live.events.length === 2, 'the first delivery')

    store.setStream('dropping')
    await until(() => live.states.at(-1) === 'reconnecting', 'dropped')
    expect(store.getStats().openStreams).toBe(0)
    const missed = store.receive('slack-webhook', { status: 'error' })

    // The next attempt comes after the server's `retry:` (3 s) with jitter: a limit of ~30 s.
    store.setStream('live')
    await until(() => live.states.at(-1) === 'live' && live.events.length === 4, 'resumed', 30_000)
    expect(live.events.slice(2).map((e) => [e.type, e.id])).toEqual([
      ['execution', '3'],
      ['webhook', '4'],
    ])
    expect(live.events[2]).toMatchObject({ execution: { id: missed?.id, status: 'error' } })

    // reset() brings back the stream as configured, with the data.
    store.setStream('none')
    store.reset()
    live.stop()
    await live.ended
    const again = listen(client)
    await until(() => again.states.includes('live'), 'live after reset')
    again.stop()
    await again.ended
    expect(() => store.setStream('later' as never)).toThrow(/stream must be/)
  })

  it('fails the stream like every route in a failing scenario', async () => {
    const { client } = mount({ scenario: 'unauthorized' })
    const end = await listen(client).ended
    expect(end).toMatchObject({ state: 'closed', error: { kind: 'unauthorized' } })
  })
})
