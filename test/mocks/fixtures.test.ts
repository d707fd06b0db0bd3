import {
  defaultCatalog,
  getWebhookUrl,
  type IntegrationWebhook,
  integrationWebhookSchema,
  isSecretKey,
  parseExecutionsPage,
  parseWebhookList,
  type WebhookExecution,
  webhookExecutionSchema,
} from 'integration-webhooks/core'
import { describe, expect, it } from 'vitest'
import {
  createRandom,
  createWebhookMockStore,
  deriveSeed,
  liveExecution,
  MOCK_NOW,
  mockExecutions,
  mockWebhooks,
  type ValidScenarioName,
  webhookScenarioNames,
} from '../../mocks'
import { failures } from '../../mocks/history'
import {
  BACKOFF_JITTER,
  BACKOFF_STEPS_MS,
  DEFAULT_EVENT_TIMEOUT_MS,
  DEFAULT_FAILURE_THRESHOLD,
  DEFAULT_MAX_ATTEMPTS,
} from '../../src/server/dispatch-defaults'
import { schemeFor } from '../../src/server/schemes/index'

const issuesOf = (schema: typeof integrationWebhookSchema | typeof webhookExecutionSchema, row: unknown) => {
  const result = schema.safeParse(row)
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
}

/** Every row that fails its schema, as `id: issues`, so a failure names the culprit. */
function invalidRows(schema: typeof integrationWebhookSchema | typeof webhookExecutionSchema, rows: unknown[]) {
  return rows
    .map((row) => ({ id: (row as { id?: string }).id, issues: issuesOf(schema, row) }))
    .filter((row) => row.issues.length > 0)
}

const byId = (webhooks: IntegrationWebhook[], id: string) => {
  const webhook = webhooks.find((w) => w.id === id)
  if (!webhook) throw new Error(`no webhook ${id}`)
  return webhook
}

describe('createRandom', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, createRandom(seed).next)
    expect(draw(1)).toEqual(draw(1))
    expect(draw(1)).not.toEqual(draw(2))
    expect(draw(1).every((n) => n >= 0 && n < 1)).toBe(true)
  })

  it('derives independent streams from one seed', () => {
    expect(deriveSeed(1, 'a', 0)).toBe(deriveSeed(1, 'a', 0))
    expect(new Set([deriveSeed(1, 'a', 0), deriveSeed(1, 'a', 1), deriveSeed(2, 'a', 0)]).size).toBe(3)
  })
})

describe('determinism', () => {
  it('gives deep-equal fixtures for the same seed', () => {
    expect(mockWebhooks('default', { seed: 7 })).toEqual(mockWebhooks('default', { seed: 7 }))
    expect(mockExecutions('github-webhook', 'default', { seed: 7 })).toEqual(
      mockExecutions('github-webhook', 'default', { seed: 7 }),
    )
    expect(mockExecutions('gmail-webhook-4980', 'large')).toEqual(mockExecutions('gmail-webhook-4980', 'large'))
  })

  it('gives different fixtures for a different seed', () => {
    expect(mockWebhooks('default', { seed: 1 })).not.toEqual(mockWebhooks('default', { seed: 2 }))
    expect(mockExecutions('github-webhook', 'default', { seed: 1 })).not.toEqual(
      mockExecutions('github-webhook', 'default', { seed: 2 }),
    )
  })

  it('dates everything before MOCK_NOW by default, and before `now` when given', () => {
    const now = Date.parse(MOCK_NOW)
    for (const webhook of mockWebhooks()) {
      expect(Date.parse(webhook.updated_at)).toBeLessThanOrEqual(now)
      if (webhook.last_triggered) expect(Date.parse(webhook.last_triggered)).toBeLessThanOrEqual(now)
    }
    const later = mockWebhooks('default', { now: '2030-06-01T00:00:00.000Z' })
    expect(later.every((w) => w.created_at > '2028-01-01' && w.created_at < '2030-06-01')).toBe(true)
  })

  it('uses the origin and user it is given', () => {
    const [row] = mockWebhooks('default', { origin: 'https://hooks.acme.dev/', userId: 'u_9' })
    expect(row?.webhook_url).toMatch(/^https:\/\/hooks\.acme\.dev\/api\/integration-webhooks\/receive\/[\w-]{43}$/)
    expect(row?.external_config.instructions).toContain(row?.webhook_url)
    expect(row?.user_id).toBe('u_9')
    const [elsewhere] = mockWebhooks('default', { apiUrl: 'https://api.acme.dev/hooks/' })
    expect(elsewhere?.webhook_url).toMatch(/^https:\/\/api\.acme\.dev\/hooks\/receive\/[\w-]{43}$/)
  })
})

describe.each<ValidScenarioName>(['default', 'empty', 'hostile'])('every row of the %s scenario', (scenario) => {
  it('passes integrationWebhookSchema, and so does every execution', () => {
    const webhooks = mockWebhooks(scenario)
    expect(invalidRows(integrationWebhookSchema, webhooks)).toEqual([])
    for (const webhook of webhooks) {
      expect(invalidRows(webhookExecutionSchema, mockExecutions(webhook.id, scenario)), webhook.id).toEqual([])
    }
  })
})

describe.each<ValidScenarioName>(['default', 'hostile', 'large'])('signing of the %s scenario', (scenario) => {
  it("every row carries its scheme's signing, as the server reports it; only rows in setup miss a pasted secret", () => {
    for (const webhook of mockWebhooks(scenario)) {
      const scheme = schemeFor(defaultCatalog.resolve(webhook.provider_id))
      const { source } = scheme.secret
      const keepsSecret = source === 'generated' || source === 'provider' || source === 'handshake'
      expect(webhook.signing, webhook.id).toMatchObject({
        scheme: scheme.id,
        label: scheme.label,
        source,
        form_hint: scheme.secret.formHint,
        previous_expires_at: null,
      })
      const inSetup = webhook.external_config.setup_required && source === 'provider'
      expect(webhook.signing?.secret_set, webhook.id).toBe(keepsSecret && !inSetup)
    }
  })
})

describe('every row of the large scenario', () => {
  const webhooks = mockWebhooks('large')

  it('has 5,000 webhooks with unique, numbered ids, spread over the catalog', () => {
    expect(webhooks).toHaveLength(5000)
    expect(new Set(webhooks.map((w) => w.id)).size).toBe(5000)
    expect(webhooks[42]?.id).toMatch(/-webhook-0042$/)
    expect(new Set(webhooks.map((w) => w.provider_id)).size).toBe(30)
    expect(new Set(webhooks.map((w) => w.status))).toEqual(new Set(['active', 'inactive', 'error']))
  })

  it('passes the schemas (a sample of rows, and the executions of a few webhooks)', () => {
    const sample = webhooks.filter((_, index) => index % 97 === 0 || index === 4999)
    expect(invalidRows(integrationWebhookSchema, sample)).toEqual([])
    for (const index of [0, 1234, 4999]) {
      const id = webhooks[index]?.id ?? ''
      const executions = mockExecutions(id, 'large')
      expect(executions).toHaveLength(200)
      expect(invalidRows(webhookExecutionSchema, executions), id).toEqual([])
    }
  })

  it('generates no executions until a webhook is asked for', () => {
    const store = createWebhookMockStore({ scenario: 'large' })
    expect(store.getWebhooks()).toHaveLength(5000)
    expect(store.getStats()).toEqual({
      requests: 0,
      executionListsGenerated: 0,
      executionsGenerated: 0,
      openStreams: 0,
    })
    store.getExecutions('gmail-webhook-0000')
    store.getExecutions('gmail-webhook-0000')
    expect(store.getStats()).toEqual({
      requests: 0,
      executionListsGenerated: 1,
      executionsGenerated: 200,
      openStreams: 0,
    })
  })
})

/**
 * The server never records a delivery it refused: a failed verification answers 401 and
 * writes nothing. So no fixture may show one, in any scenario.
 */
describe.each(webhookScenarioNames)('the executions of the %s scenario', (scenario) => {
  const refused = (execution: WebhookExecution) =>
    execution.response_code === 401 ||
    /signature/i.test(execution.error_message ?? '') ||
    (execution.attempts ?? []).some((attempt) => /signature/i.test(attempt.error ?? ''))

  it('include no refused delivery (no 401, no signature failure)', () => {
    const store = createWebhookMockStore({ scenario })
    const webhooks = store.getWebhooks()
    // The large scenario: some of its webhooks in error and a spread sample, not all 1,000,000 rows.
    const sample =
      scenario === 'large'
        ? [...webhooks.filter((w) => w.status === 'error').slice(0, 15), ...webhooks.filter((_, i) => i % 500 === 0)]
        : webhooks
    const failed = sample.flatMap((w) => store.getExecutions(w.id).filter((e) => e.status === 'error'))
    if (scenario !== 'empty') expect(failed.length).toBeGreaterThan(0)
    expect(failed.filter(refused).map((e) => `${e.id}: ${e.response_code} ${e.error_message}`)).toEqual([])
  })

  it('fail a test event through each webhook in error without a 401', async () => {
    const store = createWebhookMockStore({ scenario })
    const inError = store
      .getWebhooks()
      .filter((w) => w.status === 'error')
      .slice(0, 20)
    for (const webhook of inError) {
      const execution = store.receive(webhook.id, { status: 'error' })
      expect(execution?.status, webhook.id).toBe('error')
      if (execution) expect(refused(execution), `${webhook.id}: ${execution.error_message}`).toBe(false)
    }
  })
})

describe('the malformed scenario', () => {
  it('mixes invalid webhook rows into the valid default rows', () => {
    const list = parseWebhookList(mockWebhooks('malformed'))
    expect(list.webhooks).toEqual(mockWebhooks())
    expect(list.invalid.map((row) => row.index)).toEqual([1, 4, 8, 13, 19, 26, 33])
  })

  it('mixes invalid executions into a history', () => {
    const page = parseExecutionsPage({ executions: mockExecutions('github-webhook', 'malformed') })
    expect(page.executions).toEqual(mockExecutions('github-webhook'))
    expect(page.invalid).toHaveLength(3)
  })
})

describe('the default scenario', () => {
  const webhooks = mockWebhooks()

  it('has one row per catalog integration, with its name, category, capabilities and triggers', () => {
    expect(webhooks.map((w) => w.provider_id)).toEqual(defaultCatalog.integrations.map((i) => i.id))
    for (const webhook of webhooks) {
      const integration = defaultCatalog.resolve(webhook.provider_id)
      expect(webhook.id).toBe(`${integration.id}-webhook`)
      expect(webhook.external_config).toMatchObject({
        integration_name: integration.name,
        category: integration.category,
        capabilities: integration.capabilities,
        type: integration.delivery,
      })
      expect(webhook.trigger_types).toEqual(integration.triggers.map((t) => t.type))
    }
  })

  it('points every saved webhook at its own receiving URL, as the server makes it: a random token, not the id', () => {
    const tokens = new Set<string>()
    for (const webhook of webhooks) {
      const match = /^https:\/\/app\.example\.com\/api\/integration-webhooks\/receive\/([\w-]{43})$/.exec(
        webhook.webhook_url,
      )
      expect(match, webhook.webhook_url).not.toBeNull()
      const token = match?.[1] ?? ''
      // 32 bytes, base64url: 256 bits.
      expect(atob(token.replace(/-/g, '+').replace(/_/g, '/').concat('=')).length).toBe(32)
      expect(token).not.toContain(webhook.id)
      tokens.add(token)
      // The setup steps name that URL, never the catalog's template for unsaved suggestions.
      expect(webhook.external_config.instructions).toMatch(/^1\. /)
      expect(webhook.external_config.instructions).not.toContain('{webhookUrl}')
      const template = getWebhookUrl(webhook.provider_id, { origin: 'https://app.example.com' })
      expect(webhook.external_config.instructions.includes(template)).toBe(false)
    }
    expect(tokens.size).toBe(webhooks.length)
    // The same seed, the same URLs (stable screenshots); another seed, others.
    expect(mockWebhooks().map((w) => w.webhook_url)).toEqual(webhooks.map((w) => w.webhook_url))
    expect(mockWebhooks('default', { seed: 2 })[0]?.webhook_url).not.toBe(webhooks[0]?.webhook_url)
  })

  it('has realistic statuses: some in error, some needing setup (never triggered), mostly active', () => {
    const statusOf = (id: string) => byId(webhooks, id).status
    expect(['stripe', 'dropbox', 'hubspot'].map((p) => statusOf(`${p}-webhook`))).toEqual(['error', 'error', 'error'])
    for (const id of ['tiktok-webhook', 'linkedin-webhook']) {
      expect(byId(webhooks, id)).toMatchObject({
        status: 'inactive',
        trigger_count: 0,
        error_count: 0,
        last_triggered: null,
        external_config: { setup_required: true },
      })
      expect(mockExecutions(id)).toEqual([])
    }
  })

  it('has histories consistent with each webhook’s counts and times', () => {
    for (const webhook of webhooks) {
      const executions = mockExecutions(webhook.id)
      expect(webhook.trigger_count).toBeGreaterThanOrEqual(executions.length)
      expect(webhook.error_count).toBeGreaterThanOrEqual(executions.filter((e) => e.status === 'error').length)
      expect(executions[0]?.triggered_at ?? null).toBe(webhook.last_triggered)
      const times = executions.map((e) => Date.parse(e.triggered_at))
      expect(times).toEqual([...times].sort((a, b) => b - a))
      for (const time of times) expect(time).toBeGreaterThan(Date.parse(webhook.created_at))
      for (const execution of executions) expect(webhook.trigger_types).toContain(execution.trigger_type)
    }
  })

  it('mixes success, error and pending executions, each an outcome of onEvent as the server records it', () => {
    const all = webhooks.flatMap((w) => mockExecutions(w.id))
    expect(new Set(all.map((e) => e.status))).toEqual(new Set(['success', 'error', 'pending']))
    // The server calls the host's onEvent, not an HTTP receiver: it never writes a response code.
    expect(new Set(all.map((e) => e.response_code))).toEqual(new Set([null]))
    const messages = new Set(all.map((e) => e.error_message))
    for (const failure of Object.values(failures)) expect(messages, failure.message).toContain(failure.message)
    expect(messages).toContain(`onEvent did not settle within ${DEFAULT_EVENT_TIMEOUT_MS} ms`)
    expect(messages).toContain('the webhook is disabled: not dispatched')
    // What onEvent returned (JSON), or nothing.
    const bodies = all.filter((e) => e.status === 'success').map((e) => e.response_body)
    expect(bodies).toContain(null)
    for (const body of bodies) if (body !== null) expect(() => JSON.parse(body)).not.toThrow()
    for (const execution of all) {
      if (execution.status !== 'success') expect(execution.response_body, execution.id).toBeNull()
      if (execution.status === 'success') expect(execution.error_message).toBeNull()
      if (execution.status === 'error') expect(execution.error_message).toEqual(expect.any(String))
    }
  })

  it('dispatches as the server does with its defaults: up to 5 attempts, the default backoff between them', () => {
    const all = webhooks.flatMap((w) => mockExecutions(w.id))
    const now = Date.parse(MOCK_NOW)
    let retried = 0
    for (const execution of all) {
      const attempts = execution.attempts ?? []
      // Recorded and never dispatched (pending, or a disabled webhook's event): no attempts yet.
      if (attempts.length === 0) {
        expect(execution.attempt, execution.id).toBe(1)
        expect(execution.execution_time_ms).toBeNull()
        continue
      }
      expect(attempts.map((a) => a.attempt)).toEqual(attempts.map((_, i) => i + 1))
      const last = attempts.at(-1) as NonNullable<typeof attempts>[number]
      if (execution.status === 'error') {
        expect(attempts).toHaveLength(DEFAULT_MAX_ATTEMPTS)
        expect(attempts.every((a) => a.status === 'error')).toBe(true)
        expect(last.error).toBe(execution.error_message)
      }
      if (execution.status === 'success') {
        expect(attempts.length).toBeLessThanOrEqual(DEFAULT_MAX_ATTEMPTS)
        expect(last).toMatchObject({ status: 'success', error: null })
      }
      // Pending after a failed attempt: the next one is due; the columns keep the last attempt's.
      expect(execution.attempt).toBe(execution.status === 'pending' ? attempts.length + 1 : attempts.length)
      expect(execution.execution_time_ms).toBe(last.duration_ms)
      let before = Date.parse(execution.triggered_at)
      for (const attempt of attempts) {
        const ended = Date.parse(attempt.ended_at)
        expect(ended).toBeGreaterThan(before)
        expect(ended).toBeLessThanOrEqual(now)
        if (attempt.error === failures.timeout.message) {
          expect(attempt.duration_ms).toBeGreaterThanOrEqual(DEFAULT_EVENT_TIMEOUT_MS)
        }
        const finalAttempt = attempt === last && execution.status !== 'pending'
        if (finalAttempt) expect(attempt.next_attempt_at).toBeNull()
        else {
          const wait = Date.parse(attempt.next_attempt_at ?? '') - ended
          const step = BACKOFF_STEPS_MS[attempt.attempt - 1] as number
          expect(wait).toBeGreaterThanOrEqual(step * (1 - BACKOFF_JITTER) - 1)
          expect(wait).toBeLessThanOrEqual(step * (1 + BACKOFF_JITTER) + 1)
          before = Date.parse(attempt.next_attempt_at ?? '')
          retried++
        }
      }
    }
    expect(retried).toBeGreaterThan(20)
  })

  it('puts a webhook in error after failureThreshold failed executions in a row, as the server does', () => {
    for (const webhook of webhooks.filter((w) => w.status === 'error')) {
      const leading = mockExecutions(webhook.id).findIndex((e) => e.status !== 'error')
      expect(leading, webhook.id).toBeGreaterThanOrEqual(DEFAULT_FAILURE_THRESHOLD)
    }
  })

  it('records the events a disabled webhook got after it was disabled: errors, not dispatched', () => {
    const inactive = webhooks.filter((w) => w.status === 'inactive' && w.trigger_count > 0)
    let disabledEvents = 0
    for (const webhook of inactive) {
      const executions = mockExecutions(webhook.id)
      const after = executions.filter((e) => e.triggered_at > webhook.updated_at)
      for (const execution of after) {
        expect(execution, execution.id).toMatchObject({
          status: 'error',
          error_message: 'the webhook is disabled: not dispatched',
          response_code: null,
          response_body: null,
          execution_time_ms: null,
          attempt: 1,
          attempts: null,
          retry_of: null,
        })
      }
      // Only after it: before, it was enabled and its events were dispatched.
      for (const execution of executions.filter((e) => e.triggered_at < webhook.updated_at)) {
        expect(execution.error_message).not.toBe('the webhook is disabled: not dispatched')
      }
      disabledEvents += after.length
    }
    expect(disabledEvents).toBeGreaterThan(0)
  })

  it('shows the recent failure of a webhook in error at the top of its history', () => {
    const [newest] = mockExecutions('stripe-webhook')
    // Stripe's onEvent threw on every attempt: the server records its message, and no response.
    expect(newest).toMatchObject({
      status: 'error',
      response_code: null,
      response_body: null,
      error_message: 'Could not enqueue the event: connect ECONNREFUSED 10.0.3.7:5432',
      attempt: 5,
    })
    expect(newest?.attempts?.at(-1)).toMatchObject({
      attempt: 5,
      status: 'error',
      error: 'Could not enqueue the event: connect ECONNREFUSED 10.0.3.7:5432',
      next_attempt_at: null,
    })
    // Dropbox's onEvent never settled: the server's own words, each attempt as long as its timeout.
    const [timedOut] = mockExecutions('dropbox-webhook')
    expect(timedOut).toMatchObject({ response_code: null, error_message: 'onEvent did not settle within 30000 ms' })
    expect(timedOut?.execution_time_ms).toBeGreaterThanOrEqual(30_000)
  })

  it('has config with secret-looking keys for the UI to mask', () => {
    const keys = webhooks.flatMap((w) => Object.keys(w.integration_config))
    expect(keys).toContain('signing_secret')
    expect(keys.filter(isSecretKey).length).toBeGreaterThan(5)
  })

  describe('payloads look like what each provider sends', () => {
    const find = (id: string, trigger: string): WebhookExecution => {
      const execution = mockExecutions(id, 'default', { seed: 3 }).find((e) => e.trigger_type === trigger)
      if (!execution) throw new Error(`no ${trigger} execution in ${id}`)
      return execution
    }

    it('GitHub push: repository, commits and x-github-event', () => {
      const push = find('github-webhook', 'github_trigger_push')
      expect(push.payload).toMatchObject({
        ref: 'refs/heads/main',
        repository: { full_name: expect.stringMatching(/^acme\//) },
        commits: expect.arrayContaining([expect.objectContaining({ id: expect.stringMatching(/^[0-9a-f]{40}$/) })]),
      })
      expect(push.headers).toMatchObject({
        'x-github-event': 'push',
        'x-hub-signature-256': expect.stringMatching(/^sha256=[0-9a-f]{64}$/),
      })
    })

    it('Stripe invoice.paid: an event object with a stripe-signature', () => {
      const event = find('stripe-webhook', 'stripe_trigger_invoice_paid')
      expect(event.payload).toMatchObject({
        object: 'event',
        type: 'invoice.paid',
        data: { object: { object: 'invoice', status: 'paid' } },
      })
      expect(event.headers?.['stripe-signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/)
    })

    it('Slack: an event_callback with x-slack-signature', () => {
      const event = find('slack-webhook', 'slack_trigger_new_message')
      expect(event.payload).toMatchObject({ type: 'event_callback', event: { type: 'message' } })
      expect(event.headers?.['x-slack-signature']).toMatch(/^v0=[0-9a-f]{64}$/)
    })

    it('Gmail: a Pub/Sub push whose base64 data decodes to the mailbox and history id', () => {
      const push = find('gmail-webhook', 'gmail_trigger_new_email')
      const data = (push.payload as { message: { data: string } }).message.data
      expect(JSON.parse(atob(data))).toEqual({ emailAddress: expect.any(String), historyId: expect.any(Number) })
    })

    it('Shopify: an order with line items and the x-shopify-topic', () => {
      const order = find('shopify-webhook', 'shopify_trigger_order_created')
      expect(order.payload).toMatchObject({ financial_status: 'paid', line_items: expect.any(Array) })
      expect(order.headers?.['x-shopify-topic']).toBe('orders/create')
    })

    it('internal events carry no HTTP headers', () => {
      expect(mockExecutions('ai-webhook').every((e) => e.headers === null)).toBe(true)
    })
  })
})

describe('liveExecution (one execution as the server records it, for a test to serve)', () => {
  const webhook = byId(mockWebhooks(), 'github-webhook')
  const at = '2026-01-01T10:00:00.000Z'
  const atMs = Date.parse(at)

  it('draws from a random stream of its own id and the catalog’s integration when given neither', () => {
    const first = liveExecution({ id: 'exec-a', webhook, atMs })
    expect(liveExecution({ id: 'exec-a', webhook, atMs })).toEqual(first)
    expect(liveExecution({ id: 'exec-b', webhook, atMs }).provider_event_id).not.toBe(first.provider_event_id)
    expect(first).toMatchObject({ id: 'exec-a', webhook_id: webhook.id, status: 'success', triggered_at: at })
    const triggers = defaultCatalog.resolve(webhook.provider_id).triggers.map((trigger) => trigger.type)
    expect(triggers).toContain(first.trigger_type)
    expect(invalidRows(webhookExecutionSchema, [first])).toEqual([])
  })

  it('keeps what a successful onEvent returned, and no result for a failure', () => {
    const result = JSON.stringify({ run_id: 'run_1' })
    expect(liveExecution({ id: 'exec-a', webhook, atMs, result }).response_body).toBe(result)
    expect(liveExecution({ id: 'exec-a', webhook, atMs, result: null }).response_body).toBeNull()
    const failed = liveExecution({
      id: 'exec-a',
      webhook,
      atMs,
      result,
      failure: failures.workflow,
      dispatch: 'finished',
    })
    expect(failed).toMatchObject({ status: 'error', error_message: failures.workflow.message, response_body: null })
    expect(failed.attempts).toHaveLength(DEFAULT_MAX_ATTEMPTS)
  })
})
