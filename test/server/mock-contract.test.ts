import { webhookExecutionSchema } from 'integration-webhooks/core'
import { createWebhookMockStore, type WebhookMockStore } from 'integration-webhooks/mocks'
import { getResponse } from 'msw'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { BASE, type OpenStore, ORIGIN, openStore, testServer } from './support'

/**
 * The mocks (`integration-webhooks/mocks`) and the real server answer the same requests the
 * same way: a host that builds against the mocks meets no surprise on the real endpoint.
 * Each request goes to both — the mock's MSW handlers and the server's handler on PGlite,
 * dispatching inline to an `onEvent` that succeeds (as the mock's test events and retries
 * are answered after their first attempt) — and the answers are compared: statuses, error
 * bodies word for word, and the fields (names, types, the values the server decides).
 */

type Answer = { status: number; body: unknown }
// biome-ignore lint/suspicious/noExplicitAny: bodies read field by field
type Json = any

interface Request_ {
  method: string
  path: string
  body?: unknown
  raw?: string
  contentType?: string
}

/** The sorted field names of an object (what a client may read), recursively for the named ones. */
const fields = (value: Json): string[] => Object.keys(value ?? {}).sort()

/** Where the same value must be the same type on both sides (an id differs, its type does not). */
const shape = (value: Json): Json => {
  if (Array.isArray(value)) return value.map(shape)
  if (value === null) return null
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]))
  return typeof value
}

describe('the mocks answer like the real server', () => {
  let open: OpenStore
  let server: ReturnType<typeof testServer>
  let mock: WebhookMockStore

  beforeAll(async () => {
    open = await openStore('pglite')
    server = testServer(open.store, { onEvent: () => ({ run_id: 'run_contract' }), dispatch: 'inline' })
  })
  afterAll(async () => {
    await server?.close()
    await open?.dispose()
  })
  beforeEach(async () => {
    await open.reset()
    mock = createWebhookMockStore({ scenario: 'empty', apiUrl: `${ORIGIN}${BASE}`, origin: ORIGIN })
  })

  const request = (origin: string, { method, path, body, raw, contentType }: Request_, user: boolean) => {
    const headers: Record<string, string> = user ? { 'x-user': 'user_a' } : {}
    const text = body !== undefined ? JSON.stringify(body) : raw
    if (text !== undefined) headers['content-type'] = contentType ?? 'application/json'
    return new Request(`${origin}${BASE}${path}`, { method, headers, body: text })
  }
  const read = async (response: Response | undefined): Promise<Answer> => {
    if (!response) throw new Error('no mock handler answered')
    const text = await response.text()
    return { status: response.status, body: text ? JSON.parse(text) : null }
  }
  /** One request to each, with the path of each side's own ids. */
  const both = async (real: Request_, mocked: Request_ = real) => ({
    real: await read(await server.handle(request('http://localhost', real, true))),
    mock: await read(await getResponse(mock.handlers, request(ORIGIN, mocked, false))),
  })
  /** The same request to both must get the same answer, word for word. */
  const same = async (real: Request_, mocked: Request_ = real) => {
    const answers = await both(real, mocked)
    expect(answers.mock, `${real.method} ${real.path}`).toEqual(answers.real)
    return answers
  }
  const create = async (providerId: string) => {
    const { real, mock: mocked } = await both({ method: 'POST', path: '', body: { provider_id: providerId } })
    expect([real.status, mocked.status]).toEqual([201, 201])
    return { real: (real.body as Json).webhook, mock: (mocked.body as Json).webhook }
  }

  it('saves a webhook alike: its fields, status, setup state, signing and a receiving URL of the same form', async () => {
    const { real, mock: mocked } = await create('github')
    expect(fields(mocked)).toEqual(fields(real))
    expect(fields(mocked.external_config)).toEqual(fields(real.external_config))
    const receiving = new RegExp(`^${ORIGIN}${BASE}/receive/[\\w-]{43}$`)
    for (const row of [real, mocked]) {
      expect(row.webhook_url).toMatch(receiving)
      expect(row.external_config.instructions).toContain(row.webhook_url)
    }
    const decided = (row: Json) => ({
      status: row.status,
      setup_required: row.external_config.setup_required,
      signing: row.signing,
      trigger_types: row.trigger_types,
      counts: [row.trigger_count, row.error_count, row.last_triggered],
      name: row.name,
    })
    expect(decided(mocked)).toEqual(decided(real))
  })

  it.each<[string, Request_]>([
    ['a body that is not JSON', { method: 'POST', path: '', raw: '{nope' }],
    ['an empty body', { method: 'POST', path: '', raw: '' }],
    ['another media type', { method: 'POST', path: '', raw: 'provider_id=github', contentType: 'text/plain' }],
    ['an unknown provider', { method: 'POST', path: '', body: { provider_id: 'no-such-provider' } }],
    ['an unavailable integration', { method: 'POST', path: '', body: { provider_id: 'tiktok' } }],
    ['an unknown webhook', { method: 'GET', path: '/nope' }],
    ['a PATCH of an unknown webhook', { method: 'PATCH', path: '/nope', body: { status: 'active' } }],
    ['a DELETE of an unknown webhook', { method: 'DELETE', path: '/nope' }],
    ['a test event of an unknown webhook', { method: 'POST', path: '/nope/test' }],
    ['the executions of an unknown webhook', { method: 'GET', path: '/executions/nope' }],
    ['a retry through an unknown webhook', { method: 'POST', path: '/executions/nope/x/retry' }],
    ['the secret of an unknown webhook', { method: 'GET', path: '/nope/secret' }],
    ['statistics over an unknown window', { method: 'GET', path: '/stats?window=1y' }],
  ])('refuses %s with the same status and body', async (_, call) => {
    const { real } = await same(call)
    expect(real.status).toBeGreaterThanOrEqual(400)
  })

  it('refuses the same bad requests about a saved webhook with the same status and body', async () => {
    const github = await create('github')
    const stripe = await create('stripe')
    const on = (row: { real: Json; mock: Json }, call: (id: string) => Request_) =>
      same(call(row.real.id), call(row.mock.id))
    for (const limit of ['abc', '0', '101', '1.5']) {
      await on(github, (id) => ({ method: 'GET', path: `/executions/${id}?limit=${limit}` }))
    }
    await on(github, (id) => ({ method: 'GET', path: `/executions/${id}?cursor=forged` }))
    await on(github, (id) => ({ method: 'PATCH', path: `/${id}`, body: { status: 'paused' } }))
    await on(github, (id) => ({ method: 'PATCH', path: `/${id}`, raw: 'status=active' }))
    await on(github, (id) => ({ method: 'GET', path: `/${id}/stats?window=1y` }))
    // Stripe issues its secret: not rotatable here, checked for its form, needed for a test event.
    await on(stripe, (id) => ({ method: 'POST', path: `/${id}/secret/rotate` }))
    await on(stripe, (id) => ({ method: 'PUT', path: `/${id}/secret`, body: { secret: 'not-a-stripe-secret' } }))
    await on(stripe, (id) => ({ method: 'POST', path: `/${id}/test` }))
  })

  it('answers reads of a saved webhook with the same fields', async () => {
    const github = await create('github')
    const pair = async (call: (id: string) => Request_) => {
      const answers = await both(call(github.real.id), call(github.mock.id))
      expect(answers.mock.status).toBe(answers.real.status)
      return answers
    }
    const secret = await pair((id) => ({ method: 'GET', path: `/${id}/secret` }))
    expect(shape(secret.mock.body)).toEqual(shape(secret.real.body))
    const stats = await pair((id) => ({ method: 'GET', path: `/${id}/stats?window=24h` }))
    expect(fields(stats.mock.body)).toEqual(fields(stats.real.body))
    const all = await pair(() => ({ method: 'GET', path: '/stats?window=7d' }))
    expect(fields(all.mock.body)).toEqual(fields(all.real.body))
    const list = await pair((id) => ({ method: 'GET', path: `/executions/${id}` }))
    expect(list.mock.body).toEqual(list.real.body)
  })

  it('sends a test event and retries it alike: an onEvent outcome, never an HTTP answer', async () => {
    const github = await create('github')
    const sent = await both(
      { method: 'POST', path: `/${github.real.id}/test` },
      { method: 'POST', path: `/${github.mock.id}/test` },
    )
    expect([sent.real.status, sent.mock.status]).toEqual([202, 202])
    const real = (sent.real.body as Json).execution
    const mocked = (sent.mock.body as Json).execution
    expect(webhookExecutionSchema.safeParse(mocked).success).toBe(true)
    expect(fields(mocked)).toEqual(fields(real))
    const decided = (execution: Json) => ({
      status: execution.status,
      response_code: execution.response_code,
      error_message: execution.error_message,
      attempt: execution.attempt,
      attempts: execution.attempts.map((attempt: Json) => ({ ...shape(attempt), attempt: attempt.attempt })),
      retry_of: execution.retry_of,
      payload_truncated: execution.payload_truncated,
      test_header: execution.headers['x-integration-webhooks-test'],
      provider_event_id: typeof execution.provider_event_id,
      response_body: typeof execution.response_body,
    })
    expect(decided(mocked)).toEqual(decided(real))

    const retried = await both(
      { method: 'POST', path: `/executions/${github.real.id}/${real.id}/retry` },
      { method: 'POST', path: `/executions/${github.mock.id}/${mocked.id}/retry` },
    )
    expect([retried.real.status, retried.mock.status]).toEqual([202, 202])
    const again = { real: (retried.real.body as Json).execution, mock: (retried.mock.body as Json).execution }
    expect(again.real.retry_of).toBe(real.id)
    expect(again.mock.retry_of).toBe(mocked.id)
    expect({ ...decided(again.mock), retry_of: null }).toEqual({ ...decided(again.real), retry_of: null })
    await same(
      { method: 'POST', path: `/executions/${github.real.id}/nope/retry` },
      { method: 'POST', path: `/executions/${github.mock.id}/nope/retry` },
    )

    const counts = async () => {
      const answers = await both(
        { method: 'GET', path: `/${github.real.id}` },
        { method: 'GET', path: `/${github.mock.id}` },
      )
      const of = (answer: Answer) => {
        const row = (answer.body as Json).webhook
        return [row.trigger_count, row.error_count, row.status]
      }
      return { real: of(answers.real), mock: of(answers.mock) }
    }
    const after = await counts()
    expect(after.mock).toEqual(after.real)
  })

  it('records an event for a disabled webhook as the server does, and refuses its retry until it is enabled', async () => {
    const github = await create('github')
    const on = (call: (id: string) => Request_) => both(call(github.real.id), call(github.mock.id))
    const disabled = await on((id) => ({ method: 'PATCH', path: `/${id}`, body: { status: 'inactive' } }))
    expect([disabled.real.status, disabled.mock.status]).toEqual([200, 200])

    const sent = await on((id) => ({ method: 'POST', path: `/${id}/test` }))
    expect([sent.real.status, sent.mock.status]).toEqual([202, 202])
    const outcome = (answer: Answer) => {
      const { status, error_message, response_code, response_body, execution_time_ms, attempt, attempts } = (
        answer.body as Json
      ).execution
      return { status, error_message, response_code, response_body, execution_time_ms, attempt, attempts }
    }
    expect(outcome(sent.real)).toMatchObject({
      status: 'error',
      error_message: 'the webhook is disabled: not dispatched',
    })
    expect(outcome(sent.mock)).toEqual(outcome(sent.real))

    const realId = (sent.real.body as Json).execution.id
    const mockId = (sent.mock.body as Json).execution.id
    const retry = await same(
      { method: 'POST', path: `/executions/${github.real.id}/${realId}/retry` },
      { method: 'POST', path: `/executions/${github.mock.id}/${mockId}/retry` },
    )
    expect(retry.real.status).toBe(409)

    const row = await on((id) => ({ method: 'GET', path: `/${id}` }))
    const counted = (answer: Answer) => {
      const webhook = (answer.body as Json).webhook
      return [webhook.trigger_count, webhook.error_count, webhook.status]
    }
    expect(counted(row.mock)).toEqual(counted(row.real))

    // Enabled again, the recorded event is sent again.
    await on((id) => ({ method: 'PATCH', path: `/${id}`, body: { status: 'active' } }))
    const retried = await both(
      { method: 'POST', path: `/executions/${github.real.id}/${realId}/retry` },
      { method: 'POST', path: `/executions/${github.mock.id}/${mockId}/retry` },
    )
    expect([retried.real.status, retried.mock.status]).toEqual([202, 202])
  })

  it('deletes alike: 204, then 404 with the same body', async () => {
    const github = await create('github')
    const on = (call: (id: string) => Request_) => both(call(github.real.id), call(github.mock.id))
    const gone = await on((id) => ({ method: 'DELETE', path: `/${id}` }))
    expect([gone.real.status, gone.mock.status]).toEqual([204, 204])
    const after = await on((id) => ({ method: 'GET', path: `/${id}` }))
    expect(after.mock).toEqual(after.real)
  })
})
