import { loadWebhooks } from 'integration-webhooks/core'
import { describe, expect, it } from 'vitest'
import {
  createWebhookHandlers,
  createWebhookMockStore,
  hostileStrings,
  type ScenarioName,
  webhookScenarioNames,
  webhookScenarios,
} from '../../mocks'
import { API, failure, makeClient, setupMswServer } from './utils'

const server = setupMswServer()
const use = (scenario: ScenarioName, options: { latencyMs?: number } = {}) =>
  server.use(...createWebhookHandlers({ apiUrl: API, scenario, ...options }))

describe('webhookScenarios', () => {
  it('describes every scenario in one line', () => {
    expect(webhookScenarioNames).toEqual([
      'default',
      'empty',
      'unauthorized',
      'server-error',
      'flaky',
      'slow',
      'malformed',
      'large',
      'hostile',
    ])
    for (const description of Object.values(webhookScenarios)) {
      expect(description).toMatch(/^\S.*\.$/)
      expect(description).not.toContain('\n')
    }
  })

  it('rejects an unknown scenario by name', () => {
    expect(() => createWebhookHandlers({ scenario: 'toString' as ScenarioName })).toThrow(/Unknown mock scenario/)
  })
})

describe('given the default scenario', () => {
  it('lists the 30 catalog integrations, all valid, with varied statuses', async () => {
    use('default')
    const list = await makeClient().listWebhooks()
    expect(list.invalid).toEqual([])
    expect(list.source).toBe('saved')
    expect(list.webhooks).toHaveLength(30)
    const count = (predicate: (w: (typeof list.webhooks)[number]) => boolean) => list.webhooks.filter(predicate).length
    expect(count((w) => w.status === 'active')).toBeGreaterThan(15)
    expect(count((w) => w.status === 'inactive')).toBeGreaterThanOrEqual(5)
    expect(count((w) => w.status === 'error')).toBe(3)
    expect(count((w) => w.external_config.setup_required)).toBe(2)
  })

  it('pages the executions of a webhook, newest first', async () => {
    use('default')
    const page = await makeClient().listExecutions('github-webhook', { limit: 5 })
    expect(page.executions).toHaveLength(5)
    expect(page.nextCursor).toEqual(expect.any(String))
    const times = page.executions.map((e) => Date.parse(e.triggered_at))
    expect(times).toEqual([...times].sort((a, b) => b - a))
  })
})

describe('given the empty scenario', () => {
  it('answers with no webhooks, so loadWebhooks shows generated defaults', async () => {
    use('empty')
    const client = makeClient()
    expect((await client.listWebhooks()).webhooks).toEqual([])
    const loaded = await loadWebhooks(client, { fallback: { userId: 'user_1', origin: 'https://app.test' } })
    expect(loaded.source).toBe('generated')
    expect(loaded.webhooks.length).toBeGreaterThan(0)
    expect(loaded.webhooks.every((w) => w.status === 'inactive')).toBe(true)
  })
})

describe.each([
  ['unauthorized', 401, 'unauthorized', 'Unauthorized'],
  ['server-error', 500, 'server', 'Database connection failed'],
] as const)('given the %s scenario', (scenario, status, kind, message) => {
  it(`fails every request of the contract with ${status}`, async () => {
    use(scenario)
    const client = makeClient()
    const calls = [
      client.listWebhooks(),
      client.listExecutions('github-webhook'),
      client.setStatus('github-webhook', 'inactive'),
      client.sendTest('github-webhook'),
      client.retryExecution('github-webhook', 'github-webhook-exec-0001'),
    ]
    for (const call of calls) {
      const error = await failure(call)
      expect(error).toMatchObject({ kind, status })
      expect(error.message).toContain(message)
    }
  })

  it('never lets loadWebhooks invent rows', async () => {
    use(scenario)
    expect(await failure(loadWebhooks(makeClient(), { fallback: { userId: 'user_1' } }))).toMatchObject({ kind })
  })
})

describe('given the flaky scenario', () => {
  it('answers every second request with 503', async () => {
    use('flaky')
    const client = makeClient()
    expect((await client.listWebhooks()).webhooks).toHaveLength(30)
    expect(await failure(client.listWebhooks())).toMatchObject({ kind: 'server', status: 503 })
    expect((await client.listExecutions('slack-webhook', { limit: 3 })).executions).toHaveLength(3)
    expect(await failure(client.listExecutions('slack-webhook'))).toMatchObject({ kind: 'server', status: 503 })
    expect((await client.listWebhooks()).webhooks).toHaveLength(30)
  })

  it('is absorbed by the client when it retries', async () => {
    use('flaky')
    const client = makeClient({ retry: { retries: 1, baseDelayMs: 1, maxDelayMs: 1 } })
    await client.listWebhooks()
    expect((await client.listWebhooks()).webhooks).toHaveLength(30) // 2nd fails, its retry (3rd) succeeds
  })

  it('counts requests per store session', async () => {
    const store = createWebhookMockStore({ apiUrl: API, scenario: 'flaky' })
    server.use(...store.handlers)
    const client = makeClient()
    await client.listWebhooks()
    await failure(client.listWebhooks())
    store.reset()
    expect((await client.listWebhooks()).webhooks).toHaveLength(30)
  })
})

describe('given the slow scenario', () => {
  it('answers after the client’s 200 ms timeout', async () => {
    use('slow')
    expect(await failure(makeClient({ timeoutMs: 200 }).listWebhooks())).toMatchObject({ kind: 'timeout' })
  })

  it('serves the default data, with the latency set by latencyMs', async () => {
    use('slow', { latencyMs: 30 })
    const started = performance.now()
    expect((await makeClient().listWebhooks()).webhooks).toHaveLength(30)
    expect(performance.now() - started).toBeGreaterThanOrEqual(25)
  })
})

describe('given the malformed scenario', () => {
  it('reports the invalid webhook rows and keeps the valid rest', async () => {
    use('malformed')
    const list = await makeClient().listWebhooks()
    expect(list.webhooks).toHaveLength(30)
    expect(list.invalid).toHaveLength(7)
    expect(list.invalid.map((row) => row.id)).toEqual([
      'malformed-status',
      undefined,
      'malformed-counts',
      undefined,
      undefined,
      'malformed-date',
      'malformed-config',
    ])
    expect(list.invalid[0]?.issues.join()).toMatch(/^status:/)
  })

  it('reports invalid execution rows on the first page', async () => {
    use('malformed')
    const client = makeClient()
    const first = await client.listExecutions('github-webhook', { limit: 4 })
    expect(first.executions).toHaveLength(4)
    expect(first.invalid).toHaveLength(3)
    const second = await client.listExecutions('github-webhook', { limit: 4, cursor: first.nextCursor })
    expect(second.invalid).toEqual([])
  })
})

describe('given the large scenario', () => {
  it('lists 5,000 webhooks and pages one history of 200 to its end without duplicates', async () => {
    const store = createWebhookMockStore({ apiUrl: API, scenario: 'large' })
    server.use(...store.handlers)
    const client = makeClient()
    const list = await client.listWebhooks()
    expect(list.webhooks).toHaveLength(5000)
    expect(list.invalid).toEqual([])
    expect(new Set(list.webhooks.map((w) => w.id)).size).toBe(5000)
    expect(store.getStats().executionListsGenerated).toBe(0)

    const id = list.webhooks[42]?.id ?? ''
    expect(id).toMatch(/^[a-z-]+-webhook-0042$/)
    const ids: string[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const page = await client.listExecutions(id, { limit: 50, cursor })
      expect(page.executions).toHaveLength(50)
      ids.push(...page.executions.map((e) => e.id))
      cursor = page.nextCursor
      pages++
    } while (cursor)
    expect(pages).toBe(4)
    expect(new Set(ids).size).toBe(200)
    expect(store.getStats()).toMatchObject({ executionListsGenerated: 1, executionsGenerated: 200 })
  })
})

describe('given the hostile scenario', () => {
  it('serves rows that pass the schema and keep the hostile strings verbatim', async () => {
    use('hostile')
    const client = makeClient()
    const list = await client.listWebhooks()
    expect(list.invalid).toEqual([])
    const names = list.webhooks.map((w) => w.external_config.integration_name)
    expect(names).toContain(hostileStrings.script)
    expect(names).toContain(hostileStrings.arabic)
    expect(names).toContain(hostileStrings.hebrew)
    expect(names).toContain(hostileStrings.emoji)
    expect(names.some((name) => name.length === 500)).toBe(true)
    expect(list.webhooks.map((w) => w.webhook_url)).toContain(hostileStrings.javascriptUrl)
    expect(list.webhooks.some((w) => w.external_config.instructions.includes(hostileStrings.javascriptUrl))).toBe(true)
    const secrets = list.webhooks.find((w) => w.id === 'hostile-secrets')?.integration_config
    expect(Object.keys(secrets ?? {})).toEqual(
      expect.arrayContaining(['api_key', 'accessToken', 'client_secret', 'password']),
    )

    const page = await client.listExecutions('hostile-script')
    expect(page.invalid).toEqual([])
    expect(page.executions.map((e) => e.error_message)).toContain(hostileStrings.imgOnerror)
    expect(JSON.stringify(page.executions.map((e) => e.payload))).toContain(hostileStrings.imgOnerror)
    const polluted = page.executions[1]?.payload as Record<string, unknown>
    expect(Object.hasOwn(polluted, '__proto__')).toBe(true)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('routes ids with /, ?, # and spaces to the right webhook', async () => {
    use('hostile')
    const id = 'hostile id/with?query#hash&x=1'
    const client = makeClient()
    expect((await client.setStatus(id, 'inactive')).id).toBe(id)
    expect((await client.listExecutions(id)).executions[0]?.webhook_id).toBe(id)
    // A Discord row: its test event is refused as Discord's (we cannot make its Ed25519 proof), not a 404.
    expect(await failure(client.sendTest(id))).toMatchObject({ kind: 'conflict', code: 'cannot_sign' })
  })
})
